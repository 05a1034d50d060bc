import { bestCounterCardFor } from '../counter-card.js';
import type { SpeechCoaching } from '../types.js';
import { quote } from './quote.js';
import { type Clash, pointKey, pointLabel } from './rebuttal.js';
import { type DebateReading, type ReadSpeech, reports, type Unit, unitText } from './speeches.js';

const strength = (unit: Unit, answering: readonly Clash[]) =>
  (unit.reasoned ? 2 : 0) +
  (unit.impact ? 1 : 0) +
  unit.cards.length +
  (answering.length > 0 ? 2 : 0) +
  (answering.some((c) => c.weighed) ? 1 : 0);

const describe = (unit: Unit, answering: readonly Clash[]) => {
  const parts = [
    unit.reasoned && unit.impact
      ? 'a claim with a reason and an impact'
      : unit.reasoned
        ? 'a claim with a reason'
        : 'a claim',
  ];
  if (unit.cards.length > 0) parts.push(`backed by ${unit.cards.map((id) => `[${id}]`).join(', ')}`);
  const first = answering[0];
  if (first) parts.push(`answering their point ${pointLabel(first.point, 40)}`);
  return parts.join(', ');
};

const weakest = (speech: ReadSpeech): string | undefined => {
  const copied = speech.sentences.find((s) => s.copied >= 0.5 && !reports(s));
  if (copied) return `${quote(copied.text)} is their text copied back: answer it in your own words`;
  const repeated = speech.sentences.find((s) => s.repeated);
  if (repeated) return `${quote(repeated.text)} repeats what you had already said`;
  const salad = speech.sentences.find((s) => s.salad);
  if (salad) return `${quote(salad.text)} is a list of keywords, not an argument`;
  const unused = speech.cardUses.find((u) => !u.used);
  if (unused) return `[${unused.cardId}] cited but not used: say what it shows and why it matters`;
  const first = (u: Unit) => speech.sentences[u.sentences[0] ?? -1]?.text ?? '';
  const bare = speech.units.find((u) => u.claim && !u.reasoned);
  if (bare) return `your claim ${quote(first(bare))} had no reason given`;
  const flat = speech.units.find((u) => u.claim && !u.impact);
  if (flat) return `${quote(first(flat))} gives a reason but not why it matters`;
  const offTopic = speech.units.find((u) => u.role === 'claim' && !u.claim);
  if (offTopic) return `${quote(first(offTopic))} is not tied to the motion`;
  return undefined;
};

/**
 * Coaching on one speech: its strongest and weakest part, the other side's strongest point made
 * before it that the debater has still not answered, and the card of their hand that answers it.
 */
export const coachSpeech = (
  reading: DebateReading,
  speech: ReadSpeech,
  clash: readonly Clash[],
  answeredBefore: ReadonlySet<string>,
  hand: readonly string[],
): SpeechCoaching => {
  const ranked = speech.units
    .filter((u) => u.claim)
    .map((unit) => {
      const answering = clash.filter((c) => c.answer !== undefined && unit.sentences.includes(c.answer));
      return { unit, answering, strength: strength(unit, answering) };
    })
    .sort((a, b) => b.strength - a.strength);
  const best = ranked[0];
  const strongest =
    best && best.strength > 0
      ? `${quote(unitText(speech, best.unit), 70)}: ${describe(best.unit, best.answering)}`
      : undefined;
  const open = clash
    .filter((c) => c.answer === undefined && !answeredBefore.has(pointKey(c.point)))
    .sort((a, b) => b.point.strength - a.point.strength)[0];
  // Their point as they made it: its words and those of the cards they used for it.
  const counter = open
    ? bestCounterCardFor(reading.deck, hand, open.point.all, open.point.speech.slot.side)
    : undefined;
  const worst = ranked.length > 1 ? ranked.at(-1) : undefined;
  const weak =
    weakest(speech) ??
    (worst
      ? `${quote(unitText(speech, worst.unit))} is your thinnest point: ${describe(worst.unit, worst.answering)}, no more`
      : undefined);
  return {
    turn: speech.turn,
    ...(strongest ? { strongest } : {}),
    ...(weak ? { weakest: weak } : {}),
    ...(open ? { unanswered: `their point ${pointLabel(open.point, 70)}` } : {}),
    ...(counter ? { counterCardId: counter.card.id } : {}),
  };
};

export const answeredKeys = (clash: readonly Clash[]): string[] =>
  clash.filter((c) => c.answer !== undefined).map((c) => pointKey(c.point));

import type { Deck } from '../../content/deck.js';
import { otherSide } from '../../content/deck.js';
import type { Card } from '../../content/schemas.js';
import { onTopic } from '../../content/topic.js';
import { read } from '../analysis/reading.js';
import { bestCounterCard, bestCounterCardFor } from '../counter-card.js';
import { next, shuffle } from '../rng.js';
import { quote } from '../scoring/quote.js';
import { type Point, pointsBefore, readDebate, unitText } from '../scoring/speeches.js';
import { type Debate, MAX_SPEECH_CHARS, type PracticeLevel, type Slot } from '../types.js';
import { PARTNER_ID } from './identity.js';
import { TEMPLATES } from './templates.js';

/** How each level plays: how many of the member's points it answers, how it picks cards, how much it weighs. */
interface LevelPlan {
  readonly answers: number;
  readonly claims: number;
  /** `best`: the hand's best counter-card for the point; `loose`: any card of the hand, on topic or not. */
  readonly pick: 'best' | 'loose';
  /** Weighing sentences: after each answer (2), once at the end (1), never (0). */
  readonly weighs: 0 | 1 | 2;
}

export const LEVEL_PLANS: Readonly<Record<PracticeLevel, LevelPlan>> = {
  novice: { answers: 1, claims: 2, pick: 'loose', weighs: 0 },
  club: { answers: 2, claims: 2, pick: 'best', weighs: 1 },
  champion: { answers: 4, claims: 3, pick: 'best', weighs: 2 },
};

/** A seeded die for one speech: the debate's generator state mixed with the turn, so each turn varies. */
const dice = (seed: number) => {
  let state = seed >>> 0;
  const roll = () => {
    const drawn = next(state);
    state = drawn.rng;
    return drawn.value;
  };
  return {
    pick: <T>(items: readonly T[]): T => items[Math.floor(roll() * items.length)] as T,
    roll,
  };
};
type Dice = ReturnType<typeof dice>;

const fill = (template: string, values: Readonly<Record<string, string>>) =>
  template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');

const firstSentence = (text: string) => (text.split(/(?<=[.!?])\s+/)[0] ?? text).trim();
const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
const noStop = (text: string) => text.replace(/[.!?]+$/, '');
/** The motion's proposition, without its "This house believes that". */
const proposition = (text: string) =>
  noStop(text.replace(/^this house (believes|would|thinks)( that)?\s*/i, '')).replace(/^./, (c) =>
    c.toLowerCase(),
  );

/** "World models (LeCun)" is spoken as "World models". */
const shortName = (name: string) => name.replace(/\s*\([^)]*\)\s*$/, '');

const wordsOf = (text: string) => read(text).words;

/** A card cited the way debaters cite it: its id in brackets, then what it says. */
const cite = (card: Card) => `[${card.id}] ${firstSentence(card.claim)}`;

interface Voice {
  readonly deck: Deck;
  readonly state: Debate;
  readonly slot: Slot;
  readonly plan: LevelPlan;
  readonly dice: Dice;
  readonly values: Readonly<Record<string, string>>;
  readonly hand: readonly Card[];
  /** Cards already cited in this speech. */
  readonly used: Set<string>;
}

const say = (v: Voice, pool: readonly string[], extra: Readonly<Record<string, string>> = {}) =>
  fill(v.dice.pick(pool), { ...v.values, ...extra });

/** The member's points to answer, the strongest first (their latest speech before older ones on equal strength). */
const targets = (deck: Deck, state: Debate, slot: Slot): Point[] => {
  const reading = readDebate(deck, state);
  return pointsBefore(reading, slot.side, state.turn)
    .map((point, order) => ({ point, order }))
    .sort(
      (a, b) =>
        b.point.strength - a.point.strength || b.point.speech.turn - a.point.speech.turn || a.order - b.order,
    )
    .map(({ point }) => point);
};

const counterCard = (v: Voice, point: Point): Card | undefined => {
  if (v.plan.pick === 'loose') {
    const fresh = v.hand.filter((c) => !v.used.has(c.id));
    return fresh.length > 0 ? v.dice.pick(fresh) : undefined;
  }
  const unused = v.hand.filter((c) => !v.used.has(c.id)).map((c) => c.id);
  const best =
    bestCounterCardFor(v.deck, unused, point.all, point.speech.slot.side) ??
    bestCounterCardFor(
      v.deck,
      v.hand.map((c) => c.id),
      point.all,
      point.speech.slot.side,
    );
  if (best) return best.card;
  // Nothing in the hand is on this point's topic: answer it with the unused card closest to the motion.
  const motion = v.deck.motion(v.state.motionId);
  const fallback = bestCounterCard(v.deck, unused, motion?.text ?? '', point.speech.slot.side)?.card;
  return fallback ?? v.hand.find((c) => !v.used.has(c.id) && motion && onTopic(c, motion));
};

/** Opening claims: cards on the motion first (the best-fitting ones at higher levels), each with its card and why it matters. */
const claims = (v: Voice, count: number, from = 0): string[] => {
  const motion = v.deck.motion(v.state.motionId);
  const fresh = v.hand.filter((c) => !v.used.has(c.id));
  const onMotion = fresh.filter((c) => motion && onTopic(c, motion));
  const ordered =
    v.plan.pick === 'best'
      ? [...onMotion, ...fresh.filter((c) => !onMotion.includes(c))]
      : shuffle(fresh, Math.floor(v.dice.roll() * 2 ** 32)).value;
  return ordered.slice(0, count).map((card, i) => {
    v.used.add(card.id);
    const ordinal = TEMPLATES.ordinals[from + i] ?? TEMPLATES.ordinals.at(-1) ?? 'Next';
    return [
      say(v, TEMPLATES.claim, { ordinal, title: noStop(card.title) }),
      cite(card),
      say(v, TEMPLATES.impact),
    ].join(' ');
  });
};

/** Answers to the member's strongest points: their words quoted, the card that counters each, weighing at champion level. */
const answers = (v: Voice, points: readonly Point[]): string[] =>
  points.slice(0, v.plan.answers).map((point) => {
    const phrase = quote(unitText(point.speech, point.unit), 50);
    const card = counterCard(v, point);
    const parts: string[] = [];
    if (card) {
      v.used.add(card.id);
      parts.push(say(v, TEMPLATES.answerWithCard, { phrase }), cite(card));
    } else parts.push(say(v, TEMPLATES.answerWithoutCard, { phrase }));
    if (v.plan.weighs === 2) parts.push(say(v, TEMPLATES.weighPoint));
    return parts.join(' ');
  });

/** A paragraph of a speech, and what it is for when the speech must be cut to the cap. */
interface Paragraph {
  readonly text: string;
  /** `lead`: the frame or the rebuttal's opening; `core`: a claim or an answer; `extra`: weighing, pre-emption. */
  readonly role: 'lead' | 'core' | 'extra';
  /** A shorter wording of a lead, for a tight cap. */
  readonly short?: string;
}

/**
 * Fills a speech up to the format's floor (more of its hand, then its case again) and cuts it to
 * the cap: the weighing and pre-emption go first, then the last claims (at least one stays), then
 * the lead shortens and the closing goes; only then is it cut at a word.
 */
const fitToRange = (
  v: Voice,
  paragraphs: readonly Paragraph[],
  closing: string,
  opening: boolean,
): string => {
  const { min, max } = v.slot.words;
  const body = [...paragraphs];
  let close: string | undefined = closing;
  const text = () =>
    [...body.map((p) => p.text), ...(close ? [close] : [])].filter((t) => t !== '').join('\n\n');
  const over = () => wordsOf(text()) > max;
  let guard = 0;
  while (wordsOf(text()) < min && guard++ < 20) {
    const more = claims(v, 1, opening ? body.length - 1 : 3);
    body.push({ text: more[0] ?? say(v, TEMPLATES.extend), role: 'core' });
  }
  const drop = (role: Paragraph['role'], keep: number) => {
    while (over() && body.filter((p) => p.role === role).length > keep) {
      const last = body.findLastIndex((p) => p.role === role);
      body.splice(last, 1);
    }
  };
  drop('extra', 0);
  drop('core', 1);
  const lead = body.findIndex((p) => p.role === 'lead');
  const leadShort = body[lead]?.short;
  if (over() && leadShort !== undefined) body[lead] = { text: leadShort, role: 'lead' };
  if (over()) close = undefined;
  let out = text();
  if (wordsOf(out) > max || out.length > MAX_SPEECH_CHARS) {
    // Still too long: cut at a word, leaving room for the count's own reading.
    const words = out.split(/\s+/);
    let keep = Math.min(words.length, max);
    const cut = (n: number) => `${noStop(words.slice(0, n).join(' '))}.`;
    while (keep > 1 && (wordsOf(cut(keep)) > max || cut(keep).length > MAX_SPEECH_CHARS)) keep--;
    out = cut(keep);
  }
  return out;
};

/**
 * Steelman's speech for the partner's current turn: pure and seeded (the debate's generator state
 * and the turn), so a replay of the event log composes the same words. An opening frames the motion
 * for its side and builds claims on its cards; a later speech quotes the member's strongest claims,
 * answers each with the counter-card of its hand, and weighs. Cites only cards of its own hand, and
 * stays within the slot's word range.
 */
export const composeSpeech = (deck: Deck, state: Debate, level: PracticeLevel): string => {
  const slot = state.slots[state.turn];
  if (!slot) return '';
  const plan = LEVEL_PLANS[level];
  const motion = deck.motion(state.motionId);
  const side = deck.side(slot.side);
  const other = deck.side(otherSide(deck, slot.side));
  const hand = (state.hands[PARTNER_ID] ?? state.hands[slot.userId] ?? []).flatMap((id) => {
    const card = deck.card(id);
    return card ? [card] : [];
  });
  const affirms = motion?.affirms === slot.side;
  const v: Voice = {
    deck,
    state,
    slot,
    plan,
    dice: dice((state.rng ^ Math.imul(state.turn + 1, 0x9e3779b1)) >>> 0),
    hand,
    used: new Set(),
    values: {
      motion: proposition(motion?.text ?? 'the motion'),
      side: shortName(side?.name ?? slot.side),
      other: shortName(other?.name ?? 'the other side'),
      thesis: noStop(side?.thesis ?? ''),
      thesisLower: lowerFirst(noStop(side?.thesis ?? '')),
      stand: affirms ? 'support' : 'oppose',
      verdict: affirms ? 'it is' : 'it is not',
    },
  };
  const points = targets(deck, state, slot);
  const opening = points.length === 0;
  const paragraphs: Paragraph[] = [];
  const core = (text: string): Paragraph => ({ text, role: 'core' });
  if (opening) {
    const frame = say(v, TEMPLATES.frame);
    paragraphs.push({ text: `${frame} ${say(v, TEMPLATES.test)}`, role: 'lead', short: frame });
    paragraphs.push(...claims(v, plan.claims).map(core));
    if (plan.weighs > 0) paragraphs.push({ text: say(v, TEMPLATES.preempt), role: 'extra' });
  } else {
    paragraphs.push({ text: say(v, TEMPLATES.rebuttalOpen), role: 'lead', short: '' });
    paragraphs.push(...answers(v, points).map(core));
    if (plan.weighs > 0) paragraphs.push({ text: say(v, TEMPLATES.weighCase), role: 'extra' });
  }
  return fitToRange(
    v,
    paragraphs,
    say(v, opening ? TEMPLATES.closeOpening : TEMPLATES.closeRebuttal),
    opening,
  );
};

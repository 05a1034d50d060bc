import { CONTRAST, OTHER_SIDE, WEIGH } from '../analysis/markers.js';
import { cosine } from '../analysis/weights.js';
import { framingOf } from './framing.js';
import { quote, type SpeechScore } from './quote.js';
import {
  clashBag,
  type DebateReading,
  hasMarker,
  type Point,
  pointsBefore,
  type ReadSentence,
  type ReadSpeech,
  reports,
  unitText,
} from './speeches.js';

/** Their points a rebuttal is measured against: their strongest, at most this many. */
export const MAIN_POINTS = 4;
/** A speech whose words are this much copied from the other side scores 1 on rebuttal. */
const ECHO = 0.4;
const TAKE_UP_SIMILARITY = 0.2;

export interface Clash {
  readonly point: Point;
  /** Sentences that take the point up. */
  readonly takenUp: readonly number[];
  /** The sentence that answers it, if any. */
  readonly answer: number | undefined;
  /** The answer weighs or brings a counter-card. */
  readonly weighed: boolean;
}

/**
 * Does the sentence take the point up? Its rare words match the point's. A sentence that reports
 * the other side ("They say…") announces a take-up, so it needs less: one shared word that tells
 * the point apart, or two of its words.
 */
interface Mine {
  readonly announced: boolean;
  readonly named: ReadonlySet<string>;
  readonly bag: ReturnType<typeof clashBag>;
}

/** What one sentence brings to a comparison: its words and those of the counter-cards it uses. */
const mineOf = (reading: DebateReading, speech: ReadSpeech, i: number): Mine => {
  const s = speech.sentences[i] as ReadSentence;
  // A counter-card takes a point up too: what the card says is compared with what their point says.
  const cards = speech.cardUses
    .filter((u) => u.used && u.sentence === i)
    .flatMap((u) => {
      const card = reading.deck.card(u.cardId);
      return card ? [...reading.index.cardContent(card)] : [];
    });
  const mine = [...s.content, ...cards];
  return { announced: reports(s), named: new Set(mine), bag: clashBag(reading, mine) };
};

const takesUp = (s: ReadSentence, mine: Mine, point: Point) => {
  if (point.unit.cards.some((id) => s.cites.includes(id))) return true;
  let distinct = 0;
  let all = 0;
  for (const l of mine.named) {
    if (point.lemmas.has(l)) distinct++;
    if (point.all.has(l)) all++;
  }
  const enough = mine.announced ? distinct >= 1 || all >= 2 : distinct >= 2 || (distinct >= 1 && all >= 3);
  return enough && cosine(mine.bag, point.bag) >= TAKE_UP_SIMILARITY / (mine.announced ? 2 : 1);
};

/** An answer in the speaker's own words: disagreement, a negation, a weighing or a card of their own, and something new. */
const answers = (reading: DebateReading, speech: ReadSpeech, i: number, point: Point) => {
  const s = speech.sentences[i];
  if (!s?.substantive) return undefined;
  const card = speech.cardUses.some((u) => u.used && u.sentence === i);
  const weigh = hasMarker(s, WEIGH, 0);
  const contrast = hasMarker(s, CONTRAST, 0);
  const reports = hasMarker(s, OTHER_SIDE, 0);
  const denies = s.negated && !reports;
  const fresh = new Set(s.content.filter((l) => !point.lemmas.has(l) && !reading.motionLemmas.has(l)));
  if (fresh.size < 2 || !(card || weigh || contrast || denies)) return undefined;
  return { weighed: weigh || card };
};

export const pointKey = (p: Point): string => `${p.speech.turn}:${p.unit.sentences[0]}`;

/**
 * How a speech meets each of the other side's main points made before it: their strongest, not
 * counting those the speaker already answered in an earlier speech.
 */
export const clashOf = (
  reading: DebateReading,
  speech: ReadSpeech,
  answeredBefore: ReadonlySet<string> = new Set(),
): Clash[] => {
  const points = pointsBefore(reading, speech.slot.side, speech.turn)
    .filter((p) => !answeredBefore.has(pointKey(p)))
    .map((point, order) => ({ point, order }))
    .sort((a, b) => b.point.strength - a.point.strength || a.order - b.order)
    .slice(0, MAIN_POINTS)
    .sort((a, b) => a.order - b.order)
    .map(({ point }) => point);
  const mine = speech.sentences.map((_, i) => mineOf(reading, speech, i));
  return points.map((point) => {
    const takenUp = speech.sentences.flatMap((s, i) =>
      !s.filler && takesUp(s, mine[i] as Mine, point) ? [i] : [],
    );
    for (const i of takenUp)
      for (const j of [i, i + 1]) {
        const answer = answers(reading, speech, j, point);
        if (answer) return { point, takenUp, answer: j, weighed: answer.weighed };
      }
    return { point, takenUp, answer: undefined, weighed: false };
  });
};

export const pointLabel = (point: Point, max = 45): string => quote(unitText(point.speech, point.unit), max);

/**
 * Rebuttal, one speech: clash, not echo. The other side's main points taken up (sentence by sentence
 * similarity, weighted by how rare the shared words are) and answered in the speaker's own words.
 * A speech mostly copied from the other side earns nothing. The opening is scored on framing.
 */
export const rebuttalOf = (
  reading: DebateReading,
  speech: ReadSpeech,
  clash: readonly Clash[],
): SpeechScore => {
  if (clash.length === 0) return framingOf(reading, speech);
  if (speech.copied >= ECHO)
    return {
      turn: speech.turn,
      score: 1,
      reason: `${Math.round(speech.copied * 100)}% of it is the other side's own words copied back: an echo is not an answer`,
    };
  const answered = clash.filter((c) => c.answer !== undefined);
  const mentioned = clash.filter((c) => c.answer === undefined && c.takenUp.length > 0);
  const ignored = clash.filter((c) => c.takenUp.length === 0);
  const weighed = answered.filter((c) => c.weighed).length;
  const a = answered.length;
  const score =
    a === 0
      ? mentioned.length > 0
        ? 2
        : 1
      : a >= Math.max(2, Math.ceil(0.6 * clash.length)) && weighed >= 1
        ? 5
        : a >= Math.min(2, clash.length)
          ? 4
          : 3;
  const label = (list: readonly Clash[]) => list.map((c) => pointLabel(c.point, 40)).join(', ');
  const notes: string[] = [];
  if (a > 0) notes.push(`you answered their point${a > 1 ? 's' : ''} ${label(answered)}`);
  if (mentioned.length > 0) notes.push(`took up ${label(mentioned)} without answering it`);
  if (ignored.length > 0)
    notes.push(`${a > 0 || mentioned.length > 0 ? 'but not ' : 'left unanswered: '}${label(ignored)}`);
  if (a > 0 && weighed === 0) notes.push('no weighing or counter-card');
  return { turn: speech.turn, score, reason: notes.join('; ') };
};

import type { Deck } from '../../content/deck.js';
import type { Motion } from '../../content/schemas.js';
import { runsOf } from '../analysis/copying.js';
import { remember } from '../analysis/memo.js';
import { read, type Sentence } from '../analysis/reading.js';
import { type DeckIndex, deckIndex } from '../analysis/weights.js';
import type { Debate, Slot, TurnRecord } from '../types.js';
import { type CardUse, cardUses } from './card-uses.js';
import { type Point, pointsBefore, pointsOf } from './points.js';
import { capped, type ReadSentence, readSentences } from './sentences.js';
import { type Unit, units } from './units.js';

export type { CardUse } from './card-uses.js';
export { clashBag, distinctive, type Point, pointsBefore } from './points.js';
export { givesReason, hasMarker, reports } from './sentence-marks.js';
export type { ReadSentence } from './sentences.js';
export { type Unit, unitContent, unitText } from './units.js';

/**
 * One debate read once for the automatic rubric: every delivered speech split into sentences
 * and argument units, each sentence marked for what earns nothing (filler, repetition, keyword
 * salad, text copied from the other side). Every scorer reads this, never the raw text.
 */

export interface ReadSpeech {
  readonly turn: number;
  readonly slot: Slot;
  readonly record: TurnRecord & { text: string };
  readonly sentences: readonly ReadSentence[];
  /** Words read (up to the speech's cap) and words given. */
  readonly words: number;
  readonly wordsGiven: number;
  readonly units: readonly Unit[];
  readonly cardUses: readonly CardUse[];
  /** Share of the speech's words copied from the other side. */
  readonly copied: number;
  /** Its claims, as points the other side may answer. */
  readonly points: readonly Point[];
}

export interface DebateReading {
  readonly deck: Deck;
  readonly state: Debate;
  readonly index: DeckIndex;
  readonly motion: Motion | undefined;
  /** Content lemmas of the motion's text: what ties a sentence to the motion. */
  readonly motionLemmas: ReadonlySet<string>;
  /** The motion's subject: its text, both framings and the cards on its tags. */
  readonly topic: ReadonlySet<string>;
  readonly speeches: readonly ReadSpeech[];
}

export const spoke = (record: TurnRecord | undefined): record is TurnRecord & { text: string } =>
  record?.outcome === 'delivered' && typeof record.text === 'string';

const contentOfText = (text: string) => read(text).sentences.flatMap((s) => s.content);

/** Reads the debate's delivered speeches, in turn order. */
/** A motion's own words and its subject, remembered per deck and motion. */
const subjects = new WeakMap<Deck, Map<string, { motionLemmas: Set<string>; topic: Set<string> }>>();
const subjectOf = (deck: Deck, index: DeckIndex, motion: Motion | undefined) =>
  remember(
    remember(subjects, deck, () => new Map()),
    motion?.id ?? '',
    () => {
      const motionLemmas = new Set(contentOfText(motion?.text ?? ''));
      const topic = new Set([
        ...motionLemmas,
        ...Object.values(motion?.framing ?? {}).flatMap(contentOfText),
        ...deck.cards
          .filter((c) => c.tags.some((t) => motion?.tags.includes(t)))
          .flatMap((c) => [...index.cardContent(c)]),
      ]);
      return { motionLemmas, topic };
    },
  );

export const readDebate = (deck: Deck, state: Debate): DebateReading => {
  const index = deckIndex(deck);
  const motion = deck.motion(state.motionId);
  const { motionLemmas, topic } = subjectOf(deck, index, motion);
  const base = { deck, state, index, motion, motionLemmas, topic };
  const speeches: ReadSpeech[] = [];
  const own = new Map<string, { ownEarlier: Sentence[]; ownRuns: Set<string> }>();
  for (const record of [...state.turns].sort((a, b) => a.turn - b.turn)) {
    const slot = state.slots[record.turn];
    if (!slot || !spoke(record)) continue;
    const earlierTheirs = speeches.filter((s) => s.slot.side !== slot.side);
    const theirRuns = runsOf(earlierTheirs.flatMap((s) => read(s.record.text).sentences));
    const mine = own.get(record.userId) ?? { ownEarlier: [], ownRuns: new Set<string>() };
    own.set(record.userId, mine);
    const reading = read(record.text);
    const sentences = readSentences(capped(reading.sentences, slot.words.max), {
      theirRuns,
      ...mine,
      motionLemmas,
      topic,
    });
    const theirPoints = pointsBefore({ speeches }, slot.side, record.turn).map((p) => p.bag);
    const uses = cardUses(base, sentences, record.cited, theirPoints);
    const words = sentences.reduce((n, s) => n + s.words.length, 0);
    const copied = words === 0 ? 0 : sentences.reduce((n, s) => n + s.copied * s.words.length, 0) / words;
    const speech = {
      turn: record.turn,
      slot,
      record,
      sentences,
      words,
      wordsGiven: reading.words,
      units: units(sentences, uses),
      cardUses: uses,
      copied,
      points: [] as Point[],
    };
    speech.points.push(...pointsOf(base, speech));
    speeches.push(speech);
  }
  return { ...base, speeches };
};

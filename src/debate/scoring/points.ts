/** The other side's claims as points to answer, and the bags they are compared in. */
import type { Bow } from 'wink-nlp';
import { weightedBag } from '../analysis/weights.js';
import type { DebateReading, ReadSpeech } from './speeches.js';
import { type Unit, unitContent } from './units.js';

/** The other side's points made before `turn`: their units that make a claim, with the cards they used. */
export interface Point {
  readonly speech: ReadSpeech;
  readonly unit: Unit;
  readonly bag: Bow;
  /** The lemmas that identify it, its cards' included (without the motion's words or the deck's common ones). */
  readonly lemmas: ReadonlySet<string>;
  /** All its content lemmas. */
  readonly all: ReadonlySet<string>;
  readonly strength: number;
}

export const pointsBefore = (reading: Pick<DebateReading, 'speeches'>, side: string, turn: number): Point[] =>
  reading.speeches.filter((s) => s.turn < turn && s.slot.side !== side).flatMap((s) => s.points);

export const pointsOf = (
  reading: Pick<DebateReading, 'deck' | 'index' | 'motionLemmas'>,
  speech: ReadSpeech,
): Point[] =>
  speech.units
    .filter((u) => u.claim)
    .map((unit) => {
      const content = unitContent(speech, unit);
      const own = content.filter((l) => distinctive(reading, l));
      const cards = unit.cards.flatMap((id) => {
        const card = reading.deck.card(id);
        return card ? [...reading.index.cardContent(card)].filter((l) => distinctive(reading, l)) : [];
      });
      const bag = clashBag(reading, content);
      for (const l of cards) bag[l] = (bag[l] ?? 0) + 0.5 * reading.index.idf(l);
      return {
        speech,
        unit,
        bag,
        lemmas: new Set([...own, ...cards]),
        all: new Set([...content, ...cards]),
        strength: (unit.reasoned ? 2 : 0) + (unit.impact ? 1 : 0) + unit.cards.length,
      };
    });

/** A bag for comparing points: the motion's words and the deck's common ones count for a third. */
export const clashBag = (
  reading: Pick<DebateReading, 'motionLemmas' | 'index'>,
  lemmas: readonly string[],
): Bow => {
  const bag = weightedBag(reading.index, lemmas);
  for (const l of Object.keys(bag)) if (!distinctive(reading, l)) bag[l] = (bag[l] ?? 0) / 3;
  return bag;
};

/** A lemma that tells one point from another: not the motion's own words, not what every card says. */
export const distinctive = (reading: Pick<DebateReading, 'motionLemmas' | 'index'>, lemma: string) =>
  !reading.motionLemmas.has(lemma) && !reading.index.common.has(lemma);

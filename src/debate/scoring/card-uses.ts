/** Whether the words around a citation use the card, and whether the card bears on the motion or the clash. */
import type { Bow } from 'wink-nlp';
import type { Card } from '../../content/schemas.js';
import { IMPACT } from '../analysis/markers.js';
import { remember } from '../analysis/memo.js';
import type { Sentence } from '../analysis/reading.js';
import { cosine, weightedBag } from '../analysis/weights.js';
import { givesReason, hasMarker } from './sentence-marks.js';
import { overlap, type ReadSentence } from './sentences.js';
import type { DebateReading } from './speeches.js';

export interface CardUse {
  readonly cardId: string;
  readonly sentence: number;
  readonly used: boolean;
  /** On the motion's tags or subject, or cited against a point the other side made. */
  readonly bears: boolean;
  /** The sentences around it say what follows from it (an impact or a weighing). */
  readonly explained: boolean;
}

/** Does the context around a citation use the card: its distinctive content in the speaker's words, or a quotation of it? */
export const cardUses = (
  reading: Pick<DebateReading, 'deck' | 'index' | 'motionLemmas' | 'topic' | 'motion'>,
  sentences: readonly ReadSentence[],
  own: readonly string[],
  theirPoints: readonly Bow[],
): CardUse[] => {
  const uses: CardUse[] = [];
  const seen = new Set<string>();
  sentences.forEach((s, i) => {
    const credited = new Set<string>();
    for (const id of s.cites) {
      const card = reading.deck.card(id);
      if (!card || !own.includes(card.id) || seen.has(card.id)) continue;
      seen.add(card.id);
      const context = [sentences[i - 1], s, sentences[i + 1]].filter(
        (c): c is ReadSentence => c !== undefined,
      );
      const cardContent = reading.index.cardContent(card);
      const shared = new Set(
        context
          .flatMap((c) => c.content)
          .filter(
            (l) =>
              cardContent.has(l) &&
              !reading.motionLemmas.has(l) &&
              !reading.index.common.has(l) &&
              !credited.has(l),
          ),
      );
      const quoted = quotes(reading.index.cardWords(card), context);
      const used =
        (s.substantive || (s.filler && isCitingSentenceOf(context, s))) && (shared.size >= 2 || quoted);
      if (used) for (const l of shared) credited.add(l);
      const bag = weightedBag(
        reading.index,
        context.flatMap((c) => c.content),
      );
      uses.push({
        cardId: card.id,
        sentence: i,
        used,
        bears: used && bearsOnMotion(reading, card, cardContent, bag, theirPoints),
        explained: context.some((c) => hasMarker(c, IMPACT) || givesReason(c)),
      });
    }
  });
  return uses;
};

/** A citation standing alone after the sentence it backs ("… no world model. [L04]") still counts. */
const isCitingSentenceOf = (context: readonly ReadSentence[], s: ReadSentence) =>
  s.content.length === 0 && s.words.length <= 2 && context[0] !== s && (context[0]?.substantive ?? false);

const QUOTE_RUN = 4;
const quoteRuns = new WeakMap<readonly string[], Set<string>>();
const quotes = (cardWords: readonly string[], context: readonly Sentence[]) => {
  const runs = remember(quoteRuns, cardWords, () => {
    const set = new Set<string>();
    for (let i = 0; i + QUOTE_RUN <= cardWords.length; i++)
      set.add(cardWords.slice(i, i + QUOTE_RUN).join(' '));
    return set;
  });
  return context.some((c) => {
    for (let i = 0; i + QUOTE_RUN <= c.words.length; i++) {
      const run = c.words.slice(i, i + QUOTE_RUN);
      if (runs.has(run.join(' ')) && run.filter((w) => w.length > 3).length >= 2) return true;
    }
    return false;
  });
};

const bearsOnMotion = (
  reading: Pick<DebateReading, 'motion' | 'topic' | 'motionLemmas' | 'index'>,
  card: Card,
  cardContent: ReadonlySet<string>,
  context: Bow,
  theirPoints: readonly Bow[],
) =>
  card.tags.some((t) => reading.motion?.tags.includes(t)) ||
  overlap(cardContent, reading.motionLemmas) >= 2 ||
  overlap(Object.keys(context), reading.motionLemmas) >= 2 ||
  overlap(
    [...cardContent].filter((l) => !reading.index.common.has(l)),
    reading.topic,
  ) >= 4 ||
  theirPoints.some((p) => cosine(p, context) >= 0.2);

import type { Deck } from '../content/deck.js';
import type { Card } from '../content/schemas.js';
import { read } from './analysis/reading.js';
import { cosine, deckIndex, weightedBag } from './analysis/weights.js';

/** Below this similarity a card is not on the claim's topic at all. */
const MIN_SIMILARITY = 0.05;

/**
 * The card of a hand that best answers a claim: the same topic (the most similar content, words
 * weighted by how rare they are in the deck) and the opposite stance (a card of another side than
 * the claim's). Pure: the same deck, hand and claim give the same card. Undefined when no card of
 * the hand is on the claim's topic.
 */
export const bestCounterCard = (
  deck: Pick<Deck, 'cards' | 'motions' | 'card'>,
  hand: readonly string[],
  claimText: string,
  claimSide?: string,
): CounterCard | undefined =>
  bestCounterCardFor(
    deck,
    hand,
    read(claimText).sentences.flatMap((s) => s.content),
    claimSide,
  );

export interface CounterCard {
  readonly card: Card;
  readonly similarity: number;
}

/** The same, for a claim already read: its content words (stems, as `read` gives them). */
export const bestCounterCardFor = (
  deck: Pick<Deck, 'cards' | 'motions' | 'card'>,
  hand: readonly string[],
  claimContent: Iterable<string>,
  claimSide?: string,
): CounterCard | undefined => {
  const index = deckIndex(deck);
  const claim = weightedBag(index, claimContent);
  let best: CounterCard | undefined;
  for (const id of hand) {
    const card = deck.card(id);
    if (!card || card.side === claimSide) continue;
    const similarity = cosine(claim, index.cardBag(card));
    if (similarity >= MIN_SIMILARITY && (!best || similarity > best.similarity)) best = { card, similarity };
  }
  return best;
};

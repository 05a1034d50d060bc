import type { Deck } from '../content/deck.js';

const CITATION = /\[([A-Za-z]\d{2,4})\]/g;

export interface Citations {
  /** Cards from the speaker's own hand, distinct, in order of first citation. */
  readonly cited: string[];
  /** The other side's cards named in the speech: answering their evidence. */
  readonly answered: string[];
  /** The speaker's side's cards that are not in their hand: they do not count. */
  readonly notInHand: string[];
  /** Ids that are no card at all. */
  readonly unknown: string[];
}

/** Every distinct card id cited like [L07], upper-cased, in order of first appearance. */
export const citedIds = (text: string): string[] => [
  ...new Set([...text.matchAll(CITATION)].map((m) => (m[1] ?? '').toUpperCase())),
];

export const parseCitations = (
  deck: Pick<Deck, 'card'>,
  text: string,
  side: string,
  hand: readonly string[],
) => {
  const result: Citations = { cited: [], answered: [], notInHand: [], unknown: [] };
  for (const id of citedIds(text)) {
    const card = deck.card(id);
    if (!card) result.unknown.push(id);
    else if (card.side !== side) result.answered.push(card.id);
    else if (hand.includes(card.id)) result.cited.push(card.id);
    else result.notInHand.push(card.id);
  }
  return result;
};

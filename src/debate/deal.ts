import type { Card, Motion } from '../content/schemas.js';
import { onTopic, onTopicShare } from '../content/topic.js';
import { type Draw, shuffle } from './rng.js';

export interface Dealt {
  /** One hand of card ids per debater, in the order of the team. */
  readonly hands: string[][];
  /** The side's undealt cards, top first: where draws come from. */
  readonly pile: string[];
}

/**
 * Deals one side's cards to its debaters so that each hand fits the motion: every debater first
 * gets half a hand (rounded up) of cards that share a tag with the motion, as far as the side has
 * them, then the rest of the hand from everything still undealt. Seeded: the same rng state gives
 * the same deal, so a replayed debate holds the same hands.
 */
export const deal = (
  cards: readonly Card[],
  motion: Pick<Motion, 'tags'>,
  debaters: number,
  handSize: number,
  rng: number,
): Draw<Dealt> => {
  const shuffled = shuffle(cards, rng);
  const onTopicCards = shuffled.value.filter((c) => onTopic(c, motion)).map((c) => c.id);
  const share = onTopicShare(handSize);
  const hands = Array.from({ length: debaters }, () => onTopicCards.splice(0, share));
  const dealt = new Set(hands.flat());
  const rest = shuffle(
    shuffled.value.filter((c) => !dealt.has(c.id)).map((c) => c.id),
    shuffled.rng,
  );
  const pile = rest.value;
  for (const hand of hands) hand.push(...pile.splice(0, handSize - hand.length));
  return { value: { hands, pile }, rng: rest.rng };
};

import type { Card, Format, Motion } from './schemas.js';
import { SIZES, teamSize } from './schemas.js';

/**
 * When a card is on a motion's topic: it carries at least one of the motion's tags.
 * The deal uses it to give every debater cards that fit the motion; the data check and
 * `npm run data:audit` use it to count them.
 */
export const onTopic = (card: Pick<Card, 'tags'>, motion: Pick<Motion, 'tags'>): boolean =>
  card.tags.some((tag) => motion.tags.includes(tag));

/** The on-topic share of a hand: at least half of it, rounded up. */
export const onTopicShare = (handSize: number): number => Math.ceil(handSize / 2);

/** The least on-topic cards a side must have for every motion, whatever the formats. */
export const MIN_ON_TOPIC = 6;

/**
 * The on-topic cards a side needs for a motion so that every format can deal each of its
 * debaters their on-topic share: at least MIN_ON_TOPIC, more if a format's hands need more.
 */
export const onTopicNeeded = (formats: readonly Format[]): number =>
  Math.max(
    MIN_ON_TOPIC,
    ...formats.map(
      (format) =>
        onTopicShare(format.handSize) *
        Math.max(...format.sizes.filter((size) => SIZES.includes(size)).map(teamSize)),
    ),
  );

/** How many of each side's cards fit the motion, by side id. */
export const onTopicBySide = (
  cards: readonly Card[],
  motion: Pick<Motion, 'tags'>,
  sideIds: readonly string[],
): Record<string, number> =>
  Object.fromEntries(
    sideIds.map((side) => [side, cards.filter((c) => c.side === side && onTopic(c, motion)).length]),
  );

import { beforeAll, describe, expect, it } from 'vitest';
import { buildDeck, type Deck } from '../../src/content/deck.js';
import { loadDeck } from '../../src/content/load.js';
import { type Card, teamSize } from '../../src/content/schemas.js';
import { MIN_ON_TOPIC, onTopic, onTopicShare } from '../../src/content/topic.js';
import { deal } from '../../src/debate/deal.js';
import { cards, formats, testDeck } from '../fixtures/deck.js';
import { begun, LEE, LOU, SAM, SUE } from './helpers.js';

/** The test deck with its first `n` cards of each side tagged like motion M01 ('architecture'). */
const deckWithOnTopic = (n: number): Deck =>
  buildDeck({
    ...testDeck(),
    cards: cards.map(
      (card): Card => (Number(card.id.slice(1)) <= n ? { ...card, tags: ['architecture', 'test'] } : card),
    ),
  });
const onTopicIds = (deck: Deck, ids: readonly string[]) =>
  ids.filter((id) => {
    const card = deck.card(id);
    const motion = deck.motion('M01');
    return card && motion && onTopic(card, motion);
  });

describe('dealing hands that fit the motion', () => {
  it('given a side with a few on-topic cards, then every hand holds at least half a hand of them', () => {
    const deck = deckWithOnTopic(4);
    for (let seed = 0; seed < 200; seed++) {
      const walk = begun({ deck, formatId: 'team', seed });
      for (const player of [LEE, LOU, SAM, SUE]) {
        expect(walk.hand(player)).toHaveLength(2);
        expect(onTopicIds(deck, walk.hand(player)).length, `seed ${seed}`).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it('given a 2v2, then no card is dealt twice and hands plus piles are exactly the side', () => {
    const walk = begun({ deck: deckWithOnTopic(3), formatId: 'team' });
    const lecun = [...walk.hand(LEE), ...walk.hand(LOU), ...(walk.state.piles.lecun ?? [])];
    expect(new Set(lecun).size).toBe(10);
    expect(lecun.every((id) => id.startsWith('L'))).toBe(true);
  });

  it('given too few on-topic cards for every hand, then it deals the ones there are and fills from the side', () => {
    const dealt = deal(
      cards.filter((c) => c.side === 'lecun'),
      { tags: ['nothing-matches'] },
      2,
      3,
      11,
    );
    expect(dealt.value.hands.map((h) => h.length)).toEqual([3, 3]);
    expect(dealt.value.pile).toHaveLength(4);
  });

  it('given the same rng state, then the same deal; the rest of the hand is not always the same cards', () => {
    const side = deckWithOnTopic(5).cards.filter((c) => c.side === 'scaling');
    const motion = { tags: ['architecture'] };
    expect(deal(side, motion, 1, 4, 99)).toEqual(deal(side, motion, 1, 4, 99));
    const offTopicSeen = new Set(
      Array.from({ length: 50 }, (_, seed) => deal(side, motion, 1, 4, seed).value.hands[0] ?? []).flatMap(
        (hand) => hand.filter((id) => Number(id.slice(1)) > 5),
      ),
    );
    expect(offTopicSeen.size).toBe(5);
  });
});

describe('the shipped deck: 1,000 deals per motion, side and format', () => {
  let deck: Deck;
  beforeAll(async () => {
    deck = await loadDeck('data');
  });

  it(`given every motion, then each side has at least ${MIN_ON_TOPIC} on-topic cards`, () => {
    for (const motion of deck.motions)
      for (const side of deck.sides)
        expect(
          deck.cards.filter((c) => c.side === side.id && onTopic(c, motion)).length,
          `${motion.id} ${side.id}`,
        ).toBeGreaterThanOrEqual(MIN_ON_TOPIC);
  });

  it('given 1,000 seeds, then every hand dealt holds at least half a hand on the motion', () => {
    // One run per distinct (hand size, team size): formats that share both deal alike.
    const shapes = new Map(
      deck.formats.flatMap((format) =>
        format.sizes.map((size) => [`${format.handSize}/${size}`, { format, size }] as const),
      ),
    );
    for (const { format, size } of shapes.values())
      for (const motion of deck.motions)
        for (const side of deck.sides) {
          const sideCards = deck.cards.filter((c) => c.side === side.id);
          const onTopicIds = new Set(sideCards.filter((c) => onTopic(c, motion)).map((c) => c.id));
          const debaters = teamSize(size);
          let fewest = Number.POSITIVE_INFINITY;
          let wrongSize = 0;
          for (let seed = 0; seed < 1000; seed++) {
            const { hands } = deal(sideCards, motion, debaters, format.handSize, seed * 2654435761).value;
            for (const hand of hands) {
              if (hand.length !== format.handSize) wrongSize++;
              fewest = Math.min(fewest, hand.filter((id) => onTopicIds.has(id)).length);
            }
          }
          expect(wrongSize).toBe(0);
          expect(fewest, `${format.id} ${size} ${motion.id} ${side.id}`).toBeGreaterThanOrEqual(
            onTopicShare(format.handSize),
          );
        }
  });
});

describe('the text-mode time', () => {
  const withTextTimes = buildDeck({
    ...testDeck(),
    formats: formats.map((f) => ({
      ...f,
      speeches: f.speeches.map((s) => ({ ...s, textSeconds: s.seconds * 2 })),
    })),
  });

  it('given a text-mode debate, then each speech gets its textSeconds', () => {
    const walk = begun({ deck: withTextTimes, mode: 'text' });
    expect(walk.state.slots.map((s) => s.seconds)).toEqual([240, 240, 180, 180]);
  });

  it('given a live debate, then each speech gets its spoken seconds', () => {
    const walk = begun({ deck: withTextTimes, mode: 'live' });
    expect(walk.state.slots.map((s) => s.seconds)).toEqual([120, 120, 90, 90]);
  });
});

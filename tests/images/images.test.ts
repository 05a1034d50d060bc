import { describe, expect, it } from 'vitest';
import { newPlayerRecord, type PlayerRecord } from '../../src/debate/player-record.js';
import type { Debate, Result } from '../../src/debate/types.js';
import { RESULT_IMAGE_FILE, resultView } from '../../src/discord/views/result.js';
import { drawRankCard, RANK_CARD_SIZE, rankCardData } from '../../src/images/rank-card.js';
import { chartGeometry } from '../../src/images/rating-chart.js';
import { drawResultImage, RESULT_IMAGE_WIDTH } from '../../src/images/result-image.js';
import { testDeck } from '../fixtures/deck.js';
import { decodedSize, pngSize } from './png.js';

const deck = testDeck();

const seasoned: PlayerRecord = {
  ...newPlayerRecord('1'),
  overall: { debates: 6, wins: 4, losses: 1, draws: 1 },
  bySide: {
    lecun: { debates: 4, wins: 3, losses: 0, draws: 1 },
    scaling: { debates: 2, wins: 1, losses: 1, draws: 0 },
  },
  criteria: { argument: { sum: 20, count: 6 }, rebuttal: { sum: 9, count: 6 } },
  ratingHistory: [1010, 1030, 1020, 1055, 1080, 1071].map((rating, i) => ({
    debateId: `d${i}`,
    at: i,
    rating,
  })),
};

describe('the rank card', () => {
  it('given a ranked member, then it is a PNG of the card size that decodes', async () => {
    const png = await drawRankCard(rankCardData(deck, { name: 'Zoë <b>&', season: 2, rank: 3 }, seasoned));
    expect(pngSize(png)).toEqual(RANK_CARD_SIZE);
    expect(await decodedSize(png)).toEqual(RANK_CARD_SIZE);
  });

  it('given a newcomer with no history and a very long name, then it still draws', async () => {
    const png = await drawRankCard(
      rankCardData(deck, { name: 'x'.repeat(300), season: 1, rank: undefined }, newPlayerRecord('2')),
    );
    expect(await decodedSize(png)).toEqual(RANK_CARD_SIZE);
  });

  it('given a record, then the card data names the weakest criterion and hides the rank while provisional', () => {
    const data = rankCardData(deck, { name: 'A', season: 1, rank: 4 }, seasoned);
    expect(data.practise).toBe(deck.rubric.find((c) => c.id === 'rebuttal')?.name);
    expect(data.criteria.map((c) => c.average)).toEqual([20 / 6, 9 / 6]);
    expect(data.accent).toBe(deck.sides[0].colour);
    expect(data.rank).toBe(4);
    const fresh = rankCardData(
      deck,
      { name: 'A', season: 1, rank: 4 },
      { ...seasoned, overall: { ...seasoned.overall, debates: 1 } },
    );
    expect(fresh.rank).toBeUndefined();
    expect(fresh.provisionalLeft).toBe(2);
  });
});

describe('the rating chart geometry', () => {
  const box = { x: 10, y: 20, width: 300, height: 100 };

  it('given a history, then points run left to right inside the box, higher ratings higher, with guides around them', () => {
    const { points, ticks } = chartGeometry([{ rating: 1000 }, { rating: 1100 }, { rating: 1050 }], box);
    expect(points.map((p) => p.x)).toEqual([10, 160, 310]);
    for (const p of points) {
      expect(p.y).toBeGreaterThanOrEqual(20);
      expect(p.y).toBeLessThanOrEqual(120);
    }
    expect(points[1]?.y).toBeLessThan(points[2]?.y ?? 0);
    expect(points[2]?.y).toBeLessThan(points[0]?.y ?? 0);
    expect(ticks.length).toBeGreaterThanOrEqual(2);
    expect(Math.min(...ticks.map((t) => t.rating))).toBeLessThanOrEqual(1000);
    expect(Math.max(...ticks.map((t) => t.rating))).toBeGreaterThanOrEqual(1100);
  });

  it('given one point or a flat history, then it sits mid-chart; given none, then nothing', () => {
    const one = chartGeometry([{ rating: 1000 }], box);
    expect(one.points).toEqual([{ x: 160, y: 70, rating: 1000 }]);
    expect(chartGeometry([{ rating: 990 }, { rating: 990 }], box).points.map((p) => p.y)).toEqual([70, 70]);
    expect(chartGeometry([], box)).toEqual({ points: [], ticks: [] });
  });
});

describe('the result image', () => {
  const criteria = (scores: number[]) =>
    deck.rubric.map((c, i) => ({
      criterionId: c.id,
      score: scores[i] ?? 3,
      reason: '',
      by: 'automatic' as const,
    }));
  const state = { id: '9', motionId: deck.motions[0]?.id ?? 'M01', debaters: [] } as unknown as Debate;
  const result = (size: number): Result => ({
    winner: 'lecun',
    decidedBy: 'automatic',
    rated: true,
    votes: {},
    crowd: {},
    finishedAt: 0,
    sideTotals: { lecun: 71.5, scaling: 58.25 },
    scores: Array.from({ length: size * 2 }, (_, i) => ({
      userId: `u${i}`,
      side: i % 2 === 0 ? 'lecun' : 'scaling',
      total: 60 + i,
      criteria: criteria([4, 3.5, 3, 5]),
      coaching: [],
    })),
  });

  it('given a 1v1 and a 2v2 result, then each is a PNG of the image width that decodes, taller with more debaters', async () => {
    const single = await drawResultImage(deck, state, result(1), new Map([['u0', 'Alice']]));
    const teams = await drawResultImage(deck, state, result(2));
    const [a, b] = [await decodedSize(single), await decodedSize(teams)];
    expect(a.width).toBe(RESULT_IMAGE_WIDTH);
    expect(pngSize(teams)).toEqual(b);
    expect(b.height).toBeGreaterThan(a.height);
  });

  it('given a draw with no scores, then it still draws', async () => {
    const png = await drawResultImage(deck, state, { ...result(0), winner: 'draw', sideTotals: {} });
    expect((await decodedSize(png)).width).toBe(RESULT_IMAGE_WIDTH);
  });
});

describe('the result card with its image', () => {
  it('given the result image, then the card attaches it and shows it in the embed; without it, no file', async () => {
    const state = {
      id: '9',
      motionId: deck.motions[0]?.id ?? 'M01',
      mode: 'text',
      debaters: [],
      judges: [],
      ballots: {},
    } as unknown as Debate;
    const result: Result = {
      winner: 'draw',
      decidedBy: 'automatic',
      rated: true,
      votes: {},
      crowd: {},
      finishedAt: 0,
      sideTotals: { lecun: 50, scaling: 50 },
      scores: [],
    };
    const image = await drawResultImage(deck, state, result);
    const view = resultView(deck, state, result, [], image);
    expect(view.files?.[0]).toMatchObject({ name: RESULT_IMAGE_FILE, attachment: image });
    expect(view.files?.[0]?.description).toMatch(/^Result: A draw\./);
    expect(view.embeds?.[0]?.image).toEqual({ url: `attachment://${RESULT_IMAGE_FILE}` });
    expect(resultView(deck, state, result, []).files).toBeUndefined();
  });
});

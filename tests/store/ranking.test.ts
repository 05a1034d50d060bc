import { describe, expect, it } from 'vitest';
import { Ranking } from '../../src/store/leaderboard/ranking.js';

describe('Ranking', () => {
  it('given players loaded at once, then they are ordered by rating, ties by user id', () => {
    const ranking = new Ranking();
    ranking.load([
      { userId: 'c', rating: 1100 },
      { userId: 'a', rating: 1200 },
      { userId: 'b', rating: 1100 },
      { userId: 'd', rating: 900 },
    ]);
    expect(ranking.slice(0, 10)).toEqual([
      { userId: 'a', rating: 1200, rank: 1 },
      { userId: 'b', rating: 1100, rank: 2 },
      { userId: 'c', rating: 1100, rank: 2 },
      { userId: 'd', rating: 900, rank: 4 },
    ]);
    expect(ranking.rank('d')).toBe(4);
    expect(ranking.rank('nobody')).toBeUndefined();
  });

  it('given a player moved or removed, then the order and ranks follow', () => {
    const ranking = new Ranking();
    ranking.load([
      { userId: 'a', rating: 1200 },
      { userId: 'b', rating: 1100 },
      { userId: 'c', rating: 1000 },
    ]);
    ranking.set('c', 1300);
    expect(ranking.slice(0, 3).map((e) => e.userId)).toEqual(['c', 'a', 'b']);
    ranking.remove('a');
    ranking.set('d', 1100);
    expect(ranking.slice(0, 5).map((e) => [e.userId, e.rank])).toEqual([
      ['c', 1],
      ['b', 2],
      ['d', 2],
    ]);
    expect(ranking.size).toBe(3);
    expect(ranking.has('a')).toBe(false);
  });

  it('given random updates, then it agrees with sorting from scratch', () => {
    const ranking = new Ranking();
    const model = new Map<string, number>();
    let seed = 11;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let i = 0; i < 3000; i++) {
      const userId = `u${random(200)}`;
      if (random(4) === 0) {
        ranking.remove(userId);
        model.delete(userId);
      } else {
        const rating = 900 + random(60);
        ranking.set(userId, rating);
        model.set(userId, rating);
      }
    }
    const expected = [...model]
      .map(([userId, rating]) => ({ userId, rating }))
      .sort((a, b) => b.rating - a.rating || (a.userId < b.userId ? -1 : 1));
    expect(ranking.slice(0, 1000).map(({ userId, rating }) => ({ userId, rating }))).toEqual(expected);
    for (const { userId, rating } of expected)
      expect(ranking.rank(userId)).toBe(1 + expected.filter((e) => e.rating > rating).length);
  });
});

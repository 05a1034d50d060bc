import { describe, expect, it } from 'vitest';
import {
  displayRating,
  firstResultChanges,
  isProvisional,
  newRating,
  PROVISIONAL_DEBATES,
  type RatedTeam,
  rateDebate,
  ratingParts,
  type SkillRating,
} from '../../src/debate/ratings.js';

const team = (side: string, ...players: [string, SkillRating][]): RatedTeam => ({
  side,
  players: players.map(([userId, rating]) => ({ userId, rating })),
});
const fresh = newRating();
const get = (ratings: Map<string, SkillRating>, userId: string): SkillRating => {
  const rating = ratings.get(userId);
  if (!rating) throw new Error(`no rating for ${userId}`);
  return rating;
};

describe('displayed rating', () => {
  it('given a newcomer, then skill and margin are both 1000, and a first win shows +138, a first loss −73', () => {
    expect(ratingParts(newRating())).toEqual({ shown: 1000, skill: 1000, margin: 1000 });
    expect(firstResultChanges()).toEqual({ win: 138, loss: -73 });
  });

  it('given any rating, then its parts add up to what is shown: 1000 + skill − margin', () => {
    let a = newRating();
    let b = newRating();
    for (let i = 0; i < 12; i++) {
      const next = rateDebate(
        [team('lecun', ['a', a]), team('scaling', ['b', b])],
        i % 3 === 0 ? 'scaling' : 'lecun',
      );
      a = get(next, 'a');
      b = get(next, 'b');
      for (const r of [a, b]) {
        const parts = ratingParts(r);
        expect(parts.shown).toBe(displayRating(r));
        expect(1000 + parts.skill - parts.margin).toBe(parts.shown);
      }
    }
    // The margin only shrinks: after a dozen debates it is well under a newcomer's 1000.
    expect(ratingParts(a).margin).toBeLessThan(800);
  });

  it('given a newcomer, then it is 1000', () => {
    expect(displayRating(newRating())).toBe(1000);
  });

  it(`given fewer than ${PROVISIONAL_DEBATES} debates, then the player is provisional`, () => {
    expect([0, 1, 2, 3, 10].map(isProvisional)).toEqual([true, true, true, false, false]);
  });
});

describe('rateDebate', () => {
  it('given a 1v1 win, then the winner moves up and the loser down, symmetrically in skill', () => {
    const after = rateDebate([team('lecun', ['lee', fresh]), team('scaling', ['sam', fresh])], 'lecun');
    const lee = get(after, 'lee');
    const sam = get(after, 'sam');
    expect(lee.mu).toBeGreaterThan(fresh.mu);
    expect(sam.mu).toBeLessThan(fresh.mu);
    expect(lee.mu - fresh.mu).toBeCloseTo(fresh.mu - sam.mu, 9);
    expect(displayRating(lee)).toBeGreaterThan(1000);
    expect(displayRating(sam)).toBeLessThan(1000);
  });

  it('given the scaling side wins, then it is scaling that moves up', () => {
    const after = rateDebate([team('lecun', ['lee', fresh]), team('scaling', ['sam', fresh])], 'scaling');
    expect(get(after, 'sam').mu).toBeGreaterThan(get(after, 'lee').mu);
  });

  it('given a draw between equals, then skill stays and uncertainty shrinks for both', () => {
    const after = rateDebate([team('lecun', ['lee', fresh]), team('scaling', ['sam', fresh])], 'draw');
    for (const userId of ['lee', 'sam']) {
      expect(get(after, userId).mu).toBeCloseTo(fresh.mu, 9);
      expect(get(after, userId).sigma).toBeLessThan(fresh.sigma);
    }
  });

  it('given a draw against a stronger player, then the weaker one gains', () => {
    const strong = { mu: 35, sigma: 4 };
    const after = rateDebate([team('lecun', ['lee', fresh]), team('scaling', ['sam', strong])], 'draw');
    expect(get(after, 'lee').mu).toBeGreaterThan(fresh.mu);
    expect(get(after, 'sam').mu).toBeLessThan(strong.mu);
  });

  it('given a 2v2, then every player is rated and teammates move the same way', () => {
    const after = rateDebate(
      [team('lecun', ['lee', fresh], ['lou', fresh]), team('scaling', ['sam', fresh], ['sue', fresh])],
      'scaling',
    );
    expect([...after.keys()].sort()).toEqual(['lee', 'lou', 'sam', 'sue']);
    expect(get(after, 'lee')).toEqual(get(after, 'lou'));
    expect(get(after, 'sam').mu).toBeGreaterThan(fresh.mu);
    expect(get(after, 'sue').mu).toBeGreaterThan(fresh.mu);
    expect(get(after, 'lee').mu).toBeLessThan(fresh.mu);
  });
});

import { describe, expect, it } from 'vitest';
import { addResult, emptyTally, erfc, MIN_DECIDED, motionBalance } from '../../src/debate/motion-stats.js';

const SIDES = ['lecun', 'scaling'] as const;
const tally = (lecun: number, scaling: number, draws = 0) => {
  let t = emptyTally();
  for (let i = 0; i < lecun; i++) t = addResult(t, 'lecun');
  for (let i = 0; i < scaling; i++) t = addResult(t, 'scaling');
  for (let i = 0; i < draws; i++) t = addResult(t, 'draw');
  return t;
};

describe('motion tallies', () => {
  it('given results, then wins are counted per side and draws apart', () => {
    expect(tally(2, 1, 3)).toEqual({ wins: { lecun: 2, scaling: 1 }, draws: 3 });
  });
});

describe('motionBalance', () => {
  it('given a 10-0 split, then χ² is 10, p ≈ 0.00157, one-sided for lecun', () => {
    const balance = motionBalance(tally(10, 0), SIDES);
    expect(balance.chiSquare).toBe(10);
    expect(balance.pValue).toBeCloseTo(0.001565, 5);
    expect(balance).toMatchObject({ decided: 10, tooFew: false, oneSided: true, favours: 'lecun' });
  });

  it('given a 5-5 split, then χ² is 0 and p is 1: balanced', () => {
    const balance = motionBalance(tally(5, 5), SIDES);
    expect(balance.chiSquare).toBe(0);
    expect(balance.pValue).toBeCloseTo(1, 6);
    expect(balance).toMatchObject({ oneSided: false, favours: undefined });
  });

  it('given a 9-3 split, then χ² is 3 and p ≈ 0.0833: not significant', () => {
    const balance = motionBalance(tally(9, 3), SIDES);
    expect(balance.chiSquare).toBe(3);
    expect(balance.pValue).toBeCloseTo(0.08326, 4);
    expect(balance.oneSided).toBe(false);
  });

  it('given a 0-6 split, then it favours scaling (p ≈ 0.0143)', () => {
    const balance = motionBalance(tally(0, 6), SIDES);
    expect(balance.pValue).toBeCloseTo(0.01431, 4);
    expect(balance).toMatchObject({ oneSided: true, favours: 'scaling' });
  });

  it(`given under ${MIN_DECIDED} decided debates, then too few to say, even at 5-0`, () => {
    const balance = motionBalance(tally(5, 0, 4), SIDES);
    expect(balance.decided).toBe(5);
    expect(balance.pValue).toBeLessThan(0.05);
    expect(balance).toMatchObject({ tooFew: true, oneSided: false, favours: undefined });
  });

  it('given no results, then nothing is decided and p is 1', () => {
    expect(motionBalance(emptyTally(), SIDES)).toMatchObject({ decided: 0, chiSquare: 0, tooFew: true });
    expect(motionBalance(emptyTally(), SIDES).pValue).toBeCloseTo(1, 6);
  });
});

describe('erfc', () => {
  it('given known points, then it matches the tables to 1e-6', () => {
    expect(erfc(0)).toBeCloseTo(1, 6);
    expect(erfc(0.5)).toBeCloseTo(0.4795001, 6);
    expect(erfc(1)).toBeCloseTo(0.1572992, 6);
    expect(erfc(2)).toBeCloseTo(0.004677735, 6);
    expect(erfc(-1)).toBeCloseTo(1.8427008, 6);
  });
});

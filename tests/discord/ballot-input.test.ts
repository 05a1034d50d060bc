import { describe, expect, it } from 'vitest';
import { parseScores, parseWinner } from '../../src/discord/ballot-input.js';
import { UserError } from '../../src/discord/user-error.js';
import { testDeck } from '../fixtures/deck.js';

const deck = testDeck();

describe('ballot input', () => {
  it.each(['4 3 5', '4,3,5', '4, 3, 5', '435', ' 4  3  5 '])(
    'given scores typed as "%s", then they map to the judged criteria in order',
    (typed) => {
      expect(parseScores(deck, typed, 'Alice')).toEqual({ argument: 4, evidence: 3, rebuttal: 5 });
    },
  );

  it.each(['4 3', '4 3 5 2', '6 3 5', '0 3 5', 'four three five', ''])(
    'given "%s", then it refuses, naming the debater and echoing the input',
    (typed) => {
      expect(() => parseScores(deck, typed, 'Alice')).toThrow(UserError);
      expect(() => parseScores(deck, typed, 'Alice')).toThrow(new RegExp(`For Alice.*you typed "${typed}"`));
    },
  );

  it.each([
    ['lecun', 'lecun'],
    ['Scaling', 'scaling'],
    ['world models', 'lecun'],
    ['scal', 'scaling'],
    ['draw', 'draw'],
    ['Tie', 'draw'],
  ])('given the winner typed as "%s", then it reads as %s', (typed, expected) => {
    expect(parseWinner(deck, typed)).toBe(expected);
  });

  it('given a winner that is no side, then it refuses with the valid choices', () => {
    expect(() => parseWinner(deck, 'nobody')).toThrow(/type lecun, scaling or draw/);
  });
});

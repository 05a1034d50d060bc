import { describe, expect, it } from 'vitest';
import {
  parseScores,
  parseScoresAndNote,
  parseWinner,
  parseWinnerAndReason,
} from '../../src/discord/ballot-input.js';
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

describe('ballot fields with written feedback', () => {
  it.each([
    ['4 3 5', ''],
    ['4 3 5\nClear framing; answer the grounding point.', 'Clear framing; answer the grounding point.'],
    ['435 — clear framing', 'clear framing'],
    ['4,3,5: good\nand more below', 'good\nand more below'],
    ['4 3 5\n\n3 cards were dropped without use.', '3 cards were dropped without use.'],
  ])('given "%s", then the scores are read and the rest is the note', (typed, note) => {
    expect(parseScoresAndNote(deck, typed, 'Alice')).toEqual({
      scores: { argument: 4, evidence: 3, rebuttal: 5 },
      note,
    });
  });

  it('given a note on the first line that starts with a number, then it refuses rather than guess the scores', () => {
    expect(() => parseScoresAndNote(deck, '4 3 5 3 points dropped', 'Alice')).toThrow(/For Alice/);
  });

  it.each([
    ['lecun', 'lecun', ''],
    ['scaling\nThey won the clash on data.', 'scaling', 'They won the clash on data.'],
    ['World models: grounding stood', 'lecun', 'grounding stood'],
    ['draw - nobody answered anything', 'draw', 'nobody answered anything'],
    ['world models because grounding stood', 'lecun', 'because grounding stood'],
  ])(
    'given the winner field "%s", then the winner is %s and the rest the reason',
    (typed, winner, reason) => {
      expect(parseWinnerAndReason(deck, typed)).toEqual({ winner, reason });
    },
  );

  it('given a winner field that names no side, then it refuses with the valid choices', () => {
    expect(() => parseWinnerAndReason(deck, 'nobody won\nreally')).toThrow(/type lecun, scaling or draw/);
  });
});

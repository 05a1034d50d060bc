import { describe, expect, it } from 'vitest';
import { read } from '../../src/debate/analysis/reading.js';
import { corpus, knownLimits } from './calibration/corpus.js';
import {
  type CalibrationDebate,
  judge,
  type SideId,
  unknownCitations,
  userOf,
} from './calibration/harness.js';

/**
 * The calibration corpus: short debates on the shipped motions, each with the verdict a human
 * judge gives. The automatic rubric must agree with every one; gaming debates must lose to an
 * honest speech of similar length.
 */
const other = (side: SideId): SideId => (side === 'lecun' ? 'scaling' : 'lecun');
const sideOfTurn = (turn: number): SideId => (turn % 2 === 0 ? 'lecun' : 'scaling');
const gaming = corpus.filter((d) => d.gaming !== undefined);
const honest = corpus.filter((d) => d.gaming === undefined);

describe('the calibration corpus', () => {
  it('given the corpus, then it holds at least 30 debates, 12 of them gaming, each citing only cards of the hand', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(30);
    expect(gaming.length).toBeGreaterThanOrEqual(12);
    expect(new Set(corpus.map((d) => d.id)).size).toBe(corpus.length);
    for (const debate of corpus) expect(unknownCitations(debate), debate.id).toEqual([]);
  });

  it('given the gaming debates, then they cover every technique the issue names', () => {
    expect(new Set(gaming.map((d) => d.gaming))).toEqual(
      new Set([
        'signpost stuffing',
        'padding by repetition',
        'motion-word repetition',
        'copying the opponent',
        'citation dumping',
        'keyword salad',
        'filler stuffing',
      ]),
    );
  });

  it('given every speech, then it is of a realistic length for the quick format', () => {
    for (const debate of corpus)
      debate.speeches.forEach((text, turn) => {
        if (text === null) return;
        const words = read(text).words;
        expect(words, `${debate.id} speech ${turn + 1}`).toBeGreaterThanOrEqual(turn < 2 ? 80 : 50);
        expect(words, `${debate.id} speech ${turn + 1}`).toBeLessThanOrEqual(turn < 2 ? 250 : 180);
      });
  });
});

const verdict = (debate: CalibrationDebate) => judge(debate).winner;

describe.each(honest.map((d) => [d.id, d] as const))('honest debate %s', (_, debate) => {
  it(`given the speeches, then ${debate.winner} wins (${debate.reason})`, () => {
    const result = judge(debate);
    expect(result.decidedBy).toBe('automatic');
    expect(result.winner).toBe(debate.winner);
  });
});

describe.each(gaming.map((d) => [d.id, d] as const))('gaming debate %s', (_, debate) => {
  const loser = other(debate.winner);
  const words = (side: SideId) =>
    debate.speeches.reduce(
      (n, text, turn) => n + (text !== null && sideOfTurn(turn) === side ? read(text).words : 0),
      0,
    );

  it(`given ${debate.gaming} by ${loser} against an honest speech of similar length, then ${loser} loses`, () => {
    expect(words(loser) / words(debate.winner)).toBeGreaterThanOrEqual(0.6);
    expect(words(loser) / words(debate.winner)).toBeLessThanOrEqual(1.4);
    const result = judge(debate);
    expect(result.winner).toBe(debate.winner);
    const total = (side: SideId) => result.scores.find((s) => s.userId === userOf(side))?.total ?? 0;
    // Not a near thing: gaming earns nothing, so the honest side wins by a clear margin (15 points
    // even where only one of four speeches games, as in M12's echoed rebuttal).
    expect(total(debate.winner) - total(loser)).toBeGreaterThanOrEqual(15);
  });
});

describe('agreement with the judge', () => {
  it('given the whole corpus, then the scorer agrees on every honest and every gaming debate', () => {
    const agree = (list: readonly CalibrationDebate[]) => list.filter((d) => verdict(d) === d.winner).length;
    expect({ honest: agree(honest), gaming: agree(gaming) }).toEqual({
      honest: honest.length,
      gaming: gaming.length,
    });
  });

  // Known limits: the scorer and a judge still disagree. `fails` asserts they do, so a scorer that
  // learns to see these turns the test red and the case can move into the corpus.
  it.fails.each(knownLimits.map((d) => [d.id, d] as const))(
    'known limit %s: the judge gives it to the winner',
    (_, debate) => {
      expect(verdict(debate)).toBe(debate.winner);
    },
  );
});

import { describe, expect, it } from 'vitest';
import {
  applyResult,
  newPlayerRecord,
  type PlayerRecord,
  RECENT_KEPT,
} from '../../src/debate/player-record.js';
import { displayRating, newRating, type SkillRating } from '../../src/debate/ratings.js';
import type { Debate, Result } from '../../src/debate/types.js';
import { as, LEE, SAM, speakAll, speaking } from './helpers.js';

const change = (before: SkillRating, after: SkillRating) => displayRating(after) - displayRating(before);

/** A finished 1v1 (lee on lecun v sam on scaling), ended by `ender` forfeiting. */
const forfeited = (ender: string, id = 'debate-1'): { debate: Debate; result: Result } => {
  const walk = speaking();
  walk.speak('Because the first card says so.');
  walk.act({ type: 'forfeit', actor: as(ender) });
  const result = walk.state.result;
  if (!result) throw new Error('no result');
  return { debate: { ...walk.state, id }, result };
};

const recordOf = (records: PlayerRecord[], userId: string): PlayerRecord => {
  const record = records.find((r) => r.userId === userId);
  if (!record) throw new Error(`no record for ${userId}`);
  return record;
};

describe('applyResult', () => {
  it('given a debate decided on its speeches, then every rubric criterion is folded into the sums', () => {
    const walk = speaking();
    speakAll(walk, (turn) => `First, because of turn ${turn}, therefore we win.`);
    const result = walk.state.result;
    if (!result) throw new Error('no result');
    const { records } = applyResult(walk.state, result, new Map(), change);
    const lee = recordOf(records, LEE);
    expect(Object.keys(lee.criteria).sort()).toEqual(['argument', 'discipline', 'evidence', 'rebuttal']);
    expect(lee.criteria.discipline).toEqual({ sum: 5, count: 1 });
  });

  it('given a rated win by forfeit, then tallies, side tallies and side ratings are folded in, but no rubric sums', () => {
    const { debate, result } = forfeited(SAM);
    const { records, changes } = applyResult(debate, result, new Map(), change);
    const lee = recordOf(records, LEE);
    const sam = recordOf(records, SAM);

    expect(lee.overall).toEqual({ debates: 1, wins: 1, losses: 0, draws: 0 });
    expect(lee.bySide).toEqual({ lecun: { debates: 1, wins: 1, losses: 0, draws: 0 } });
    expect(sam.overall).toEqual({ debates: 1, wins: 0, losses: 1, draws: 0 });
    expect(lee.rating.mu).toBeGreaterThan(newRating().mu);
    expect(Object.keys(lee.sideRatings)).toEqual(['lecun']);
    expect(lee.criteria).toEqual({});

    expect(changes.map((c) => c.userId).sort()).toEqual([LEE, SAM]);
    expect(lee.recent).toEqual([
      {
        debateId: 'debate-1',
        motionId: 'M01',
        side: 'lecun',
        outcome: 'win',
        total: result.scores.find((s) => s.userId === LEE)?.total,
        ratingChange: change(newRating(), lee.rating),
        at: result.finishedAt,
      },
    ]);
  });

  it('given earlier records, then they are built upon, and recent keeps the last five, newest first', () => {
    let records = new Map<string, PlayerRecord>();
    for (let n = 1; n <= RECENT_KEPT + 2; n++) {
      const { debate, result } = forfeited(n % 2 === 0 ? LEE : SAM, `debate-${n}`);
      const applied = applyResult(debate, result, records, change);
      records = new Map(applied.records.map((r) => [r.userId, r]));
    }
    const lee = records.get(LEE) ?? newPlayerRecord(LEE);
    expect(lee.overall).toEqual({ debates: 7, wins: 4, losses: 3, draws: 0 });
    expect(lee.criteria.argument).toBeUndefined();
    expect(lee.recent.map((r) => r.debateId)).toEqual([
      'debate-7',
      'debate-6',
      'debate-5',
      'debate-4',
      'debate-3',
    ]);
    expect(lee.recent.map((r) => r.outcome)).toEqual(['win', 'loss', 'win', 'loss', 'win']);
  });

  it('given a draw, then both players count a draw', () => {
    const { debate, result } = forfeited(SAM);
    const { records } = applyResult(
      debate,
      { ...result, winner: 'draw', decidedBy: 'judges' },
      new Map(),
      change,
    );
    expect(recordOf(records, LEE).overall.draws).toBe(1);
    expect(recordOf(records, SAM).recent[0]?.outcome).toBe('draw');
  });

  it('given an unrated result, then nothing is recorded', () => {
    const { debate, result } = forfeited(SAM);
    const unrated: Result = { ...result, rated: false, winner: undefined, decidedBy: 'none' };
    expect(applyResult(debate, unrated, new Map(), change)).toEqual({ records: [], changes: [] });
  });

  it('given a cancelled debate, then it has no result to record', () => {
    const walk = speaking();
    walk.act({ type: 'cancel', actor: as('mod', true) });
    expect(walk.state.result).toBeUndefined();
  });
});

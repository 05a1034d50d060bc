import { describe, expect, it } from 'vitest';
import { debateSchema } from '../../src/store/schemas/debate.js';
import { corpus } from '../debate/calibration/corpus.js';
import { judge, stateOf } from '../debate/calibration/harness.js';

describe('stored debates with coaching', () => {
  const debate = corpus.find((d) => d.id === 'M01-honest-close');
  if (!debate) throw new Error('no calibration debate');
  const result = judge(debate);
  const state = { ...stateOf(debate), phase: 'done' as const, result };

  it('given a finished debate with per-speech coaching, then it reads back from JSON unchanged', () => {
    expect(result.scores.every((s) => (s.speeches ?? []).length > 0)).toBe(true);
    expect(debateSchema.parse(JSON.parse(JSON.stringify(state)))).toEqual(state);
  });

  it('given a debate stored before coaching existed, then it still parses, without speeches', () => {
    const old = JSON.parse(JSON.stringify(state));
    for (const score of old.result.scores) delete score.speeches;
    const parsed = debateSchema.parse(old);
    expect(parsed.result?.scores.map((s) => s.speeches)).toEqual([undefined, undefined]);
  });
});

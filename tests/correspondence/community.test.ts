import { describe, expect, it } from 'vitest';
import { VOTE_REASON_MIN } from '../../src/debate/community.js';
import type { Debate } from '../../src/debate/types.js';
import { debateSchema } from '../../src/store/schemas/debate.js';
import { allSpoken, attempt, begunCorrespondence, HOUR, LEE, SAM, step } from './drive.js';

const reason = (why: string) =>
  `${why} The opening framed the motion, the rebuttal answered the strongest card directly, and the closing weighed the clash instead of repeating it. That decided it for me.`;

const vote = (state: Debate, userId: string, side: string, at: number, text = reason(`${side} won.`)) =>
  step(state, { type: 'vote', actor: { userId }, side, reason: text }, at);

describe('community judging (judging:community)', () => {
  it('given the last speech of a community debate, then a 48 h voting window opens instead of the rubric deciding', () => {
    const { state, at } = allSpoken(begunCorrespondence({ judging: 'community' }));
    expect(state.phase).toBe('judging');
    expect(state.timer).toEqual({ key: 'voting', at: at + 48 * HOUR });
    expect(state.result).toBeUndefined();
  });

  it('given three votes 2–1 for LeCun, then when the window closes the community decides it', () => {
    const { state, at } = allSpoken(begunCorrespondence({ judging: 'community' }));
    let s = vote(state, 'carol', 'lecun', at + HOUR);
    s = vote(s, 'dave', 'lecun', at + 2 * HOUR);
    s = vote(s, 'erin', 'scaling', at + 3 * HOUR);
    const closed = attempt(s, { type: 'timer', key: 'voting' }, at + 48 * HOUR);
    expect(closed.ok).toBe(true);
    if (!closed.ok) return;
    expect(closed.state.phase).toBe('done');
    expect(closed.state.result?.decidedBy).toBe('community');
    expect(closed.state.result?.winner).toBe('lecun');
    expect(closed.state.result?.rated).toBe(true);
    expect(closed.state.result?.votes).toEqual({ carol: 'lecun', dave: 'lecun', erin: 'scaling' });
    expect(closed.effects.some((e) => e.type === 'result')).toBe(true);
  });

  it('given a voter who changes their mind, then only their last vote counts', () => {
    const { state, at } = allSpoken(begunCorrespondence({ judging: 'community' }));
    let s = vote(state, 'carol', 'lecun', at + HOUR);
    s = vote(s, 'carol', 'scaling', at + 2 * HOUR);
    expect(Object.keys(s.votes ?? {})).toEqual(['carol']);
    const closed = step(s, { type: 'timer', key: 'voting' }, at + 48 * HOUR);
    expect(closed.result?.winner).toBe('scaling');
    expect(closed.result?.decidedBy).toBe('community');
  });

  it('given a tie, then the automatic rubric decides', () => {
    const { state, at } = allSpoken(begunCorrespondence({ judging: 'community' }));
    let s = vote(state, 'carol', 'lecun', at + HOUR);
    s = vote(s, 'dave', 'scaling', at + HOUR);
    const closed = step(s, { type: 'timer', key: 'voting' }, at + 48 * HOUR);
    expect(closed.result?.decidedBy).toBe('automatic');
    expect(closed.result?.votes).toEqual({ carol: 'lecun', dave: 'scaling' });
  });

  it('given a vote with a reason under 150 characters, then it is refused with that code and nothing changes', () => {
    const { state, at } = allSpoken(begunCorrespondence({ judging: 'community' }));
    const short = attempt(
      state,
      { type: 'vote', actor: { userId: 'carol' }, side: 'lecun', reason: 'LeCun won.' },
      at,
    );
    expect(short.ok).toBe(false);
    if (short.ok) return;
    expect(short.refusal.code).toBe('voteReasonTooShort');
    expect(short.refusal.message).toContain(String(VOTE_REASON_MIN));
    const blank = attempt(
      state,
      { type: 'vote', actor: { userId: 'carol' }, side: 'lecun', reason: ' '.repeat(200) },
      at,
    );
    expect(!blank.ok && blank.refusal.code).toBe('voteReasonTooShort');
  });

  it('given a debater who votes, then the vote is refused', () => {
    const { state, at } = allSpoken(begunCorrespondence({ judging: 'community' }));
    for (const debater of [LEE, SAM]) {
      const refused = attempt(
        state,
        { type: 'vote', actor: { userId: debater }, side: 'lecun', reason: reason('Me.') },
        at,
      );
      expect(!refused.ok && refused.refusal.code).toBe('debaterCannotVote');
    }
  });

  it('given a vote before the speeches are over, or in a debate without community judging, then it is refused', () => {
    const speaking = begunCorrespondence({ judging: 'community' });
    const early = attempt(
      speaking,
      { type: 'vote', actor: { userId: 'carol' }, side: 'lecun', reason: reason('x') },
      0,
    );
    expect(!early.ok && early.refusal.code).toBe('notVoting');
    const { state } = allSpoken(begunCorrespondence());
    expect(state.phase).toBe('done');
    expect(state.result?.decidedBy).toBe('automatic');
  });

  it('given a vote for something that is neither a side nor a draw, then it is refused', () => {
    const { state, at } = allSpoken(begunCorrespondence({ judging: 'community' }));
    const refused = attempt(
      state,
      { type: 'vote', actor: { userId: 'carol' }, side: 'maybe', reason: reason('x') },
      at,
    );
    expect(!refused.ok && refused.refusal.code).toBe('unknownWinner');
    const draw = vote(state, 'carol', 'draw', at);
    expect(draw.votes?.carol?.side).toBe('draw');
  });

  it('given a community debate with votes, then the stored shape keeps the judging mode and every reason', () => {
    const { state, at } = allSpoken(begunCorrespondence({ judging: 'community' }));
    const s = vote(state, 'carol', 'lecun', at);
    const read = debateSchema.parse(JSON.parse(JSON.stringify(s)));
    expect(read.judging).toBe('community');
    expect(read.votes?.carol?.reason).toBe(s.votes?.carol?.reason);
  });
});

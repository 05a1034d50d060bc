import { describe, expect, it } from 'vitest';
import { NOTE_MAX, REASON_MAX } from '../../src/debate/feedback.js';
import { replay } from '../../src/debate/replay.js';
import type { DebateEvent } from '../../src/debate/types.js';
import { debateSchema, loggedEventSchema } from '../../src/store/schemas/debate.js';
import { ballotEvent, deck, LEE, SAM, speakAll, speaking, type Walk } from './helpers.js';

const judged = (judges: string[]): Walk => {
  const walk = speaking({ judges });
  speakAll(walk);
  return walk;
};

/** A 4–3 ballot for lecun with written feedback. */
const withFeedback = (
  judgeId: string,
  reason?: string,
  notes?: Readonly<Record<string, string>>,
): DebateEvent => ({
  ...(ballotEvent(judgeId, { [LEE]: 4, [SAM]: 3 }, 'lecun') as Extract<DebateEvent, { type: 'ballot' }>),
  ...(reason !== undefined ? { reason } : {}),
  ...(notes !== undefined ? { notes } : {}),
});

describe('written feedback on a ballot', () => {
  it('given a ballot with a reason and a note per debater, then both are kept on the ballot, trimmed', () => {
    const walk = judged(['jude', 'jim']);
    walk.act(
      withFeedback('jude', '  Lee won the clash on grounding.\n', {
        [LEE]: 'Strong use of [L01].',
        [SAM]: '  Answer the grounding point.  ',
      }),
    );
    expect(walk.state.ballots.jude).toMatchObject({
      reason: 'Lee won the clash on grounding.',
      notes: { [LEE]: 'Strong use of [L01].', [SAM]: 'Answer the grounding point.' },
    });
  });

  it('given empty or blank feedback, then the ballot has none: empty means no feedback', () => {
    const walk = judged(['jude', 'jim']);
    walk.act(withFeedback('jude', '   ', { [LEE]: '', [SAM]: '\n ' }));
    const ballot = walk.state.ballots.jude;
    expect(ballot).toBeDefined();
    expect(ballot && 'reason' in ballot).toBe(false);
    expect(ballot && 'notes' in ballot).toBe(false);
  });

  it('given a note for someone who is not a debater, then only the debaters’ notes are kept', () => {
    const walk = judged(['jude', 'jim']);
    walk.act(withFeedback('jude', undefined, { [SAM]: 'Good.', stranger: 'Hello.' }));
    expect(walk.state.ballots.jude?.notes).toEqual({ [SAM]: 'Good.' });
  });

  it('given feedback at the limits, then it is accepted; one character over, then it refuses naming the limit and keeps nothing', () => {
    const walk = judged(['jude', 'jim']);
    walk.act(withFeedback('jude', 'r'.repeat(REASON_MAX), { [LEE]: 'n'.repeat(NOTE_MAX) }));
    expect(walk.state.ballots.jude?.reason).toHaveLength(REASON_MAX);
    expect(walk.refuse(withFeedback('jim', 'r'.repeat(REASON_MAX + 1))).code).toBe('reasonTooLong');
    const note = walk.refuse(withFeedback('jim', 'ok', { [SAM]: 'n'.repeat(NOTE_MAX + 1) }));
    expect(note).toEqual({
      code: 'noteTooLong',
      message: `Your note for <@${SAM}> is 1,001 characters; the limit is 1,000.`,
    });
  });

  it('given a resubmitted ballot without feedback, then the earlier feedback is gone: the last ballot is the ballot', () => {
    const walk = judged(['jude', 'jim']);
    walk.act(withFeedback('jude', 'First thoughts.', { [LEE]: 'Note.' }));
    walk.act(withFeedback('jude'));
    expect(walk.state.ballots.jude?.reason).toBeUndefined();
    expect(walk.state.ballots.jude?.notes).toBeUndefined();
  });

  it('given two judges with feedback, when the last ballot closes judging, then each judge’s feedback stays on the finished debate', () => {
    const walk = judged(['jude', 'jim']);
    walk.act(withFeedback('jude', 'Jude’s reason.', { [LEE]: 'From Jude.' }));
    walk.act(withFeedback('jim', 'Jim’s reason.', { [SAM]: 'From Jim.' }));
    expect(walk.state.phase).toBe('done');
    expect(walk.state.ballots.jude).toMatchObject({
      reason: 'Jude’s reason.',
      notes: { [LEE]: 'From Jude.' },
    });
    expect(walk.state.ballots.jim).toMatchObject({ reason: 'Jim’s reason.', notes: { [SAM]: 'From Jim.' } });
  });

  it('given a finished debate with feedback, then its event log and state read back from JSON and replay to the same state', () => {
    const walk = judged(['jude']);
    walk.act(
      withFeedback('jude', 'Decided on the grounding clash.', { [LEE]: 'Well done.', [SAM]: 'Cite more.' }),
    );
    const log = walk.log.map((entry) => loggedEventSchema.parse(JSON.parse(JSON.stringify(entry))));
    expect(replay(deck, log)).toEqual(walk.state);
    expect(debateSchema.parse(JSON.parse(JSON.stringify(walk.state)))).toEqual(walk.state);
  });

  it('given a ballot stored before feedback existed, then it still reads, with no feedback', () => {
    const walk = judged(['jude']);
    walk.act(ballotEvent('jude', { [LEE]: 4, [SAM]: 3 }, 'lecun'));
    const old = JSON.parse(JSON.stringify(walk.state));
    expect(Object.keys(old.ballots.jude).sort()).toEqual(['judgeId', 'scores', 'submittedAt', 'winner']);
    const parsed = debateSchema.parse(old);
    expect(parsed.ballots.jude?.reason).toBeUndefined();
    expect(parsed.ballots.jude?.notes).toBeUndefined();
  });
});

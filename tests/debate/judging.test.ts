import { describe, expect, it } from 'vitest';
import {
  announcements,
  as,
  ballotEvent,
  begun,
  LEE,
  resultOf,
  SAM,
  SECOND,
  type Setup,
  speakAll,
  speaking,
  type Walk,
} from './helpers.js';

const judged = (judges: string[], setup: Setup = {}): Walk => {
  const walk = speaking({ ...setup, judges });
  speakAll(walk);
  return walk;
};

describe('the judging window', () => {
  it('given judges, when the last speech is in, then a window opens with its own deadline and is announced', () => {
    const walk = speaking({ judges: ['jude'] });
    for (let turn = 0; turn < 3; turn++) walk.speak('A speech.', walk.now + 10 * SECOND);
    const effects = walk.speak('The last speech.', walk.now + 10 * SECOND);
    const endsAt = walk.now + 120 * SECOND;
    expect(walk.state).toMatchObject({
      phase: 'judging',
      turn: 4,
      turnEndsAt: undefined,
      timer: { key: 'judging', at: endsAt },
    });
    expect(announcements(effects)).toEqual([
      { kind: 'turn-ended', turn: 3 },
      { kind: 'judging-opened', endsAt },
    ]);
    expect(effects).toContainEqual({ type: 'timer', timer: { key: 'judging', at: endsAt } });
  });

  it('given no judges, when the last speech is in, then the automatic rubric decides at once', () => {
    const walk = speaking();
    speakAll(walk);
    expect(walk.state.phase).toBe('done');
    expect(walk.state.result?.decidedBy).toBe('automatic');
  });

  it('given a judging window, when its timer fires with no ballot, then the automatic rubric decides', () => {
    const walk = judged(['jude']);
    walk.fire();
    expect(walk.state.result).toMatchObject({ decidedBy: 'automatic', rated: true, votes: {} });
  });

  it('given a window still open, when a debater submits a ballot, then it refuses', () => {
    const walk = judged(['jude']);
    expect(walk.refuse(ballotEvent(LEE, { [LEE]: 5, [SAM]: 1 }, 'lecun')).code).toBe('notJudge');
  });

  it('given speeches still under way, when a judge submits, then it refuses: the window is not open', () => {
    const walk = speaking({ judges: ['jude'] });
    expect(walk.refuse(ballotEvent('jude', { [LEE]: 3, [SAM]: 3 }, 'draw')).code).toBe('notJudging');
  });
});

describe('ballots', () => {
  it('given a criterion missing for a debater, then it refuses naming it', () => {
    const walk = judged(['jude']);
    const event = {
      type: 'ballot',
      actor: as('jude'),
      winner: 'draw',
      scores: { [LEE]: { argument: 3, evidence: 3, rebuttal: 3 }, [SAM]: { argument: 3, evidence: 3 } },
    } as const;
    expect(walk.refuse(event)).toEqual({
      code: 'ballotIncomplete',
      message: 'Your ballot is missing Rebuttal for <@sam>.',
    });
  });

  it('given a debater missing entirely, then it refuses', () => {
    const walk = judged(['jude']);
    expect(walk.refuse(ballotEvent('jude', { [LEE]: 3 }, 'draw')).code).toBe('ballotIncomplete');
  });

  it.each([0, 6, 2.5, Number.NaN])('given a score of %s, then it refuses: whole numbers 1 to 5', (score) => {
    const walk = judged(['jude']);
    expect(walk.refuse(ballotEvent('jude', { [LEE]: 3, [SAM]: score }, 'draw')).code).toBe(
      'ballotOutOfRange',
    );
  });

  it('given a winner that is neither a side nor a draw, then it refuses', () => {
    const walk = judged(['jude']);
    expect(walk.refuse(ballotEvent('jude', { [LEE]: 3, [SAM]: 3 }, 'nobody')).message).toBe(
      '"nobody" is not a side or a draw.',
    );
  });

  it('given fewer points for the side it names the winner, then it refuses a low-point win', () => {
    const walk = judged(['jude']);
    expect(walk.refuse(ballotEvent('jude', { [LEE]: 2, [SAM]: 4 }, 'lecun'))).toEqual({
      code: 'ballotLowPointWin',
      message:
        "Your scores give the World models side fewer points than the other side: raise its scores, lower the other side's, or call it a draw.",
    });
  });

  it('given equal points, then either side may be given the win, and any scores may be a draw', () => {
    const walk = judged(['jude', 'judy']);
    walk.act(ballotEvent('jude', { [LEE]: 3, [SAM]: 3 }, 'scaling'));
    walk.act(ballotEvent('judy', { [LEE]: 1, [SAM]: 5 }, 'draw'));
    expect(walk.state.result?.votes).toEqual({ jude: 'scaling', judy: 'draw' });
  });

  it('given a judge who already voted, when they vote again, then the new ballot replaces the old', () => {
    const walk = judged(['jude', 'judy']);
    walk.act(ballotEvent('jude', { [LEE]: 4, [SAM]: 2 }, 'lecun'));
    walk.act(ballotEvent('jude', { [LEE]: 2, [SAM]: 4 }, 'scaling'), walk.now + SECOND);
    expect(walk.state.phase).toBe('judging');
    expect(Object.keys(walk.state.ballots)).toEqual(['jude']);
    expect(walk.state.ballots.jude).toMatchObject({ winner: 'scaling', submittedAt: walk.now });
    expect(walk.state.ballots.jude?.scores[LEE]).toEqual({ argument: 2, evidence: 2, rebuttal: 2 });
  });

  it('given the last judge votes, then the window closes with the judges’ result', () => {
    const walk = judged(['jude', 'judy']);
    walk.act(ballotEvent('jude', { [LEE]: 4, [SAM]: 2 }, 'lecun'));
    const effects = walk.act(ballotEvent('judy', { [LEE]: 5, [SAM]: 3 }, 'lecun'));
    expect(walk.state.phase).toBe('done');
    expect(resultOf(effects)).toMatchObject({ winner: 'lecun', decidedBy: 'judges', rated: true });
  });

  it('given judges, then their mean decides judged criteria, discipline stays automatic, and coaching notes are kept', () => {
    const walk = judged(['jude', 'judy']);
    walk.act(ballotEvent('jude', { [LEE]: 4, [SAM]: 2 }, 'lecun'));
    walk.act(ballotEvent('judy', { [LEE]: 5, [SAM]: 2 }, 'lecun'));
    const lee = walk.state.result?.scores.find((s) => s.userId === LEE);
    expect(lee?.criteria).toEqual([
      { criterionId: 'argument', score: 4.5, reason: 'mean of 2 judges', by: 'judges' },
      { criterionId: 'evidence', score: 4.5, reason: 'mean of 2 judges', by: 'judges' },
      { criterionId: 'rebuttal', score: 4.5, reason: 'mean of 2 judges', by: 'judges' },
      { criterionId: 'discipline', score: 5, reason: '2 of 2 speeches delivered', by: 'automatic' },
    ]);
    expect(lee?.coaching.map((c) => [c.criterionId, c.by])).toEqual([
      ['argument', 'automatic'],
      ['evidence', 'automatic'],
      ['rebuttal', 'automatic'],
    ]);
  });
});

describe('the judges’ decision', () => {
  const decided = (votes: string[]) => {
    const judges = votes.map((_, i) => `judge-${i}`);
    const walk = judged(judges);
    votes.forEach((winner, i) => {
      walk.act(ballotEvent(`judge-${i}`, { [LEE]: 3, [SAM]: 3 }, winner));
    });
    return walk.state.result?.winner;
  };

  it('given a majority for one side, then that side wins', () => {
    expect(decided(['lecun', 'scaling', 'lecun'])).toBe('lecun');
  });

  it('given a split panel, then it is a draw', () => {
    expect(decided(['lecun', 'scaling'])).toBe('draw');
  });

  it('given most judges call a draw, then it is a draw even though one judge named a side', () => {
    expect(decided(['lecun', 'draw', 'draw'])).toBe('draw');
  });

  it('given one judge for a side and one for a draw, then no majority: a draw', () => {
    expect(decided(['scaling', 'draw'])).toBe('draw');
  });

  it('given the window times out with one of two ballots in, then that ballot decides', () => {
    const walk = judged(['jude', 'judy']);
    walk.act(ballotEvent('jude', { [LEE]: 2, [SAM]: 4 }, 'scaling'));
    walk.fire();
    expect(walk.state.result).toMatchObject({
      winner: 'scaling',
      decidedBy: 'judges',
      votes: { jude: 'scaling' },
    });
  });
});

describe('crowd votes', () => {
  it('given spectators, then each has one vote, the last one counts, and the result shows them', () => {
    const walk = speaking({ judges: ['jude'] });
    walk.act({ type: 'crowd', actor: as('fan1'), side: 'lecun' });
    walk.act({ type: 'crowd', actor: as('fan2'), side: 'lecun' });
    walk.act({ type: 'crowd', actor: as('fan2'), side: 'scaling' });
    speakAll(walk);
    walk.act({ type: 'crowd', actor: as('fan3'), side: 'scaling' });
    walk.act(ballotEvent('jude', { [LEE]: 4, [SAM]: 3 }, 'lecun'));
    expect(walk.state.result?.crowd).toEqual({ lecun: 1, scaling: 2 });
    expect(walk.state.result?.winner).toBe('lecun');
  });

  it('given a debater or a judge, when they vote for the crowd favourite, then it refuses', () => {
    const walk = speaking({ judges: ['jude'] });
    expect(walk.refuse({ type: 'crowd', actor: as(LEE), side: 'lecun' }).code).toBe(
      'crowdNotForParticipants',
    );
    expect(walk.refuse({ type: 'crowd', actor: as('jude'), side: 'lecun' }).code).toBe(
      'crowdNotForParticipants',
    );
  });

  it('given prep, when a spectator votes, then it refuses: votes open with the speeches', () => {
    expect(begun().refuse({ type: 'crowd', actor: as('fan'), side: 'lecun' }).code).toBe('crowdNotNow');
  });

  it('given an unknown side, then it refuses', () => {
    expect(speaking().refuse({ type: 'crowd', actor: as('fan'), side: 'doomers' }).code).toBe('unknownSide');
  });

  it('given a spectator who voted, when they become a judge, then their crowd vote is withdrawn', () => {
    const walk = speaking();
    walk.act({ type: 'crowd', actor: as('fan'), side: 'lecun' });
    walk.act({ type: 'judge', actor: as('fan') });
    expect(walk.state.crowd).toEqual({});
    expect(walk.state.judges).toEqual(['fan']);
  });
});

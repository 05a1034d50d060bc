import { describe, expect, it } from 'vitest';
import { graceKey } from '../../src/debate/grace.js';
import { replay } from '../../src/debate/replay.js';
import type { DebateEvent } from '../../src/debate/types.js';
import {
  announcements,
  as,
  deckWith,
  formatLike,
  HOST,
  LEE,
  SAM,
  SECOND,
  speaking,
  type Walk,
} from './helpers.js';

/** The grace for late speech forms (src/debate/grace.ts): the test deck's formats give 20 s. */
const GRACE = 20 * SECOND;

const formOpened = (walk: Walk, openedAt = walk.now, userId = LEE): DebateEvent => ({
  type: 'speech-form',
  actor: as(userId),
  turn: walk.state.turn,
  openedAt,
});
const speech = (text: string, turn = 0): DebateEvent => ({ type: 'speak', actor: as(LEE), text, turn });
const deadlineOf = (walk: Walk) => {
  if (walk.state.turnEndsAt === undefined) throw new Error('no turn under way');
  return walk.state.turnEndsAt;
};
/** Fires the turn's bells, then its end timer, each on time. */
const reachDeadline = (walk: Walk) => {
  const end = `turn:${walk.state.turn}:end`;
  let effects = walk.fire();
  while (walk.log.at(-1)?.event.type === 'timer' && !isKey(walk.log.at(-1)?.event, end))
    effects = walk.fire();
  return effects;
};
const isKey = (event: DebateEvent | undefined, key: string) => event?.type === 'timer' && event.key === key;

describe('a speech form opened before the deadline', () => {
  it('given the form opened in time, when the deadline passes, then the turn is held for the grace, announced, and not ended', () => {
    const walk = speaking();
    const deadline = deadlineOf(walk);
    walk.act(formOpened(walk, deadline - 30 * SECOND), deadline - 30 * SECOND);
    expect(walk.state.speechForm).toEqual({ turn: 0, openedAt: deadline - 30 * SECOND });
    const effects = reachDeadline(walk);
    expect(walk.now).toBe(deadline);
    expect(walk.state).toMatchObject({ phase: 'speaking', turn: 0, turns: [] });
    expect(walk.state.timer).toEqual({ key: graceKey(0), at: deadline + GRACE });
    expect(announcements(effects)).toEqual([{ kind: 'grace', turn: 0, until: deadline + GRACE }]);
  });

  it('given the form opened in time, then its speech at deadline + 10 s is accepted, posted, and the next turn starts then', () => {
    const walk = speaking();
    const deadline = deadlineOf(walk);
    walk.act(formOpened(walk, deadline - SECOND), deadline - SECOND);
    reachDeadline(walk);
    const effects = walk.act(speech('Typed to the end.'), deadline + 10 * SECOND);
    expect(walk.state.turns[0]).toMatchObject({
      outcome: 'delivered',
      text: 'Typed to the end.',
      endedAt: deadline + 10 * SECOND,
    });
    expect(walk.state).toMatchObject({ turn: 1, turnStartedAt: deadline + 10 * SECOND });
    expect(announcements(effects)).toEqual([
      { kind: 'turn-ended', turn: 0 },
      { kind: 'turn-started', turn: 1 },
    ]);
  });

  it('given the form opened in time and the end timer not yet applied, then a speech within the grace is accepted all the same', () => {
    const walk = speaking();
    const deadline = deadlineOf(walk);
    walk.act(formOpened(walk, deadline - SECOND), deadline - SECOND);
    walk.act(speech('Sent before the timer ran.'), deadline + 5 * SECOND);
    expect(walk.state.turns[0]?.outcome).toBe('delivered');
  });

  it('given the form opened in time, then a speech at deadline + grace + 1 s is refused, and the grace timer records the turn as missed at the deadline', () => {
    const walk = speaking();
    const deadline = deadlineOf(walk);
    walk.act(formOpened(walk, deadline - SECOND), deadline - SECOND);
    reachDeadline(walk);
    expect(walk.refuse(speech('Too late even so.'), deadline + GRACE + SECOND).code).toBe('timeUp');
    const effects = walk.fire();
    expect(walk.now).toBe(deadline + GRACE);
    expect(walk.state.turns[0]).toMatchObject({ outcome: 'missed', endedAt: deadline });
    expect(walk.state).toMatchObject({ turn: 1, turnStartedAt: deadline + GRACE });
    expect(announcements(effects)).toEqual([
      { kind: 'turn-ended', turn: 0 },
      { kind: 'turn-started', turn: 1 },
    ]);
  });

  it('given the speech at exactly deadline + grace, then it is still accepted', () => {
    const walk = speaking();
    const deadline = deadlineOf(walk);
    walk.act(formOpened(walk, deadline), deadline);
    walk.act(speech('At the last moment.'), deadline + GRACE);
    expect(walk.state.turns[0]?.outcome).toBe('delivered');
  });

  it('given the opening recorded just after the deadline, as of a check made before it, then it still earns the grace', () => {
    const walk = speaking();
    const deadline = deadlineOf(walk);
    walk.act(formOpened(walk, deadline - 5), deadline + 40);
    expect(walk.state.speechForm).toEqual({ turn: 0, openedAt: deadline - 5 });
    walk.act(speech('Raced the clock.'), deadline + 15 * SECOND);
    expect(walk.state.turns[0]?.outcome).toBe('delivered');
  });

  it('given the form opened twice in time, then the second opening changes nothing', () => {
    const walk = speaking();
    walk.act(formOpened(walk), walk.now + SECOND);
    const before = walk.state;
    walk.act(formOpened(walk), walk.now + SECOND);
    expect(walk.state).toBe(before);
  });
});

describe('no grace', () => {
  it('given no form opened, when the deadline passes, then the turn ends as missed at once and a speech after it is refused', () => {
    const walk = speaking();
    const deadline = deadlineOf(walk);
    reachDeadline(walk);
    expect(walk.state.turns[0]).toMatchObject({ outcome: 'missed', endedAt: deadline });
    expect(walk.state.turn).toBe(1);
    expect(walk.refuse(speech('Late.'), deadline + SECOND).code).toBe('turnOver');
  });

  it('given a form opened after the deadline, then the opening is refused, earns nothing, and the speech is refused', () => {
    const walk = speaking();
    const deadline = deadlineOf(walk);
    expect(walk.refuse(formOpened(walk, deadline + SECOND), deadline + SECOND).code).toBe('timeUp');
    expect(walk.refuse(speech('Late.'), deadline + 2 * SECOND).code).toBe('timeUp');
    reachDeadline(walk);
    expect(walk.state.turns[0]?.outcome).toBe('missed');
  });

  it('given a form opened on an earlier turn, then it earns nothing on this one', () => {
    const walk = speaking();
    walk.act(formOpened(walk), walk.now + SECOND);
    walk.act(speech('First speech.'), walk.now + SECOND);
    const deadline = deadlineOf(walk);
    reachDeadline(walk);
    expect(walk.state.turns[1]).toMatchObject({ userId: SAM, outcome: 'missed', endedAt: deadline });
  });

  it('given someone who is not the speaker, then their opening is refused', () => {
    const walk = speaking();
    expect(walk.refuse(formOpened(walk, walk.now, SAM)).code).toBe('notYourTurn');
  });

  it('given live mode, then the slot has no grace and an opening is refused', () => {
    const walk = speaking({ mode: 'live' });
    expect(walk.slot.graceSeconds).toBeUndefined();
    expect(walk.refuse(formOpened(walk)).code).toBe('liveModeNoText');
  });

  it('given a format with graceSeconds 0, then an opening is not recorded and the deadline ends the turn', () => {
    const walk = speaking({
      formatId: 'no-grace',
      deck: deckWith(formatLike({ id: 'no-grace', graceSeconds: 0 })),
    });
    expect(walk.slot.graceSeconds).toBeUndefined();
    const before = walk.state;
    walk.act(formOpened(walk), walk.now + SECOND);
    expect(walk.state).toBe(before);
    reachDeadline(walk);
    expect(walk.state.turns[0]?.outcome).toBe('missed');
  });
});

describe('the grace with restarts, pauses and replays', () => {
  it('given the end timer applied late but within the grace (a restart), then the turn is held until the grace ends', () => {
    const walk = speaking();
    const deadline = deadlineOf(walk);
    walk.act(formOpened(walk, deadline - SECOND), deadline - SECOND);
    walk.act({ type: 'timer', key: 'turn:0:bell:30' }, deadline + 5 * SECOND);
    expect(walk.state.timer).toEqual({ key: graceKey(0), at: deadline + GRACE });
    expect(walk.state.turn).toBe(0);
  });

  it('given the end timer applied after the grace ran out, then the turn ends at once as missed', () => {
    const walk = speaking();
    const deadline = deadlineOf(walk);
    walk.act(formOpened(walk, deadline - SECOND), deadline - SECOND);
    walk.act({ type: 'timer', key: 'turn:0:bell:30' }, deadline + GRACE + 5 * SECOND);
    expect(walk.state.turns[0]).toMatchObject({ outcome: 'missed', endedAt: deadline });
    expect(walk.state.turnStartedAt).toBe(deadline + GRACE + 5 * SECOND);
  });

  it('given a pause during the grace, then resuming gives back the grace that was left', () => {
    const walk = speaking();
    const deadline = deadlineOf(walk);
    walk.act(formOpened(walk, deadline - SECOND), deadline - SECOND);
    reachDeadline(walk);
    walk.act({ type: 'pause', actor: as(HOST) }, deadline + 5 * SECOND);
    walk.act({ type: 'resume', actor: as(HOST) }, deadline + 65 * SECOND);
    expect(walk.state.timer).toEqual({ key: graceKey(0), at: deadline + 60 * SECOND + GRACE });
    walk.act(speech('After the pause.'), deadline + 75 * SECOND);
    expect(walk.state.turns[0]?.outcome).toBe('delivered');
  });

  it('given a debate with a held turn, a late speech and a missed one, then its log replays to the same state', () => {
    const walk = speaking();
    let deadline = deadlineOf(walk);
    walk.act(formOpened(walk, deadline - SECOND), deadline - SECOND);
    reachDeadline(walk);
    walk.act(speech('Late but in.'), deadline + 10 * SECOND);
    deadline = deadlineOf(walk);
    walk.act(formOpened(walk, deadline - SECOND, SAM), deadline - SECOND);
    reachDeadline(walk);
    walk.fire();
    expect(walk.state.turns.map((t) => t.outcome)).toEqual(['delivered', 'missed']);
    expect(replay(walk.deck, walk.log)).toEqual(walk.state);
  });
});

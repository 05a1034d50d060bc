import { describe, expect, it } from 'vitest';
import { prepLeft } from '../../src/debate/host-controls.js';
import { replay } from '../../src/debate/replay.js';
import {
  announcements,
  as,
  begun,
  deckWith,
  formatLike,
  HOST,
  joinEvent,
  LEE,
  MINUTE,
  SAM,
  SECOND,
  speaking,
} from './helpers.js';

const MOD = 'mod';
const NEWCOMER = 'nia';

describe('pause and resume', () => {
  it('given a speech under way, when the host pauses then resumes 5 minutes later, then the deadline and the pending timer move by exactly the pause', () => {
    const walk = speaking({ mode: 'live' });
    const endsAt = walk.state.turnEndsAt as number;
    const timer = walk.state.timer;
    walk.now += 40 * SECOND;
    const paused = walk.act({ type: 'pause', actor: as(HOST) });
    expect(walk.state.timer).toBeUndefined();
    expect(paused).toContainEqual({ type: 'timer', timer: undefined });
    expect(announcements(paused)).toEqual([{ kind: 'paused' }]);
    expect(walk.state.paused).toMatchObject({ at: walk.now, by: 'host', timer });

    const effects = walk.act({ type: 'resume', actor: as(HOST) }, walk.now + 5 * MINUTE);
    expect(walk.state.turnEndsAt).toBe(endsAt + 5 * MINUTE);
    expect(walk.state.timer).toEqual({ key: timer?.key, at: (timer?.at ?? 0) + 5 * MINUTE });
    expect(walk.state.paused).toBeUndefined();
    expect(announcements(effects)).toEqual([{ kind: 'resumed', seconds: 300 }]);
    expect(walk.state.controls?.map((c) => c.kind)).toEqual(['pause', 'resume']);
    expect(walk.state.controls?.[1]).toMatchObject({ seconds: 300, by: HOST, turn: 0 });
  });

  it('given prep, when paused and resumed, then the prep deadline moves by the pause', () => {
    const walk = begun();
    const prepAt = walk.state.timer?.at as number;
    walk.act({ type: 'pause', actor: as(HOST) }, walk.now + 10 * SECOND);
    walk.act({ type: 'resume', actor: as(HOST) }, walk.now + 2 * MINUTE);
    expect(walk.state.timer).toEqual({ key: 'prep', at: prepAt + 2 * MINUTE });
  });

  it('given a paused debate, then Done and speeches wait, a stale timer changes nothing, and pausing again is refused', () => {
    const walk = speaking();
    const key = walk.state.timer?.key as string;
    walk.act({ type: 'pause', actor: as(HOST) });
    expect(walk.refuse({ type: 'done', actor: as(LEE) }).code).toBe('paused');
    expect(walk.refuse({ type: 'speak', actor: as(LEE), text: 'hello there' }).code).toBe('paused');
    expect(walk.refuse({ type: 'pause', actor: as(HOST) }).code).toBe('alreadyPaused');
    const before = walk.state;
    walk.act({ type: 'timer', key }, walk.now + 10 * MINUTE);
    expect(walk.state).toBe(before);
  });

  it('given a debater or a lobby, then pause and resume are refused with their codes', () => {
    const walk = speaking();
    expect(walk.refuse({ type: 'pause', actor: as(LEE) }).code).toBe('hostOnly');
    expect(walk.refuse({ type: 'resume', actor: as(HOST) }).code).toBe('notPaused');
    walk.act({ type: 'pause', actor: as(MOD, true) });
    expect(walk.refuse({ type: 'resume', actor: as(SAM) }).code).toBe('hostOnly');
    walk.act({ type: 'resume', actor: as(MOD, true) });

    const lobby = begun();
    lobby.act({ type: 'cancel', actor: as(MOD, true) });
    expect(lobby.refuse({ type: 'pause', actor: as(HOST) }).code).toBe('finished');
  });

  it('given a pause and resume, then the log replays to the same state', () => {
    const walk = speaking({ mode: 'live' });
    walk.act({ type: 'pause', actor: as(HOST) }, walk.now + 5 * SECOND);
    walk.act({ type: 'extend', actor: as(HOST), seconds: 30 }, walk.now + SECOND);
    walk.act({ type: 'resume', actor: as(HOST) }, walk.now + MINUTE);
    expect(replay(walk.deck, walk.log)).toEqual(walk.state);
  });
});

describe('extend', () => {
  it('given a speech, when the host extends twice, then the deadline moves by both and the end fires then', () => {
    const walk = speaking({ mode: 'live' });
    const endsAt = walk.state.turnEndsAt as number;
    walk.act({ type: 'extend', actor: as(HOST), seconds: 30 });
    const effects = walk.act({ type: 'extend', actor: as(HOST), seconds: 60 }, walk.now + SECOND);
    expect(walk.state.turnEndsAt).toBe(endsAt + 90 * SECOND);
    expect(announcements(effects)).toEqual([{ kind: 'extended', turn: 0, seconds: 60 }]);
    walk.endTurn();
    expect(walk.state.turns[0]?.endedAt).toBe(endsAt + 90 * SECOND);
  });

  it('given the 30 s bell already rung, when extended by a minute, then the bell is armed again', () => {
    const walk = speaking({ mode: 'live' });
    walk.fire();
    expect(walk.state.timer?.key).toBe('turn:0:end');
    walk.act({ type: 'extend', actor: as(HOST), seconds: 60 });
    expect(walk.state.timer).toEqual({
      key: 'turn:0:bell:30',
      at: (walk.state.turnEndsAt as number) - 30 * SECOND,
    });
  });

  it('given bad seconds, prep, or a debater, then extend is refused', () => {
    expect(begun().refuse({ type: 'extend', actor: as(HOST), seconds: 30 }).code).toBe('extendNotNow');
    const walk = speaking();
    expect(walk.refuse({ type: 'extend', actor: as(HOST), seconds: 0 }).code).toBe('extendSeconds');
    expect(walk.refuse({ type: 'extend', actor: as(HOST), seconds: 601 }).code).toBe('extendSeconds');
    expect(walk.refuse({ type: 'extend', actor: as(HOST), seconds: 1.5 }).code).toBe('extendSeconds');
    expect(walk.refuse({ type: 'extend', actor: as(LEE), seconds: 30 }).code).toBe('hostOnly');
  });
});

describe('replace', () => {
  it('given lee spoke the first speech and left, when the host replaces lee and nia takes the seat, then turn 1 stays lee’s and the rest are nia’s', () => {
    const walk = speaking();
    walk.speak('The opening speech of the debate.', walk.now + 10 * SECOND);
    const opened = walk.act({ type: 'replace', actor: as(HOST), userId: LEE });
    expect(announcements(opened)).toEqual([{ kind: 'seat-opened', userId: LEE, side: 'lecun' }]);
    expect(walk.state.openSeats).toEqual([{ userId: LEE, side: 'lecun', openedAt: walk.now }]);
    const leesHand = walk.hand(LEE);

    const taken = walk.act(joinEvent(NEWCOMER, 'auto'));
    expect(announcements(taken)).toEqual([{ kind: 'seat-taken', userId: NEWCOMER, replaced: LEE }]);
    expect(walk.state.openSeats).toEqual([]);
    expect(walk.state.debaters).toContainEqual({ userId: NEWCOMER, side: 'lecun' });
    expect(walk.state.debaters.some((d) => d.userId === LEE)).toBe(false);
    expect(walk.state.turns[0]?.userId).toBe(LEE);
    expect(walk.state.slots[0]?.userId).toBe(LEE);
    expect(
      walk.state.slots
        .filter((s) => s.side === 'lecun')
        .slice(1)
        .map((s) => s.userId),
    ).toEqual([NEWCOMER]);
    expect(walk.hand(NEWCOMER)).toEqual(leesHand);
    expect(walk.state.controls?.map((c) => c.kind)).toEqual(['replace', 'seat-taken']);
    expect(replay(walk.deck, walk.log)).toEqual(walk.state);
  });

  it('given the leaver is the current speaker, when the seat is taken, then the newcomer gives the current speech', () => {
    const walk = speaking();
    walk.act({ type: 'replace', actor: as(HOST), userId: LEE });
    walk.act(joinEvent(NEWCOMER, 'lecun'));
    expect(walk.slot.userId).toBe(NEWCOMER);
    walk.speak('I take over this speech for my side.');
    expect(walk.state.turns[0]?.userId).toBe(NEWCOMER);
  });

  it('given bad requests, then replace and taking a seat are refused with their codes', () => {
    const walk = speaking();
    expect(walk.refuse({ type: 'replace', actor: as(SAM), userId: LEE }).code).toBe('hostOnly');
    expect(walk.refuse({ type: 'replace', actor: as(HOST), userId: NEWCOMER }).code).toBe('notADebater');
    expect(walk.refuse(joinEvent(NEWCOMER, 'auto')).code).toBe('notInLobby');
    walk.act({ type: 'replace', actor: as(HOST), userId: LEE });
    expect(walk.refuse({ type: 'replace', actor: as(HOST), userId: LEE }).code).toBe('seatAlreadyOpen');
    expect(walk.refuse(joinEvent(NEWCOMER, 'scaling')).code).toBe('sideFull');
    expect(walk.refuse(joinEvent(SAM, 'auto')).code).toBe('alreadyOnSide');
  });
});

describe('prep pools', () => {
  const pooled = deckWith(formatLike({ id: 'pooled', prepSeconds: 0, prepPool: 240 }));
  const setup = { deck: pooled, formatId: 'pooled', mode: 'live' as const };

  it('given a 4-minute pool, when the speaker takes 90 s of prep, then the speech clock stops for it and only their side’s pool is charged', () => {
    const walk = speaking(setup);
    const endsAt = walk.state.turnEndsAt as number;
    const taken = walk.act({ type: 'take-prep', actor: as(LEE), turn: 0 });
    expect(walk.state.timer).toEqual({ key: 'prep-pool:0', at: walk.now + 4 * MINUTE });
    expect(announcements(taken)).toEqual([
      { kind: 'prep-taken', side: 'lecun', until: walk.now + 4 * MINUTE },
    ]);
    expect(walk.refuse({ type: 'done', actor: as(LEE) }).code).toBe('preparing');
    walk.act({ type: 'end-prep', actor: as(LEE), turn: 0 }, walk.now + 90 * SECOND);
    expect(prepLeft(pooled, walk.state, 'lecun')).toBe(150 * SECOND);
    expect(prepLeft(pooled, walk.state, 'scaling')).toBe(240 * SECOND);
    expect(walk.state.turnEndsAt).toBe(endsAt + 90 * SECOND);
    expect(walk.state.controls?.at(-1)).toMatchObject({ kind: 'prep-ended', side: 'lecun', seconds: 90 });
  });

  it('given a pool that runs out (its timer applied late), then the pool is zero, never below, and the speech clock restarts from when it ran out', () => {
    const walk = speaking(setup);
    const endsAt = walk.state.turnEndsAt as number;
    walk.act({ type: 'take-prep', actor: as(LEE) });
    walk.fire(walk.now + 4 * MINUTE + 10 * SECOND);
    expect(prepLeft(pooled, walk.state, 'lecun')).toBe(0);
    expect(walk.state.turnEndsAt).toBe(endsAt + 4 * MINUTE);
    expect(walk.state.paused).toBeUndefined();
    expect(walk.refuse({ type: 'take-prep', actor: as(LEE) }).code).toBe('noPrepLeft');
  });

  it('given the other side, a format without a pool, or a stale button, then Take prep is refused', () => {
    const walk = speaking(setup);
    expect(walk.refuse({ type: 'take-prep', actor: as(SAM) }).code).toBe('prepNotYourSide');
    expect(walk.refuse({ type: 'take-prep', actor: as(LEE), turn: 3 }).code).toBe('turnOver');
    expect(walk.refuse({ type: 'end-prep', actor: as(LEE) }).code).toBe('notPreparing');
    expect(speaking().refuse({ type: 'take-prep', actor: as(LEE) }).code).toBe('noPrepPool');
  });

  it('given a side preparing, when the host resumes, then prep ends and is charged', () => {
    const walk = speaking(setup);
    walk.act({ type: 'take-prep', actor: as(LEE) });
    expect(walk.refuse({ type: 'pause', actor: as(HOST) }).code).toBe('alreadyPaused');
    walk.act({ type: 'resume', actor: as(HOST) }, walk.now + 30 * SECOND);
    expect(prepLeft(pooled, walk.state, 'lecun')).toBe(210 * SECOND);
    expect(replay(walk.deck, walk.log)).toEqual(walk.state);
  });
});

describe('protected time and points of information', () => {
  const parl = deckWith(formatLike({ id: 'parl', prepSeconds: 0, protectedSeconds: 30 }));
  const live = { deck: parl, formatId: 'parl', mode: 'live' as const };

  it('given a live speech with 30 s protected, then the signals fire when protected time ends and starts again, and POIs are refused outside the window', () => {
    const walk = speaking(live);
    const startedAt = walk.now;
    expect(walk.slot.protectedSeconds).toBe(30);
    expect(walk.state.timer).toEqual({ key: 'turn:0:poi-open', at: startedAt + 30 * SECOND });
    expect(walk.refuse({ type: 'poi', actor: as(SAM), turn: 0 }, startedAt + 10 * SECOND).code).toBe(
      'poiProtected',
    );

    expect(announcements(walk.fire())).toEqual([{ kind: 'poi-window', turn: 0, open: true }]);
    expect(walk.refuse({ type: 'poi', actor: as(LEE) }).code).toBe('poiOwnSide');
    const offered = walk.act({ type: 'poi', actor: as(SAM), turn: 0 }, walk.now + 5 * SECOND);
    expect(announcements(offered)).toEqual([{ kind: 'poi-offered', turn: 0, by: SAM }]);
    expect(walk.refuse({ type: 'poi', actor: as(SAM) }).code).toBe('poiPending');
    expect(walk.refuse({ type: 'poi-answer', actor: as(SAM), accept: true }).code).toBe('notYourTurn');
    const answered = walk.act({ type: 'poi-answer', actor: as(LEE), accept: false, turn: 0 });
    expect(announcements(answered)).toEqual([{ kind: 'poi-answered', turn: 0, by: SAM, accepted: false }]);
    expect(walk.state.pois).toEqual([{ turn: 0, by: SAM, at: walk.now, answer: 'declined' }]);
    expect(walk.refuse({ type: 'poi-answer', actor: as(LEE), accept: true }).code).toBe('noPoiWaiting');

    // The 30-s bell coincides with the close: one signal, and the last 30 s are protected.
    expect(announcements(walk.fire())).toEqual([{ kind: 'poi-window', turn: 0, open: false }]);
    expect(walk.state.timer?.key).toBe('turn:0:end');
    expect(walk.refuse({ type: 'poi', actor: as(SAM) }).code).toBe('poiProtected');
    expect(replay(walk.deck, walk.log)).toEqual(walk.state);
  });

  it('given a pause inside the window, then no POI while paused, and the window stays open after resuming', () => {
    const walk = speaking(live);
    walk.fire();
    walk.act({ type: 'pause', actor: as(HOST) }, walk.now + SECOND);
    expect(walk.refuse({ type: 'poi', actor: as(SAM) }).code).toBe('paused');
    walk.act({ type: 'resume', actor: as(HOST) }, walk.now + MINUTE);
    walk.act({ type: 'extend', actor: as(HOST), seconds: 60 });
    // Extra time never closes and reopens the window.
    expect(walk.state.timer?.key).toBe('turn:0:poi-closed');
    walk.act({ type: 'poi', actor: as(SAM) });
  });

  it('given text mode or a format without protected time, then there are no points of information', () => {
    expect(speaking({ ...live, mode: 'text' }).refuse({ type: 'poi', actor: as(SAM) }).code).toBe('noPoints');
    expect(speaking({ mode: 'live' }).refuse({ type: 'poi', actor: as(SAM) }).code).toBe('noPoints');
  });
});

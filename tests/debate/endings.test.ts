import { describe, expect, it } from 'vitest';
import type { DebateEvent } from '../../src/debate/types.js';
import {
  announcements,
  as,
  begun,
  fullLobby,
  HOST,
  joinEvent,
  LEE,
  MINUTE,
  resultOf,
  SAM,
  speaking,
  T0,
  Walk,
} from './helpers.js';

describe('forfeit', () => {
  it('given a debate under way, when a debater forfeits, then the other side wins a rated result', () => {
    const walk = speaking();
    const effects = walk.act({ type: 'forfeit', actor: as(LEE) });
    const result = resultOf(effects);
    expect(result).toMatchObject({ winner: 'scaling', decidedBy: 'forfeit', rated: true, forfeitedBy: LEE });
    expect(walk.state).toMatchObject({ phase: 'done', timer: undefined, result });
    expect(announcements(effects)).toEqual([{ kind: 'finished' }]);
    expect(effects).toContainEqual({ type: 'timer', timer: undefined });
  });

  it('given prep, when the scaling debater forfeits, then lecun wins', () => {
    const walk = begun();
    walk.act({ type: 'forfeit', actor: as(SAM) });
    expect(walk.state.result).toMatchObject({ winner: 'lecun', decidedBy: 'forfeit' });
  });

  it('given the lobby, when a debater forfeits, then it refuses; they can leave instead', () => {
    const walk = fullLobby();
    expect(walk.refuse({ type: 'forfeit', actor: as(LEE) }).code).toBe('forfeitNotNow');
  });

  it('given a spectator, when they forfeit, then it refuses', () => {
    expect(speaking().refuse({ type: 'forfeit', actor: as('someone') }).code).toBe('notDebater');
  });
});

describe('cancel', () => {
  it('given the host, when they cancel mid-debate, then it is cancelled, announced, its timer cleared and nothing rated', () => {
    const walk = speaking();
    const effects = walk.act({ type: 'cancel', actor: as(HOST) });
    expect(walk.state).toMatchObject({ phase: 'cancelled', cancelReason: 'host', timer: undefined });
    expect(effects).toEqual([
      { type: 'announce', announcement: { kind: 'cancelled' } },
      { type: 'timer', timer: undefined },
    ]);
    expect(resultOf(effects)).toBeUndefined();
  });

  it('given a moderator who is not the host, when they cancel, then the reason is moderator', () => {
    const walk = fullLobby();
    walk.act({ type: 'cancel', actor: as('mod', true) });
    expect(walk.state.cancelReason).toBe('moderator');
  });

  it('given a debater who is not the host, when they cancel, then it refuses', () => {
    expect(speaking().refuse({ type: 'cancel', actor: as(LEE) }).message).toBe(
      'Only the host or a moderator (Manage Server) can cancel the debate.',
    );
  });
});

describe('lobby timeout', () => {
  it('given a lobby nobody began, when its timer fires, then it closes as expired', () => {
    const walk = new Walk({ lobbySeconds: 15 * 60 });
    walk.act(joinEvent(LEE, 'lecun'));
    const effects = walk.fire();
    expect(walk.now).toBe(T0 + 15 * MINUTE);
    expect(walk.state).toMatchObject({ phase: 'cancelled', cancelReason: 'expired', timer: undefined });
    expect(announcements(effects)).toEqual([{ kind: 'cancelled' }]);
  });

  it('given a lobby that was begun, when the old lobby timer arrives, then nothing changes', () => {
    const walk = begun();
    const before = walk.state;
    expect(walk.act({ type: 'timer', key: 'lobby' }, T0 + 15 * MINUTE)).toEqual([]);
    expect(walk.state).toBe(before);
  });
});

describe('after the end', () => {
  const everyEvent: DebateEvent[] = [
    joinEvent('new', 'auto'),
    { type: 'leave', actor: as(LEE) },
    { type: 'judge', actor: as('jude') },
    { type: 'swap', actor: as(HOST) },
    { type: 'begin', actor: as(HOST) },
    { type: 'speak', actor: as(SAM), text: 'hello' },
    { type: 'done', actor: as(SAM) },
    { type: 'draw', actor: as(SAM) },
    { type: 'forfeit', actor: as(SAM) },
    { type: 'cancel', actor: as(HOST) },
    { type: 'ballot', actor: as('jude'), scores: {}, winner: 'draw' },
    { type: 'crowd', actor: as('fan'), side: 'lecun' },
  ];
  const finished = {
    done: () => {
      const walk = speaking();
      walk.act({ type: 'forfeit', actor: as(LEE) });
      return walk;
    },
    cancelled: () => {
      const walk = speaking();
      walk.act({ type: 'cancel', actor: as(HOST) });
      return walk;
    },
  };

  for (const [phase, make] of Object.entries(finished)) {
    it(`given a ${phase} debate, then every event is refused with "This debate is over."`, () => {
      const walk = make();
      for (const event of everyEvent)
        expect(walk.refuse(event)).toEqual({ code: 'finished', message: 'This debate is over.' });
    });

    it(`given a ${phase} debate, then a timer, even the last one it had, does nothing`, () => {
      const walk = make();
      const before = walk.state;
      for (const key of ['lobby', 'prep', 'turn:0:bell:30', 'turn:0:end', 'judging'])
        expect(walk.act({ type: 'timer', key }, walk.now + MINUTE)).toEqual([]);
      expect(walk.state).toBe(before);
    });
  }
});

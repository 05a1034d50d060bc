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
  speakAll,
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
  const MOD = as('mod', true);
  const cancel = (actor: ReturnType<typeof as>) => ({ type: 'cancel', actor }) as const;

  it('given a moderator who is not debating, when they cancel mid-debate, then it is cancelled, announced, its timer cleared and nothing rated', () => {
    const walk = speaking();
    const effects = walk.act(cancel(MOD));
    expect(walk.state).toMatchObject({ phase: 'cancelled', cancelReason: 'moderator', timer: undefined });
    expect(effects).toEqual([
      { type: 'announce', announcement: { kind: 'cancelled' } },
      { type: 'timer', timer: undefined },
    ]);
    expect(resultOf(effects)).toBeUndefined();
  });

  it('given the lobby, then the host cancels (reason host) and so does a moderator (reason moderator)', () => {
    const byHost = fullLobby();
    byHost.act(cancel(as(HOST)));
    expect(byHost.state.cancelReason).toBe('host');
    const byMod = fullLobby();
    byMod.act(cancel(MOD));
    expect(byMod.state.cancelReason).toBe('moderator');
  });

  it('given the lobby, then a seated debater who is not the host is refused, naming who can cancel', () => {
    expect(fullLobby().refuse(cancel(as(LEE)))).toEqual({
      code: 'hostOnly',
      message: 'Only the host or a moderator (Manage Server) can cancel the debate.',
    });
  });

  it('given the host-debater of a lobby, then they may cancel it (nothing is rated yet)', () => {
    const walk = new Walk({ hostId: LEE });
    walk.act(joinEvent(LEE, 'lecun'));
    walk.act(cancel(as(LEE)));
    expect(walk.state.phase).toBe('cancelled');
  });

  it('given a debate under way, then the host without Manage Server is refused: only a moderator who is not debating can', () => {
    for (const walk of [begun(), speaking()])
      expect(walk.refuse(cancel(as(HOST))).code).toBe('cancelNeedsModerator');
    expect(speaking().refuse(cancel(as(HOST))).message).toContain(
      'only a moderator (Manage Server) who is not debating in it can cancel it',
    );
  });

  it('given a debate under way, then a debater is refused even with Manage Server, and told to forfeit instead', () => {
    const walk = speaking();
    for (const actor of [as(LEE), as(SAM, true)])
      expect(walk.refuse(cancel(actor)).code).toBe('cancelByDebater');
    expect(walk.refuse(cancel(as(LEE, true))).message).toContain('/debate forfeit');
  });

  it('given a host who also debates, when they are losing after Begin, then their cancel is refused even with Manage Server', () => {
    const walk = new Walk({ hostId: LEE });
    walk.act(joinEvent(LEE, 'lecun'));
    walk.act(joinEvent(SAM, 'scaling'));
    walk.act({ type: 'begin', actor: as(LEE) });
    expect(walk.refuse(cancel(as(LEE))).code).toBe('cancelByDebater');
    expect(walk.refuse(cancel(as(LEE, true))).code).toBe('cancelByDebater');
  });

  it('given judging, then a moderator judge who is not debating may cancel', () => {
    const walk = speaking({ judges: ['jude'] });
    speakAll(walk);
    expect(walk.state.phase).toBe('judging');
    walk.act(cancel(as('jude', true)));
    expect(walk.state.phase).toBe('cancelled');
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
      walk.act({ type: 'cancel', actor: as('mod', true) });
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

import { describe, expect, it } from 'vitest';
import { apply } from '../../src/debate/engine.js';
import {
  announcements,
  as,
  deck,
  HOST,
  joinEvent,
  LEE,
  LOU,
  MINUTE,
  openEvent,
  SAM,
  SECOND,
  T0,
  Walk,
} from './helpers.js';

const sidesOf = (walk: Walk) => Object.fromEntries(walk.state.debaters.map((d) => [d.userId, d.side]));

describe('opening a lobby', () => {
  it('given a known motion and format, then the lobby opens with a lobby timer and is announced', () => {
    const step = apply(deck, undefined, openEvent({ lobbySeconds: 600 }), T0);
    expect(step.ok).toBe(true);
    if (!step.ok) return;
    expect(step.state).toMatchObject({ phase: 'lobby', turn: -1, debaters: [], judges: [], hostId: HOST });
    expect(step.state.timer).toEqual({ key: 'lobby', at: T0 + 10 * MINUTE });
    expect(step.effects).toEqual([
      { type: 'announce', announcement: { kind: 'lobby-opened' } },
      { type: 'timer', timer: { key: 'lobby', at: T0 + 10 * MINUTE } },
    ]);
  });

  it('given an unknown motion, then it refuses naming the motion', () => {
    const step = apply(deck, undefined, openEvent({ motionId: 'M99' }), T0);
    expect(step).toEqual({
      ok: false,
      refusal: { code: 'unknownMotion', message: 'There is no motion "M99". Try /motion list.' },
    });
  });

  it('given an unknown format, then it refuses naming the format', () => {
    const step = apply(deck, undefined, openEvent({ formatId: 'marathon' }), T0);
    expect(step).toEqual({
      ok: false,
      refusal: { code: 'unknownFormat', message: 'There is no format "marathon".' },
    });
  });

  it('given a size the format does not allow, then it refuses with the sizes it allows', () => {
    const step = apply(deck, undefined, openEvent({ formatId: 'quick', size: '2v2' }), T0);
    expect(step).toEqual({
      ok: false,
      refusal: { code: 'sizeNotAllowed', message: 'The Quick format is for 1v1, not 2v2.' },
    });
  });
});

describe('joining a side', () => {
  it('given a side with room, when a player asks for it, then they join it and the lobby changes', () => {
    const walk = new Walk();
    const effects = walk.act(joinEvent(LEE, 'lecun'));
    expect(walk.state.debaters).toEqual([{ userId: LEE, side: 'lecun' }]);
    expect(announcements(effects)).toEqual([{ kind: 'lobby-changed' }]);
  });

  it('given a full scaling side, when a player asks for scaling, then it refuses with "The Scaling side is full."', () => {
    const walk = new Walk();
    walk.act(joinEvent(SAM, 'scaling'));
    expect(walk.refuse(joinEvent(LEE, 'scaling'))).toEqual({
      code: 'sideFull',
      message: 'The Scaling side is full.',
    });
  });

  it('given both sides full, when a player asks for auto, then it refuses and points to judging', () => {
    const walk = new Walk();
    walk.act(joinEvent(LEE, 'lecun'));
    walk.act(joinEvent(SAM, 'scaling'));
    expect(walk.refuse(joinEvent(LOU, 'auto')).message).toBe(
      'Both sides are full. You can still join as a judge.',
    );
  });

  it('given a player already on a side, when they ask for it again, then it refuses', () => {
    const walk = new Walk();
    walk.act(joinEvent(LEE, 'lecun'));
    expect(walk.refuse(joinEvent(LEE, 'lecun'))).toEqual({
      code: 'alreadyOnSide',
      message: 'You are already on the World models side.',
    });
  });

  it('given a player already on a side, when they ask for auto, then it refuses naming their side', () => {
    const walk = new Walk();
    walk.act(joinEvent(LEE, 'scaling'));
    expect(walk.refuse(joinEvent(LEE, 'auto')).message).toBe('You are already on the Scaling side.');
  });

  it('given a player on one side, when they ask for the other side with room, then they switch', () => {
    const walk = new Walk();
    walk.act(joinEvent(LEE, 'lecun'));
    walk.act(joinEvent(LEE, 'scaling'));
    expect(walk.state.debaters).toEqual([{ userId: LEE, side: 'scaling' }]);
  });

  it('given an unknown side, then it refuses listing the sides', () => {
    const walk = new Walk();
    expect(walk.refuse(joinEvent(LEE, 'doomers')).message).toBe(
      'There is no side "doomers": choose lecun, scaling or auto.',
    );
  });
});

describe('auto side choice', () => {
  it('given a player who argued lecun more often, when they ask for auto, then they get scaling', () => {
    const walk = new Walk();
    walk.act(joinEvent(LEE, 'auto', { lecun: 3, scaling: 1 }));
    expect(sidesOf(walk)).toEqual({ [LEE]: 'scaling' });
  });

  it('given the side they argued less is full, when they ask for auto, then they get the side with room', () => {
    const walk = new Walk();
    walk.act(joinEvent(SAM, 'scaling'));
    walk.act(joinEvent(LEE, 'auto', { lecun: 5, scaling: 0 }));
    expect(sidesOf(walk)).toEqual({ [SAM]: 'scaling', [LEE]: 'lecun' });
  });

  it('given an even history, when they ask for auto, then they get the side with fewer players', () => {
    const walk = new Walk({ formatId: 'team', size: '2v2' });
    walk.act(joinEvent(SAM, 'scaling'));
    walk.act(joinEvent(LEE, 'auto', { lecun: 2, scaling: 2 }));
    expect(sidesOf(walk)[LEE]).toBe('lecun');
  });

  it('given an even history and even sides, then a seeded coin decides and both outcomes are reachable', () => {
    const sideFor = (seed: number) => {
      const walk = new Walk({ seed });
      walk.act(joinEvent(LEE, 'auto'));
      return { side: sidesOf(walk)[LEE], rng: walk.state.rng };
    };
    expect(sideFor(7).side).toBe('lecun');
    expect(sideFor(1).side).toBe('scaling');
    // The same seed always gives the same flip, and the flip advances the generator.
    expect(sideFor(7)).toEqual(sideFor(7));
    expect(sideFor(7).rng).not.toBe(7);
  });

  it('given no coin is needed, then the generator is not advanced', () => {
    const walk = new Walk({ seed: 7 });
    walk.act(joinEvent(LEE, 'auto', { lecun: 1 }));
    expect(walk.state.rng).toBe(7);
  });
});

describe('leaving', () => {
  it('given a debater in the lobby, when they leave, then their place is free again', () => {
    const walk = new Walk();
    walk.act(joinEvent(LEE, 'lecun'));
    const effects = walk.act({ type: 'leave', actor: as(LEE) });
    expect(walk.state.debaters).toEqual([]);
    expect(announcements(effects)).toEqual([{ kind: 'lobby-changed' }]);
  });

  it('given someone not in the debate, when they leave, then it refuses', () => {
    expect(new Walk().refuse({ type: 'leave', actor: as(LEE) }).code).toBe('notInDebate');
  });

  it('given a begun debate, when a debater leaves, then it refuses pointing to forfeit', () => {
    const walk = new Walk();
    walk.act(joinEvent(LEE, 'lecun'));
    walk.act(joinEvent(SAM, 'scaling'));
    walk.act({ type: 'begin', actor: as(HOST) });
    expect(walk.refuse({ type: 'leave', actor: as(LEE) })).toEqual({
      code: 'leaveAfterBegin',
      message: 'The debate has begun: to concede, use /debate forfeit.',
    });
  });

  it('given a judge, when they leave, then they are no longer a judge', () => {
    const walk = new Walk();
    walk.act({ type: 'judge', actor: as('jude') });
    walk.act({ type: 'leave', actor: as('jude') });
    expect(walk.state.judges).toEqual([]);
  });
});

describe('judging seats', () => {
  it('given a spectator, when they join as judge, then they are a judge', () => {
    const walk = new Walk();
    walk.act({ type: 'judge', actor: as('jude') });
    expect(walk.state.judges).toEqual(['jude']);
    expect(walk.refuse({ type: 'judge', actor: as('jude') }).code).toBe('alreadyJudge');
  });

  it('given a debater, when they ask to judge, then it refuses', () => {
    const walk = new Walk();
    walk.act(joinEvent(LEE, 'lecun'));
    expect(walk.refuse({ type: 'judge', actor: as(LEE) })).toEqual({
      code: 'debaterCannotJudge',
      message: 'You are debating in this debate; a debater cannot also judge it.',
    });
  });

  it('given a judge, when they ask to debate, then it refuses', () => {
    const walk = new Walk();
    walk.act({ type: 'judge', actor: as('jude') });
    expect(walk.refuse(joinEvent('jude', 'auto')).code).toBe('judgeCannotDebate');
    expect(walk.refuse(joinEvent('jude', 'lecun')).code).toBe('judgeCannotDebate');
  });
});

describe('swapping sides', () => {
  it('given the host, when they swap, then every debater changes side', () => {
    const walk = new Walk();
    walk.act(joinEvent(LEE, 'lecun'));
    walk.act(joinEvent(SAM, 'scaling'));
    walk.act({ type: 'swap', actor: as(HOST) });
    expect(sidesOf(walk)).toEqual({ [LEE]: 'scaling', [SAM]: 'lecun' });
  });

  it('given a manager who is not the host, when they swap, then it is allowed', () => {
    const walk = new Walk();
    walk.act(joinEvent(LEE, 'lecun'));
    walk.act({ type: 'swap', actor: as('mod', true) });
    expect(sidesOf(walk)).toEqual({ [LEE]: 'scaling' });
  });

  it('given a debater who is not the host, when they swap, then it refuses', () => {
    const walk = new Walk();
    walk.act(joinEvent(LEE, 'lecun'));
    expect(walk.refuse({ type: 'swap', actor: as(LEE) }).message).toBe(
      'Only the host or a moderator (Manage Server) can swap the sides.',
    );
  });

  it('given a begun debate, when the host swaps, then it refuses', () => {
    const walk = new Walk();
    walk.act(joinEvent(LEE, 'lecun'));
    walk.act(joinEvent(SAM, 'scaling'));
    walk.act({ type: 'begin', actor: as(HOST) }, T0 + SECOND);
    expect(walk.refuse({ type: 'swap', actor: as(HOST) }).code).toBe('notInLobby');
  });
});

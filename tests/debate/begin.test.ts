import { describe, expect, it } from 'vitest';
import {
  announcements,
  as,
  begun,
  deckWith,
  formatLike,
  fullLobby,
  HOST,
  joinEvent,
  LEE,
  LOU,
  SAM,
  SECOND,
  SUE,
  T0,
  Walk,
} from './helpers.js';

const deckIds = (side: 'L' | 'S') =>
  Array.from({ length: 10 }, (_, i) => `${side}${String(i + 1).padStart(2, '0')}`);

describe('beginning a debate', () => {
  it('given full sides, when a debater who is not the host begins, then it refuses', () => {
    const walk = fullLobby();
    expect(walk.refuse({ type: 'begin', actor: as(LEE) })).toEqual({
      code: 'hostOnly',
      message: 'Only the host or a moderator (Manage Server) can begin the debate.',
    });
  });

  it('given full sides, when a manager who is not the host begins, then the debate begins', () => {
    const walk = fullLobby();
    walk.act({ type: 'begin', actor: as('mod', true) });
    expect(walk.state.phase).toBe('prep');
  });

  it('given a side still empty, when the host begins, then it refuses saying who is missing', () => {
    const walk = new Walk();
    walk.act(joinEvent(LEE, 'lecun'));
    expect(walk.refuse({ type: 'begin', actor: as(HOST) }).message).toBe(
      'Both sides must be full to begin: Scaling needs 1 more.',
    );
  });

  it('given a 2v2 with one player a side, when the host begins, then it refuses for both sides', () => {
    const walk = new Walk({ formatId: 'team', size: '2v2' });
    walk.act(joinEvent(LEE, 'lecun'));
    walk.act(joinEvent(SAM, 'scaling'));
    expect(walk.refuse({ type: 'begin', actor: as(HOST) }).message).toBe(
      'Both sides must be full to begin: World models needs 1 more, Scaling needs 1 more.',
    );
  });

  it('given full sides, when the host begins, then prep runs with its timer and is announced', () => {
    const walk = fullLobby();
    const effects = walk.act({ type: 'begin', actor: as(HOST) }, T0 + 10 * SECOND);
    const prepEndsAt = T0 + 70 * SECOND;
    expect(walk.state).toMatchObject({ phase: 'prep', turn: -1, timer: { key: 'prep', at: prepEndsAt } });
    expect(effects).toEqual([
      { type: 'announce', announcement: { kind: 'begun', prepEndsAt } },
      { type: 'timer', timer: { key: 'prep', at: prepEndsAt } },
    ]);
  });
});

describe('dealing', () => {
  it("given a 1v1, then each debater gets the format's hand size of their own side's cards", () => {
    const walk = begun();
    expect(walk.hand(LEE)).toHaveLength(3);
    expect(walk.hand(SAM)).toHaveLength(3);
    expect(walk.hand(LEE).every((id) => id.startsWith('L'))).toBe(true);
    expect(walk.hand(SAM).every((id) => id.startsWith('S'))).toBe(true);
  });

  it('given a 2v2, then no card is dealt twice and hands plus piles are exactly the deck', () => {
    const walk = begun({ formatId: 'team' });
    const { hands, piles } = walk.state;
    const lecun = [...walk.hand(LEE), ...walk.hand(LOU), ...(piles.lecun ?? [])];
    const scaling = [...walk.hand(SAM), ...walk.hand(SUE), ...(piles.scaling ?? [])];
    expect(Object.values(hands).flat()).toHaveLength(8);
    expect(new Set(Object.values(hands).flat()).size).toBe(8);
    expect([...lecun].sort()).toEqual(deckIds('L'));
    expect([...scaling].sort()).toEqual(deckIds('S'));
  });

  it('given the same seed, then the deal is the same; given another seed, then it differs', () => {
    expect(begun({ seed: 3 }).state.hands).toEqual(begun({ seed: 3 }).state.hands);
    expect(begun({ seed: 3 }).state.hands).not.toEqual(begun({ seed: 4 }).state.hands);
  });
});

describe('drawing a card', () => {
  it("given draws left, when a debater draws, then the top of their side's pile joins their hand privately", () => {
    const walk = begun();
    const top = walk.state.piles.lecun?.[0];
    const effects = walk.act({ type: 'draw', actor: as(LEE) });
    expect(walk.hand(LEE)).toHaveLength(4);
    expect(walk.hand(LEE).at(-1)).toBe(top);
    expect(walk.state.piles.lecun).toHaveLength(6);
    expect(walk.state.draws[LEE]).toBe(1);
    expect(effects).toEqual([{ type: 'notify', userId: LEE, note: { kind: 'drawn', cardId: top } }]);
  });

  it("given the format's allowance used, when they draw again, then it refuses", () => {
    const walk = begun();
    walk.act({ type: 'draw', actor: as(LEE) });
    expect(walk.refuse({ type: 'draw', actor: as(LEE) })).toEqual({
      code: 'noDrawsLeft',
      message: 'You have used your one draw.',
    });
  });

  it('given a format with two draws, when both are used, then it refuses counting them', () => {
    const walk = begun({ formatId: 'flex' });
    walk.act({ type: 'draw', actor: as(SAM) });
    walk.act({ type: 'draw', actor: as(SAM) });
    expect(walk.refuse({ type: 'draw', actor: as(SAM) }).message).toBe('You have used all 2 of your draws.');
  });

  it('given a format with no draws, when a debater draws, then it refuses', () => {
    const walk = begun({ formatId: 'team' });
    expect(walk.refuse({ type: 'draw', actor: as(LEE) }).message).toBe('This format allows no extra draws.');
  });

  it("given the side's pile is empty, when a debater draws, then it refuses", () => {
    const walk = begun({ formatId: 'all-in', deck: deckWith(formatLike({ id: 'all-in', handSize: 10 })) });
    expect(walk.state.piles.lecun).toEqual([]);
    expect(walk.refuse({ type: 'draw', actor: as(LEE) }).code).toBe('pileEmpty');
  });

  it('given the lobby, when a debater draws, then it refuses; a spectator is refused too', () => {
    const walk = fullLobby();
    expect(walk.refuse({ type: 'draw', actor: as(LEE) }).code).toBe('drawNotNow');
    expect(walk.refuse({ type: 'draw', actor: as('someone') }).code).toBe('notDebater');
  });
});

describe('prep', () => {
  it('given prep, when its timer fires, then turn 0 starts at that moment with its full time', () => {
    const walk = begun();
    const prepEnd = walk.state.timer?.at ?? 0;
    const effects = walk.fire();
    expect(walk.state).toMatchObject({
      phase: 'speaking',
      turn: 0,
      turnStartedAt: prepEnd,
      turnEndsAt: prepEnd + 120 * SECOND,
    });
    expect(announcements(effects)).toEqual([{ kind: 'turn-started', turn: 0 }]);
  });

  it('given a format with no prep, when the host begins, then turn 0 starts at once', () => {
    const walk = fullLobby({ formatId: 'team' });
    const effects = walk.act({ type: 'begin', actor: as(HOST) }, T0 + SECOND);
    expect(walk.state).toMatchObject({ phase: 'speaking', turn: 0, turnStartedAt: T0 + SECOND });
    expect(announcements(effects).map((a) => a.kind)).toEqual(['begun', 'turn-started']);
    expect(walk.state.timer?.key).toBe('turn:0:bell:30');
  });

  it('given prep, when every debater says done, then the first speech starts early', () => {
    const walk = begun();
    walk.act({ type: 'done', actor: as(LEE) }, T0 + 5 * SECOND);
    expect(walk.state.phase).toBe('prep');
    expect(walk.state.ready).toEqual([LEE]);
    expect(walk.refuse({ type: 'done', actor: as(LEE) }).code).toBe('alreadyReady');
    walk.act({ type: 'done', actor: as(SAM) }, T0 + 9 * SECOND);
    expect(walk.state).toMatchObject({
      phase: 'speaking',
      turn: 0,
      turnStartedAt: T0 + 9 * SECOND,
      ready: [],
    });
  });

  it('given prep, when someone who is not debating says done, then it refuses', () => {
    const walk = begun({ judges: ['jude'] });
    expect(walk.refuse({ type: 'done', actor: as('jude') }).code).toBe('notDebater');
  });

  it('given prep started early, when the stale prep timer fires, then nothing changes', () => {
    const walk = begun();
    const prep = walk.state.timer;
    walk.act({ type: 'done', actor: as(LEE) });
    walk.act({ type: 'done', actor: as(SAM) });
    const before = walk.state;
    const effects = walk.act({ type: 'timer', key: prep?.key ?? 'prep' }, prep?.at);
    expect(effects).toEqual([]);
    expect(walk.state).toBe(before);
  });
});

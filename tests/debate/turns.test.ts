import { describe, expect, it } from 'vitest';
import { formatSchema } from '../../src/content/schemas.js';
import {
  announcements,
  as,
  deckWith,
  formatLike,
  LEE,
  LOU,
  SAM,
  SECOND,
  SUE,
  speaking,
  type Walk,
} from './helpers.js';

const order = (walk: Walk) => walk.state.slots.map((s) => `${s.userId}:${s.side}:${s.kind}`);

const belled = formatLike({
  id: 'belled',
  prepSeconds: 0,
  speeches: [
    formatSchema.shape.speeches.element.parse({
      side: 'lecun',
      kind: 'constructive',
      seconds: 120,
      textSeconds: 120,
      bells: [30, 60],
      words: { min: 1, max: 100 },
    }),
    formatSchema.shape.speeches.element.parse({
      side: 'scaling',
      kind: 'constructive',
      seconds: 120,
      textSeconds: 120,
      bells: [],
      words: { min: 1, max: 100 },
    }),
  ],
});

describe('turn order', () => {
  it("given a motion the format's opening side affirms, then turns follow the format's order", () => {
    expect(order(speaking())).toEqual([
      'lee:lecun:constructive',
      'sam:scaling:constructive',
      'lee:lecun:rebuttal',
      'sam:scaling:rebuttal',
    ]);
  });

  it('given a motion affirmed by the second side, then the order is mirrored so that side opens', () => {
    const walk = speaking({ motionId: 'M02' });
    expect(order(walk)).toEqual([
      'sam:scaling:constructive',
      'lee:lecun:constructive',
      'sam:scaling:rebuttal',
      'lee:lecun:rebuttal',
    ]);
    expect(walk.slot.userId).toBe(SAM);
  });

  it("given a 2v2, then speaker 1 and 2 are each side's debaters in joining order", () => {
    const walk = speaking({ formatId: 'team' });
    expect(walk.state.slots.map((s) => s.userId)).toEqual([LEE, SAM, LOU, SUE]);
  });

  it('given a turn, then its record names the speaker and the next turn follows', () => {
    const walk = speaking();
    walk.speak('An opening case.');
    expect(walk.state.turn).toBe(1);
    expect(walk.slot.userId).toBe(SAM);
    expect(walk.state.turns.map((t) => [t.turn, t.userId, t.side])).toEqual([[0, LEE, 'lecun']]);
  });
});

describe('bells', () => {
  it('given a speech with bells, then they fire in order, each announced, then the end', () => {
    const walk = speaking({ formatId: 'belled', deck: deckWith(belled) });
    const endsAt = walk.state.turnEndsAt ?? 0;
    expect(walk.state.timer).toEqual({ key: 'turn:0:bell:60', at: endsAt - 60 * SECOND });

    expect(announcements(walk.fire())).toEqual([{ kind: 'bell', turn: 0, secondsLeft: 60 }]);
    expect(walk.state.timer).toEqual({ key: 'turn:0:bell:30', at: endsAt - 30 * SECOND });

    expect(announcements(walk.fire())).toEqual([{ kind: 'bell', turn: 0, secondsLeft: 30 }]);
    expect(walk.state.timer).toEqual({ key: 'turn:0:end', at: endsAt });

    expect(announcements(walk.fire()).map((a) => a.kind)).toEqual(['turn-ended', 'turn-started']);
    expect(walk.state.turn).toBe(1);
  });

  it('given the first bell applied after the second bell was due, then it rings once and the past bell is skipped', () => {
    const walk = speaking({ formatId: 'belled', deck: deckWith(belled) });
    const endsAt = walk.state.turnEndsAt ?? 0;
    expect(announcements(walk.fire(endsAt - 20 * SECOND))).toEqual([
      { kind: 'bell', turn: 0, secondsLeft: 60 },
    ]);
    expect(walk.state.timer).toEqual({ key: 'turn:0:end', at: endsAt });
  });

  it('given a speech without bells, then its only timer is its end', () => {
    const walk = speaking({ formatId: 'flex' });
    expect(walk.state.timer).toEqual({ key: 'turn:0:end', at: walk.state.turnEndsAt });
  });
});

describe('timers', () => {
  it('given a bell that has fired, when it is applied again, then nothing changes and nothing is done', () => {
    const walk = speaking();
    const bell = { type: 'timer', key: walk.state.timer?.key ?? '' } as const;
    walk.fire();
    const before = walk.state;
    expect(walk.act(bell, walk.now + SECOND)).toEqual([]);
    expect(walk.state).toBe(before);
  });

  it('given an earlier turn, when its stale end timer arrives, then nothing changes', () => {
    const walk = speaking();
    walk.endTurn();
    const before = walk.state;
    expect(walk.act({ type: 'timer', key: 'turn:0:end' }, walk.now + SECOND)).toEqual([]);
    expect(walk.state).toBe(before);
  });

  it('given an unknown key, then nothing changes', () => {
    const walk = speaking();
    const before = walk.state;
    expect(walk.act({ type: 'timer', key: 'lobby' })).toEqual([]);
    expect(walk.state).toBe(before);
  });

  it('given a deadline applied late, then the turn ends as of its deadline and the next starts now with full time', () => {
    const walk = speaking();
    walk.fire();
    const deadline = walk.state.turnEndsAt ?? 0;
    const late = deadline + 5 * 60 * SECOND;
    walk.fire(late);
    expect(walk.state.turns[0]).toMatchObject({ endedAt: deadline, outcome: 'missed' });
    expect(walk.state).toMatchObject({ turn: 1, turnStartedAt: late, turnEndsAt: late + 120 * SECOND });
    expect(walk.state.timer).toEqual({ key: 'turn:1:bell:30', at: late + 90 * SECOND });
  });

  it('given a bell applied after its turn should have ended, then it is folded into the end', () => {
    const walk = speaking();
    const deadline = walk.state.turnEndsAt ?? 0;
    const effects = walk.fire(deadline + SECOND);
    expect(announcements(effects)).toEqual([
      { kind: 'turn-ended', turn: 0 },
      { kind: 'turn-started', turn: 1 },
    ]);
    expect(walk.state.turns[0]).toMatchObject({ turn: 0, endedAt: deadline, outcome: 'missed' });
  });
});

describe('moves that name the turn they were made in', () => {
  it('given a speech made for a turn that has since ended, then it is refused and does not land on the next turn', () => {
    const walk = speaking();
    const first = walk.state.slots[0]?.userId ?? '';
    walk.speak('Opening speech.');
    const refusal = walk.refuse({ type: 'speak', actor: as(first), text: 'Late text.', turn: 0 });
    expect(refusal.code).toBe('turnOver');
    expect(walk.state.turns).toHaveLength(1);
  });

  it('given Done pressed for an earlier turn, then it is refused and the current turn goes on', () => {
    const walk = speaking();
    walk.speak('Opening speech.');
    const speaker = walk.state.slots[1]?.userId ?? '';
    expect(walk.refuse({ type: 'done', actor: as(speaker), turn: 0 }).code).toBe('turnOver');
    expect(walk.state.turn).toBe(1);
  });

  it('given Ready pressed just after prep ended, then it is refused rather than passing the first speech', () => {
    const walk = speaking();
    const first = walk.state.slots[0]?.userId ?? '';
    expect(walk.refuse({ type: 'done', actor: as(first), turn: -1 }).code).toBe('turnOver');
    expect(walk.state.turn).toBe(0);
    expect(walk.state.turns).toEqual([]);
  });

  it('given a speech that names the current turn, then it is accepted', () => {
    const walk = speaking();
    const first = walk.state.slots[0]?.userId ?? '';
    walk.act({ type: 'speak', actor: as(first), text: 'On time.', turn: 0 });
    expect(walk.state.turns[0]?.outcome).toBe('delivered');
  });
});

describe('missed and passed turns in text mode', () => {
  it('given no speech by the deadline, then the turn is recorded as missed', () => {
    const walk = speaking();
    const started = walk.state.turnStartedAt;
    walk.endTurn();
    expect(walk.state.turns).toEqual([
      {
        turn: 0,
        userId: LEE,
        side: 'lecun',
        startedAt: started,
        endedAt: walk.state.turnStartedAt,
        outcome: 'missed',
        cited: [],
        answered: [],
      },
    ]);
  });

  it('given the speaker presses done in text mode, then the turn is recorded as passed', () => {
    const walk = speaking();
    walk.act({ type: 'done', actor: as(LEE) }, walk.now + 10 * SECOND);
    expect(walk.state.turns[0]).toMatchObject({ outcome: 'passed', endedAt: walk.now });
  });

  it('given someone else presses done, then it refuses naming the speaker', () => {
    const walk = speaking();
    expect(walk.refuse({ type: 'done', actor: as(SAM) }).message).toBe("It is <@lee>'s turn, not yours.");
  });
});

describe('live mode', () => {
  it('given a live turn, when the speaker presses done, then it ends early at that moment', () => {
    const walk = speaking({ mode: 'live' });
    const at = walk.now + 40 * SECOND;
    walk.act({ type: 'done', actor: as(LEE) }, at);
    expect(walk.state.turns[0]).toMatchObject({ outcome: 'ended-early', endedAt: at });
    expect(walk.state).toMatchObject({ turn: 1, turnStartedAt: at });
  });

  it('given a live turn, when its deadline passes, then it is recorded as delivered', () => {
    const walk = speaking({ mode: 'live' });
    const deadline = walk.state.turnEndsAt;
    walk.endTurn();
    expect(walk.state.turns[0]).toMatchObject({ outcome: 'delivered', endedAt: deadline });
  });

  it('given a live debate, when the speaker sends text, then it refuses', () => {
    const walk = speaking({ mode: 'live' });
    expect(walk.refuse({ type: 'speak', actor: as(LEE), text: 'hello' })).toEqual({
      code: 'liveModeNoText',
      message: 'This debate is in live mode: speak in voice, then press Done.',
    });
  });

  it('given a live turn past its deadline whose timer has not fired, when the speaker presses done, then it ends as of the deadline', () => {
    const walk = speaking({ mode: 'live' });
    const deadline = walk.state.turnEndsAt ?? 0;
    walk.act({ type: 'done', actor: as(LEE) }, deadline + 20 * SECOND);
    expect(walk.state.turns[0]).toMatchObject({ outcome: 'delivered', endedAt: deadline });
    expect(walk.state.turnStartedAt).toBe(deadline + 20 * SECOND);
  });
});

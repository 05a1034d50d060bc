import { describe, expect, it } from 'vitest';
import { PARTNER_ID } from '../../src/debate/partner/identity.js';
import type { DebateEvent } from '../../src/debate/types.js';
import { useBackend } from '../store/backends.js';
import { actor, GUILD, openEvent, step, T0 } from '../store/drive.js';

const ME = 'member';
const SPEECH =
  'Scaling laws still hold: each larger model trained on more data and compute keeps improving, because compute buys capability. ' +
  'Chain of thought lets a model plan step by step, which means next-token prediction is not a dead end for reasoning.';

describe('a practice debate through the application layer', () => {
  const harness = useBackend('sqlite');

  it('given a whole practice debate, then the leaderboard, the rated record, the side history and the motion tally are unchanged, and the practice record counts it once', async () => {
    const store = await harness.open();
    const season = (await store.guilds.currentSeason(GUILD)).number;
    const boardBefore = await store.players.leaderboard(GUILD, season);
    const open = {
      ...(openEvent('p1', { hostId: ME }) as Extract<DebateEvent, { type: 'open' }>),
      practice: { level: 'champion' as const, side: 'scaling' },
    };
    let applied = await step(store, 'p1', open, T0);
    applied = await step(store, 'p1', { type: 'done', actor: actor(ME), turn: -1 }, T0 + 1000);
    for (let at = T0 + 2000; applied.stored.state.phase === 'speaking'; at += 1000)
      applied = await step(
        store,
        'p1',
        { type: 'speak', actor: actor(ME), text: SPEECH, turn: applied.stored.state.turn },
        at,
      );
    const { state } = applied.stored;
    expect(state.phase).toBe('done');
    expect(state.result?.rated).toBe(false);
    expect(state.turns.filter((t) => t.userId === PARTNER_ID && t.outcome === 'delivered')).toHaveLength(2);
    expect(applied.changes).toEqual([]);

    expect(await store.players.leaderboard(GUILD, season)).toEqual(boardBefore);
    expect(await store.players.get(GUILD, season, ME)).toBeUndefined();
    expect(await store.players.get(GUILD, season, PARTNER_ID)).toBeUndefined();
    expect(await store.players.sideHistory(GUILD, ME)).toEqual({});
    expect(await store.guilds.motionTallies(GUILD)).toEqual({});
    const practice = await store.practice.get(GUILD, ME);
    const tally = practice?.levels.champion;
    expect(tally && tally.wins + tally.losses + tally.draws).toBe(1);
    expect(Object.keys(practice?.rubric ?? {}).length).toBeGreaterThan(0);
    // Recording the same debate again (a retried step) changes nothing.
    if (state.result) await store.practice.record(GUILD, state, state.result);
    expect(await store.practice.get(GUILD, ME)).toEqual(practice);
  });
});

import { describe, expect, it } from 'vitest';
import { replay } from '../../src/debate/replay.js';
import { applyDebateEvent } from '../../src/play/apply-move.js';
import { BACKENDS, useBackend } from '../store/backends.js';
import { actor, begun, decided, deck, GUILD, openEvent, speaking, step, T0 } from '../store/drive.js';

describe.each(BACKENDS)('applyDebateEvent on %s', (backend) => {
  const harness = useBackend(backend);

  it('given an open event, then the debate is stored with its event log and indexed in its channel', async () => {
    const store = await harness.open();
    const applied = await step(store, 'd1', openEvent('d1', { channelId: 'c1' }), T0);
    expect(applied.transition.state.phase).toBe('lobby');
    expect(applied.stored.log).toEqual([{ event: openEvent('d1', { channelId: 'c1' }), at: T0 }]);
    expect(await store.debates.get('d1')).toEqual(applied.stored);
    expect(await store.debates.activeInChannel('c1')).toBe('d1');
    expect(await store.debates.pendingTimers([GUILD])).toEqual([
      { debateId: 'd1', guildId: GUILD, timer: { key: 'lobby', at: T0 + 900_000 }, version: 1 },
    ]);
  });

  it('given a channel with an active debate, then a second open is refused as channelBusy and nothing is written', async () => {
    const store = await harness.open();
    await step(store, 'd1', openEvent('d1', { channelId: 'c1' }), T0);
    const second = await applyDebateEvent(
      store,
      deck,
      GUILD,
      'd2',
      openEvent('d2', { channelId: 'c1' }),
      T0 + 5,
    );
    expect(second).toMatchObject({ ok: false, refusal: { code: 'channelBusy', debateId: 'd1' } });
    expect(await store.debates.get('d2')).toBeUndefined();
    expect(await store.debates.activeInChannel('c1')).toBe('d1');
  });

  it('given the channel debate finished, then the channel is free for the next one', async () => {
    const store = await harness.open();
    await step(store, 'd1', openEvent('d1', { channelId: 'c1', hostId: 'host' }), T0);
    await step(store, 'd1', { type: 'cancel', actor: actor('host') }, T0 + 1);
    expect(await store.debates.activeInChannel('c1')).toBeUndefined();
    expect(await store.debates.pendingTimers([GUILD])).toEqual([]);
    await step(store, 'd2', openEvent('d2', { channelId: 'c1' }), T0 + 2);
    expect(await store.debates.activeInChannel('c1')).toBe('d2');
  });

  it('given a refused event, then it returns the refusal and writes nothing', async () => {
    const store = await harness.open();
    await begun(store, 'd1');
    const before = await store.debates.get('d1');
    const refused = await applyDebateEvent(
      store,
      deck,
      GUILD,
      'd1',
      { type: 'leave', actor: actor('alice') },
      T0 + 9,
    );
    expect(refused).toMatchObject({ ok: false, refusal: { code: 'leaveAfterBegin' } });
    expect(await store.debates.get('d1')).toEqual(before);
  });

  it('given an unknown debate or one of another guild, then it is refused as unknownDebate', async () => {
    const store = await harness.open();
    await step(store, 'd1', openEvent('d1'), T0);
    const missing = await applyDebateEvent(store, deck, GUILD, 'nope', { type: 'timer', key: 'lobby' }, T0);
    const elsewhere = await applyDebateEvent(
      store,
      deck,
      'another-guild',
      'd1',
      { type: 'timer', key: 'lobby' },
      T0,
    );
    expect(missing).toMatchObject({ ok: false, refusal: { code: 'unknownDebate' } });
    expect(elsewhere).toMatchObject({ ok: false, refusal: { code: 'unknownDebate' } });
  });

  it('given a stale or repeated timer, then nothing is written and the log does not grow', async () => {
    const store = await harness.open();
    await begun(store, 'd1');
    const first = await step(store, 'd1', { type: 'timer', key: 'prep' }, T0 + 60_000);
    expect(first.transition.state.phase).toBe('speaking');
    const again = await step(store, 'd1', { type: 'timer', key: 'prep' }, T0 + 60_001);
    expect(again.transition.effects).toEqual([]);
    expect(again.stored).toEqual(first.stored);
    expect((await store.debates.get('d1'))?.log).toHaveLength(first.stored.log.length);
  });

  it('given 100 concurrent crowd votes, then all are applied in one order and the log replays to the stored state', async () => {
    const store = await harness.open();
    await speaking(store, 'd1');
    const votes = Array.from({ length: 100 }, (_, i) =>
      applyDebateEvent(
        store,
        deck,
        GUILD,
        'd1',
        { type: 'crowd', actor: actor(`fan${i}`), side: i % 3 === 0 ? 'scaling' : 'lecun' },
        T0 + 100 + i,
      ),
    );
    const results = await Promise.all(votes);
    expect(results.every((r) => r.ok)).toBe(true);
    const stored = await store.debates.get('d1');
    if (!stored) throw new Error('missing');
    expect(Object.keys(stored.state.crowd)).toHaveLength(100);
    expect(stored.log).toHaveLength(6 + 100);
    expect(replay(deck, stored.log)).toEqual(stored.state);
    // Each call saw the state its predecessors left: the crowd grows by one per step of the log.
    const sizes = results.map((r) => (r.ok ? Object.keys(r.transition.state.crowd).length : -1));
    expect([...sizes].sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
  });

  it('given concurrent joins and leaves in a lobby, then the stored debaters match the replayed log', async () => {
    const store = await harness.open();
    await step(store, 'd1', openEvent('d1', { hostId: 'host' }), T0);
    const moves = Array.from({ length: 100 }, (_, i) =>
      applyDebateEvent(
        store,
        deck,
        GUILD,
        'd1',
        i % 2 === 0
          ? { type: 'join', actor: actor(`p${i % 6}`), side: 'auto' }
          : { type: 'leave', actor: actor(`p${(i - 1) % 6}`) },
        T0 + i,
      ),
    );
    const results = await Promise.all(moves);
    const stored = await store.debates.get('d1');
    if (!stored) throw new Error('missing');
    expect(stored.log).toHaveLength(1 + results.filter((r) => r.ok).length);
    expect(replay(deck, stored.log)).toEqual(stored.state);
  });

  it('given a rated finish, then the result is recorded for both debaters and the motion in the same step', async () => {
    const store = await harness.open();
    const applied = await decided(store, 'd1', { lecun: 'alice', scaling: 'bob' }, 'lecun');
    expect(applied.transition.state.phase).toBe('done');
    expect(applied.changes.map((c) => c.userId).sort()).toEqual(['alice', 'bob']);
    const alice = applied.changes.find((c) => c.userId === 'alice');
    expect(alice && alice.after.mu > alice.before.mu).toBe(true);
    expect((await store.players.get(GUILD, 1, 'alice'))?.overall).toEqual({
      debates: 1,
      wins: 1,
      losses: 0,
      draws: 0,
    });
    expect((await store.players.get(GUILD, 1, 'bob'))?.overall).toEqual({
      debates: 1,
      wins: 0,
      losses: 1,
      draws: 0,
    });
    expect(await store.guilds.motionTallies(GUILD)).toEqual({ M01: { wins: { lecun: 1 }, draws: 0 } });
    expect(await store.debates.pendingTimers([GUILD])).toEqual([]);
  });

  it('given the same finishing event applied again after the save failed, then nobody is rated twice', async () => {
    const store = await harness.open();
    await begun(store, 'd1');
    const before = await store.debates.get('d1');
    const forfeit = { type: 'forfeit', actor: actor('bob') } as const;
    const first = await step(store, 'd1', forfeit, T0 + 10);
    // Put the debate back as if its save had failed after the results were recorded.
    if (!before) throw new Error('missing');
    await store.debates.save(before);
    const second = await step(store, 'd1', forfeit, T0 + 11);
    expect(second.changes).toEqual(first.changes);
    expect((await store.players.get(GUILD, 1, 'alice'))?.overall.debates).toBe(1);
    expect(await store.players.sideHistory(GUILD, 'alice')).toEqual({ lecun: 1 });
    expect(await store.guilds.motionTallies(GUILD)).toEqual({ M01: { wins: { lecun: 1 }, draws: 0 } });
  });

  it('given a begun debate cancelled by a moderator who is not debating, then nothing is rated', async () => {
    const store = await harness.open();
    await begun(store, 'd1');
    const moderator = { userId: 'mod', manager: true };
    const cancelled = await step(store, 'd1', { type: 'cancel', actor: moderator }, T0 + 10);
    expect(cancelled.changes).toEqual([]);
    expect(await store.players.get(GUILD, 1, 'alice')).toBeUndefined();
    expect(await store.guilds.motionTallies(GUILD)).toEqual({});
  });
});

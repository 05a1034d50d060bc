import { describe, expect, it } from 'vitest';
import { RATING_HISTORY_KEPT } from '../../src/debate/player-record.js';
import { displayRating } from '../../src/debate/ratings.js';
import { FINISHED_KEPT } from '../../src/store/shapes.js';
import { BACKENDS, useBackend } from './backends.js';
import { GUILD, T0 } from './drive.js';
import { finished } from './results.js';

describe.each(BACKENDS)('what the web and the rank card read, on %s', (backend) => {
  const harness = useBackend(backend);

  it('given rated results, then each record keeps its rating after each debate, oldest first, capped', async () => {
    const store = await harness.open();
    const n = RATING_HISTORY_KEPT + 3;
    for (let i = 0; i < n; i++) {
      const { debate, result } = finished(`h${i}`, 'alice', 'bob', i % 3 === 0 ? 'scaling' : 'lecun', T0 + i);
      await store.players.recordResult(GUILD, 1, debate, result);
    }
    const alice = await store.players.get(GUILD, 1, 'alice');
    const history = alice?.ratingHistory ?? [];
    expect(history).toHaveLength(RATING_HISTORY_KEPT);
    expect(history[0]?.debateId).toBe('h3');
    expect(history.at(-1)).toEqual({
      debateId: `h${n - 1}`,
      at: T0 + n - 1,
      rating: alice && displayRating(alice.rating),
    });
  });

  it('given a result recorded twice, then the history and the finished index hold it once', async () => {
    const store = await harness.open();
    const { debate, result } = finished('twice', 'alice', 'bob', 'lecun', T0);
    await store.players.recordResult(GUILD, 1, debate, result);
    await store.players.recordResult(GUILD, 1, debate, result);
    expect((await store.players.get(GUILD, 1, 'alice'))?.ratingHistory).toHaveLength(1);
    expect(await store.players.recentDebates(GUILD)).toEqual([
      { debateId: 'twice', season: 1, motionId: debate.motionId, winner: 'lecun', at: T0 },
    ]);
  });

  it('given many rated debates, then the finished index keeps the newest, newest first, per guild', async () => {
    const store = await harness.open();
    for (let i = 0; i < FINISHED_KEPT + 2; i++) {
      const { debate, result } = finished(`f${i}`, 'alice', 'bob', 'draw', T0 + i);
      await store.players.recordResult(GUILD, 2, debate, result);
    }
    const recent = await store.players.recentDebates(GUILD);
    expect(recent).toHaveLength(FINISHED_KEPT);
    expect(recent[0]).toMatchObject({ debateId: `f${FINISHED_KEPT + 1}`, season: 2, winner: 'draw' });
    expect(await store.players.recentDebates('other')).toEqual([]);
  });

  it('given display names from a result and from /stats, then the latest is kept, cleaned, and side history still counts', async () => {
    const store = await harness.open();
    const { debate, result } = finished('n1', 'alice', 'bob', 'lecun', T0);
    await store.players.recordResult(GUILD, 1, debate, result, new Map([['alice', 'Alice A.']]));
    expect(await store.players.displayNames(GUILD, ['alice', 'bob', 'carol'])).toEqual(
      new Map([['alice', 'Alice A.']]),
    );
    await store.players.setDisplayName(GUILD, 'bob', `  Bob\n${'b'.repeat(100)}  `);
    await store.players.setDisplayName(GUILD, 'alice', '   ');
    const names = await store.players.displayNames(GUILD, ['alice', 'bob']);
    expect(names.get('alice')).toBe('Alice A.');
    expect(names.get('bob')).toBe(`Bob ${'b'.repeat(60)}`);
    expect(await store.players.sideHistory(GUILD, 'bob')).toEqual({ scaling: 1 });
    const again = finished('n2', 'alice', 'bob', 'lecun', T0 + 1);
    await store.players.recordResult(GUILD, 1, again.debate, again.result);
    expect((await store.players.displayNames(GUILD, ['bob'])).get('bob')).toMatch(/^Bob /);
  });

  it('given a reader that does not own the writes, then its leaderboard sees another process’s results once its cache is old', async () => {
    const target = await harness.fresh();
    const writer = await harness.open({}, target);
    const reader = await harness.open({ leaderboardMaxAgeMs: 0 }, target);
    expect((await reader.players.leaderboard(GUILD, 1)).provisional).toEqual([]);
    const { debate, result } = finished('r1', 'alice', 'bob', 'lecun', T0);
    await writer.players.recordResult(GUILD, 1, debate, result);
    // A stale season is served as it was while it is rebuilt, then the rebuild is served.
    await expect
      .poll(
        async () => (await reader.players.leaderboard(GUILD, 1)).provisional.map((p) => p.userId).sort(),
        {
          timeout: 5000,
          interval: 20,
        },
      )
      .toEqual(['alice', 'bob']);
  });
});

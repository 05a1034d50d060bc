import { describe, expect, it } from 'vitest';
import { displayRating } from '../../src/debate/ratings.js';
import { playerCodec, playerKey } from '../../src/store/shapes.js';
import type { Store } from '../../src/store/types.js';
import { BACKENDS, useBackend } from './backends.js';
import { GUILD, T0 } from './drive.js';
import { openRaw } from './raw.js';
import { finished } from './results.js';

let serial = 0;
/** Records a result between two players; returns the changes. */
const play = (
  store: Store,
  lecun: string,
  scaling: string,
  winner: 'lecun' | 'scaling' | 'draw',
  season = 1,
) => {
  const { debate, result } = finished(`g${++serial}`, lecun, scaling, winner, T0 + serial);
  return store.players.recordResult(GUILD, season, debate, result);
};

/** A ladder: player i beats every player below. Each plays everyone once: n - 1 debates each. */
const ladder = async (store: Store, names: readonly string[]) => {
  for (const [i, high] of names.entries())
    for (const low of names.slice(i + 1)) {
      const highOnLecun = (i + names.indexOf(low)) % 2 === 0;
      if (highOnLecun) await play(store, high, low, 'lecun');
      else await play(store, low, high, 'scaling');
    }
};

describe.each(BACKENDS)('player repository on %s', (backend) => {
  const harness = useBackend(backend);

  it('given a rated result, then each record gets ratings, tallies, criteria sums, the recent list and side history', async () => {
    const store = await harness.open();
    const { debate, result } = finished('d1', 'alice', 'bob', 'lecun', T0);
    const changes = await store.players.recordResult(GUILD, 1, debate, result);
    const alice = await store.players.get(GUILD, 1, 'alice');
    const bob = await store.players.get(GUILD, 1, 'bob');
    if (!alice || !bob) throw new Error('records missing');

    expect(changes.map((c) => c.userId)).toEqual(['alice', 'bob']);
    expect(changes[0]?.after).toEqual(alice.rating);
    expect(alice.rating.mu).toBeGreaterThan(bob.rating.mu);
    expect(Object.keys(alice.sideRatings)).toEqual(['lecun']);
    expect(alice.overall).toEqual({ debates: 1, wins: 1, losses: 0, draws: 0 });
    expect(bob.bySide).toEqual({ scaling: { debates: 1, wins: 0, losses: 1, draws: 0 } });
    const aliceScore = result.scores.find((s) => s.userId === 'alice');
    for (const c of aliceScore?.criteria ?? [])
      expect(alice.criteria[c.criterionId]).toEqual({ sum: c.score, count: 1 });
    expect(alice.recent).toEqual([
      {
        debateId: 'd1',
        motionId: 'M01',
        side: 'lecun',
        outcome: 'win',
        total: aliceScore?.total,
        ratingChange: displayRating(alice.rating) - 1000,
        at: T0,
      },
    ]);
    expect(await store.players.sideHistory(GUILD, 'alice')).toEqual({ lecun: 1 });
    expect(await store.players.sideHistory(GUILD, 'nobody')).toEqual({});
  });

  it('given six debates, then the recent list keeps the last five, newest first, and the tallies count all six', async () => {
    const store = await harness.open();
    for (let i = 0; i < 6; i++) await play(store, 'alice', 'bob', i % 2 === 0 ? 'lecun' : 'draw');
    const alice = await store.players.get(GUILD, 1, 'alice');
    expect(alice?.overall).toEqual({ debates: 6, wins: 3, losses: 0, draws: 3 });
    expect(alice?.recent).toHaveLength(5);
    expect(alice?.recent.map((r) => r.at)).toEqual(
      [...(alice?.recent.map((r) => r.at) ?? [])].sort((a, b) => b - a),
    );
    expect(await store.players.sideHistory(GUILD, 'bob')).toEqual({ scaling: 6 });
  });

  it('given the same result recorded twice, then it counts once and reports the same changes', async () => {
    const store = await harness.open();
    const { debate, result } = finished('same', 'alice', 'bob', 'scaling');
    const first = await store.players.recordResult(GUILD, 1, debate, result);
    const second = await store.players.recordResult(GUILD, 1, debate, result);
    expect(second).toEqual(first);
    expect((await store.players.get(GUILD, 1, 'bob'))?.overall.debates).toBe(1);
    expect(await store.players.sideHistory(GUILD, 'bob')).toEqual({ scaling: 1 });
  });

  it('given a result retried after only one player was written, then the other is rated against the pre-debate ratings', async () => {
    const target = await harness.fresh();
    const store = await harness.open({}, target);
    // Unequal ratings first, so who is rated against what shows in the numbers.
    await play(store, 'alice', 'bob', 'lecun');
    await play(store, 'alice', 'carol', 'lecun');
    const { debate, result } = finished('retried', 'alice', 'bob', 'scaling', T0 + 100);
    const raw = await openRaw(target);
    try {
      const players = raw.collection('players', '', playerCodec);
      const bobBefore = await players.get(playerKey(GUILD, 1, 'bob'));
      if (!bobBefore) throw new Error('bob missing');
      const expected = await store.players.recordResult(GUILD, 1, debate, result);
      const bobRated = await store.players.get(GUILD, 1, 'bob');
      // The write of bob's record failed; alice's landed.
      await players.set(playerKey(GUILD, 1, 'bob'), bobBefore);
      const retried = await store.players.recordResult(GUILD, 1, debate, result);
      expect(retried).toEqual(expected);
      expect(await store.players.get(GUILD, 1, 'bob')).toEqual(bobRated);
      expect((await store.players.get(GUILD, 1, 'alice'))?.overall.debates).toBe(3);
    } finally {
      await raw.close();
    }
  });

  it('given players with fewer than three debates, then they are provisional: shown apart, not ranked', async () => {
    const store = await harness.open();
    await play(store, 'alice', 'bob', 'lecun');
    await play(store, 'alice', 'bob', 'lecun');
    expect(await store.players.leaderboard(GUILD, 1)).toEqual({
      entries: [],
      total: 0,
      page: 1,
      pages: 1,
      provisional: [
        { userId: 'alice', debates: 2 },
        { userId: 'bob', debates: 2 },
      ],
    });
    expect(await store.players.rank(GUILD, 1, 'alice')).toBeUndefined();
    await play(store, 'alice', 'bob', 'lecun');
    const board = await store.players.leaderboard(GUILD, 1);
    expect(board.entries.map((e) => [e.userId, e.rank])).toEqual([
      ['alice', 1],
      ['bob', 2],
    ]);
    expect(await store.players.rank(GUILD, 1, 'bob')).toBe(2);
  });

  it('given twelve ranked players, then pages hold ten, best first, with ranks and ratings', async () => {
    const store = await harness.open();
    const names = Array.from({ length: 12 }, (_, i) => `p${String(i).padStart(2, '0')}`);
    await ladder(store, names);
    const first = await store.players.leaderboard(GUILD, 1);
    const second = await store.players.leaderboard(GUILD, 1, { page: 2 });
    expect(first).toMatchObject({ total: 12, page: 1, pages: 2 });
    expect(first.entries).toHaveLength(10);
    expect(second.entries).toHaveLength(2);
    const all = [...first.entries, ...second.entries];
    expect(all.map((e) => e.userId)).toEqual(names);
    expect(all.map((e) => e.rank)).toEqual(names.map((_, i) => i + 1));
    for (const entry of all) {
      expect(entry.rating).toBe(displayRating(entry.record.rating));
      expect(entry.record.userId).toBe(entry.userId);
    }
    expect((await store.players.leaderboard(GUILD, 1, { page: 9 })).page).toBe(2);
    expect(await store.players.rank(GUILD, 1, 'p11')).toBe(12);
  });

  it('given side boards, then they rank only players with three debates on that side, by their side rating', async () => {
    const store = await harness.open();
    // alice always argues lecun, bob always scaling, carol both (2 lecun, 4 scaling).
    for (let i = 0; i < 3; i++) await play(store, 'alice', 'bob', 'lecun');
    await play(store, 'carol', 'bob', 'lecun');
    await play(store, 'carol', 'bob', 'lecun');
    for (let i = 0; i < 4; i++) await play(store, 'alice', 'carol', 'scaling');

    const lecun = await store.players.leaderboard(GUILD, 1, { side: 'lecun' });
    expect(lecun.entries.map((e) => e.userId)).toEqual(['alice']);
    const scaling = await store.players.leaderboard(GUILD, 1, { side: 'scaling' });
    expect(scaling.entries.map((e) => e.userId).sort()).toEqual(['bob', 'carol']);
    const carol = scaling.entries.find((e) => e.userId === 'carol');
    expect(carol?.rating).toBe(displayRating(carol?.record.sideRatings.scaling ?? { mu: 0, sigma: 0 }));
    expect(await store.players.rank(GUILD, 1, 'carol', 'lecun')).toBeUndefined();
    expect(await store.players.leaderboard(GUILD, 1, { side: 'nonexistent' })).toEqual({
      entries: [],
      total: 0,
      page: 1,
      pages: 1,
      provisional: [],
    });
  });

  it('given a player who opts out, then they leave every board until they opt back in', async () => {
    const store = await harness.open();
    await ladder(store, ['a1', 'a2', 'a3', 'a4']);
    expect(await store.players.rank(GUILD, 1, 'a1')).toBe(1);
    await store.players.setOptOut(GUILD, 'a1', true);
    expect(await store.players.isOptedOut(GUILD, 'a1')).toBe(true);
    expect(await store.players.rank(GUILD, 1, 'a1')).toBeUndefined();
    const board = await store.players.leaderboard(GUILD, 1);
    expect(board.entries.map((e) => [e.userId, e.rank])).toEqual([
      ['a2', 1],
      ['a3', 2],
      ['a4', 3],
    ]);
    // A new result while opted out does not bring them back.
    await play(store, 'a1', 'a4', 'lecun');
    expect(await store.players.rank(GUILD, 1, 'a1')).toBeUndefined();
    await store.players.setOptOut(GUILD, 'a1', false);
    expect(await store.players.isOptedOut(GUILD, 'a1')).toBe(false);
    expect(await store.players.rank(GUILD, 1, 'a1')).toBe(1);
  });

  it('given results recorded after the board was built, then it equals a board rebuilt from the store', async () => {
    const target = await harness.fresh();
    const store = await harness.open({}, target);
    const names = Array.from({ length: 8 }, (_, i) => `q${i}`);
    await ladder(store, names.slice(0, 4));
    await store.players.leaderboard(GUILD, 1); // built now, then kept in step
    await store.players.setOptOut(GUILD, 'q5', true);
    await ladder(store, names);
    for (let i = 0; i < 5; i++) await play(store, 'q7', 'q0', 'lecun');
    const incremental = [
      await store.players.leaderboard(GUILD, 1),
      await store.players.leaderboard(GUILD, 1, { side: 'lecun' }),
      await store.players.leaderboard(GUILD, 1, { side: 'scaling' }),
    ];
    const fresh = await harness.open({}, target);
    const rebuilt = [
      await fresh.players.leaderboard(GUILD, 1),
      await fresh.players.leaderboard(GUILD, 1, { side: 'lecun' }),
      await fresh.players.leaderboard(GUILD, 1, { side: 'scaling' }),
    ];
    expect(incremental).toEqual(rebuilt);
    expect(incremental[0]?.entries.map((e) => e.userId)).not.toContain('q5');
  });

  it('given another season, then its board and records are separate', async () => {
    const store = await harness.open();
    await ladder(store, ['s1', 's2', 's3', 's4']);
    expect((await store.players.leaderboard(GUILD, 1)).total).toBe(4);
    expect(await store.players.leaderboard(GUILD, 2)).toMatchObject({ total: 0, entries: [] });
    expect(await store.players.get(GUILD, 2, 's1')).toBeUndefined();
    await play(store, 's1', 's2', 'lecun', 2);
    expect((await store.players.get(GUILD, 2, 's1'))?.overall.debates).toBe(1);
    expect((await store.players.get(GUILD, 1, 's1'))?.overall.debates).toBe(3);
    // Side history spans seasons: one lecun and two scaling debates in season 1, one lecun in season 2.
    expect(await store.players.sideHistory(GUILD, 's1')).toEqual({ lecun: 2, scaling: 2 });
  });
});

import { describe, expect, it } from 'vitest';
import { newPlayerRecord, type PlayerRecord } from '../../src/debate/player-record.js';
import type { Collection } from '../../src/store/collection.js';
import { Leaderboards } from '../../src/store/leaderboard/leaderboards.js';
import { playerKey, type StoredPlayer } from '../../src/store/shapes.js';

const GUILD = '100000000000000001';

/** A rated record: five debates (past the provisional period) at the given rating. */
const rated = (userId: string, mu: number): PlayerRecord => {
  const fresh = newPlayerRecord(userId);
  return { ...fresh, rating: { mu, sigma: 2 }, overall: { ...fresh.overall, debates: 5, wins: 5 } };
};

/** Players in memory, whose scan waits at a gate: a build that is reading while a result lands. */
const gatedPlayers = (records: PlayerRecord[]) => {
  const values = new Map(records.map((r) => [playerKey(GUILD, 1, r.userId), { record: r }]));
  let open = () => {};
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  const players = {
    async *scan() {
      const page = [...values];
      await gate;
      yield page;
    },
    async getMany(keys: string[]) {
      return keys.map((key) => values.get(key));
    },
    async get(key: string) {
      return values.get(key);
    },
    set(key: string, value: StoredPlayer) {
      values.set(key, value);
    },
  };
  return { players, open };
};

describe('leaderboard builds beside the write queue', () => {
  it('given a build still reading, when a result is recorded meanwhile, then the built board has it', async () => {
    const { players, open } = gatedPlayers([rated('alice', 30)]);
    const optOuts = { get: async () => undefined };
    const boards = new Leaderboards(
      players as unknown as Collection<StoredPlayer>,
      optOuts as unknown as Collection<never>,
    );
    const building = boards.page(GUILD, 1, undefined, 1);
    // bob's first rated result lands after the scan read its page (bob was not in it).
    const bob = rated('bob', 40);
    players.set(playerKey(GUILD, 1, 'bob'), { record: bob });
    boards.recorded(GUILD, 1, [bob]);
    open();
    const page = await building;
    expect(page.entries.map((e) => e.userId)).toEqual(['bob', 'alice']);
    expect(page.total).toBe(2);
  });
});

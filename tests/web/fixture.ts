import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Debate } from '../../src/debate/types.js';
import { openStore } from '../../src/store/open-store.js';
import { DEFAULT_CONFIG } from '../../src/store/shapes.js';
import type { Store } from '../../src/store/types.js';
import { Handles } from '../../src/web/handles.js';
import { deck, GUILD, T0 } from '../store/drive.js';
import { finished } from '../store/results.js';

/**
 * A server with a web leaderboard to look at: 24 members who each debated their neighbours
 * (so most are ranked, a few provisional), one who opted out, one whose name is an HTML attack,
 * one with no known name; and a second server that never turned the site on.
 */
export const OPTED_IN = GUILD;
export const NOT_OPTED_IN = '100000000000000002';
export const member = (i: number) => String(300000000000000000n + BigInt(i));
export const MEMBERS = 24;
export const OPTED_OUT = member(5);
export const ATTACKER = member(7);
export const ATTACK_NAME = '<script>alert("x")</script>&Co';
export const NAMELESS = member(9);
export const NAME = (i: number) => `Member ${String(i).padStart(2, '0')}`;
export const SECRET = 'test secret';

/** A finished debate between two members, with every id in it (turns, host) theirs. */
const debateBetween = (
  id: string,
  lecun: string,
  scaling: string,
  winner: 'lecun' | 'scaling' | 'draw',
  at: number,
) => {
  const { debate, result } = finished(id, lecun, scaling, winner, at);
  const rename = (userId: string) => (userId === 'a' ? lecun : userId === 'b' ? scaling : userId);
  const state: Debate = {
    ...debate,
    hostId: lecun,
    slots: debate.slots.map((s) => ({ ...s, userId: rename(s.userId) })),
    turns: debate.turns.map((t) => ({
      ...t,
      userId: rename(t.userId),
      ...(t.text ? { text: `${t.text} <img src=x onerror=alert(1)>` } : {}),
    })),
  };
  return { state, result };
};

export interface SeededSite {
  readonly store: Store;
  readonly handles: Handles;
  /** The id of the newest debate (its transcript has an opted-out debater: member 5). */
  readonly lastDebateId: string;
  close(): Promise<void>;
}

export const seedSite = async (): Promise<SeededSite> => {
  const folder = await mkdtemp(path.join(tmpdir(), 'steelman-web-'));
  const store = await openStore(
    { kind: 'sqlite', path: path.join(folder, 'site.sqlite') },
    { now: () => T0 },
  );
  await store.guilds.saveConfig(OPTED_IN, { ...DEFAULT_CONFIG, web: true });
  await store.guilds.saveConfig(NOT_OPTED_IN, { ...DEFAULT_CONFIG, web: false });
  let serial = 0;
  let lastDebateId = '';
  for (let round = 0; round < 4; round++)
    for (let i = 0; i < MEMBERS - 1; i++) {
      // Members 20-23 play only in the first round: provisional.
      if (round > 0 && i >= 20) continue;
      const id = String(900000000000000000n + BigInt(++serial));
      const winner = (i + round) % 5 === 0 ? 'draw' : i % 2 === 0 ? 'lecun' : 'scaling';
      const { state, result } = debateBetween(id, member(i), member(i + 1), winner, T0 + serial * 60_000);
      await store.debates.save({ state, log: [], meta: {} });
      const names = new Map(
        [i, i + 1].filter((n) => member(n) !== NAMELESS).map((n) => [member(n), NAME(n)] as const),
      );
      await store.players.recordResult(OPTED_IN, 1, state, result, names);
      lastDebateId = id;
    }
  // The newest debate has member 5 in it; member 5 opts out afterwards.
  const { state, result } = debateBetween(
    '900000000000009999',
    member(4),
    OPTED_OUT,
    'lecun',
    T0 + 10_000_000,
  );
  await store.debates.save({ state, log: [], meta: {} });
  await store.players.recordResult(OPTED_IN, 1, state, result);
  lastDebateId = state.id;
  await store.players.setOptOut(OPTED_IN, OPTED_OUT, true);
  await store.players.setDisplayName(OPTED_IN, ATTACKER, ATTACK_NAME);
  return {
    store,
    handles: new Handles(SECRET),
    lastDebateId,
    async close() {
      await store.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
};

export { deck };

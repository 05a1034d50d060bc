/**
 * Restart: how long the bot takes, once its gateway session is ready, to have every live debate's
 * deadline armed again. The live debates (each in its first speech, its deadline ten minutes ahead)
 * are written to the store beforehand by this process: the events a debate goes through (open, two
 * joins, Begin, two Ready) are applied with the real engine (`apply`), and the resulting values are
 * written with the store's own collections and codecs, as `store.debates.save` writes them (the
 * debate with its log, its channel's index entry, the guild's live index), announcements already
 * posted. Written directly rather than through `save`, which rewrites the guild's whole live index
 * on every new debate, so that 10,000 take seconds rather than minutes. All in one guild the double
 * knows; the first 1,000 in its channels, the rest in channel ids it does not have (arming reads no
 * channel). Then the bot starts and the time is read from its own log lines: "ready" → "deadlines
 * armed" (pino's `time`, ms). Each size is started RUNS times; the table gives each run.
 * Run alone: npx tsx bench/restart.ts
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { StoreTarget } from '../src/config.js';
import type { Deck } from '../src/content/deck.js';
import { loadDeck } from '../src/content/load.js';
import { apply } from '../src/debate/engine.js';
import type { LoggedEvent } from '../src/debate/replay.js';
import type { Debate, DebateEvent } from '../src/debate/types.js';
import { openRedisBackend } from '../src/store/backend/redis.js';
import { openSqliteBackend } from '../src/store/backend/sqlite.js';
import { Collection } from '../src/store/collection.js';
import { channelIndexCodec, debateCodec, liveIndexCodec, NAMESPACES } from '../src/store/shapes.js';
import { startRedis } from '../tests/support/redis.js';
import { percentile, table } from './stats.js';
import { type BenchWorld, startBenchWorld, startSteelman, stopBot } from './world.js';

const SIZES = [100, 1000, 10_000] as const;
/** Bot starts per size: fewer at 10,000, whose starts are slow. */
const RUNS: Record<number, number> = { 100: 3, 1000: 3, 10000: 1 };
const CHANNELS = 1000;

/** The store's collections for debates and their indexes, opened on `target`, as the repository opens them. */
const openCollections = async (target: StoreTarget) => {
  const backend =
    target.kind === 'sqlite'
      ? await openSqliteBackend(target.path, NAMESPACES)
      : await openRedisBackend(target.url, NAMESPACES, { commandMs: 10_000, connectMs: 2000 });
  const context = { backend, logger: undefined, isClosed: () => false };
  return {
    debates: new Collection(context, 'debates', '', debateCodec),
    channels: new Collection(context, 'indexes', 'channel:', channelIndexCodec),
    live: new Collection(context, 'indexes', 'live:', liveIndexCodec),
    close: () => backend.close(),
  };
};

/** Writes live debates `from`..`to` - 1, each in its own channel, each in its first speech. */
const seed = async (target: StoreTarget, deck: Deck, bw: BenchWorld, from: number, to: number) => {
  const store = await openCollections(target);
  try {
    const now = Date.now();
    const ids: string[] = [];
    for (let start = from; start < to; start += 500) {
      const batch = Array.from({ length: Math.min(500, to - start) }, (_, k) => start + k);
      await Promise.all(
        batch.map(async (i) => {
          const id = String(1_300_000_000_000_000_000n + BigInt(i));
          const channelId = bw.channels[i] ?? String(1_400_000_000_000_000_000n + BigInt(i));
          const a = bw.users[(2 * i) % bw.users.length];
          const b = bw.users[(2 * i + 1) % bw.users.length];
          if (!a || !b) throw new Error('no members');
          const events: DebateEvent[] = [
            {
              type: 'open',
              id,
              guildId: bw.id,
              channelId,
              hostId: a.id,
              motionId: 'M01',
              formatId: 'quick',
              mode: 'text',
              size: '1v1',
              seed: i,
              lobbySeconds: 900,
            },
            { type: 'join', actor: { userId: a.id }, side: 'lecun' },
            { type: 'join', actor: { userId: b.id }, side: 'scaling' },
            { type: 'begin', actor: { userId: a.id } },
            { type: 'done', actor: { userId: a.id } },
            { type: 'done', actor: { userId: b.id } },
          ];
          let state: Debate | undefined;
          const log: LoggedEvent[] = [];
          for (const event of events) {
            // Ten minutes ahead, so that no deadline passes while the bot starts (they would fire at once).
            const step = apply(deck, state, event, now + 480_000);
            if (!step.ok) throw new Error(`${event.type}: ${step.refusal.message}`);
            state = step.state;
            log.push({ event, at: now });
          }
          if (!state?.timer) throw new Error('the seeded debate has no deadline');
          await store.channels.set(channelId, { debateId: id, guildId: bw.id });
          await store.debates.set(id, { state, log, meta: {} });
          ids.push(id);
        }),
      );
    }
    const current = (await store.live.get(bw.id))?.debateIds ?? [];
    await store.live.set(bw.id, { debateIds: [...current, ...ids] });
  } finally {
    await store.close();
  }
};

interface LogLine {
  readonly msg?: string;
  readonly time?: number;
  readonly timers?: number;
}

const parse = (line: string): LogLine | undefined => {
  if (!line.startsWith('{')) return undefined;
  try {
    return JSON.parse(line) as LogLine;
  } catch {
    return undefined;
  }
};

interface Row {
  readonly store: string;
  readonly debates: number;
  readonly armedMs: number[];
  readonly startMs: number[];
  readonly timers: number[];
  readonly seedMs: number;
}

const measure = async (kind: 'sqlite' | 'redis', deck: Deck): Promise<Row[]> => {
  const bw = await startBenchWorld(CHANNELS, 200);
  const redis = kind === 'redis' ? await startRedis() : undefined;
  try {
    const target: StoreTarget = redis
      ? { kind: 'redis', url: redis.url }
      : { kind: 'sqlite', path: path.join(bw.world.tempDir, 'steelman.sqlite') };
    const rows: Row[] = [];
    let seeded = 0;
    for (const size of SIZES) {
      const started = Date.now();
      await seed(target, deck, bw, seeded, size);
      const seedMs = Date.now() - started;
      seeded = size;
      const row: Row = { store: kind, debates: size, armedMs: [], startMs: [], timers: [], seedMs };
      for (let run = 0; run < (RUNS[size] ?? 1); run++) {
        const spawned = Date.now();
        const bot = await startSteelman(bw.world, redis ? { storeUrl: redis.url } : {});
        try {
          const lines = bot.logs.map(parse);
          const ready = lines.find((l) => l?.msg === 'ready');
          const armed = lines.find((l) => l?.msg === 'deadlines armed');
          if (ready?.time === undefined || armed?.time === undefined)
            throw new Error(`no ready / deadlines armed lines:\n${bot.logs.join('\n')}`);
          row.armedMs.push(armed.time - ready.time);
          row.startMs.push(ready.time - spawned);
          row.timers.push(armed.timers ?? Number.NaN);
        } finally {
          await stopBot(bot);
        }
      }
      rows.push(row);
    }
    return rows;
  } finally {
    await redis?.stop();
    await bw.world.close();
  }
};

export async function benchRestart(): Promise<string> {
  const deck = await loadDeck('data');
  const rows = [...(await measure('sqlite', deck)), ...(await measure('redis', deck))];
  const worst = Math.max(...rows.filter((r) => r.debates === 1000).flatMap((r) => r.armedMs));
  return [
    `Live debates written to the store beforehand (one guild, one channel each, each in its first speech); the bot is then started ${RUNS[100]} times (once at 10,000). "ready → deadlines armed" is read from the bot's own log lines (pino \`time\`, ms resolution).`,
    '',
    table(
      [
        'store',
        'live debates',
        'timers armed',
        'ready → deadlines armed, each run',
        'median',
        'process start → ready',
        'seeding',
      ],
      rows.map((r) => [
        r.store === 'sqlite' ? 'SQLite' : 'Redis',
        r.debates.toLocaleString('en'),
        [...new Set(r.timers)].join(', '),
        r.armedMs.map((ms) => `${ms} ms`).join(', '),
        `${percentile(r.armedMs, 50)} ms`,
        `${(percentile(r.startMs, 50) / 1000).toFixed(1)} s`,
        `${(r.seedMs / 1000).toFixed(1)} s`,
      ]),
    ),
    '',
    `- Goal ≤ 1 s from ready to every deadline armed at 1,000 live debates: ${worst} ms at worst (${worst <= 1000 ? 'met' : 'missed'}).`,
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(await benchRestart());
}

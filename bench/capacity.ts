/**
 * Capacity, in two parts.
 *
 * 1. Memory of one bot process (SQLite) holding 100 and then 1,000 live debates, each opened the
 *    way players open one (`/debate start`, two joins, Begin: the debate is in its prep, its
 *    deadline armed, its lobby card and "the debate has begun" posted), spread over 4 guilds of
 *    250 channels (Discord caps a guild at 500 channels). RSS comes from `ps`; the heap from the
 *    bot itself, asked through its inspector (it is started with --inspect=127.0.0.1:0) for
 *    process.memoryUsage() after a full GC: no hook in src/ is needed. At each size, 200
 *    interactions (`/debate status` and autocomplete, one at a time) show whether latency grows.
 * 2. Deadline lateness: createScheduler in this process with the real clock, N deadlines armed at
 *    once and spread over the next 5 s, lateness = when the scheduler fires each (its onFire hook)
 *    minus its deadline. With a no-op fire, and with a fire that runs the engine's timer
 *    transition (the CPU part of a real fire; the store write and the posts are left out).
 * Run alone: npx tsx bench/capacity.ts
 */
import { pathToFileURL } from 'node:url';
import { CallbackType, type DoubleUser, type InteractionHandle } from '@steelman/discord-double';
import { loadDeck } from '../src/content/load.js';
import { apply } from '../src/debate/engine.js';
import type { Debate, DebateEvent } from '../src/debate/types.js';
import { createScheduler } from '../src/scheduler/scheduler.js';
import type { World } from '../tests/e2e/harness.js';
import { percentile, table } from './stats.js';
import {
  button,
  CARD_CALLBACKS,
  cpuMs,
  inspectorUrl,
  isDeferred,
  lobbyCard,
  memoryUsage,
  pool,
  quiet,
  roundTrip,
  rssMb,
  START_CALLBACKS,
  seededRandom,
  settled,
  sleep,
  slowCount,
  startBareBot,
  startBenchWorld,
  startSteelman,
  stopBot,
} from './world.js';

const GUILDS = 4;
const CHANNELS_PER_GUILD = 250;
const LEVELS = [100, 1000] as const;
const PROBES = 200;

export interface MemoryRow {
  readonly live: number;
  /** RSS the moment the last of these debates was opened (before the probe and the wait for quiet). */
  readonly rssOpened?: number;
  readonly rss: number;
  readonly rssAfterGc: number;
  /** V8's heap as it was, before the GC. */
  readonly heapTotalBefore: number;
  readonly heapUsed: number;
  readonly heapTotal: number;
  readonly external: number;
  /** Seconds and bot CPU ms spent opening the debates since the previous row. */
  readonly openSeconds?: number;
  readonly openCpuMs?: number;
  readonly opened?: number;
  readonly probe?: readonly number[];
}

const mb = (bytes: number) => bytes / 2 ** 20;

/** A bot process under measurement: its pid and log lines (stderr included), and how to stop it. */
export interface Launched {
  readonly pid: number;
  readonly logs: readonly string[];
  errors(): string[];
  stop(): Promise<void>;
}

/** The real bot as `npm start` runs it (through tsx), with its inspector open for the heap figures. */
const launchSteelman = async (world: World): Promise<Launched> => {
  const bot = await startSteelman(world, { env: { NODE_OPTIONS: '--inspect=127.0.0.1:0' } });
  return { pid: bot.child.pid ?? -1, logs: bot.logs, errors: () => bot.errors(), stop: () => stopBot(bot) };
};

export interface MemoryRuns {
  readonly rows: MemoryRow[];
  /** First answers Steelman deferred while the debates were opened (its work took over 1.5 s). */
  readonly deferred: number;
  /** `double.slowInteractions()` over the run: "n of m" answered after Discord's 3 s. */
  readonly slow: string;
}

export const measureMemory = async (
  launch: (world: World) => Promise<Launched> = launchSteelman,
): Promise<MemoryRuns> => {
  const bw = await startBenchWorld(CHANNELS_PER_GUILD, 2 * CHANNELS_PER_GUILD, GUILDS);
  const deferred: string[] = [];
  try {
    // The floor: a bare discord.js bot on the same guilds (the same channels and members cached).
    const bare = await startBareBot(bw.world, '--inspect=127.0.0.1:0');
    let floor: MemoryRow | undefined;
    try {
      const url = inspectorUrl(bare);
      const pid = bare.child.pid ?? -1;
      if (url) {
        await sleep(1000);
        const rss = rssMb(pid);
        const { before, after } = await memoryUsage(url);
        floor = {
          live: -1,
          rss,
          rssAfterGc: rssMb(pid),
          heapTotalBefore: mb(before.heapTotal),
          heapUsed: mb(after.heapUsed),
          heapTotal: mb(after.heapTotal),
          external: mb(after.external),
        };
      }
    } finally {
      await bare.stop();
    }
    const bot = await launch(bw.world);
    try {
      const pid = bot.pid;
      const url = inspectorUrl(bot);
      if (!url) throw new Error(`the bot printed no inspector URL:\n${bot.logs.slice(0, 5).join('\n')}`);
      // Slot k: guild k % 4, its channel floor(k / 4), debated by that guild's members 2c and 2c + 1.
      const slots = Array.from({ length: GUILDS * CHANNELS_PER_GUILD }, (_, k) => {
        const guild = bw.guilds[k % GUILDS];
        const c = Math.floor(k / GUILDS);
        if (!guild) throw new Error('no guild');
        return {
          channel: guild.channels[c] as string,
          a: guild.users[2 * c] as DoubleUser,
          b: guild.users[2 * c + 1] as DoubleUser,
        };
      });
      const open = async ({ channel, a, b }: (typeof slots)[number]) => {
        // A click answered late (deferred) is waited out before the next, as a player would.
        const click = async (send: () => Promise<InteractionHandle>) => {
          const { handle, type } = await roundTrip(send, CARD_CALLBACKS);
          await settled(handle, type);
          if (isDeferred(type)) deferred.push(handle.label);
        };
        const start = await roundTrip(
          () =>
            a.slash(channel, 'debate', { subcommand: 'start', options: { motion: 'M01', format: 'quick' } }),
          START_CALLBACKS,
        );
        if (isDeferred(start.type)) deferred.push(start.handle.label);
        const lobby = await lobbyCard(bw.world, channel, start.handle);
        await click(() => a.click(lobby, button(lobby, /:join:\d+:lecun$/)));
        await click(() => b.click(lobby, button(lobby, /:join:\d+:scaling$/)));
        await click(() => a.click(lobby, button(lobby, /:begin:/)));
      };
      const random = seededRandom(11);
      const probe = async (live: number) => {
        const out: number[] = [];
        for (let i = 0; i < PROBES; i++) {
          const slot = slots[Math.floor(random() * live)];
          if (!slot) throw new Error('no slot');
          const { ms } =
            i % 2 === 0
              ? await roundTrip(
                  () => slot.a.slash(slot.channel, 'debate', { subcommand: 'status' }),
                  [CallbackType.ChannelMessageWithSource, CallbackType.DeferredChannelMessageWithSource],
                )
              : await roundTrip(
                  () =>
                    slot.b.autocompleteHandle(slot.channel, 'evidence', {
                      subcommand: 'show',
                      focused: 'id',
                      value: 'L',
                    }),
                  CallbackType.ApplicationCommandAutocompleteResult,
                );
          out.push(ms);
        }
        return out;
      };
      const sample = async (live: number, extra: Partial<MemoryRow> = {}): Promise<MemoryRow> => {
        // Everything the bot had to post (the "debate has begun" messages, 50 a second) is posted.
        await quiet(bw, 500, 90_000);
        const rss = rssMb(pid);
        const { before, after } = await memoryUsage(url);
        return {
          live,
          rss,
          rssAfterGc: rssMb(pid),
          heapTotalBefore: mb(before.heapTotal),
          heapUsed: mb(after.heapUsed),
          heapTotal: mb(after.heapTotal),
          external: mb(after.external),
          ...extra,
        };
      };
      const rows: MemoryRow[] = [await sample(0)];
      if (floor) rows.unshift(floor);
      let opened = 0;
      for (const level of LEVELS) {
        const cpu = cpuMs(pid);
        const started = Date.now();
        await pool(slots.slice(opened, level), 8, open);
        const openSeconds = (Date.now() - started) / 1000;
        const openCpuMs = cpuMs(pid) - cpu;
        // Right after the last one was opened: its announcements may still be on their way.
        const rssOpened = rssMb(pid);
        const probed = await probe(level);
        rows.push(
          await sample(level, { openSeconds, openCpuMs, opened: level - opened, probe: probed, rssOpened }),
        );
        opened = level;
      }
      const errors = bot.errors();
      if (errors.length > 0) throw new Error(`the bot logged errors:\n${errors.slice(0, 5).join('\n')}`);
      return { rows, deferred: deferred.length, slow: slowCount(bw.world) };
    } finally {
      await bot.stop();
    }
  } finally {
    await bw.world.close();
  }
};

interface LatenessRow {
  readonly deadlines: number;
  readonly work: string;
  readonly armMs: number;
  readonly late: readonly number[];
}

/** A debate in its first speech, for the engine's timer transition. */
const speakingDebate = async () => {
  const deck = await loadDeck('data');
  let state: Debate | undefined;
  const now = Date.now();
  const events: DebateEvent[] = [
    {
      type: 'open',
      id: '1',
      guildId: 'g',
      channelId: 'c',
      hostId: 'a',
      motionId: 'M01',
      formatId: 'quick',
      mode: 'text',
      size: '1v1',
      seed: 1,
      lobbySeconds: 900,
    },
    { type: 'join', actor: { userId: 'a' }, side: 'lecun' },
    { type: 'join', actor: { userId: 'b' }, side: 'scaling' },
    { type: 'begin', actor: { userId: 'a' } },
    { type: 'done', actor: { userId: 'a' } },
    { type: 'done', actor: { userId: 'b' } },
  ];
  for (const event of events) {
    const step = apply(deck, state, event, now);
    if (!step.ok) throw new Error(`${event.type}: ${step.refusal.message}`);
    state = step.state;
  }
  if (!state?.timer) throw new Error('the debate has no deadline');
  return { deck, state, key: state.timer.key };
};

const measureLateness = async (
  deadlines: number,
  spreadMs: number,
  engine: Awaited<ReturnType<typeof speakingDebate>> | undefined,
): Promise<LatenessRow> => {
  const late: number[] = [];
  let fired = 0;
  let done: () => void = () => undefined;
  const allFired = new Promise<void>((resolve) => {
    done = resolve;
  });
  const scheduler = createScheduler({
    fire: async () => {
      if (engine) {
        const step = apply(engine.deck, engine.state, { type: 'timer', key: engine.key }, Date.now());
        if (!step.ok) throw new Error('the timer was refused');
      }
    },
    onFire: (_pending, lateMs) => {
      late.push(lateMs);
      fired += 1;
      if (fired === deadlines) done();
    },
  });
  const random = seededRandom(deadlines);
  const base = Date.now() + 500;
  const started = performance.now();
  for (let i = 0; i < deadlines; i++)
    scheduler.arm({
      debateId: String(i),
      guildId: 'g',
      timer: { key: engine?.key ?? 'turn-0', at: base + Math.floor(random() * spreadMs) },
    });
  const armMs = performance.now() - started;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    allFired,
    new Promise((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`only ${fired} of ${deadlines} deadlines fired`)),
        spreadMs + 30_000,
      );
    }),
  ]);
  clearTimeout(timer);
  await scheduler.stop();
  return { deadlines, work: engine ? 'engine timer transition' : 'none (no-op)', armMs, late };
};

const f1 = (n: number | undefined) => (n === undefined || !Number.isFinite(n) ? '–' : n.toFixed(1));
const f2 = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '–');

export async function benchCapacity(): Promise<string> {
  const { rows: memory, deferred, slow } = await measureMemory();
  const engine = await speakingDebate();
  const lateness: LatenessRow[] = [];
  for (const [n, work] of [
    [1_000, undefined],
    [10_000, undefined],
    [100_000, undefined],
    [10_000, engine],
  ] as const)
    lateness.push(await measureLateness(n, 5000, work));

  const at = (live: number) => memory.find((r) => r.live === live);
  const steelman = memory.filter((r) => r.live >= 0);
  const [small, large] = [at(LEVELS[0]), at(LEVELS[1])];
  const perDebate =
    small && large
      ? `Per extra live debate, from ${LEVELS[0]} to ${LEVELS[1]}: RSS +${f1(((large.rss - small.rss) * 1024) / (LEVELS[1] - LEVELS[0]))} KiB, heap used +${f1(((large.heapUsed - small.heapUsed) * 1024) / (LEVELS[1] - LEVELS[0]))} KiB.`
      : '';
  const worst = Math.max(...steelman.map((r) => r.rss));
  const opened = at(LEVELS[1])?.rssOpened ?? Number.NaN;
  const worstAfterGc = Math.max(...steelman.map((r) => r.rssAfterGc));
  const p99s = lateness.map((r) => percentile(r.late, 99));
  return [
    `One bot process (SQLite), debates opened through the double 8 at a time (\`/debate start\`, two joins, Begin), over ${GUILDS} guilds × ${CHANNELS_PER_GUILD} channels. RSS from \`ps\`, right after the last debate of a row was opened and again once the bot has posted everything (after the probe); heap from the bot's own process.memoryUsage() after a full GC, read through its inspector. "probe" = ${PROBES} interactions (\`/debate status\` and autocomplete, one at a time) at that size, round trip ms p50 / p99.`,
    '',
    table(
      [
        'live debates',
        'RSS right after opening MiB',
        'RSS once quiet MiB',
        'V8 heap total before GC MiB',
        'RSS after full GC MiB',
        'heap used after GC MiB',
        'heap total after GC MiB',
        'external MiB',
        'opening them: wall s / bot CPU ms per debate',
        'probe p50 / p99 ms',
      ],
      memory.map((r) => [
        r.live < 0 ? 'floor: bare discord.js bot, same guilds' : r.live.toLocaleString('en'),
        f1(r.rssOpened),
        f1(r.rss),
        f1(r.heapTotalBefore),
        f1(r.rssAfterGc),
        f1(r.heapUsed),
        f1(r.heapTotal),
        f1(r.external),
        r.opened ? `${f1(r.openSeconds)} / ${f2((r.openCpuMs ?? Number.NaN) / r.opened)}` : '–',
        r.probe ? `${f2(percentile(r.probe, 50))} / ${f2(percentile(r.probe, 99))}` : '–',
      ]),
    ),
    '',
    perDebate,
    '',
    'Deadline lateness: createScheduler in the bench process, real clock, deadlines armed at once and spread uniformly over the next 5 s; lateness = fire time (onFire) − deadline, in ms (Date.now() resolution).',
    '',
    table(
      ['pending deadlines', 'work per fire', 'arm all', 'late p50', 'late p99', 'late max'],
      lateness.map((r) => [
        r.deadlines.toLocaleString('en'),
        r.work,
        `${f1(r.armMs)} ms`,
        `${f1(percentile(r.late, 50))} ms`,
        `${f1(percentile(r.late, 99))} ms`,
        `${f1(Math.max(...r.late))} ms`,
      ]),
    ),
    '',
    `- RSS goal ≤ 150 MB at 1,000 live debates: ${opened.toFixed(0)} MiB (${(opened * 1.048576).toFixed(0)} MB) right after opening them (${opened <= 150 ? 'met' : 'missed'}, reading the goal's MB as MiB); ${worst.toFixed(0)} MiB at most once quiet (${worst <= 150 ? 'met' : 'missed'}), ${worstAfterGc.toFixed(0)} MiB after a full GC (${worstAfterGc <= 150 ? 'met' : 'missed'}).`,
    `- While opening them: ${deferred} first answers deferred (Steelman's work took over 1.5 s); ${slow} interactions answered after Discord's 3 s (\`double.slowInteractions()\`).`,
    `- Lateness goal p99 ≤ 250 ms at 10,000 pending: ${f1(Math.max(...p99s))} ms at most over every row (${Math.max(...p99s) <= 250 ? 'met' : 'missed'}).`,
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(await benchCapacity());
}

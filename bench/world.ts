/**
 * Shared set-up for the end-to-end benchmarks: a Discord double with many channels and members,
 * the real bot (tests/e2e/harness.ts `Bot`) or the bare floor bot as child processes, reading a
 * child's memory, and stopping every process by its pid.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  CallbackType,
  type DoubleMessage,
  type DoubleUser,
  type InteractionHandle,
} from '@steelman/discord-double';
import { REST, Routes } from 'discord.js';
import WebSocket from 'ws';
import { loadCommands } from '../commands/index.js';
import { Bot, type BotOptions, buttonIds, FAKE_TOKEN, startWorld, type World } from '../tests/e2e/harness.js';

const ROOT = path.resolve(import.meta.dirname, '..');

/** Every child process a benchmark started; killed by pid if the run ends without stopping one. */
const children = new Set<ChildProcess>();
const alive = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;
const killAll = () => {
  for (const child of children)
    if (alive(child) && child.pid !== undefined) process.kill(child.pid, 'SIGKILL');
};
process.once('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    killAll();
    process.exit(130);
  });
/** Kills `child` by pid if the benchmark ends without stopping it. */
export const track = (child: ChildProcess) => {
  children.add(child);
  child.once('exit', () => children.delete(child));
};

/** A deterministic generator, so every run sends the same interactions. */
export const seededRandom = (seed: number) => {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 2 ** 32;
  };
};

export interface BenchGuild {
  readonly id: string;
  /** Channel ids, d0000, d0001, ... */
  readonly channels: readonly string[];
  /** Members added for the benchmark, g<guild>p0, g<guild>p1, ... */
  readonly users: readonly DoubleUser[];
}

export interface BenchWorld extends BenchGuild {
  readonly world: World;
  /** Every guild; the first one's channels and users are also `channels` and `users`. */
  readonly guilds: readonly BenchGuild[];
}

/** Registers Steelman's commands with the double, in-process (what `npm run commands:deploy` sends). */
const registerCommands = async (world: World) => {
  const body = [...loadCommands().values()].map((command) => command.data);
  await new REST({ api: world.double.apiUrl })
    .setToken(FAKE_TOKEN)
    .put(Routes.applicationCommands(world.double.applicationId), { body });
};

/**
 * `guilds` guilds (default one), each with `channels` channels and `members` extra members,
 * Steelman's commands registered. Discord caps a guild at 500 channels, so more debates than that
 * take more guilds.
 */
export const startBenchWorld = async (channels: number, members: number, guilds = 1): Promise<BenchWorld> => {
  const names = Array.from({ length: channels }, (_, i) => `d${String(i).padStart(4, '0')}`);
  const world = await startWorld({
    channels: names,
    guilds: Array.from({ length: guilds }, (_, g) => ({ name: `Debate Club ${g + 1}` })),
  });
  const built = world.guilds.map((guild, g) => ({
    id: guild.id,
    channels: guild.channels().map((c) => c.id),
    users: Array.from({ length: members }, (_, i) => world.double.addMember(guild.id, `g${g}p${i}`)),
  }));
  await registerCommands(world);
  const [first] = built;
  if (!first) throw new Error('no guild');
  return { world, guilds: built, ...first };
};

/** Starts the real bot (`node dist/src/main.js`, as `npm start` runs it) and waits for its deadlines to be armed. */
export const startSteelman = async (world: World, options: BotOptions = {}): Promise<Bot> => {
  // To profile the bot: BENCH_BOT_NODE_OPTIONS="--import ./bench/cpu-profile.mjs" BENCH_CPU_PROF_DIR=/tmp/prof
  const extra = process.env.BENCH_BOT_NODE_OPTIONS;
  const profDir = process.env.BENCH_CPU_PROF_DIR;
  const env = {
    ...options.env,
    ...(extra ? { NODE_OPTIONS: `${options.env?.NODE_OPTIONS ?? ''} ${extra}`.trim() } : {}),
    ...(profDir ? { BENCH_CPU_PROF_DIR: profDir } : {}),
    ...(process.env.BENCH_TRACE_DIR ? { BENCH_TRACE_DIR: process.env.BENCH_TRACE_DIR } : {}),
    ...(process.env.BENCH_CPU_PROF_ON_SIGNAL
      ? { BENCH_CPU_PROF_ON_SIGNAL: process.env.BENCH_CPU_PROF_ON_SIGNAL }
      : {}),
  };
  const bot = await Bot.start(world, { ...options, env });
  track(bot.child);
  return bot;
};

/** SIGTERM by pid, then SIGKILL if it has not exited within 10 s. With BENCH_LOG_DIR set, keeps its log there. */
export const stopBot = async (bot: Bot) => {
  try {
    await bot.stop();
  } catch {
    await bot.crash();
  }
  const dir = process.env.BENCH_LOG_DIR;
  if (dir) {
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, `steelman-${bot.child.pid}.log`), `${bot.logs.join('\n')}\n`);
  }
};

/** The bare discord.js bot (bench/bare-bot.ts): the floor every interaction figure is compared to. */
export const startBareBot = async (world: World, nodeOptions?: string) => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/bare-bot.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DISCORD_TOKEN: FAKE_TOKEN,
      DISCORD_API_URL: world.double.apiUrl,
      ...(process.env.BENCH_BOT_NODE_OPTIONS || nodeOptions
        ? { NODE_OPTIONS: `${nodeOptions ?? ''} ${process.env.BENCH_BOT_NODE_OPTIONS ?? ''}`.trim() }
        : {}),
      ...(process.env.BENCH_TRACE_DIR ? { BENCH_TRACE_DIR: process.env.BENCH_TRACE_DIR } : {}),
      ...(process.env.BENCH_CPU_PROF_DIR ? { BENCH_CPU_PROF_DIR: process.env.BENCH_CPU_PROF_DIR } : {}),
      ...(process.env.BENCH_CPU_PROF_ON_SIGNAL
        ? { BENCH_CPU_PROF_ON_SIGNAL: process.env.BENCH_CPU_PROF_ON_SIGNAL }
        : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  track(child);
  let out = '';
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the bare bot did not get ready: ${out}`)), 20_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('bare bot ready')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the bare bot exited (${code}): ${out}`));
    });
  });
  await ready;
  return {
    child,
    /** Output so far (the inspector URL, when started with --inspect). */
    get logs() {
      return out.split('\n');
    },
    async stop() {
      if (!alive(child) || child.pid === undefined) return;
      const exited = once(child, 'exit');
      process.kill(child.pid, 'SIGTERM');
      const timer = setTimeout(() => child.pid !== undefined && process.kill(child.pid, 'SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
};

/** CPU time (user + system) a process has used so far, in ms, from /proc (Linux); NaN elsewhere. */
export const cpuMs = (pid: number): number => {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return Number.NaN;
  }
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of the whole line, in clock ticks (100 a second on Linux).
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
};

/** Waits until the double has received no request for `idleMs` (bounded): the bot's REST queue is empty. */
export const quiet = async (bw: BenchWorld, idleMs = 150, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  let seen = bw.world.double.requests.length;
  let since = Date.now();
  while (Date.now() < deadline) {
    await sleep(25);
    const now = bw.world.double.requests.length;
    if (now !== seen) {
      seen = now;
      since = Date.now();
    } else if (Date.now() - since >= idleMs) return;
  }
};

/** Resident set size of a process, in MiB, from `ps` (Linux and macOS). */
export const rssMb = (pid: number): number => {
  const out = spawnSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' });
  const kb = Number(out.stdout.trim());
  return Number.isFinite(kb) && kb > 0 ? kb / 1024 : Number.NaN;
};

/** The inspector URL of a bot started with NODE_OPTIONS=--inspect=127.0.0.1:0, from its stderr. */
export const inspectorUrl = (bot: { readonly logs: readonly string[] }): string | undefined => {
  for (const line of bot.logs) {
    const url = /Debugger listening on (ws:\/\/\S+)/.exec(line)?.[1];
    if (url) return url;
  }
  return undefined;
};

/**
 * Asks a process, through its inspector, for process.memoryUsage() as it is and again after a full
 * GC. No hook in src/ is needed: the bot only has to be started with --inspect (NODE_OPTIONS).
 */
export const memoryUsage = async (
  url: string,
): Promise<{ readonly before: NodeJS.MemoryUsage; readonly after: NodeJS.MemoryUsage }> => {
  const ws = new WebSocket(url);
  await once(ws, 'open');
  const waiting = new Map<number, (message: { result?: unknown; error?: unknown }) => void>();
  ws.on('message', (data) => {
    const message = JSON.parse(String(data)) as { id?: number; result?: unknown; error?: unknown };
    if (message.id !== undefined) waiting.get(message.id)?.(message);
  });
  let next = 0;
  const call = (method: string, params: Record<string, unknown> = {}) =>
    new Promise<{ result?: unknown; error?: unknown }>((resolve, reject) => {
      next += 1;
      const timer = setTimeout(() => reject(new Error(`the inspector did not answer ${method}`)), 30_000);
      waiting.set(next, (message) => {
        clearTimeout(timer);
        resolve(message);
      });
      ws.send(JSON.stringify({ id: next, method, params }));
    });
  const usage = async () => {
    const answer = await call('Runtime.evaluate', {
      expression: 'JSON.stringify(process.memoryUsage())',
      returnByValue: true,
    });
    const value = (answer.result as { result?: { value?: unknown } } | undefined)?.result?.value;
    if (typeof value !== 'string') throw new Error(`the inspector answered ${JSON.stringify(answer)}`);
    return JSON.parse(value) as NodeJS.MemoryUsage;
  };
  try {
    const before = await usage();
    await call('HeapProfiler.collectGarbage');
    return { before, after: await usage() };
  } finally {
    ws.close();
  }
};

/** Runs `tasks` with at most `limit` of them at once. */
export const pool = async <T>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<void>,
) => {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await task(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
};

/** The custom id of the first button on `message` whose id matches. */
export const button = (message: DoubleMessage, pattern: RegExp): string => {
  for (const row of message.components)
    for (const c of (row.components as { custom_id?: string }[] | undefined) ?? [])
      if (c.custom_id && pattern.test(c.custom_id)) return c.custom_id;
  throw new Error(`no button matching ${pattern} on message ${message.id}`);
};

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A first callback that means "slow: the answer follows" (deferred reply, deferred update). */
export const isDeferred = (type: number) =>
  type === CallbackType.DeferredChannelMessageWithSource || type === CallbackType.DeferredMessageUpdate;

/**
 * Sends one interaction, waits (bounded) for its first callback, checks it is the expected type, or
 * one of them (a bot under load may defer: pass both), and its content when given; returns the
 * handle with its round trip in ms and the callback type it got.
 */
export const roundTrip = async (
  send: () => Promise<InteractionHandle>,
  expected: number | readonly number[],
  content?: string,
  timeoutMs = 60_000,
): Promise<{ handle: InteractionHandle; ms: number; type: number }> => {
  const handle = await send();
  const callback = await handle.reply(timeoutMs);
  const text = typeof callback.data?.content === 'string' ? callback.data.content : '';
  const allowed = typeof expected === 'number' ? [expected] : expected;
  const deferred = isDeferred(callback.type);
  if (!allowed.includes(callback.type) || (content !== undefined && !deferred && text !== content))
    throw new Error(
      `${handle.label}: expected callback ${allowed.join(' or ')}${content ? ` "${content}"` : ''}, got ${callback.type} ${JSON.stringify(text)}`,
    );
  const ms = handle.roundTripMs;
  if (ms === null) throw new Error(`${handle.label}: no round trip recorded`);
  return { handle, ms, type: callback.type };
};

/**
 * After a deferred first answer, waits (untimed) for the answer itself, as a player waits for the
 * card to change before the next click: the move may not even be queued yet, and the next step must
 * not overtake it. Only for Steelman: the bare bot never follows its deferUpdate with an edit.
 */
export const settled = async (handle: InteractionHandle, type: number, timeoutMs = 60_000) => {
  if (isDeferred(type)) await handle.response(timeoutMs);
};

/** What `/debate start` is answered with: privately, at once or deferred when the bot is slow. */
export const START_CALLBACKS = [
  CallbackType.ChannelMessageWithSource,
  CallbackType.DeferredChannelMessageWithSource,
] as const;
/** What a click on the lobby card is answered with: the card updated, at once or deferred. */
export const CARD_CALLBACKS = [CallbackType.UpdateMessage, CallbackType.DeferredMessageUpdate] as const;

/**
 * The lobby card a `/debate start` posted: the host is answered privately ("Your lobby is open…")
 * and the card goes to the channel as a message of its own, its join buttons naming the debate,
 * whose id is the /debate start interaction's (`s1:join:<debateId>:<side>`). As
 * tests/e2e/flows.ts `lobbyCardOf` finds it, without vitest.
 */
export const lobbyCard = async (
  world: World,
  channel: string,
  start: InteractionHandle,
  timeoutMs = 60_000,
): Promise<DoubleMessage> => {
  const answer = await start.response(timeoutMs);
  if (!answer.ephemeral)
    throw new Error(`${start.label}: expected a private answer, got a public one: ${answer.content}`);
  return world.double.waitForMessage(
    channel,
    (m) => buttonIds(m).some((id) => id.startsWith(`s1:join:${start.id}:`)),
    { timeoutMs },
  );
};

/**
 * Interactions of a double answered too slowly by Discord's rule (first callback after 3 s,
 * refused as late, or unanswered past it), out of all it sent: `double.slowInteractions()`.
 */
export const slowCount = (world: World) =>
  `${world.double.slowInteractions().length} of ${world.double.interactionLatencies().length}`;

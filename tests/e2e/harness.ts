import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  type DiscordDouble,
  type DoubleGuild,
  type DoubleMessage,
  type DoubleUser,
  startDiscordDouble,
} from '@steelman/discord-double';
import { expect } from 'vitest';

/**
 * The end-to-end world: the local Discord double, a guild of simulated members, and the real bot
 * as its own process — the program `npm start` runs (`node dist/src/main.js`, built once before the
 * tests by tests/global-setup.ts), started with node directly so that kill -9 reaches the bot and
 * not an npm wrapper.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
export const FAKE_TOKEN = 'fake-token-for-tests';
const MANAGE_GUILD = 1n << 5n;

export const MEMBERS = [
  'alice',
  'bob',
  'carol',
  'dave',
  'erin',
  'frank',
  'gus',
  'hana',
  'judy',
  'jim',
  'sam',
] as const;
export type MemberName = (typeof MEMBERS)[number] | 'mod';

export interface World {
  readonly double: DiscordDouble;
  /** The first guild; `guilds` has every one, in the order given. */
  readonly guild: DoubleGuild;
  readonly guilds: readonly DoubleGuild[];
  readonly dataDir: string;
  readonly tempDir: string;
  user(name: MemberName): DoubleUser;
  channel(name: string): string;
  close(): Promise<void>;
}

/**
 * The shipped deck plus one format for tests that wait out a deadline: five-second speeches,
 * no prep, a ten-second judging window.
 */
const writeTestDeck = async (dir: string) => {
  await cp(path.join(ROOT, 'data'), dir, { recursive: true });
  const file = path.join(dir, 'formats.json');
  const formats = JSON.parse(await readFile(file, 'utf8')) as { formats: unknown[] };
  const speech = (side: string, speaker = 1) => ({
    side,
    speaker,
    kind: 'constructive',
    seconds: 5,
    textSeconds: 5,
    bells: [2],
    words: { min: 2, max: 300 },
  });
  formats.formats.push({
    id: 'snap',
    name: 'Snap (tests)',
    description: 'Five-second speeches for tests that wait out a deadline.',
    sizes: ['1v1'],
    prepSeconds: 0,
    handSize: 3,
    draws: 1,
    judgingSeconds: 10,
    speeches: [speech('lecun'), speech('scaling')],
  });
  // For the crash-anywhere test: four minute-long speeches, then two short ones that run out (no bells).
  const quiet = (side: string, seconds: number) => ({
    ...speech(side),
    seconds,
    textSeconds: seconds,
    bells: [],
  });
  formats.formats.push({
    id: 'crash',
    name: 'Crash (tests)',
    description: 'Four long speeches and two that time out, for kill -9 at any point.',
    sizes: ['1v1'],
    prepSeconds: 120,
    handSize: 3,
    draws: 0,
    judgingSeconds: 10,
    speeches: [
      quiet('lecun', 60),
      quiet('scaling', 60),
      quiet('lecun', 60),
      quiet('scaling', 60),
      quiet('lecun', 5),
      quiet('scaling', 5),
    ],
  });
  // For the correspondence tests: the correspondence format's shape (reminders at its bells,
  // a community voting window, 10,000-character speeches) on a clock of seconds instead of days.
  const corr = (side: string) => ({ ...speech(side), seconds: 8, textSeconds: 8, bells: [6, 3] });
  formats.formats.push({
    id: 'corr-snap',
    name: 'Correspondence (tests)',
    description: 'The correspondence format with eight-second speeches and a short voting window.',
    sizes: ['1v1'],
    prepSeconds: 0,
    handSize: 3,
    draws: 0,
    judgingSeconds: 10,
    speeches: [corr('lecun'), corr('scaling')],
    reminders: true,
    votingSeconds: 10,
    speechChars: 10000,
  });
  await writeFile(file, JSON.stringify(formats));
};

export interface WorldOptions {
  readonly channels?: string[];
  /** Several guilds, e.g. one per shard: `{ name: 'Club A', shard: [0, 2] }`. Default: one, 'Debate Club'. */
  readonly guilds?: readonly { readonly name: string; readonly shard?: readonly [number, number] }[];
}

export const startWorld = async (options: WorldOptions = {}): Promise<World> => {
  const tempDir = await mkdtemp(path.join(tmpdir(), 'steelman-e2e-'));
  const dataDir = path.join(tempDir, 'data');
  await writeTestDeck(dataDir);
  const double = await startDiscordDouble({ heartbeatIntervalMs: 5000 });
  const guilds = (options.guilds ?? [{ name: 'Debate Club' }]).map((spec) =>
    double.addGuild({
      name: spec.name,
      ...(spec.shard ? { shard: spec.shard } : {}),
      channels: options.channels ?? ['general', 'debates', 'lounge'],
      roles: [
        { name: 'Moderators', permissions: MANAGE_GUILD },
        { name: 'Judges', mentionable: true },
      ],
      members: [...MEMBERS, { username: 'mod', roles: ['Moderators'] }],
    }),
  );
  const [guild] = guilds;
  if (!guild) throw new Error('a world needs a guild');
  return {
    double,
    guild,
    guilds,
    dataDir,
    tempDir,
    user: (name) => guild.member(name),
    channel: (name) => guild.channel(name).id,
    async close() {
      await double.stop();
      await rm(tempDir, { recursive: true, force: true });
    },
  };
};

export interface BotOptions {
  readonly storeUrl?: string;
  readonly env?: Record<string, string>;
}

/** The bot process, with its log lines (JSON) kept for assertions. */
export class Bot {
  readonly logs: string[] = [];
  private exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  private constructor(readonly child: ChildProcess) {
    this.exited = once(child, 'exit').then(([code, signal]) => ({
      code: code as number | null,
      signal: signal as NodeJS.Signals | null,
    }));
    const collect = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) this.logs.push(line);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
  }

  static env(world: World, options: BotOptions = {}): NodeJS.ProcessEnv {
    return {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DISCORD_TOKEN: FAKE_TOKEN,
      DISCORD_APP_ID: world.double.applicationId,
      DISCORD_API_URL: world.double.apiUrl,
      STORE_URL: options.storeUrl ?? `sqlite://${path.join(world.tempDir, 'steelman.sqlite')}`,
      DATA_DIR: world.dataDir,
      LOG_LEVEL: 'info',
      ...options.env,
    };
  }

  /** Registers the commands with `commands:deploy`'s script, as a self-hoster would. */
  static async deployCommands(world: World): Promise<string> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/deploy-commands.ts'], {
      cwd: ROOT,
      env: Bot.env(world),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      out += c.toString();
    });
    const [code] = await once(child, 'exit');
    if (code !== 0) throw new Error(`commands:deploy failed: ${out}`);
    return out;
  }

  /** Starts `node dist/src/main.js` against the double and waits until its deadlines are armed. */
  static async start(world: World, options: BotOptions = {}): Promise<Bot> {
    const child = spawn(process.execPath, ['dist/src/main.js'], {
      cwd: ROOT,
      env: Bot.env(world, options),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const bot = new Bot(child);
    await bot.waitForLog(/"msg":"deadlines armed"/, 20_000);
    return bot;
  }

  /** Waits for a log line matching `pattern` (bounded). */
  async waitForLog(pattern: RegExp, timeoutMs = 10_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const line = this.logs.find((l) => pattern.test(l));
      if (line) return line;
      if (this.child.exitCode !== null)
        throw new Error(
          `the bot exited (${this.child.exitCode}) before logging ${pattern}:\n${this.logs.join('\n')}`,
        );
      if (Date.now() > deadline)
        throw new Error(`no log line matched ${pattern} within ${timeoutMs} ms:\n${this.logs.join('\n')}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  get alive() {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Sends SIGTERM and resolves with the exit code and how long it took. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<{ code: number | null; ms: number }> {
    const started = Date.now();
    if (!this.alive) return { code: this.child.exitCode, ms: 0 };
    this.child.kill(signal);
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('the bot did not exit within 10 s')), 10_000).unref(),
    );
    const { code } = await Promise.race([this.exited, timeout]);
    return { code, ms: Date.now() - started };
  }

  /** kill -9: no chance to finish anything. */
  async crash(): Promise<void> {
    if (!this.alive) return;
    this.child.kill('SIGKILL');
    await this.exited;
  }

  /** Error-level log lines (pino level 50+). */
  errors(): string[] {
    return this.logs.filter((l) => /"level":(50|60)/.test(l));
  }
}

/** Helpers to read what a player sees. */
export const embedText = (message: DoubleMessage): string =>
  [
    message.content,
    ...message.embeds.flatMap((e) => [
      String(e.title ?? ''),
      String(e.description ?? ''),
      ...((e.fields as { name: string; value: string }[] | undefined) ?? []).flatMap((f) => [
        f.name,
        f.value,
      ]),
      String((e.footer as { text?: string } | undefined)?.text ?? ''),
    ]),
  ].join('\n');

export const buttonIds = (message: DoubleMessage): string[] =>
  message.components.flatMap((row) =>
    ((row.components as { custom_id?: string }[] | undefined) ?? []).map((c) => c.custom_id ?? ''),
  );

export const buttonId = (message: DoubleMessage, pattern: RegExp): string => {
  const id = buttonIds(message).find((c) => pattern.test(c));
  if (!id)
    throw new Error(
      `no button matching ${pattern} on message ${message.id}: ${buttonIds(message).join(', ')}`,
    );
  return id;
};

/** Polls `probe` until it returns a value (bounded); for states built from several messages. */
export const eventually = async <T>(
  probe: () => T | undefined,
  timeoutMs = 5000,
  what = 'a condition',
): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

/** A world with its commands registered and the bot started: what most e2e files need before their tests. */
export const startWorldWithBot = async (
  worldOptions: WorldOptions = {},
  botOptions: BotOptions = {},
): Promise<{ world: World; bot: Bot }> => {
  const world = await startWorld(worldOptions);
  await Bot.deployCommands(world);
  return { world, bot: await Bot.start(world, botOptions) };
};

/**
 * Stops the bot and the world, whichever of them started; first checks that every interaction of
 * the file got its first answer within Discord's 3 s (the double records each one).
 */
export const stopWorldWithBot = async (world: World | undefined, bot: Bot | undefined) => {
  const slow = world?.double.slowInteractions() ?? [];
  await bot?.stop();
  await world?.close();
  expect(slow, 'interactions answered later than 3 s').toEqual([]);
};

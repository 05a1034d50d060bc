/**
 * Interaction round trip: from INTERACTION_CREATE written to the bot's gateway socket to the first
 * callback received by the double (`InteractionHandle.roundTripMs`), over a realistic mix sent one
 * at a time with 100 debates live, for Steelman on SQLite, Steelman on Redis, and a bare discord.js
 * bot that answers each kind with the cheapest valid callback (bench/bare-bot.ts: the floor).
 *
 * The 100 live debates: 80 quick-format debates in their speeches and 20 lobbies with one debater
 * seated. The mix cycles through `/debate status`, `/evidence show` autocomplete, the Speak button
 * (modal, type 9) and the speech form's submit, a lobby Join button and `/debate leave`; a debate
 * that finishes is opened again at once in its channel (/debate start, two joins, Begin, two Ready),
 * and those interactions count too. Only the first callback is timed: what the bot posts afterwards
 * (speeches, turn announcements, lobby edits) goes through its REST queue (50 req/s globally;
 * interaction callbacks are exempt) and is not part of the figure, though it does load the bot.
 *
 * The three bots run side by side, each with its own double, and are measured in turns (blocks of
 * 100 interactions, the floor replaying the kinds the SQLite bot was just sent), so that load from
 * elsewhere on the machine falls on all three alike.
 * Run alone: npx tsx bench/interactions.ts
 */
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import {
  CallbackType,
  type DoubleMessage,
  type DoubleUser,
  type InteractionHandle,
  type ModalHandle,
} from '@steelman/discord-double';
import type { Bot } from '../tests/e2e/harness.js';
import { type RedisServer, startRedis } from '../tests/support/redis.js';
import { percentile, table } from './stats.js';
import {
  type BenchWorld,
  button,
  CARD_CALLBACKS,
  cpuMs,
  isDeferred,
  lobbyCard,
  pool,
  quiet,
  roundTrip,
  START_CALLBACKS,
  seededRandom,
  settled,
  slowCount,
  startBareBot,
  startBenchWorld,
  startSteelman,
  stopBot,
} from './world.js';

const LIVE = 100;
const SPEAKING = 80;
const TARGET = 1200;
const BLOCK = 100;
const BURSTS = 4;
const BURST_SIZE = 50;
const WAIT_MS = 60_000;

type Kind = 'status' | 'autocomplete' | 'join' | 'leave' | 'speak' | 'speech' | 'start' | 'begin' | 'ready';
const KINDS: readonly Kind[] = [
  'status',
  'autocomplete',
  'join',
  'leave',
  'speak',
  'speech',
  'start',
  'begin',
  'ready',
];
const LABEL: Record<Kind, string> = {
  status: '`/debate status`',
  autocomplete: '`/evidence show` autocomplete',
  join: 'Join button (lobby)',
  leave: '`/debate leave`',
  speak: 'Speak button → modal',
  speech: 'speech form submit',
  start: '`/debate start`',
  begin: 'Begin button',
  ready: 'Ready button',
};
/** What each answers with: Steelman / the floor. */
const CALLBACKS: Record<Kind, string> = {
  status: '4 / 4',
  autocomplete: '8 / 8',
  join: '7 / 6',
  leave: '4 / 4',
  speak: '9 / 9',
  speech: '4 / 4',
  start: '4 private / 4 private',
  begin: '7 / 6',
  ready: '4 / 6',
};
/** The pattern the measured phase cycles through; Speak is always followed, later, by its submit. */
const PATTERN: readonly Kind[] = [
  'status',
  'autocomplete',
  'speak',
  'join',
  'status',
  'speech',
  'autocomplete',
  'leave',
  'speak',
  'speech',
];
const PREFIXES = ['', 'L', 'S0', 'wor', 'scal', 'L1', 'plan', 'S1', 'token', 'gro'];

const SPEECH =
  'First, the motion asks whether next-token prediction is a dead end for reasoning. ' +
  'Second, because a model that only predicts tokens has no world model, it cannot plan; therefore it cannot reason. ' +
  'My opponent said scaling fixes this, however scaling has not produced reliable planning in any benchmark we have seen. '.repeat(
    4,
  ) +
  'In conclusion, the evidence favours my side.';

export interface Sample {
  readonly kind: Kind;
  readonly ms: number;
  readonly id: string;
  /** The first callback's type (5 and 6: deferred, the bot took over 1.5 s). */
  readonly type: number;
}

/** The reads the goal is about. */
const READS: readonly Kind[] = ['status', 'autocomplete'];
/** A private answer, or its deferral when the bot is slow. */
const PRIVATE = [
  CallbackType.ChannelMessageWithSource,
  CallbackType.DeferredChannelMessageWithSource,
] as const;

const timed = (
  send: () => Promise<InteractionHandle>,
  expected: number | readonly number[],
  content?: string,
) => roundTrip(send, expected, content, WAIT_MS);

interface Table {
  readonly channel: string;
  readonly a: DoubleUser;
  readonly b: DoubleUser;
  lobby?: DoubleMessage;
  /** The message after which the next turn announcement (🎤) will appear. */
  anchor?: DoubleMessage;
  turn: number;
}

/** What the measured loop needs of a bot under test. */
interface Contestant {
  readonly name: string;
  readonly bw: BenchWorld;
  readonly pid: number;
  readonly samples: Sample[];
  /** CPU time the bot process used during the measured blocks, in ms. */
  cpu: number;
  burst(): Promise<number[]>;
  stop(): Promise<void>;
}

/** Drives Steelman: 100 live debates, then the measured mix in blocks. */
class Arena implements Contestant {
  readonly samples: Sample[] = [];
  cpu = 0;
  private readonly random = seededRandom(7);
  private readonly tables: Table[];
  private readonly speaking: Table[];
  private readonly lobbies: Table[];
  private readonly guests: DoubleUser[];
  private readonly joined: { table: Table; guest: DoubleUser }[] = [];
  private open:
    | { table: Table; speaker: DoubleUser; modal: ModalHandle; turnMessage: DoubleMessage }
    | undefined;
  private nextLobby = 0;
  private position = 0;
  private recording = false;

  constructor(
    readonly name: string,
    readonly bw: BenchWorld,
    private readonly bot: Bot,
    private readonly redis: RedisServer | undefined,
  ) {
    const { channels, users } = bw;
    this.tables = channels.slice(0, LIVE).map((channel, i) => ({
      channel,
      a: users[2 * i] as DoubleUser,
      b: users[2 * i + 1] as DoubleUser,
      turn: 0,
    }));
    this.speaking = this.tables.slice(0, SPEAKING);
    this.lobbies = this.tables.slice(SPEAKING);
    this.guests = users.slice(2 * LIVE);
  }

  get pid() {
    return this.bot.child.pid ?? -1;
  }

  private async run(
    kind: Kind,
    send: () => Promise<InteractionHandle>,
    expected: number | readonly number[],
    content?: string,
  ): Promise<InteractionHandle> {
    const { handle, ms, type } = await timed(send, expected, content);
    if (this.recording) this.samples.push({ kind, ms, id: handle.id, type });
    await settled(handle, type, WAIT_MS);
    return handle;
  }

  private async waitFor(
    channel: string,
    predicate: (m: DoubleMessage) => boolean,
    after: DoubleMessage,
    what: string,
  ) {
    try {
      return await this.bw.world.double.waitForMessage(channel, predicate, { after, timeoutMs: WAIT_MS });
    } catch (error) {
      throw new Error(`${this.name}: waiting for ${what}: ${String(error)}`);
    }
  }

  /**
   * /debate start (answered privately; the lobby card is posted in the channel) and a first join;
   * with `speak`, the second join, Begin, both Ready: the speeches begin.
   */
  private async openTable(t: Table, speak: boolean) {
    const start = await this.run(
      'start',
      () =>
        t.a.slash(t.channel, 'debate', { subcommand: 'start', options: { motion: 'M01', format: 'quick' } }),
      START_CALLBACKS,
    );
    const lobby = await lobbyCard(this.bw.world, t.channel, start, WAIT_MS);
    t.lobby = lobby;
    await this.run('join', () => t.a.click(lobby, button(lobby, /:join:\d+:lecun$/)), CARD_CALLBACKS);
    if (!speak) return;
    await this.run('join', () => t.b.click(lobby, button(lobby, /:join:\d+:scaling$/)), CARD_CALLBACKS);
    await this.run('begin', () => t.a.click(lobby, button(lobby, /:begin:/)), CARD_CALLBACKS);
    const begun = await this.waitFor(
      t.channel,
      (m) => m.content.includes('the debate has begun'),
      lobby,
      '"the debate has begun"',
    );
    for (const user of [t.a, t.b])
      await this.run('ready', () => user.click(begun, button(begun, /:ready:/)), PRIVATE);
    t.anchor = begun;
    t.turn = 0;
  }

  /** 80 debates into their speeches and 20 lobbies, 8 channels at a time (not measured). */
  async setup() {
    await pool(this.tables, 8, (t, i) => this.openTable(t, i < SPEAKING));
  }

  private async step(kind: Kind) {
    const pick = <T>(list: readonly T[]) => list[Math.floor(this.random() * list.length)] as T;
    switch (kind) {
      case 'status': {
        const t = pick(this.tables);
        await this.run('status', () => t.a.slash(t.channel, 'debate', { subcommand: 'status' }), PRIVATE);
        return;
      }
      case 'autocomplete': {
        const t = pick(this.tables);
        const value = pick(PREFIXES);
        await this.run(
          'autocomplete',
          () => t.b.autocompleteHandle(t.channel, 'evidence', { subcommand: 'show', focused: 'id', value }),
          CallbackType.ApplicationCommandAutocompleteResult,
        );
        return;
      }
      case 'join': {
        const t = this.lobbies[this.nextLobby++ % this.lobbies.length] as Table;
        const guest = this.guests.shift();
        const lobby = t.lobby;
        if (!guest || !lobby) throw new Error('no guest or lobby left');
        await this.run('join', () => guest.click(lobby, button(lobby, /:join:\d+:scaling$/)), CARD_CALLBACKS);
        this.joined.push({ table: t, guest });
        return;
      }
      case 'leave': {
        const seated = this.joined.shift();
        if (!seated) throw new Error('nobody to leave');
        await this.run(
          'leave',
          () => seated.guest.slash(seated.table.channel, 'debate', { subcommand: 'leave' }),
          PRIVATE,
          'You have left the debate.',
        );
        this.guests.push(seated.guest);
        return;
      }
      case 'speak': {
        const t = pick(this.speaking);
        const anchor = t.anchor;
        if (!anchor) throw new Error('a speaking table without its begun message');
        const turnMessage = await this.waitFor(
          t.channel,
          (m) => m.content.startsWith('🎤'),
          anchor,
          `turn ${t.turn + 1} (🎤)`,
        );
        const speaker = turnMessage.mentions[0] === t.a.id ? t.a : t.b;
        const handle = await this.run(
          'speak',
          () => speaker.click(turnMessage, button(turnMessage, /:speak:/)),
          CallbackType.Modal,
        );
        this.open = { table: t, speaker, modal: await handle.modal(), turnMessage };
        return;
      }
      case 'speech': {
        const open = this.open;
        if (!open) throw new Error('no speech form open');
        this.open = undefined;
        await this.run(
          'speech',
          () => open.speaker.submitModal(open.modal, { speech: SPEECH }),
          PRIVATE,
          'Your speech is posted.',
        );
        const t = open.table;
        t.anchor = open.turnMessage;
        t.turn += 1;
        if (t.turn === 4) await this.openTable(t, true);
        return;
      }
      default:
        throw new Error(`${kind} is not part of the pattern`);
    }
  }

  /** One measured block: at least `n` more interactions, one at a time. Returns the kinds sent. */
  async block(n: number): Promise<Kind[]> {
    const from = this.samples.length;
    const cpu = cpuMs(this.pid);
    this.recording = true;
    while (this.samples.length < from + n || this.open)
      await this.step(PATTERN[this.position++ % PATTERN.length] as Kind);
    this.recording = false;
    this.cpu += cpuMs(this.pid) - cpu;
    return this.samples.slice(from).map((s) => s.kind);
  }

  /** Concurrent bursts of status commands and autocompletes across the live channels. */
  async burst(): Promise<number[]> {
    const out: number[] = [];
    for (let round = 0; round < BURSTS; round++) {
      const sent = Array.from({ length: BURST_SIZE }, (_, i) => {
        const t = this.tables[Math.floor(this.random() * this.tables.length)] as Table;
        return i % 2 === 0
          ? timed(() => t.a.slash(t.channel, 'debate', { subcommand: 'status' }), PRIVATE)
          : timed(
              () =>
                t.b.autocompleteHandle(t.channel, 'evidence', {
                  subcommand: 'show',
                  focused: 'id',
                  value: 'L',
                }),
              CallbackType.ApplicationCommandAutocompleteResult,
            );
      });
      for (const { ms } of await Promise.all(sent)) out.push(ms);
    }
    return out;
  }

  async stop() {
    const errors = this.bot.errors();
    await stopBot(this.bot);
    await this.redis?.stop();
    await this.bw.world.close();
    if (errors.length > 0) throw new Error(`${this.name} logged errors:\n${errors.slice(0, 5).join('\n')}`);
  }
}

/** The floor: the bare bot, sent the same kinds, each on a message or form of its own. */
class Floor implements Contestant {
  readonly name = 'floor';
  readonly samples: Sample[] = [];
  cpu = 0;
  private readonly random = seededRandom(7);
  private modal: ModalHandle | undefined;

  private constructor(
    readonly bw: BenchWorld,
    private readonly bare: Awaited<ReturnType<typeof startBareBot>>,
    private readonly lobby: DoubleMessage,
  ) {}

  static async start(): Promise<Floor> {
    const bw = await startBenchWorld(LIVE + 1, 2 * LIVE + 20);
    const bare = await startBareBot(bw.world);
    const user = bw.users[0] as DoubleUser;
    const channel = bw.channels[0] as string;
    const start = await user.slash(channel, 'debate', { subcommand: 'start', options: { motion: 'M01' } });
    return new Floor(bw, bare, await lobbyCard(bw.world, channel, start, WAIT_MS));
  }

  get pid() {
    return this.bare.child.pid ?? -1;
  }

  private channel() {
    return this.bw.channels[Math.floor(this.random() * LIVE)] as string;
  }

  private get user() {
    return this.bw.users[Math.floor(this.random() * 2 * LIVE)] as DoubleUser;
  }

  private async step(kind: Kind): Promise<{ ms: number; handle: InteractionHandle; type: number }> {
    const user = this.user;
    switch (kind) {
      case 'status':
      case 'leave':
        return timed(
          () => user.slash(this.channel(), 'debate', { subcommand: kind }),
          CallbackType.ChannelMessageWithSource,
          'pong',
        );
      case 'start':
        return timed(
          () => user.slash(this.channel(), 'debate', { subcommand: 'start', options: { motion: 'M01' } }),
          CallbackType.ChannelMessageWithSource,
        );
      case 'autocomplete':
        return timed(
          () =>
            user.autocompleteHandle(this.channel(), 'evidence', {
              subcommand: 'show',
              focused: 'id',
              value: 'L',
            }),
          CallbackType.ApplicationCommandAutocompleteResult,
        );
      case 'join':
      case 'begin':
      case 'ready': {
        const id = button(this.lobby, kind === 'join' ? /:join:/ : new RegExp(`:${kind}:`));
        return timed(() => user.click(this.lobby, id), CallbackType.DeferredMessageUpdate);
      }
      case 'speak': {
        const speaker = this.bw.users[0] as DoubleUser;
        const result = await timed(
          () => speaker.click(this.lobby, button(this.lobby, /:speak:/)),
          CallbackType.Modal,
        );
        this.modal = await result.handle.modal();
        return result;
      }
      case 'speech': {
        const form = this.modal;
        if (!form) throw new Error('no form open');
        this.modal = undefined;
        return timed(
          () => (this.bw.users[0] as DoubleUser).submitModal(form, { speech: SPEECH }),
          CallbackType.ChannelMessageWithSource,
          'pong',
        );
      }
    }
  }

  /** Warm-up, not recorded (Steelman's set-up phase warms it up the same way). */
  async warmUp() {
    for (let i = 0; i < 300; i++) await this.step(PATTERN[i % PATTERN.length] as Kind);
  }

  async replay(kinds: readonly Kind[]) {
    const cpu = cpuMs(this.pid);
    for (const kind of kinds) {
      const { ms, handle, type } = await this.step(kind);
      this.samples.push({ kind, ms, id: handle.id, type });
    }
    this.cpu += cpuMs(this.pid) - cpu;
  }

  async burst(): Promise<number[]> {
    const out: number[] = [];
    for (let round = 0; round < BURSTS; round++) {
      const sent = Array.from({ length: BURST_SIZE }, (_, i) =>
        this.step(i % 2 === 0 ? 'status' : 'autocomplete'),
      );
      for (const { ms } of await Promise.all(sent)) out.push(ms);
    }
    return out;
  }

  async stop() {
    await this.bare.stop();
    await this.bw.world.close();
  }
}

const startArena = async (store: 'sqlite' | 'redis'): Promise<Arena> => {
  const bw = await startBenchWorld(LIVE + 1, 2 * LIVE + 20);
  let redis: RedisServer | undefined;
  try {
    redis = store === 'redis' ? await startRedis() : undefined;
    const bot = await startSteelman(bw.world, redis ? { storeUrl: redis.url } : {});
    return new Arena(store === 'redis' ? 'Steelman on Redis' : 'Steelman on SQLite', bw, bot, redis);
  } catch (error) {
    await redis?.stop();
    await bw.world.close();
    throw error;
  }
};

export interface InteractionRuns {
  readonly sqlite: Contestant;
  readonly redis: Contestant;
  readonly floor: Contestant;
  readonly bursts: readonly (readonly number[])[];
  /** Per bot (SQLite, Redis, floor): its double's interactions answered after 3 s, "n of m". */
  readonly slow: readonly string[];
  readonly load: readonly [number, number];
  readonly seconds: number;
}

/** Runs the whole comparison and returns the raw samples (bench/interactions.ts's table is built from them). */
export const measureInteractions = async (
  options: { readonly beforeMeasuring?: (pids: readonly number[]) => void } = {},
): Promise<InteractionRuns> => {
  const started = Date.now();
  const loadBefore = os.loadavg()[0] ?? 0;
  const launched = await Promise.allSettled([startArena('sqlite'), startArena('redis'), Floor.start()]);
  const contestants = launched.flatMap((l) => (l.status === 'fulfilled' ? [l.value] : []));
  const run = async (): Promise<InteractionRuns> => {
    const [sqlite, redis, floor] = launched.map((l) => {
      if (l.status === 'rejected') throw l.reason;
      return l.value;
    }) as [Arena, Arena, Floor];
    await Promise.all([sqlite.setup(), redis.setup(), floor.warmUp()]);
    for (const c of contestants) await quiet(c.bw);
    options.beforeMeasuring?.(contestants.map((c) => c.pid));
    while (sqlite.samples.length < TARGET) {
      const kinds = await sqlite.block(BLOCK);
      await quiet(sqlite.bw);
      await redis.block(BLOCK);
      await quiet(redis.bw);
      await floor.replay(kinds);
    }
    const bursts: number[][] = [];
    for (const c of contestants) {
      await quiet(c.bw);
      bursts.push(await c.burst());
    }
    return {
      sqlite,
      redis,
      floor,
      bursts,
      slow: contestants.map((c) => slowCount(c.bw.world)),
      load: [loadBefore, os.loadavg()[0] ?? 0],
      seconds: (Date.now() - started) / 1000,
    };
  };
  const outcome = await run().then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  // Every process is stopped, by pid, whatever happened; then the first failure is reported.
  const stopped = await Promise.allSettled(contestants.map((c) => c.stop()));
  if (!outcome.ok) throw outcome.error;
  for (const s of stopped) if (s.status === 'rejected') throw s.reason;
  return outcome.value;
};

const f = (n: number) => (Number.isFinite(n) ? n.toFixed(n < 10 ? 2 : 1) : '–');
const trio = (values: readonly number[]) =>
  values.length === 0
    ? '–'
    : `${f(percentile(values, 50))} / ${f(percentile(values, 95))} / ${f(percentile(values, 99))}`;
const ratio = (a: readonly number[], b: readonly number[]) =>
  a.length === 0 || b.length === 0 ? '–' : `${(percentile(a, 50) / percentile(b, 50)).toFixed(2)}×`;
const ofKind = (c: Contestant, kind?: Kind) =>
  c.samples.filter((s) => !kind || s.kind === kind).map((s) => s.ms);

export async function benchInteractions(): Promise<string> {
  const runs = await measureInteractions();
  const { sqlite, redis, floor } = runs;
  const rows = [undefined, ...KINDS].map((kind) => {
    const [s, r, b] = [ofKind(sqlite, kind), ofKind(redis, kind), ofKind(floor, kind)];
    return [
      kind ? LABEL[kind] : '**whole mix**',
      kind ? CALLBACKS[kind] : '',
      `${s.length} / ${r.length}`,
      trio(s),
      trio(r),
      trio(b),
      ratio(s, b),
      ratio(r, b),
    ];
  });
  const reads = (c: Contestant) => c.samples.filter((x) => READS.includes(x.kind)).map((x) => x.ms);
  const goal = (name: string, values: readonly number[], floorValues: readonly number[]) => {
    const times = percentile(values, 50) / percentile(floorValues, 50);
    const added = percentile(values, 50) - percentile(floorValues, 50);
    const p99 = percentile(values, 99);
    return `${name}: p50 ${f(percentile(values, 50))} ms vs the floor's ${f(percentile(floorValues, 50))} ms, ${times.toFixed(2)}×, i.e. +${f(added)} ms (goal ≤ 1.5×: ${times <= 1.5 ? 'met' : 'missed'}); p99 ${f(p99)} ms (goal ≤ 10 ms: ${p99 <= 10 ? 'met' : 'missed'}; the floor's ${f(percentile(floorValues, 99))} ms)`;
  };
  const goals = (store: string, c: Contestant) => [
    `- ${goal(`${store}, reads (\`/debate status\` and autocomplete)`, reads(c), reads(floor))}`,
    `- ${goal(`${store}, \`/debate status\``, ofKind(c, 'status'), ofKind(floor, 'status'))}`,
    `- ${goal(`${store}, whole mix`, ofKind(c), ofKind(floor))}`,
  ];
  const deferred = (c: Contestant) => c.samples.filter((x) => isDeferred(x.type)).length;
  const cpu = (c: Contestant) => `${(c.cpu / c.samples.length).toFixed(2)} ms`;
  return [
    `Round trip = INTERACTION_CREATE written to the bot's socket → first callback received by the double, in ms (p50 / p95 / p99), interactions sent one at a time, ${LIVE} debates live (${SPEAKING} in their speeches, ${LIVE - SPEAKING} lobbies). Floor: a bare discord.js bot (bench/bare-bot.ts) sent the same kinds in the same order, answering with the cheapest valid callback (for \`/debate start\`, as Steelman now does: the lobby card posted in the channel, then a private answer). Steelman's \`/debate start\`, Begin, Ready and speech submit answer once their announcements are posted (or after 5 s), so their round trip includes those posts, which go through discord.js's REST queue. The three are measured in alternating blocks of ${BLOCK}.`,
    '',
    table(
      [
        'interaction',
        'callback (Steelman / floor)',
        'n (SQLite / Redis)',
        'Steelman SQLite',
        'Steelman Redis',
        'floor',
        'SQLite p50 ÷ floor',
        'Redis p50 ÷ floor',
      ],
      rows,
    ),
    '',
    `Bot CPU per measured interaction (its own handling plus what it then posts; /proc, 10 ms ticks): SQLite ${cpu(sqlite)}, Redis ${cpu(redis)}, floor ${cpu(floor)}.`,
    '',
    `Concurrent bursts (${BURSTS} × ${BURST_SIZE} sent at once, half \`/debate status\`, half autocomplete), round trip in ms p50 / p95 / p99:`,
    '',
    table(
      ['bot', 'burst round trip'],
      [
        ['Steelman SQLite', trio(runs.bursts[0] ?? [])],
        ['Steelman Redis', trio(runs.bursts[1] ?? [])],
        ['floor', trio(runs.bursts[2] ?? [])],
      ],
    ),
    '',
    ...goals('SQLite', sqlite),
    ...goals('Redis', redis),
    `- Steelman's first answers deferred (its work had taken over 1.5 s) among the measured: SQLite ${deferred(sqlite)}, Redis ${deferred(redis)} (the floor answers every lobby click with a deferred update by design). Interactions answered after Discord's 3 s (\`double.slowInteractions()\`, set-up and bursts included): SQLite ${runs.slow[0]}, Redis ${runs.slow[1]}, floor ${runs.slow[2]}.`,
    `- 1-minute load average ${runs.load[0].toFixed(1)} before, ${runs.load[1].toFixed(1)} after (${os.cpus().length} cores); section wall time ${runs.seconds.toFixed(0)} s.`,
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(await benchInteractions());
}

import fc from 'fast-check';
import type { Actor, Debate, DebateEvent } from '../../src/debate/types.js';
import { formats } from '../fixtures/deck.js';

/**
 * A model of a Discord channel for property tests: several users, a clock that only moves
 * forward by random amounts, and events weighted by what is plausible in each phase, plus noise
 * the engine must refuse. Timer events use the pending timer's key, fired at or after its time,
 * or a stale key.
 *
 * The generated values are state-free "intents" (numbers and texts); `toStep` reads them against
 * the current state. So fast-check shrinks a failing run to a short list of small intents.
 */
export const USERS = ['host', 'ann', 'bob', 'cat', 'dan', 'eve', 'fay'] as const;
export const T_START = Date.UTC(2026, 2, 1, 18, 0, 0);

export interface Step {
  readonly event: DebateEvent;
  readonly at: number;
}
type OpenEvent = Extract<DebateEvent, { type: 'open' }>;

export const openArb: fc.Arbitrary<OpenEvent> = fc
  .record({
    format: fc.constantFrom(...formats),
    pickSize: fc.nat(),
    mode: fc.oneof({ arbitrary: fc.constant('text' as const), weight: 3 }, fc.constant('live' as const)),
    motionId: fc.constantFrom('M01', 'M02'),
    seed: fc.integer(),
    lobbySeconds: fc.constantFrom(60, 900),
  })
  .map(({ format, pickSize, mode, motionId, seed, lobbySeconds }) => ({
    type: 'open',
    id: 'prop',
    guildId: 'guild',
    channelId: 'channel',
    hostId: 'host',
    motionId,
    formatId: format.id,
    mode,
    size: format.sizes[pickSize % format.sizes.length] ?? '1v1',
    seed,
    lobbySeconds,
  }));

const WORDS = (
  'first,because,therefore,however,in conclusion,for example,autoregressive,prediction,reasoning,dead,' +
  'planning,world,models,tokens,grounding,scaling,curves,emergent,alpha,bravo,charlie,data,compute,the,a,is,not'
).split(',');
const CITATIONS = [
  ...Array.from({ length: 10 }, (_, i) => `[L${String(i + 1).padStart(2, '0')}]`),
  ...Array.from({ length: 10 }, (_, i) => `[S${String(i + 1).padStart(2, '0')}]`),
  ...['[X99]', '[l03]', '[S7]', '[L100]'],
];
const speechText = fc.oneof(
  {
    arbitrary: fc
      .array(fc.constantFrom(...WORDS, ...CITATIONS), { minLength: 1, maxLength: 80 })
      .map((w) => w.join(' ')),
    weight: 12,
  },
  { arbitrary: fc.constantFrom('', '  \n ', 'x'.repeat(4001), ` ${'y'.repeat(3999)} `), weight: 1 },
);
const score = fc.oneof(
  { arbitrary: fc.integer({ min: 1, max: 5 }), weight: 30 },
  { arbitrary: fc.constantFrom(0, 6, 2.5), weight: 1 },
);
const wait = fc.oneof(
  { arbitrary: fc.constant(0), weight: 2 },
  { arbitrary: fc.integer({ min: 1, max: 20_000 }), weight: 5 },
  { arbitrary: fc.integer({ min: 20_001, max: 400_000 }), weight: 2 },
);

/** One thing someone does, before it is read against the state. */
export interface Intent {
  readonly roll: number;
  readonly who: number;
  readonly manager: boolean;
  readonly choice: number;
  readonly history: { readonly lecun: number; readonly scaling: number };
  readonly text: string;
  readonly scores: readonly number[];
  readonly dropped: number;
  readonly wait: number;
  readonly late: number;
}

export const intentArb: fc.Arbitrary<Intent> = fc.record({
  roll: fc.nat(9_999),
  who: fc.nat(),
  manager: fc.oneof({ arbitrary: fc.constant(false), weight: 6 }, fc.constant(true)),
  choice: fc.nat(),
  history: fc.record({ lecun: fc.nat(5), scaling: fc.nat(5) }),
  text: speechText,
  scores: fc.array(score, { minLength: 12, maxLength: 12 }),
  dropped: fc.oneof({ arbitrary: fc.constant(-1), weight: 15 }, fc.nat(11)),
  wait,
  late: fc.oneof({ arbitrary: fc.constant(0), weight: 3 }, fc.integer({ min: 1, max: 600_000 })),
});

const nth = <T>(items: readonly T[], n: number): T | undefined => items[n % Math.max(1, items.length)];
const SIDE_CHOICES = ['lecun', 'scaling', 'auto', 'lecun', 'scaling', 'auto', 'nowhere'];
const WINNERS = ['lecun', 'scaling', 'draw', 'draw', 'nobody'];
const JUDGED = ['argument', 'evidence', 'rebuttal'];
const STALE_KEYS = 'lobby prep judging turn:0:end turn:0:bell:30 turn:1:end turn:2:bell:30 bogus'.split(' ');

type Make = (i: Intent, state: Debate) => DebateEvent;
type Menu = readonly (readonly [weight: number, make: Make | 'timer' | 'stale'])[];

const actor = (userId: string, i: Intent): Actor => (i.manager ? { userId, manager: true } : { userId });
const anyone = (i: Intent) => actor(nth(USERS, i.who) ?? 'host', i);
const hostMostly = (i: Intent) => actor(i.who % 4 === 0 ? (nth(USERS, i.who) ?? 'host') : 'host', i);
const aDebater = (i: Intent, s: Debate) => actor(nth(s.debaters, i.who)?.userId ?? 'nobody', i);
const aJudge = (i: Intent, s: Debate) =>
  actor(i.who % 8 === 0 ? anyone(i).userId : (nth(s.judges, i.who) ?? 'nobody'), i);
const theSpeaker = (i: Intent, s: Debate) => actor(s.slots[s.turn]?.userId ?? 'nobody', i);

const join: Make = (i) => ({
  type: 'join',
  actor: anyone(i),
  side: nth(SIDE_CHOICES, i.choice) ?? 'auto',
  history: i.history,
});
const simple =
  (
    type: 'leave' | 'judge' | 'swap' | 'begin' | 'done' | 'draw' | 'forfeit' | 'cancel',
    who: (i: Intent, s: Debate) => Actor,
  ): Make =>
  (i, s) => ({ type, actor: who(i, s) });
const speak =
  (who: (i: Intent, s: Debate) => Actor): Make =>
  (i, s) => ({ type: 'speak', actor: who(i, s), text: i.text });
const crowd: Make = (i) => ({
  type: 'crowd',
  actor: anyone(i),
  side: i.choice % 2 === 0 ? 'lecun' : 'scaling',
});
const ballot =
  (who: (i: Intent, s: Debate) => Actor): Make =>
  (i, s) => ({
    type: 'ballot',
    actor: who(i, s),
    winner: nth(WINNERS, i.choice) ?? 'draw',
    scores: Object.fromEntries(
      s.debaters.map((d, n) => [
        d.userId,
        Object.fromEntries(
          JUDGED.flatMap((c, k) => (n * 3 + k === i.dropped ? [] : [[c, i.scores[n * 3 + k] ?? 3]])),
        ),
      ]),
    ),
  });

const NOISE: Menu = [
  [1, join],
  [1, simple('leave', anyone)],
  [1, simple('judge', anyone)],
  [1, simple('swap', anyone)],
  [1, simple('begin', anyone)],
  [1, speak(anyone)],
  [1, simple('done', anyone)],
  [1, simple('draw', anyone)],
  [1, simple('forfeit', anyone)],
  [1, simple('cancel', anyone)],
  [1, crowd],
  [1, ballot(anyone)],
];

/** What tends to happen in each phase, by weight; noise and stale timers everywhere. */
const menuFor = (state: Debate): Menu => {
  const always: Menu = [...NOISE, [2, 'stale']];
  switch (state.phase) {
    case 'lobby':
      return [
        ...always,
        [1, 'timer'],
        [60, join],
        [8, simple('leave', anyone)],
        [24, simple('judge', anyone)],
        [8, simple('swap', hostMostly)],
        [32, simple('begin', hostMostly)],
      ];
    case 'prep':
      return [
        ...always,
        [30, 'timer'],
        [40, simple('done', aDebater)],
        [15, simple('draw', aDebater)],
        [6, simple('judge', anyone)],
      ];
    case 'speaking':
      return [
        ...always,
        [35, 'timer'],
        [60, speak(theSpeaker)],
        [15, simple('done', theSpeaker)],
        [10, crowd],
        [6, simple('draw', aDebater)],
        [4, simple('judge', anyone)],
      ];
    case 'judging':
      return [...always, [15, 'timer'], [50, ballot(aJudge)], [10, crowd]];
    default:
      return [...always, [4, 'timer']];
  }
};

/** The menu entry a roll lands on, each entry taking a share of rolls equal to its weight. */
const choose = (menu: Menu, roll: number): Menu[number][1] => {
  let left = roll % menu.reduce((sum, [weight]) => sum + weight, 0);
  for (const [weight, make] of menu) {
    if (left < weight) return make;
    left -= weight;
  }
  return 'stale';
};

/** Reads an intent against the current state and clock: the event, and when it happens. */
export const toStep = (intent: Intent, state: Debate, now: number): Step => {
  const make = choose(menuFor(state), intent.roll);
  const timer = state.timer;
  if (make === 'timer' && timer)
    // A timer never fires before its time; sometimes it is applied late (the bot was down).
    return { event: { type: 'timer', key: timer.key }, at: Math.max(now, timer.at + intent.late) };
  if (make === 'timer' || make === 'stale') {
    const stale = STALE_KEYS.filter((key) => key !== timer?.key);
    return { event: { type: 'timer', key: nth(stale, intent.choice) ?? 'bogus' }, at: now + intent.wait };
  }
  return { event: make(intent, state), at: now + intent.wait };
};

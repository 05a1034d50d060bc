import { isDeepStrictEqual } from 'node:util';
import { buildDeck, type Deck } from '../../src/content/deck.js';
import type { Format } from '../../src/content/schemas.js';
import { apply } from '../../src/debate/engine.js';
import type { Refusal } from '../../src/debate/refusals.js';
import type { LoggedEvent } from '../../src/debate/replay.js';
import type {
  Actor,
  Announcement,
  Debate,
  DebateEvent,
  Effect,
  Mode,
  Result,
  SideChoice,
  Slot,
} from '../../src/debate/types.js';
import { formats, testDeck } from '../fixtures/deck.js';

/** Shared vocabulary of the engine tests: a fixed deck, a fixed clock origin, named players. */
export const deck = testDeck();
export const T0 = Date.UTC(2026, 0, 5, 12, 0, 0);
export const SECOND = 1000;
export const MINUTE = 60 * SECOND;

export const HOST = 'host';
/** 1v1: lee argues lecun, sam argues scaling. 2v2 adds lou (lecun) and sue (scaling). */
export const LEE = 'lee';
export const SAM = 'sam';
export const LOU = 'lou';
export const SUE = 'sue';

export type OpenEvent = Extract<DebateEvent, { type: 'open' }>;
export type Accepted = Extract<ReturnType<typeof apply>, { ok: true }>;

export const as = (userId: string, manager = false): Actor => (manager ? { userId, manager } : { userId });

export const openEvent = (overrides: Partial<OpenEvent> = {}): OpenEvent => ({
  type: 'open',
  id: 'debate-1',
  guildId: 'guild-1',
  channelId: 'channel-1',
  hostId: HOST,
  motionId: 'M01',
  formatId: 'quick',
  mode: 'text',
  size: '1v1',
  seed: 7,
  lobbySeconds: 900,
  ...overrides,
});

export const joinEvent = (
  userId: string,
  side: SideChoice,
  history?: Readonly<Record<string, number>>,
): DebateEvent => ({ type: 'join', actor: as(userId), side, ...(history ? { history } : {}) });

export const announcements = (effects: readonly Effect[]): Announcement[] =>
  effects.flatMap((e) => (e.type === 'announce' ? [e.announcement] : []));

export const resultOf = (effects: readonly Effect[]): Result | undefined =>
  effects.flatMap((e) => (e.type === 'result' ? [e.result] : []))[0];

/** A format like the test deck's quick one, changed where given. */
export const formatLike = (changes: Partial<Format> & Pick<Format, 'id'>): Format => {
  const [quick] = formats;
  if (!quick) throw new Error('the test deck has no formats');
  return { ...quick, name: changes.id, ...changes };
};

/** A deck like the test deck, with other formats. */
export const deckWith = (...extra: Format[]): Deck =>
  buildDeck({ ...testDeck(), formats: [...formats, ...extra] });

const defaultDeck = (): Deck => deck;

/**
 * Walks one debate through the engine, keeping the clock, the state and the accepted-event log.
 * `act` expects the event to be accepted; `refuse` expects a refusal and checks nothing changed.
 */
export class Walk {
  state: Debate;
  now: number;
  readonly log: LoggedEvent[] = [];

  constructor(
    open: Partial<OpenEvent> = {},
    readonly deck: Deck = defaultDeck(),
    at = T0,
  ) {
    const event = openEvent(open);
    const step = apply(this.deck, undefined, event, at);
    if (!step.ok) throw new Error(`open refused: ${step.refusal.message}`);
    this.state = step.state;
    this.now = at;
    this.log.push({ event, at });
  }

  act(event: DebateEvent, at = this.now): readonly Effect[] {
    const step = apply(this.deck, this.state, event, at);
    if (!step.ok) throw new Error(`${event.type} refused: ${step.refusal.message}`);
    this.state = step.state;
    this.now = at;
    this.log.push({ event, at });
    return step.effects;
  }

  refuse(event: DebateEvent, at = this.now): Refusal {
    const before = structuredClone(this.state);
    const step = apply(this.deck, this.state, event, at);
    if (step.ok) throw new Error(`${event.type} was accepted`);
    if (!isDeepStrictEqual(this.state, before)) throw new Error('a refusal changed the state');
    return step.refusal;
  }

  /** Fires the pending timer at its time, or at `at` when that is later (a late timer). */
  fire(at?: number): readonly Effect[] {
    const timer = this.state.timer;
    if (!timer) throw new Error('no pending timer');
    return this.act({ type: 'timer', key: timer.key }, Math.max(at ?? timer.at, this.now));
  }

  /** Fires timers until the current turn is over (its bells, then its end), on time. */
  endTurn(): readonly Effect[] {
    const turn = this.state.turn;
    const effects: Effect[] = [];
    while (this.state.turn === turn && this.state.phase === 'speaking') effects.push(...this.fire());
    return effects;
  }

  get slot(): Slot {
    const slot = this.state.slots[this.state.turn];
    if (!slot) throw new Error(`no slot at turn ${this.state.turn}`);
    return slot;
  }

  /** The current speaker delivers `text`. */
  speak(text: string, at = this.now): readonly Effect[] {
    return this.act({ type: 'speak', actor: as(this.slot.userId), text }, at);
  }

  hand(userId: string): readonly string[] {
    return this.state.hands[userId] ?? [];
  }
}

export interface Setup {
  readonly formatId?: string;
  readonly motionId?: string;
  readonly mode?: Mode;
  readonly judges?: readonly string[];
  readonly seed?: number;
  readonly deck?: Deck;
}

/** A full lobby: 1v1 lee v sam, or 2v2 lee+lou v sam+sue for a 2v2 format, plus any judges. */
export const fullLobby = (setup: Setup = {}): Walk => {
  const formatId = setup.formatId ?? 'quick';
  const size = formatId === 'team' ? '2v2' : '1v1';
  const walk = new Walk(
    {
      formatId,
      size,
      motionId: setup.motionId ?? 'M01',
      mode: setup.mode ?? 'text',
      seed: setup.seed ?? 7,
    },
    setup.deck ?? deck,
  );
  walk.act(joinEvent(LEE, 'lecun'));
  walk.act(joinEvent(SAM, 'scaling'));
  if (size === '2v2') {
    walk.act(joinEvent(LOU, 'lecun'));
    walk.act(joinEvent(SUE, 'scaling'));
  }
  for (const judge of setup.judges ?? []) walk.act({ type: 'judge', actor: as(judge) });
  return walk;
};

/** A debate begun by the host, still in prep (unless the format has no prep). */
export const begun = (setup: Setup = {}): Walk => {
  const walk = fullLobby(setup);
  walk.act({ type: 'begin', actor: as(HOST) });
  return walk;
};

/** A debate whose first speech is under way. */
export const speaking = (setup: Setup = {}): Walk => {
  const walk = begun(setup);
  if (walk.state.phase === 'prep') walk.fire();
  return walk;
};

/** Every remaining speech is given by its speaker, one `step` apart. */
export const speakAll = (
  walk: Walk,
  text: (turn: number) => string = () => 'A speech.',
  step = 10 * SECOND,
) => {
  while (walk.state.phase === 'speaking') walk.speak(text(walk.state.turn), walk.now + step);
};

/** A ballot giving each debater the same score on every judged criterion. */
export const ballotEvent = (
  judgeId: string,
  perDebater: Readonly<Record<string, number>>,
  winner: string,
): DebateEvent => ({
  type: 'ballot',
  actor: as(judgeId),
  winner,
  scores: Object.fromEntries(
    Object.entries(perDebater).map(([userId, score]) => [
      userId,
      { argument: score, evidence: score, rebuttal: score },
    ]),
  ),
});

import type { Deck } from '../content/deck.js';
import { isHost } from './lobby.js';
import { ok, refused, unchanged } from './outcome.js';
import { type Refusal, refusal } from './refusals.js';
import { turnTimers } from './slots.js';
import type {
  Announcement,
  ControlRecord,
  Debate,
  DebateEvent,
  Effect,
  Paused,
  Slot,
  Timer,
  Transition,
} from './types.js';

type Event<T extends DebateEvent['type']> = Extract<DebateEvent, { type: T }>;

/** The most extra time one /debate extend gives. */
export const MAX_EXTEND_SECONDS = 600;
export const PREP_POOL_KEY = 'prep-pool';

const announce = (announcement: Announcement): Effect => ({ type: 'announce', announcement });
const timerEffect = (timer: Timer | undefined): Effect => ({ type: 'timer', timer });
const record = (state: Debate, entry: Omit<ControlRecord, 'turn'>): readonly ControlRecord[] => [
  ...(state.controls ?? []),
  { ...entry, turn: state.phase === 'prep' ? -1 : state.turn },
];
const running = (state: Debate) => state.phase === 'prep' || state.phase === 'speaking';

/**
 * The turn's next timer after `now` (a bell, or its end) for a deadline of `endsAt`. Bells may ring
 * again with more time, but points of information, once open, do not close and reopen.
 */
const nextTurnTimer = (slot: Slot, turn: number, endsAt: number, now: number, pending?: Timer): Timer => {
  const all = turnTimers(slot, turn, endsAt);
  const opened = all.findIndex((t) => t.key === pending?.key) > all.findIndex((t) => t.poi === 'open');
  const timers = all.filter((t) => !(opened && t.poi === 'open'));
  const next = timers.find((t) => t.at > now) ?? timers[timers.length - 1];
  if (!next) throw new Error('a turn always has an end timer');
  return { key: next.key, at: next.at };
};

/**
 * Moves the clock on by the time it stood stopped: the stopped timer and the turn's deadline move by
 * exactly `now - paused.at`, so the speaker keeps the time they had when it stopped.
 */
const restart = (state: Debate, paused: Paused, now: number): { state: Debate; timer: Timer | undefined } => {
  const shift = Math.max(0, now - paused.at);
  const timer = paused.timer && { key: paused.timer.key, at: paused.timer.at + shift };
  const turnEndsAt =
    state.phase === 'speaking' && state.turnEndsAt !== undefined
      ? state.turnEndsAt + shift
      : state.turnEndsAt;
  const { paused: _paused, ...rest } = state;
  return { state: { ...rest, timer, turnEndsAt }, timer };
};

/** Moves that wait while the clock is stopped (a forfeit, a cancel and the host controls do not). */
const HELD: ReadonlySet<DebateEvent['type']> = new Set(['speak', 'done', 'take-prep']);

/** Why `event` cannot happen while the debate is paused, or undefined. */
export const pausedRefusal = (state: Debate, event: DebateEvent): Refusal | undefined => {
  if (!state.paused || !running(state) || !HELD.has(event.type)) return undefined;
  return refusal(state.paused.by === 'host' ? 'paused' : 'preparing');
};

export const pause = (state: Debate, event: Event<'pause'>, now: number): Transition => {
  if (!isHost(state, event.actor)) return refused(refusal('hostOnly', 'pause the debate'));
  if (!running(state)) return refused(refusal('pauseNotNow'));
  if (state.paused) return refused(refusal('alreadyPaused'));
  const paused: Paused = { at: now, by: 'host', timer: state.timer };
  return ok(
    {
      ...state,
      paused,
      timer: undefined,
      controls: record(state, { kind: 'pause', at: now, by: event.actor.userId }),
    },
    announce({ kind: 'paused' }),
    timerEffect(undefined),
  );
};

export const resume = (deck: Deck, state: Debate, event: Event<'resume'>, now: number): Transition => {
  if (!isHost(state, event.actor)) return refused(refusal('hostOnly', 'resume the debate'));
  if (!state.paused || !running(state)) return refused(refusal('notPaused'));
  // The host ends a side's prep as the side would (the pool is charged for the time taken).
  if (state.paused.by === 'prep') return endPrepAt(deck, state, event.actor.userId, now);
  const seconds = Math.round((now - state.paused.at) / 1000);
  const restarted = restart(state, state.paused, now);
  return ok(
    {
      ...restarted.state,
      controls: record(state, { kind: 'resume', at: now, by: event.actor.userId, seconds }),
    },
    announce({ kind: 'resumed', seconds }),
    timerEffect(restarted.timer),
  );
};

/** Extra time for the current speaker: the deadline moves later, the next bell or end is re-armed. */
export const extend = (state: Debate, event: Event<'extend'>, now: number): Transition => {
  if (!isHost(state, event.actor)) return refused(refusal('hostOnly', 'give extra time'));
  const slot = state.slots[state.turn];
  if (state.phase !== 'speaking' || !slot || state.turnEndsAt === undefined)
    return refused(refusal('extendNotNow'));
  const { seconds } = event;
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > MAX_EXTEND_SECONDS)
    return refused(refusal('extendSeconds', MAX_EXTEND_SECONDS));
  // Past the deadline (its timer not yet applied) the turn is over: nothing to extend.
  if (!state.paused && now > state.turnEndsAt) return refused(refusal('turnOver'));
  const turnEndsAt = state.turnEndsAt + seconds * 1000;
  const controls = record(state, { kind: 'extend', at: now, by: event.actor.userId, seconds });
  const extended = announce({ kind: 'extended', turn: state.turn, seconds });
  if (state.paused) {
    // Stopped: the stopped timer is re-chosen as of the moment it stopped; nothing is armed.
    const timer = nextTurnTimer(slot, state.turn, turnEndsAt, state.paused.at, state.paused.timer);
    return ok({ ...state, turnEndsAt, controls, paused: { ...state.paused, timer } }, extended);
  }
  const timer = nextTurnTimer(slot, state.turn, turnEndsAt, now, state.timer);
  return ok({ ...state, turnEndsAt, timer, controls }, extended, timerEffect(timer));
};

/**
 * The host opens a debater's seat (they left the server, their connection dropped). They stay
 * seated until someone takes it (`takeSeat`); the turns they gave stay theirs.
 */
export const replace = (state: Debate, event: Event<'replace'>, now: number): Transition => {
  if (!isHost(state, event.actor)) return refused(refusal('hostOnly', 'replace a debater'));
  if (!running(state)) return refused(refusal('replaceNotNow'));
  const debater = state.debaters.find((d) => d.userId === event.userId);
  if (!debater) return refused(refusal('notADebater', event.userId));
  if (state.openSeats?.some((s) => s.userId === event.userId))
    return refused(refusal('seatAlreadyOpen', event.userId));
  return ok(
    {
      ...state,
      openSeats: [...(state.openSeats ?? []), { userId: debater.userId, side: debater.side, openedAt: now }],
      controls: record(state, {
        kind: 'replace',
        at: now,
        by: event.actor.userId,
        userId: debater.userId,
        side: debater.side,
      }),
    },
    announce({ kind: 'seat-opened', userId: debater.userId, side: debater.side }),
  );
};

/** After Begin, a join takes an open seat: the seat's hand and its speeches not yet given. */
export const takeSeat = (deck: Deck, state: Debate, event: Event<'join'>, now: number): Transition => {
  const { userId } = event.actor;
  if (!running(state)) return refused(refusal('notInLobby'));
  if (state.judges.includes(userId)) return refused(refusal('judgeCannotDebate'));
  const mine = state.debaters.find((d) => d.userId === userId);
  if (mine) return refused(refusal('alreadyOnSide', deck.side(mine.side)?.name ?? mine.side));
  const seats = state.openSeats ?? [];
  const seat = event.side === 'auto' ? seats[0] : seats.find((s) => s.side === event.side);
  if (!seat) {
    if (seats.length === 0) return refused(refusal('notInLobby'));
    return refused(refusal('sideFull', deck.side(event.side)?.name ?? event.side));
  }
  const left = seat.userId;
  const given = new Set(state.turns.map((t) => t.turn));
  const swap = (id: string) => (id === left ? userId : id);
  return ok(
    {
      ...state,
      debaters: state.debaters.map((d) => (d.userId === left ? { ...d, userId } : d)),
      slots: state.slots.map((slot, i) =>
        given.has(i) || slot.userId !== left ? slot : { ...slot, userId },
      ),
      hands: { ...state.hands, [userId]: state.hands[left] ?? [] },
      draws: { ...state.draws, [userId]: state.draws[left] ?? 0 },
      ready: state.ready.map(swap),
      openSeats: seats.filter((s) => s !== seat),
      controls: record(state, { kind: 'seat-taken', at: now, by: userId, userId: left, side: seat.side }),
    },
    announce({ kind: 'seat-taken', userId, replaced: left }),
  );
};

/** Does a join after Begin go to an open seat? */
export const joinsOpenSeat = (state: Debate) => state.phase !== 'lobby' && (state.openSeats?.length ?? 0) > 0;

/** The prep pool of each side, in ms, as the format gives it. */
export const prepPoolMs = (deck: Deck, state: Debate): number =>
  (deck.format(state.formatId)?.prepPool ?? 0) * 1000;

/** How much prep `side` has left, in ms. */
export const prepLeft = (deck: Deck, state: Debate, side: string): number => {
  const left = state.prepLeft?.[side] ?? prepPoolMs(deck, state);
  // While the side is preparing, its pool runs down.
  if (state.paused?.by === 'prep' && state.paused.side === side && state.timer)
    return Math.max(0, Math.min(left, state.timer.at - state.paused.at));
  return left;
};

/**
 * The side whose speech is under way stops its clock and draws on its prep pool: the pool's end is
 * the armed timer, and ending prep (or the pool running out) starts the speech clock again.
 */
export const takePrep = (deck: Deck, state: Debate, event: Event<'take-prep'>, now: number): Transition => {
  if (prepPoolMs(deck, state) === 0) return refused(refusal('noPrepPool'));
  const slot = state.slots[state.turn];
  if (state.phase !== 'speaking' || !slot) return refused(refusal('doneNotNow'));
  if (event.turn !== undefined && event.turn !== state.turn) return refused(refusal('turnOver'));
  const debater = state.debaters.find((d) => d.userId === event.actor.userId);
  if (!debater) return refused(refusal('notDebater'));
  if (debater.side !== slot.side) return refused(refusal('prepNotYourSide'));
  if (state.turnEndsAt !== undefined && now > state.turnEndsAt) return refused(refusal('turnOver'));
  const left = prepLeft(deck, state, slot.side);
  if (left <= 0) return refused(refusal('noPrepLeft'));
  const until = now + left;
  const timer = { key: `${PREP_POOL_KEY}:${state.turn}`, at: until };
  return ok(
    {
      ...state,
      paused: { at: now, by: 'prep', side: slot.side, timer: state.timer },
      prepLeft: { ...(state.prepLeft ?? {}), [slot.side]: left },
      timer,
      controls: record(state, { kind: 'prep-taken', at: now, by: event.actor.userId, side: slot.side }),
    },
    announce({ kind: 'prep-taken', side: slot.side, until }),
    timerEffect(timer),
  );
};

export const endPrep = (deck: Deck, state: Debate, event: Event<'end-prep'>, now: number): Transition => {
  if (state.paused?.by !== 'prep' || !running(state)) return refused(refusal('notPreparing'));
  if (event.turn !== undefined && event.turn !== state.turn) return refused(refusal('turnOver'));
  const debater = state.debaters.find((d) => d.userId === event.actor.userId);
  if (debater?.side !== state.paused.side && !isHost(state, event.actor))
    return refused(refusal('prepNotYourSide'));
  return endPrepAt(deck, state, event.actor.userId, now);
};

/** The prep pool's timer: the side's pool ran out, so its speech clock starts again. */
export const prepPoolTimer = (deck: Deck, state: Debate, now: number): Transition =>
  state.paused?.by === 'prep' ? endPrepAt(deck, state, undefined, now) : unchanged(state);

const endPrepAt = (deck: Deck, state: Debate, by: string | undefined, now: number): Transition => {
  const paused = state.paused;
  if (paused?.by !== 'prep' || paused.side === undefined) return unchanged(state);
  const side = paused.side;
  const had = state.prepLeft?.[side] ?? prepPoolMs(deck, state);
  // A pool timer applied late charges no more than the pool held: never below zero.
  const used = Math.min(had, Math.max(0, now - paused.at));
  const end = Math.min(now, paused.at + had);
  const restarted = restart(state, paused, end);
  const seconds = Math.round(used / 1000);
  return ok(
    {
      ...restarted.state,
      prepLeft: { ...(state.prepLeft ?? {}), [side]: had - used },
      controls: record(state, { kind: 'prep-ended', at: now, side, seconds, ...(by ? { by } : {}) }),
    },
    announce({ kind: 'prep-ended', side, seconds }),
    timerEffect(restarted.timer),
  );
};

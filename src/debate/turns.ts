import type { Deck } from '../content/deck.js';
import { otherSide } from '../content/deck.js';
import { read } from './analysis/reading.js';
import { parseCitations } from './citations.js';
import { graceEndsAt, graceKey, holdForGrace } from './grace.js';
import { endSpeeches, finish } from './judging.js';
import { andThen, ok, refused, unchanged } from './outcome.js';
import { type Refusal, refusal } from './refusals.js';
import { turnTimers } from './slots.js';
import {
  type Announcement,
  type Debate,
  type DebateEvent,
  type Effect,
  FINISHED_PHASES,
  MAX_SPEECH_CHARS,
  type Transition,
  type TurnRecord,
} from './types.js';

type Event<T extends DebateEvent['type']> = Extract<DebateEvent, { type: T }>;

/** Starts turn `index` at `now` with its full time, or closes the speeches after the last one. */
export const startTurn = (deck: Deck, state: Debate, index: number, now: number): Transition => {
  const slot = state.slots[index];
  if (!slot) return endSpeeches(deck, state, now);
  const endsAt = now + slot.seconds * 1000;
  const [first] = turnTimers(slot, index, endsAt);
  const timer = first && { key: first.key, at: first.at };
  return ok(
    { ...state, phase: 'speaking', turn: index, turnStartedAt: now, turnEndsAt: endsAt, timer, ready: [] },
    { type: 'announce', announcement: { kind: 'turn-started', turn: index } },
    { type: 'timer', timer },
  );
};

/** Records the current turn's outcome and starts the next turn at `now`. */
const endTurn = (
  deck: Deck,
  state: Debate,
  record: Omit<TurnRecord, 'turn' | 'userId' | 'side' | 'startedAt'>,
  now: number,
  extra: Effect[] = [],
): Transition => {
  const slot = state.slots[state.turn];
  if (!slot) return unchanged(state);
  const turn: TurnRecord = {
    turn: state.turn,
    userId: slot.userId,
    side: slot.side,
    startedAt: state.turnStartedAt ?? now,
    ...record,
  };
  const ended = ok(
    { ...state, turns: [...state.turns, turn] },
    { type: 'announce', announcement: { kind: 'turn-ended', turn: state.turn } },
    ...extra,
  );
  return andThen(ended, (s) => startTurn(deck, s, state.turn + 1, now));
};

/**
 * A turn's bell or end. A late bell (its turn already over) is folded into the end; the end is
 * recorded as of the deadline, while the next turn starts now, with its full time.
 */
export const turnTimer = (deck: Deck, state: Debate, key: string, now: number): Transition => {
  const slot = state.slots[state.turn];
  if (state.phase !== 'speaking' || !slot || state.turnEndsAt === undefined) return unchanged(state);
  // The grace of a form opened in time ran out with no speech.
  if (key === graceKey(state.turn)) return endAtDeadline(deck, state, state.turnEndsAt, now);
  const timers = turnTimers(slot, state.turn, state.turnEndsAt);
  const index = timers.findIndex((t) => t.key === key);
  const fired = timers[index];
  if (!fired) return unchanged(state);
  const following = timers[index + 1];
  if (fired.bell > 0 && following && now < state.turnEndsAt) {
    // A bell applied late skips the bells that are already past, so they do not ring back to back.
    const upcoming = timers.slice(index + 1).find((t) => t.at > now) ?? following;
    const timer = { key: upcoming.key, at: upcoming.at };
    const announcement: Announcement = fired.poi
      ? { kind: 'poi-window', turn: state.turn, open: fired.poi === 'open' }
      : { kind: 'bell', turn: state.turn, secondsLeft: fired.bell };
    return ok({ ...state, timer }, { type: 'announce', announcement }, { type: 'timer', timer });
  }
  return holdForGrace(state, now) ?? endAtDeadline(deck, state, state.turnEndsAt, now);
};

/** The deadline ended the turn: a live speech ran its course, a text speech never came. */
const endAtDeadline = (deck: Deck, state: Debate, deadline: number, now: number): Transition => {
  const outcome = state.mode === 'live' ? 'delivered' : 'missed';
  return endTurn(deck, state, { endedAt: deadline, outcome, cited: [], answered: [] }, now);
};

/** Why `userId` cannot act on the speech of `turn` (the one they saw; undefined: the current one), deadline aside. */
const turnRefusal = (state: Debate, userId: string, turn: number | undefined): Refusal | undefined => {
  if (FINISHED_PHASES.includes(state.phase)) return refusal('finished');
  // A turn named (a Speak button, a form) that is no longer under way is over, whatever came since.
  if (turn !== undefined && (turn !== state.turn || state.phase !== 'speaking')) return refusal('turnOver');
  const slot = state.slots[state.turn];
  if (state.phase !== 'speaking' || !slot) return refusal('notSpeaking');
  if (slot.userId !== userId) return refusal('notYourTurn', slot.userId);
  if (state.mode === 'live') return refusal('liveModeNoText');
  return undefined;
};

/**
 * Why `userId` cannot open the speech form of `turn` at `now`, or undefined when they can. A form
 * opens only before the deadline: one opened later earns no grace, so it is not shown at all.
 */
export const speechFormRefusal = (
  state: Debate,
  userId: string,
  turn: number | undefined,
  now: number,
): Refusal | undefined => {
  const refusedTurn = turnRefusal(state, userId, turn);
  if (refusedTurn) return refusedTurn;
  if (state.turnEndsAt !== undefined && now > state.turnEndsAt) return refusal('timeUp');
  return undefined;
};

/**
 * Why `userId` cannot give the speech of `turn` at `now`, or undefined when they can: before the
 * deadline, or within the grace when their form was opened before it (grace.ts).
 */
export const speechRefusal = (
  state: Debate,
  userId: string,
  turn: number | undefined,
  now: number,
): Refusal | undefined => {
  const refusedTurn = turnRefusal(state, userId, turn);
  if (refusedTurn) return refusedTurn;
  const lastMoment = graceEndsAt(state) ?? state.turnEndsAt;
  if (lastMoment !== undefined && now > lastMoment) return refusal('timeUp');
  return undefined;
};

/**
 * The speaker was shown the speech form (the bot records it just after showing it, with the time it
 * checked the form could open). The first opening before the deadline is kept: it earns the grace.
 */
export const speechForm = (state: Debate, event: Event<'speech-form'>, now: number): Transition => {
  const openedAt = Math.min(event.openedAt, now);
  const refusedNow = speechFormRefusal(state, event.actor.userId, event.turn, openedAt);
  if (refusedNow) return refused(refusedNow);
  if (!state.slots[state.turn]?.graceSeconds || state.speechForm?.turn === state.turn)
    return unchanged(state);
  return ok({ ...state, speechForm: { turn: state.turn, openedAt } });
};

export const speak = (deck: Deck, state: Debate, event: Event<'speak'>, now: number): Transition => {
  const slot = state.slots[state.turn];
  const refusedNow = speechRefusal(state, event.actor.userId, event.turn, now);
  if (refusedNow || !slot) return refused(refusedNow ?? refusal('notSpeaking'));
  const text = event.text.trim();
  if (text === '') return refused(refusal('speechEmpty'));
  // A correspondence format may allow more (format.speechChars, up to 10,000).
  const limit = deck.format(state.formatId)?.speechChars ?? MAX_SPEECH_CHARS;
  if (text.length > limit) return refused(refusal('speechTooLong', text.length, limit));
  const citations = parseCitations(deck, text, slot.side, state.hands[slot.userId] ?? []);
  // Read by the language model now, while the next speaker writes: readings are remembered, so the
  // automatic result at the end only scores. (A pure function: after a restart it simply reads again.)
  read(text);
  const extra: Effect[] =
    citations.notInHand.length + citations.unknown.length > 0
      ? [
          {
            type: 'notify',
            userId: slot.userId,
            note: { kind: 'citations', notInHand: citations.notInHand, unknown: citations.unknown },
          },
        ]
      : [];
  return endTurn(
    deck,
    state,
    { endedAt: now, outcome: 'delivered', text, cited: citations.cited, answered: citations.answered },
    now,
    extra,
  );
};

/** Done: during prep a debater is ready (all ready starts the first speech); in a turn, the speaker ends it. */
export const done = (deck: Deck, state: Debate, event: Event<'done'>, now: number): Transition => {
  const { userId } = event.actor;
  const seen = event.turn ?? (state.phase === 'prep' ? -1 : state.turn);
  if (seen !== (state.phase === 'prep' ? -1 : state.turn)) return refused(refusal('turnOver'));
  if (state.phase === 'prep') {
    if (!state.debaters.some((d) => d.userId === userId)) return refused(refusal('notDebater'));
    if (state.ready.includes(userId)) return refused(refusal('alreadyReady'));
    const ready = [...state.ready, userId];
    const readied = { ...state, ready };
    return ready.length === state.debaters.length ? startTurn(deck, readied, 0, now) : ok(readied);
  }
  const slot = state.slots[state.turn];
  if (state.phase !== 'speaking' || !slot) return refused(refusal('doneNotNow'));
  if (slot.userId !== userId) return refused(refusal('notYourTurn', slot.userId));
  // Past the deadline (its timer not yet applied) the turn is already over: end it as the deadline would.
  if (state.turnEndsAt !== undefined && now > state.turnEndsAt)
    return endAtDeadline(deck, state, state.turnEndsAt, now);
  const outcome = state.mode === 'live' ? 'ended-early' : 'passed';
  return endTurn(deck, state, { endedAt: now, outcome, cited: [], answered: [] }, now);
};

/** The prep timer: the first speech starts. */
export const prepTimer = (deck: Deck, state: Debate, now: number): Transition =>
  state.phase === 'prep' ? startTurn(deck, state, 0, now) : unchanged(state);

export const draw = (deck: Deck, state: Debate, event: Event<'draw'>): Transition => {
  const { userId } = event.actor;
  const debater = state.debaters.find((d) => d.userId === userId);
  if (!debater) return refused(refusal('notDebater'));
  if (state.phase !== 'prep' && state.phase !== 'speaking') return refused(refusal('drawNotNow'));
  const allowed = deck.format(state.formatId)?.draws ?? 0;
  const used = state.draws[userId] ?? 0;
  if (used >= allowed) return refused(refusal('noDrawsLeft', allowed));
  const [cardId, ...rest] = state.piles[debater.side] ?? [];
  if (!cardId) return refused(refusal('pileEmpty'));
  return ok(
    {
      ...state,
      hands: { ...state.hands, [userId]: [...(state.hands[userId] ?? []), cardId] },
      piles: { ...state.piles, [debater.side]: rest },
      draws: { ...state.draws, [userId]: used + 1 },
    },
    { type: 'notify', userId, note: { kind: 'drawn', cardId } },
  );
};

export const forfeit = (deck: Deck, state: Debate, event: Event<'forfeit'>, now: number): Transition => {
  const debater = state.debaters.find((d) => d.userId === event.actor.userId);
  if (!debater) return refused(refusal('notDebater'));
  if (state.phase !== 'prep' && state.phase !== 'speaking') return refused(refusal('forfeitNotNow'));
  return finish(deck, state, now, { forfeitedBy: debater.userId, winner: otherSide(deck, debater.side) });
};

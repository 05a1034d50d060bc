import { isDeepStrictEqual } from 'node:util';
import type { Deck } from '../../src/content/deck.js';
import { teamSize } from '../../src/content/schemas.js';
import type { Debate, DebateEvent, Effect, Transition } from '../../src/debate/types.js';

/**
 * Invariants of a debate, checked after every step of the property tests. They throw a plain
 * Error naming the broken rule (cheaper than `expect` when called a hundred thousand times).
 */
export const must = (holds: boolean, rule: string, detail?: unknown): void => {
  if (!holds) throw new Error(detail === undefined ? rule : `${rule}: ${JSON.stringify(detail)}`);
};

export const mustEqual = (actual: unknown, expected: unknown, rule: string): void =>
  must(isDeepStrictEqual(actual, expected), rule, { actual, expected });

/** Freezes a value all the way down, so an engine that mutates its input throws. */
export const deepFreeze = <T>(value: T): T => {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
};

const isFinished = (state: Debate) => state.phase === 'done' || state.phase === 'cancelled';
const inRange = (n: number, min: number, max: number) => n >= min && n <= max;

/** Nobody on both sides, no side over its size, no judge debating, no participant in the crowd. */
export const checkSeats = (deck: Deck, state: Debate) => {
  const debaters = state.debaters.map((d) => d.userId);
  must(new Set(debaters).size === debaters.length, 'nobody is seated twice or on both sides', debaters);
  must(new Set(state.judges).size === state.judges.length, 'nobody judges twice', state.judges);
  must(!state.judges.some((j) => debaters.includes(j)), 'no judge debates', state.judges);
  for (const side of deck.sides) {
    const seated = state.debaters.filter((d) => d.side === side.id).length;
    must(seated <= teamSize(state.size), 'no side is over its size', state.debaters);
  }
  must(
    state.debaters.every((d) => deck.side(d.side) !== undefined),
    'every debater is on a known side',
    state.debaters,
  );
  const participants = [...debaters, ...state.judges];
  must(
    !Object.keys(state.crowd).some((voter) => participants.includes(voter)),
    'no debater or judge is in the crowd',
    state.crowd,
  );
};

/** The phase, the turn, the current speaker, the records and the pending timer agree. */
export const checkPhase = (deck: Deck, state: Debate, now: number) => {
  state.turns.forEach((record, i) => {
    const own = state.slots[record.turn];
    const deadline = record.startedAt + (own?.seconds ?? 0) * 1000;
    must(
      record.turn === i && record.userId === own?.userId,
      'turn i is recorded once, for its speaker',
      record,
    );
    must(
      inRange(record.endedAt, record.startedAt, Math.min(deadline, now)),
      'a turn ends by its deadline',
      record,
    );
    const previous = state.turns[i - 1]?.endedAt ?? state.createdAt;
    must(record.startedAt >= previous, 'turns do not overlap', state.turns);
  });
  const slot = state.slots[state.turn];
  const { phase, turn, timer } = state;
  if (phase === 'lobby')
    must(
      turn === -1 && state.slots.length === 0 && state.turns.length === 0 && timer?.key === 'lobby',
      'a lobby has no turns and its lobby timer',
    );
  if (phase === 'prep')
    must(
      turn === -1 && state.turns.length === 0 && state.turnEndsAt === undefined && timer?.key === 'prep',
      'prep has no turn yet and its prep timer',
    );
  if (phase === 'prep' || phase === 'speaking' || phase === 'judging')
    must(state.debaters.length === 2 * teamSize(state.size), 'a begun debate has both sides full');
  if (phase === 'speaking') {
    // Exactly one current speaker: the debater of the slot at state.turn, on that slot's side.
    must(
      slot !== undefined && state.debaters.some((d) => d.userId === slot.userId && d.side === slot.side),
      'the current speaker is a debater of the slot at state.turn',
      { turn, slot },
    );
    must(state.turns.length === turn, 'every earlier turn is recorded', { turn, turns: state.turns.length });
    must(
      state.turnStartedAt !== undefined &&
        state.turnEndsAt === state.turnStartedAt + (slot?.seconds ?? 0) * 1000,
      "a turn's deadline is its start plus its time",
    );
    must(
      timer?.key.startsWith(`turn:${turn}:`) === true && timer.at <= (state.turnEndsAt ?? 0),
      "the pending timer is one of this turn's, no later than its end",
      timer,
    );
  }
  if (phase === 'judging')
    must(
      turn === state.slots.length &&
        state.turns.length === state.slots.length &&
        state.judges.length > 0 &&
        timer?.key === 'judging',
      'judging follows every speech, with judges and its timer',
    );
  if (phase === 'done') must(state.result !== undefined && timer === undefined, 'a done debate has a result');
  if (phase === 'cancelled')
    must(state.result === undefined && timer === undefined, 'a cancelled debate has no result and no timer');
  if (Object.keys(state.piles).length > 0) checkCards(deck, state);
};

/** Once dealt, each side's cards are split between hands and the pile, none twice. */
const checkCards = (deck: Deck, state: Debate) => {
  for (const side of deck.sides) {
    const all = deck.cards.filter((c) => c.side === side.id).map((c) => c.id);
    const held = [
      ...state.debaters.filter((d) => d.side === side.id).flatMap((d) => state.hands[d.userId] ?? []),
      ...(state.piles[side.id] ?? []),
    ];
    mustEqual([...held].sort(), [...all].sort(), `every ${side.id} card is in one hand or the pile, once`);
  }
};

/** Every score is on the 1–5 scale, every total on 0–100, and the result's fields agree. */
export const checkResult = (state: Debate) => {
  const result = state.result;
  if (!result) return;
  for (const debater of result.scores) {
    for (const c of [...debater.criteria, ...debater.coaching])
      must(inRange(c.score, 1, 5), 'every score is 1 to 5', c);
    must(inRange(debater.total, 0, 100), 'every total is 0 to 100', debater);
  }
  for (const total of Object.values(result.sideTotals))
    must(inRange(total, 0, 100), 'every side total is 0 to 100', result.sideTotals);
  must(!result.rated || result.winner !== undefined, 'a rated result has a winner', result);
  must(result.rated || result.decidedBy === 'none', 'only a result decided by nothing is unrated', result);
  must(result.decidedBy !== 'forfeit' || result.forfeitedBy !== undefined, 'a forfeit names who forfeited');
  must(result.decidedBy !== 'judges' || Object.keys(result.votes).length > 0, 'judges decide with votes');
};

/**
 * Time only moves forward: while a turn lasts its deadline stays put and its timers fire in order;
 * a new deadline is set from `now`, never in the past; a turn starts when it is applied.
 * (A turn that ends early legitimately brings the next deadline nearer than the old one.)
 */
export const checkDeadlines = (before: Debate, after: Debate, now: number) => {
  if (before.phase === after.phase && before.turn === after.turn) {
    must(after.turnEndsAt === before.turnEndsAt, "a turn's deadline never moves");
    if (before.timer && after.timer)
      must(after.timer.at >= before.timer.at, "a turn's timers fire in order", [before.timer, after.timer]);
  } else if (after.phase === 'speaking') {
    must(after.turnStartedAt === now, 'a new turn starts when it is applied');
  }
  if (after.timer && after.timer.key !== before.timer?.key)
    must(after.timer.at >= now, 'a new timer is never set in the past', { now, timer: after.timer });
};

/** The effects tell the scheduler about every timer change and the bot about every result. */
export const checkEffects = (before: Debate, after: Debate, effects: readonly Effect[]) => {
  const timers = effects.flatMap((e) => (e.type === 'timer' ? [e.timer] : []));
  if (timers.length > 0) mustEqual(timers.at(-1), after.timer, 'the last timer effect is the pending timer');
  else mustEqual(after.timer, before.timer, 'the timer changes only with a timer effect');
  const results = effects.filter((e) => e.type === 'result').length;
  must(
    results === (before.phase !== 'done' && after.phase === 'done' ? 1 : 0),
    'one result effect, on finishing',
  );
};

/** Only the current speaker's words are accepted. */
export const checkSpeaker = (before: Debate, event: DebateEvent, step: Transition) => {
  if (step.ok && (event.type === 'speak' || (event.type === 'done' && before.phase === 'speaking')))
    must(event.actor.userId === before.slots[before.turn]?.userId, 'only the current speaker speaks', event);
};

/** After done or cancelled, nothing changes: events are refused, timers do nothing. */
export const checkFinished = (before: Debate, event: DebateEvent, step: Transition) => {
  if (!isFinished(before)) return;
  if (event.type !== 'timer') must(!step.ok, 'a finished debate refuses every event', event);
  else
    must(step.ok && step.state === before && step.effects.length === 0, 'a finished debate ignores timers');
};

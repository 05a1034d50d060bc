import { ok, refused } from './outcome.js';
import { type Refusal, refusal } from './refusals.js';
import { turnTimers } from './slots.js';
import type { Debate, DebateEvent, Transition } from './types.js';

type Event<T extends DebateEvent['type']> = Extract<DebateEvent, { type: T }>;

/**
 * Is the current speech outside its protected time? Read from the turn's pending timer, not the
 * clock: while the "points open" signal is still to come the speech is in its first protected
 * stretch, once the "points closed" one has fired it is in its last. So a pause, extra time or prep
 * (which move the timers) move the window with them.
 */
export const poiWindowOpen = (state: Debate): boolean => {
  const slot = state.slots[state.turn];
  if (state.phase !== 'speaking' || !slot?.protectedSeconds || state.turnEndsAt === undefined) return false;
  const pending = state.paused ? state.paused.timer : state.timer;
  const timers = turnTimers(slot, state.turn, state.turnEndsAt);
  const at = timers.findIndex((t) => t.key === pending?.key);
  const opens = timers.findIndex((t) => t.poi === 'open');
  const closes = timers.findIndex((t) => t.poi === 'closed');
  return at > opens && at <= closes;
};

/** Does the current speech take points of information at all (a format with protected time, live)? */
export const takesPoints = (state: Debate): boolean => (state.slots[state.turn]?.protectedSeconds ?? 0) > 0;

const pending = (state: Debate) =>
  (state.pois ?? []).find((p) => p.turn === state.turn && p.answer === undefined);

/** Why `userId` cannot offer a point of information now, or undefined. */
export const poiRefusal = (
  state: Debate,
  userId: string,
  turn: number | undefined,
  now: number,
): Refusal | undefined => {
  const slot = state.slots[state.turn];
  if (state.phase !== 'speaking' || !slot) return refusal('notSpeaking');
  if (turn !== undefined && turn !== state.turn) return refusal('turnOver');
  if (!takesPoints(state)) return refusal('noPoints');
  const debater = state.debaters.find((d) => d.userId === userId);
  if (!debater) return refusal('notDebater');
  if (debater.side === slot.side) return refusal('poiOwnSide');
  if (state.paused) return refusal(state.paused.by === 'host' ? 'paused' : 'preparing');
  if (state.turnEndsAt !== undefined && now > state.turnEndsAt) return refusal('turnOver');
  if (!poiWindowOpen(state)) return refusal('poiProtected', slot.protectedSeconds ?? 0);
  if (pending(state)) return refusal('poiPending');
  return undefined;
};

export const offerPoint = (state: Debate, event: Event<'poi'>, now: number): Transition => {
  const why = poiRefusal(state, event.actor.userId, event.turn, now);
  if (why) return refused(why);
  return ok(
    { ...state, pois: [...(state.pois ?? []), { turn: state.turn, by: event.actor.userId, at: now }] },
    { type: 'announce', announcement: { kind: 'poi-offered', turn: state.turn, by: event.actor.userId } },
  );
};

export const answerPoint = (state: Debate, event: Event<'poi-answer'>): Transition => {
  const slot = state.slots[state.turn];
  if (state.phase !== 'speaking' || !slot) return refused(refusal('notSpeaking'));
  if (event.turn !== undefined && event.turn !== state.turn) return refused(refusal('turnOver'));
  if (slot.userId !== event.actor.userId) return refused(refusal('notYourTurn', slot.userId));
  const point = pending(state);
  if (!point) return refused(refusal('noPoiWaiting'));
  const answer = event.accept ? 'accepted' : 'declined';
  return ok(
    { ...state, pois: (state.pois ?? []).map((p) => (p === point ? { ...p, answer } : p)) },
    {
      type: 'announce',
      announcement: { kind: 'poi-answered', turn: state.turn, by: point.by, accepted: event.accept },
    },
  );
};

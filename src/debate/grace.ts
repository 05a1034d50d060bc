import { ok } from './outcome.js';
import type { Debate, Transition } from './types.js';

/**
 * The grace for late speech forms (text mode). A Discord form cannot be saved half-written, so a
 * speaker who opened theirs before the deadline and is still typing when it passes would lose the
 * speech. The rule, whole: a form opened before the deadline (recorded by a `speech-form` event) is
 * accepted up to the slot's `graceSeconds` after the deadline; a form opened after it, or never
 * opened, gets nothing. At the deadline such a turn is held, not ended: its timer moves to the end
 * of the grace, and only then is it recorded as missed, so the next turn never starts early.
 */

/** The timer that ends a turn held for its grace. */
export const graceKey = (turn: number) => `turn:${turn}:grace`;

/** Until when the current turn accepts its speech past the deadline, or undefined: no grace earned. */
export const graceEndsAt = (state: Debate): number | undefined => {
  const slot = state.slots[state.turn];
  const form = state.speechForm;
  const deadline = state.turnEndsAt;
  if (state.mode !== 'text' || !slot?.graceSeconds || !form || deadline === undefined) return undefined;
  if (form.turn !== state.turn || form.openedAt > deadline) return undefined;
  return deadline + slot.graceSeconds * 1000;
};

/**
 * The deadline has passed at `now`: holds the turn until its grace ends, when the speaker earned it
 * and it has not run out; undefined when the turn should end now.
 */
export const holdForGrace = (state: Debate, now: number): Transition | undefined => {
  const until = graceEndsAt(state);
  if (until === undefined || now >= until) return undefined;
  const timer = { key: graceKey(state.turn), at: until };
  return ok(
    { ...state, timer },
    { type: 'announce', announcement: { kind: 'grace', turn: state.turn, until } },
    { type: 'timer', timer },
  );
};

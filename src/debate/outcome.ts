import type { Refusal } from './refusals.js';
import type { Debate, Effect, Transition } from './types.js';

export const ok = (state: Debate, ...effects: Effect[]): Transition => ({ ok: true, state, effects });
export const refused = (refusal: Refusal): Transition => ({ ok: false, refusal });

/** Chains a transition after another, concatenating their effects. */
export const andThen = (first: Transition, next: (state: Debate) => Transition): Transition => {
  if (!first.ok) return first;
  const second = next(first.state);
  return second.ok
    ? { ok: true, state: second.state, effects: [...first.effects, ...second.effects] }
    : second;
};

/** A transition that changes nothing: a stale or repeated timer. */
export const unchanged = (state: Debate): Transition => ({ ok: true, state, effects: [] });

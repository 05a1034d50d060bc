import type { Deck } from '../content/deck.js';
import { apply } from './engine.js';
import type { Debate, DebateEvent } from './types.js';

/** One entry of a debate's event log: the event and the time it was applied. */
export interface LoggedEvent {
  readonly event: DebateEvent;
  readonly at: number;
}

/**
 * Rebuilds a debate from its event log. The log holds only accepted events and the seed is in
 * the `open` event, so the result is exactly the stored state.
 */
export const replay = (deck: Deck, log: readonly LoggedEvent[]): Debate => {
  let state: Debate | undefined;
  for (const [index, { event, at }] of log.entries()) {
    const step = apply(deck, state, event, at);
    if (!step.ok)
      throw new Error(`event ${index} (${event.type}) was refused on replay: ${step.refusal.message}`);
    state = step.state;
  }
  if (!state) throw new Error('an empty event log holds no debate');
  return state;
};

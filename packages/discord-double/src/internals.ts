/**
 * Pieces under the public API, for tests that must do what the driver refuses on purpose (forge an
 * interaction the Discord UI would never send). Not stable: prefer the main entry point.
 */
export type { DoubleContext } from './context.js';
export { createInteraction, type NewInteraction } from './interactions.js';
export type { DoubleState, InteractionRecord, MessageRecord } from './state.js';

import type { Gateway } from './gateway.js';
import type { MessageContext } from './messages.js';

/** What the REST routes, interactions and driver share. */
export interface DoubleContext extends MessageContext {
  readonly gateway: Gateway;
  /** Default bound for every wait, in ms. */
  readonly timeoutMs: number;
  /** Slash commands must be registered (and match their definition) before members can use them. */
  readonly strictCommands: boolean;
  /** `shards` in GET /gateway/bot: what a client with `shards: 'auto'` spawns. */
  readonly recommendedShards: number;
  readonly applicationFlags: number;
}

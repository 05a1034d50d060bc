import type { Debate } from '../debate/types.js';
import type { DebateMeta } from './types.js';

/**
 * Where a debate is held: its thread once it has moved into one (`meta.threadId`), else the channel
 * it opened in. Its posts go there, commands typed there act on it, and it keeps that place busy;
 * the channel it moved out of is free for another lobby.
 */
export const venueOf = (stored: { readonly state: Debate; readonly meta: DebateMeta }): string =>
  stored.meta.threadId ?? stored.state.channelId;

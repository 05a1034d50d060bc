import type { OutboxEntry, StoredDebate } from '../store/types.js';

/**
 * What the application layer asks of Discord, as ports it is given (src/discord/announce.ts
 * implements them on a discord.js client), so a whole move can be driven without a client.
 */
export interface Announcing {
  /**
   * Posts (or edits) what one outbox entry announces, rendered from the debate as it stands now.
   * Resolves once Discord has accepted every post; `nonce(k)` is the nonce of the entry's k-th post,
   * the same on every retry, so a repeat after a crash or a timeout is not shown twice.
   * @returns the lobby card's message id when it posted the card
   * @throws PostFailed when Discord did not accept a post
   */
  deliver(
    stored: StoredDebate,
    entry: OutboxEntry,
    nonce: (k: number) => string,
  ): Promise<{ readonly lobbyMessageId?: string } | undefined>;
}

/** A post Discord did not accept: `permanent` when trying again cannot help (no access, channel gone). */
export class PostFailed extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
    /** Discord's own `retry_after` (a 429), in ms, when it gave one. */
    readonly retryAfterMs?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'PostFailed';
  }
}

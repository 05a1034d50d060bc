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
   * @returns the lobby card's message id when it posted the card, the thread's id when it moved the
   *   debate into one, and the changes to the messages
   *   with live buttons (an id for a role it posted, null for a role whose buttons it removed)
   * @throws PostFailed when Discord did not accept a post
   */
  deliver(
    stored: StoredDebate,
    entry: OutboxEntry,
    nonce: (k: number) => string,
  ): Promise<Delivered | undefined>;
}

/** What a delivery tells the outbox to remember: see `DebateMeta.liveMessages`. */
export interface Delivered {
  readonly lobbyMessageId?: string;
  /** The thread the debate moved into (see `DebateMeta.threadId`). */
  readonly threadId?: string;
  readonly liveMessages?: Readonly<Record<string, string | null>>;
}

/** The live messages after a delivery's changes (null removes a role). */
export const withLiveMessages = (
  current: Readonly<Record<string, string>> | undefined,
  changes: Readonly<Record<string, string | null>>,
): Record<string, string> => {
  const next: Record<string, string> = { ...current };
  for (const [role, id] of Object.entries(changes)) {
    if (id === null) delete next[role];
    else next[role] = id;
  }
  return next;
};

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

import { createHash } from 'node:crypto';
import type { Logger } from '../logger.js';
import type { OutboxEntry, Store, StoredDebate } from '../store/types.js';
import type { LiveDebates } from './live-debates.js';
import { type Announcing, PostFailed, withLiveMessages } from './ports.js';

/** Waits before each new try of a failed delivery, in ms; the last repeats. */
export const DELIVERY_BACKOFF = [500, 1000, 2000, 5000, 10_000, 30_000] as const;

export interface OutboxOptions {
  readonly store: Store;
  readonly live: LiveDebates;
  readonly announce: Announcing;
  readonly logger: Logger;
  readonly backoff?: readonly number[];
  /** How a delivery waits before trying again (tests pass a fake). */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** An entry's identity, stable across restarts: its move's log index and its place among that move's announcements. */
const entryKey = (entry: OutboxEntry, index: number) => `${entry.seq}:${entry.n ?? index}`;

/** Discord's nonce is at most 25 characters: a digest of (debate, move, announcement, post). */
export const postNonce = (debateId: string, key: string, k: number) =>
  createHash('sha256').update(`${debateId}:${key}:${k}`).digest('base64url').slice(0, 24);

/** A lobby edit is worth making only once: a later entry that repaints the card makes it redundant. */
const LOBBY_PAINTERS = new Set(['lobby-changed', 'begun', 'cancelled']);
const supersededBy = (entry: OutboxEntry, later: readonly OutboxEntry[]) =>
  entry.announcement.kind === 'lobby-changed' && later.some((e) => LOBBY_PAINTERS.has(e.announcement.kind));

/**
 * Announcements kept until posted. A move saves its announcements with its state (the outbox); this
 * posts them, in order, one debate at a time, and takes an entry out of the outbox only once Discord
 * has accepted it. A post that fails is tried again with backoff (Discord's retry_after when it gives
 * one) for as long as the process runs; only a permanent failure (no access, channel gone) drops it.
 * Every post carries a nonce fixed by the entry, so a retry, or a repeat after a crash between
 * posting and taking the entry out, is never shown twice.
 */
export class Outbox {
  readonly #running = new Map<string, Promise<void>>();
  /** Debates kicked while their delivery was already running: it goes round once more. */
  readonly #again = new Set<string>();
  readonly #waiters = new Map<string, { seq: number; resolve: (posted: boolean) => void }[]>();
  readonly #wakers = new Set<() => void>();
  readonly #backoff: readonly number[];
  #stopped = false;

  constructor(private readonly options: OutboxOptions) {
    this.#backoff = options.backoff ?? DELIVERY_BACKOFF;
  }

  /** Starts (or repeats) the delivery of a debate's outbox. */
  kick(debateId: string): void {
    if (this.#stopped) return;
    if (this.#running.has(debateId)) {
      this.#again.add(debateId);
      return;
    }
    // Kicked from inside a move's queue task: the loop must not inherit its hold on the queue.
    const run = this.options.store
      .detached(() => this.#deliver(debateId))
      .finally(() => {
        this.#running.delete(debateId);
        if (this.#again.delete(debateId)) this.kick(debateId);
      });
    this.#running.set(debateId, run);
  }

  /** Resolves true once every announcement of the move at `seq` (and before) is posted, or false after `timeoutMs`. */
  async whenPosted(debateId: string, seq: number, timeoutMs: number): Promise<boolean> {
    const stored = this.options.live.get(debateId).catch(() => undefined);
    if (!(await stored)?.meta.outbox?.some((e) => e.seq <= seq)) return true;
    return new Promise((resolve) => {
      const waiter = { seq, resolve };
      const list = this.#waiters.get(debateId) ?? [];
      list.push(waiter);
      this.#waiters.set(debateId, list);
      setTimeout(() => {
        const current = this.#waiters.get(debateId);
        if (current?.includes(waiter)) {
          current.splice(current.indexOf(waiter), 1);
          resolve(false);
        }
      }, timeoutMs).unref();
    });
  }

  /** Debates with a delivery under way. */
  get busy(): number {
    return this.#running.size;
  }

  /** Stops delivering: waits for posts in flight, leaves the rest in the outbox for the next start. */
  async stop(): Promise<void> {
    this.#stopped = true;
    for (const wake of this.#wakers) wake();
    await Promise.allSettled([...this.#running.values()]);
  }

  async #deliver(debateId: string): Promise<void> {
    const log = this.options.logger.child({ debateId });
    let failures = 0;
    while (!this.#stopped) {
      let stored: StoredDebate | undefined;
      try {
        stored = await this.options.live.get(debateId);
      } catch (err) {
        log.warn({ err }, 'could not read the outbox; will retry');
        await this.#wait(this.#delay(++failures));
        continue;
      }
      const outbox = stored?.meta.outbox ?? [];
      if (!stored || outbox.length === 0) return this.#settle(debateId, stored);
      const { delivered, lobbyMessageId, threadId, liveMessages, failure } = await this.#post(stored, outbox);
      if (delivered.length > 0) {
        try {
          await this.#takeOut(stored, delivered, { lobbyMessageId, threadId }, liveMessages);
        } catch (err) {
          // Posted but still in the outbox: the next round posts them again, and their nonces drop the repeats.
          log.warn({ err }, 'could not take posted announcements out of the outbox; will retry');
          await this.#wait(this.#delay(++failures));
          continue;
        }
      }
      if (!failure) {
        failures = 0;
        continue;
      }
      const wait = failure.retryAfterMs ?? this.#delay(++failures);
      log.warn({ err: failure.cause ?? failure, retryInMs: wait }, 'announcement not accepted; will retry');
      await this.#wait(wait);
    }
  }

  async #post(stored: StoredDebate, outbox: readonly OutboxEntry[]) {
    const delivered: string[] = [];
    let lobbyMessageId: string | undefined;
    let threadId: string | undefined;
    /** Changes to the live messages made by this round's posts, applied to the meta later entries see. */
    const liveMessages: Record<string, string | null> = {};
    let failure: PostFailed | undefined;
    for (const [index, entry] of outbox.entries()) {
      const key = entryKey(entry, index);
      if (supersededBy(entry, outbox.slice(index + 1))) {
        delivered.push(key);
        continue;
      }
      const meta = {
        ...stored.meta,
        ...(lobbyMessageId ? { lobbyMessageId } : {}),
        ...(threadId ? { threadId } : {}),
        liveMessages: withLiveMessages(stored.meta.liveMessages, liveMessages),
      };
      this.options.logger.debug({ debateId: stored.state.id, kind: entry.announcement.kind, key }, 'posting');
      try {
        const posted = await this.options.announce.deliver({ ...stored, meta }, entry, (k) =>
          postNonce(stored.state.id, key, k),
        );
        if (posted?.lobbyMessageId) lobbyMessageId = posted.lobbyMessageId;
        if (posted?.threadId) threadId = posted.threadId;
        Object.assign(liveMessages, posted?.liveMessages);
        delivered.push(key);
        this.options.logger.debug(
          { debateId: stored.state.id, kind: entry.announcement.kind, key },
          'posted',
        );
      } catch (error) {
        const failed =
          error instanceof PostFailed
            ? error
            : new PostFailed(String(error), false, undefined, { cause: error });
        if (!failed.permanent) {
          failure = failed;
          break;
        }
        this.options.logger.error(
          { debateId: stored.state.id, kind: entry.announcement.kind, err: failed.cause ?? failed },
          'announcement cannot be posted; dropped',
        );
        delivered.push(key);
      }
    }
    return { delivered, lobbyMessageId, threadId, liveMessages, failure };
  }

  /**
   * One write: the posted entries leave the outbox (and the lobby card's, the thread's and the live
   * messages' ids are kept), in the guild's queue.
   */
  async #takeOut(
    read: StoredDebate,
    delivered: readonly string[],
    { lobbyMessageId, threadId }: { lobbyMessageId: string | undefined; threadId: string | undefined },
    liveMessages: Readonly<Record<string, string | null>>,
  ) {
    const { store, live } = this.options;
    await store.inGuildQueue(read.state.guildId, async () => {
      const current = (await live.get(read.state.id)) ?? read;
      const outbox = (current.meta.outbox ?? []).filter(
        (entry, index) => !delivered.includes(entryKey(entry, index)),
      );
      const { outbox: _taken, liveMessages: wereLive, ...rest } = current.meta;
      const stillLive = withLiveMessages(wereLive, liveMessages);
      const updated: StoredDebate = {
        ...current,
        meta: {
          ...rest,
          ...(Object.keys(stillLive).length > 0 ? { liveMessages: stillLive } : {}),
          ...(lobbyMessageId && !rest.lobbyMessageId ? { lobbyMessageId } : {}),
          ...(threadId && !rest.threadId ? { threadId } : {}),
          ...(outbox.length > 0 ? { outbox } : {}),
        },
      };
      await store.debates.save(updated);
      live.written(updated);
      this.#resolveWaiters(updated);
    });
  }

  #settle(debateId: string, stored: StoredDebate | undefined) {
    if (stored) this.#resolveWaiters(stored);
    else for (const waiter of this.#waiters.get(debateId) ?? []) waiter.resolve(true);
    if (!stored) this.#waiters.delete(debateId);
  }

  #resolveWaiters(stored: StoredDebate) {
    const list = this.#waiters.get(stored.state.id);
    if (!list) return;
    const pending = stored.meta.outbox ?? [];
    const still = list.filter((waiter) => {
      if (pending.some((entry) => entry.seq <= waiter.seq)) return true;
      waiter.resolve(true);
      return false;
    });
    if (still.length > 0) this.#waiters.set(stored.state.id, still);
    else this.#waiters.delete(stored.state.id);
  }

  #delay(failures: number): number {
    return this.#backoff[Math.min(failures, this.#backoff.length) - 1] ?? 30_000;
  }

  /** Sleeps, but wakes at once on stop. */
  #wait(ms: number): Promise<void> {
    if (this.options.sleep) return this.options.sleep(ms);
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.#wakers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      timer.unref();
      this.#wakers.add(wake);
    });
  }
}

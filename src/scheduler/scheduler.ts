import type { Logger } from 'pino';
import { type PendingTimer, StoreUnavailableError } from '../store/types.js';
import { MAX_TIMER_MS, systemTimerClock, type TimerClock } from './clock.js';
import { MinHeap } from './min-heap.js';

/**
 * Durable deadlines. The deadlines themselves live in the store (each debate's `state.timer`); the
 * scheduler only holds them in memory to wake up on time, so a restart loses nothing: the new
 * process reads them back (DebateRepository.pendingTimers) and arms them again, and one whose time
 * passed while it was down fires at once.
 *
 * Firing twice is harmless by design: firing means applying `{ type: 'timer', key }` to the debate,
 * and the engine ignores a key that is not the debate's current timer. So the scheduler can fire
 * at-least-once (retrying after a failure, or again after a crash between firing and saving) and
 * the debate still moves on exactly once.
 *
 * One Node timer, for the nearest deadline, over a min-heap of one entry per debate.
 */
export interface SchedulerOptions {
  /** Applies a deadline; the bot wires it to applyDebateEvent. A throw is retried later. */
  readonly fire: (pending: PendingTimer) => Promise<void>;
  readonly clock?: TimerClock;
  readonly logger?: Logger;
  /** Waits before each retry of a failed fire, in ms; the last repeats. */
  readonly backoff?: readonly number[];
  /** Whether to try a failed fire again (attempt counts from 1). Default: see defaultRetry. */
  readonly retry?: (error: unknown, attempt: number) => boolean;
  /** Called when a deadline fires (not its retries), with how late it fires: for benchmarks and metrics. */
  readonly onFire?: (pending: PendingTimer, lateMs: number) => void;
}

export interface Scheduler {
  /**
   * Sets the debate's pending deadline, replacing any earlier one, unless the scheduler already
   * holds a newer version for that debate (see PendingTimer.version): then it is ignored.
   */
  arm(pending: PendingTimer): void;
  /** Drops the debate's pending deadline, and any retry of it (unless a newer version is armed). */
  disarm(debateId: string, version?: number): void;
  /** Arms the deadlines read back from the store on start. */
  start(pendings: Iterable<PendingTimer>): void;
  /** Stops firing; resolves once the fires under way have settled. */
  stop(): Promise<void>;
  /** The deadline waiting for a debate, if any (what the heap holds: for tests and diagnostics). */
  pending(debateId: string): PendingTimer | undefined;
  /** Deadlines waiting (retries included). */
  readonly size: number;
}

export const DEFAULT_BACKOFF = [1000, 2000, 5000, 10_000, 20_000, 30_000] as const;
const MAX_OTHER_ATTEMPTS = 8;

/**
 * A store outage is retried for as long as it lasts; any other error (a bug, a refusal) a few
 * times, then given up with an error log rather than repeated every 30 s forever.
 */
export const defaultRetry = (error: unknown, attempt: number): boolean =>
  error instanceof StoreUnavailableError || attempt < MAX_OTHER_ATTEMPTS;

interface Entry {
  readonly id: string;
  readonly at: number;
  readonly pending: PendingTimer;
  /** Failed fires so far. */
  readonly attempt: number;
  /** Which arm() this comes from: a retry is dropped when the debate was armed or disarmed since. */
  readonly generation: number;
}

export const createScheduler = (options: SchedulerOptions): Scheduler => {
  const clock = options.clock ?? systemTimerClock;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const retry = options.retry ?? defaultRetry;
  const log = options.logger?.child({ component: 'scheduler' });
  const heap = new MinHeap<Entry>();
  /** The generation of each debate's latest arm, while armed or firing. */
  const latest = new Map<string, number>();
  /** The newest stored version seen per debate: an arm or disarm of an older one is stale. */
  const versions = new Map<string, number>();
  /** Records `version` for the debate; false when a newer one was seen already. */
  const isCurrent = (debateId: string, version: number | undefined) => {
    if (version === undefined) return true;
    const seen = versions.get(debateId);
    if (seen !== undefined && seen > version) return false;
    versions.set(debateId, version);
    return true;
  };
  const firing = new Set<Promise<void>>();
  let generation = 0;
  let stopped = false;
  let timer: { handle: unknown; at: number } | undefined;

  const clearTimer = () => {
    if (timer) clock.clearTimer(timer.handle);
    timer = undefined;
  };

  /** Points the one Node timer at the nearest deadline; a far one is slept towards in steps. */
  const schedule = () => {
    const next = heap.peek();
    if (stopped || !next) return clearTimer();
    if (timer?.at === next.at) return;
    clearTimer();
    const delay = Math.min(Math.max(0, next.at - clock.now()), MAX_TIMER_MS);
    timer = {
      at: next.at,
      handle: clock.setTimer(() => {
        timer = undefined;
        wake();
      }, delay),
    };
  };

  const wake = () => {
    const now = clock.now();
    for (let next = heap.peek(); next && next.at <= now && !stopped; next = heap.peek()) {
      heap.remove(next.id);
      fire(next, now);
    }
    schedule();
  };

  const fire = (entry: Entry, now: number) => {
    const { pending } = entry;
    if (entry.attempt === 0) options.onFire?.(pending, now - pending.timer.at);
    // Through a promise even if `fire` throws synchronously: a bug there must not stop the wake loop.
    const run = Promise.resolve()
      .then(() => options.fire(pending))
      .then(
        () => {
          if (latest.get(entry.id) === entry.generation) latest.delete(entry.id);
        },
        (error: unknown) => failed(entry, error),
      );
    firing.add(run);
    void run.finally(() => firing.delete(run));
  };

  const failed = (entry: Entry, error: unknown) => {
    if (stopped || latest.get(entry.id) !== entry.generation) return;
    const attempt = entry.attempt + 1;
    const { debateId, guildId, timer: deadline } = entry.pending;
    const context = { debateId, guildId, key: deadline.key, attempt, err: error };
    if (!retry(error, attempt)) {
      latest.delete(entry.id);
      log?.error(context, 'deadline could not be applied; giving up');
      return;
    }
    const wait = backoff[Math.min(attempt, backoff.length) - 1] ?? 30_000;
    log?.warn({ ...context, retryInMs: wait }, 'deadline could not be applied; will retry');
    heap.set({ ...entry, at: clock.now() + wait, attempt });
    schedule();
  };

  const arm = (pending: PendingTimer) => {
    if (!isCurrent(pending.debateId, pending.version)) return;
    generation += 1;
    latest.set(pending.debateId, generation);
    heap.set({ id: pending.debateId, at: pending.timer.at, pending, attempt: 0, generation });
    schedule();
  };

  return {
    arm,
    disarm(debateId, version) {
      if (!isCurrent(debateId, version)) return;
      // Forgotten rather than kept: a stale arm after this can only fire a key the engine ignores,
      // and that fire re-arms from the stored state (play/timers.ts), so memory stays bounded.
      versions.delete(debateId);
      latest.delete(debateId);
      heap.remove(debateId);
      schedule();
    },
    start(pendings) {
      stopped = false;
      for (const pending of pendings) arm(pending);
      schedule();
    },
    async stop() {
      stopped = true;
      clearTimer();
      await Promise.allSettled([...firing]);
    },
    pending: (debateId) => heap.get(debateId)?.pending,
    get size() {
      return heap.size;
    },
  };
};

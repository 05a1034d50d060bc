import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * One writer per guild: tasks of a guild run one after another, in the order they were queued;
 * different guilds run side by side. A keyed promise chain:
 * - a guild's entry is dropped as soon as its last task settles, so idle guilds cost nothing;
 * - a task that throws rejects only its own caller; the next task runs as usual;
 * - it is re-entrant: a task that (directly or through a repository) queues more work for a guild
 *   whose queue it already holds runs that work inline. Without this, the result-recording inside
 *   applyDebateEvent would wait for itself forever.
 */
export class GuildQueue {
  readonly #tails = new Map<string, Promise<void>>();
  readonly #held = new AsyncLocalStorage<ReadonlySet<string>>();

  run<T>(guildId: string, task: () => Promise<T>): Promise<T> {
    const held = this.#held.getStore();
    if (held?.has(guildId)) return task();
    const holding = new Set(held ?? []).add(guildId);
    const previous = this.#tails.get(guildId) ?? Promise.resolve();
    const result = previous.then(() => this.#held.run(holding, task));
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.#tails.set(guildId, tail);
    void tail.then(() => {
      if (this.#tails.get(guildId) === tail) this.#tails.delete(guildId);
    });
    return result;
  }

  /**
   * Runs `fn` as if no queue were held. Work started from inside a task but meant to outlive it (a
   * timer, a delivery loop) must start here: otherwise it inherits the task's hold (AsyncLocalStorage
   * follows promises and timers) and would later run inline, beside the queue instead of in it.
   */
  detached<T>(fn: () => T): T {
    return this.#held.exit(fn);
  }

  /** Guilds with work queued or running. */
  get busy(): number {
    return this.#tails.size;
  }

  /** Resolves once every task queued so far, and any queued meanwhile, has settled. */
  async drain(): Promise<void> {
    while (this.#tails.size > 0) await Promise.all(this.#tails.values());
  }
}

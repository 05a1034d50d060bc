/** Event-driven waiting with bounded timeouts and readable errors. */

export class DoubleTimeoutError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DoubleTimeoutError';
  }
}

type Listener = () => void;

/**
 * Topic-based change notifications. State mutations call `notify(topic)`; waiters re-check their
 * condition only when one of their topics changes, so waiting costs nothing while idle.
 */
export class Notifier {
  private readonly listeners = new Map<string, Set<Listener>>();

  subscribe(topics: readonly string[], listener: Listener): () => void {
    for (const topic of topics) {
      let set = this.listeners.get(topic);
      if (!set) {
        set = new Set();
        this.listeners.set(topic, set);
      }
      set.add(listener);
    }
    return () => {
      for (const topic of topics) {
        const set = this.listeners.get(topic);
        set?.delete(listener);
        if (set?.size === 0) this.listeners.delete(topic);
      }
    };
  }

  notify(...topics: string[]): void {
    const seen = new Set<Listener>();
    for (const topic of [...topics, '*']) {
      const set = this.listeners.get(topic);
      if (!set) continue;
      for (const listener of [...set]) {
        if (seen.has(listener)) continue;
        seen.add(listener);
        listener();
      }
    }
  }

  /** Rejects every pending waiter, e.g. when the double stops. */
  private readonly cancellers = new Set<(reason: Error) => void>();

  cancelAll(reason: Error): void {
    for (const cancel of [...this.cancellers]) cancel(reason);
  }

  /**
   * Resolves with the first defined value `check()` returns, checking now and after each
   * notification on `topics`; rejects with `describe()` after `timeoutMs`.
   * A `check` that throws rejects the wait with that error.
   */
  waitFor<T>(
    topics: readonly string[],
    check: () => T | undefined,
    timeoutMs: number,
    describe: () => string,
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      let unsubscribe: () => void = () => {};
      let timer: NodeJS.Timeout | undefined;
      const finish = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        unsubscribe();
        if (timer) clearTimeout(timer);
        this.cancellers.delete(cancel);
        outcome();
      };
      const cancel = (reason: Error) => finish(() => reject(reason));
      const attempt = () => {
        if (settled) return;
        let value: T | undefined;
        try {
          value = check();
        } catch (error) {
          finish(() => reject(error));
          return;
        }
        if (value !== undefined) {
          const found = value;
          finish(() => resolve(found));
        }
      };
      attempt();
      if (settled) return;
      this.cancellers.add(cancel);
      unsubscribe = this.subscribe(topics, attempt);
      timer = setTimeout(() => {
        finish(() => {
          let message: string;
          try {
            message = describe();
          } catch (error) {
            message = `timed out after ${timeoutMs} ms (and describing the wait failed: ${String(error)})`;
          }
          reject(new DoubleTimeoutError(message));
        });
      }, timeoutMs);
    });
  }
}

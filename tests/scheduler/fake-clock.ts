import type { TimerClock } from '../../src/scheduler/clock.js';

/**
 * A clock whose time moves only when a test says so. Timers fire in time order as it advances;
 * after each, pending promise callbacks get a turn, so an async fire has started before the next.
 */
export class FakeClock implements TimerClock {
  #time: number;
  #next = 1;
  readonly #timers = new Map<number, { at: number; fn: () => void }>();
  /** Every delay ever asked for, to check long waits are split. */
  readonly delays: number[] = [];

  constructor(start: number) {
    this.#time = start;
  }

  now(): number {
    return this.#time;
  }

  setTimer(fn: () => void, ms: number): number {
    const id = this.#next++;
    this.delays.push(ms);
    this.#timers.set(id, { at: this.#time + ms, fn });
    return id;
  }

  clearTimer(handle: unknown): void {
    if (typeof handle === 'number') this.#timers.delete(handle);
  }

  /** Node timers set and not yet fired or cleared. */
  get timers(): number {
    return this.#timers.size;
  }

  /** Sets the time without firing anything: the process was down meanwhile. */
  jump(to: number): void {
    this.#time = to;
  }

  async advance(ms: number): Promise<void> {
    const end = this.#time + ms;
    for (;;) {
      const due = [...this.#timers].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      const [id, timer] = due;
      this.#timers.delete(id);
      this.#time = Math.max(this.#time, timer.at);
      timer.fn();
      await flush();
    }
    this.#time = end;
    await flush();
  }
}

/** Lets queued promise callbacks run. */
export const flush = async (): Promise<void> => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

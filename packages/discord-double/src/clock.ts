/** A clock for `startDiscordDouble({ clock })`: real time plus an offset that a test moves on. */
export interface TestClock {
  readonly now: () => number;
  /** Moves the clock on by `ms` at once (timers of the bot are not touched). */
  advance(ms: number): void;
  /** How far the clock has been moved on so far. */
  readonly offsetMs: number;
}

/** Follows `base` (default `Date.now()`), so waits and latencies stay real while `advance` jumps ahead. */
export const testClock = (base: () => number = () => Date.now()): TestClock => {
  let offset = 0;
  return {
    now: () => base() + offset,
    advance(ms: number) {
      if (!(ms >= 0)) throw new Error(`testClock.advance: ms must be >= 0, got ${ms}`);
      offset += ms;
    },
    get offsetMs() {
      return offset;
    },
  };
};

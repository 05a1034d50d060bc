/** What the scheduler needs of time: the current time and one timer. Tests pass a fake. */
export interface TimerClock {
  now(): number;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

/** Node's setTimeout fires at once for any delay above this (about 24.8 days), so longer waits are split. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

export const systemTimerClock: TimerClock = {
  now: () => Date.now(),
  setTimer: (fn, ms) => setTimeout(fn, ms),
  clearTimer: (handle) => clearTimeout(handle as Parameters<typeof clearTimeout>[0]),
};

/**
 * A seeded generator (mulberry32) whose whole state is one 32-bit number kept in the debate,
 * so replaying a debate's events gives exactly the same coin flips and deals.
 */
export interface Draw<T> {
  readonly value: T;
  readonly rng: number;
}

/** A float in [0, 1) and the next state. */
export const next = (rng: number): Draw<number> => {
  const state = (rng + 0x6d2b79f5) | 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return { value: ((t ^ (t >>> 14)) >>> 0) / 4294967296, rng: state >>> 0 };
};

/** A Fisher–Yates shuffle drawing from the generator. */
export const shuffle = <T>(items: readonly T[], rng: number): Draw<T[]> => {
  const out = [...items];
  let state = rng;
  for (let i = out.length - 1; i > 0; i--) {
    const roll = next(state);
    state = roll.rng;
    const j = Math.floor(roll.value * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return { value: out, rng: state };
};

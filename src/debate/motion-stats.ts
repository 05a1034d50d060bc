/**
 * How often each side wins a motion, and whether the motion looks one-sided: a χ² goodness-of-fit
 * test of the decisive results against an even split (as Tabbycat does for side balance).
 */
export interface MotionTally {
  readonly wins: Readonly<Record<string, number>>;
  readonly draws: number;
}

export interface MotionBalance {
  readonly decided: number;
  readonly chiSquare: number;
  /** Probability of a split at least this uneven if the motion were fair. */
  readonly pValue: number;
  /** Too few decided debates to say anything. */
  readonly tooFew: boolean;
  readonly oneSided: boolean;
  /** The side favoured, when one-sided. */
  readonly favours: string | undefined;
}

/** Decided debates a motion needs before the test means anything. */
export const MIN_DECIDED = 6;
const SIGNIFICANCE = 0.05;

export const emptyTally = (): MotionTally => ({ wins: {}, draws: 0 });

export const addResult = (tally: MotionTally, winner: string): MotionTally =>
  winner === 'draw'
    ? { ...tally, draws: tally.draws + 1 }
    : { ...tally, wins: { ...tally.wins, [winner]: (tally.wins[winner] ?? 0) + 1 } };

export const motionBalance = (tally: MotionTally, sideIds: readonly [string, string]): MotionBalance => {
  const [a, b] = sideIds.map((id) => tally.wins[id] ?? 0) as [number, number];
  const decided = a + b;
  const chiSquare = decided === 0 ? 0 : (a - b) ** 2 / decided;
  const pValue = erfc(Math.sqrt(chiSquare / 2));
  const tooFew = decided < MIN_DECIDED;
  const oneSided = !tooFew && pValue < SIGNIFICANCE;
  return {
    decided,
    chiSquare,
    pValue,
    tooFew,
    oneSided,
    favours: oneSided ? (a > b ? sideIds[0] : sideIds[1]) : undefined,
  };
};

/** The complementary error function (Abramowitz & Stegun 7.1.26, error below 1.5e-7): the χ² tail with one degree of freedom. */
export const erfc = (x: number): number => {
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const poly =
    t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const value = poly * Math.exp(-x * x);
  return x >= 0 ? value : 2 - value;
};

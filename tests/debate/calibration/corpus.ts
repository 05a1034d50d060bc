import type { CalibrationDebate } from './harness.js';
import { m01 } from './m01.js';
import { m02 } from './m02.js';
import { m03 } from './m03.js';
import { m06 } from './m06.js';
import { m07 } from './m07.js';
import { m11, m11Limits } from './m11.js';
import { m12, m12Limits } from './m12.js';
import { m15 } from './m15.js';

/** Every calibration debate, each with the verdict a judge gives. */
export const corpus: readonly CalibrationDebate[] = [
  ...m01,
  ...m02,
  ...m03,
  ...m06,
  ...m07,
  ...m11,
  ...m12,
  ...m15,
];

/** Debates where a judge and the scorer still disagree: kept apart and tested as known limits. */
export const knownLimits: readonly CalibrationDebate[] = [...m11Limits, ...m12Limits];

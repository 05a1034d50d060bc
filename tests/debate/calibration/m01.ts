import type { CalibrationDebate } from './harness.js';

/** M01: autoregressive next-token prediction is a dead end for machine reasoning (lecun affirms). */
const hands = {
  lecun: ['L03', 'L04', 'L09', 'L10'],
  scaling: ['S02', 'S04', 'S10', 'S13'],
} as const;

export const lecunOpening =
  'This house believes that next-token prediction is a dead end for reasoning, and by reasoning we mean planning over several steps and weighing outcomes before acting. ' +
  'The test for tonight is simple: can the architecture itself look ahead? ' +
  'Our first argument is structural. An autoregressive model picks the most probable next word, one token at a time, because that is all its training rewards [L03]. ' +
  'That is pattern matching, which means no amount of polish turns it into deliberation. ' +
  'Our second argument is about look-ahead. Each answer comes from a single forward pass with no internal deliberation loop [L04], so the model never tests a plan against its consequences before it commits. ' +
  'The other side will say that reasoning models fix this, but chain of thought is still next-token prediction: more tokens in a structured layout, with nothing underneath simulating the world [L09]. ' +
  'If the only tool is prediction of text, reasoning stays out of reach.';

export const scalingOpening =
  'My opponent says prediction cannot plan. However, the evidence shows planning-like behaviour is already arriving through scale. ' +
  'Scaling laws have not broken: each larger model trained on more data has kept improving, with no obvious ceiling yet [S02]. ' +
  'That matters because a dead end is a place where progress stops, and progress has not stopped. ' +
  'They claim chain of thought is just more tokens. Yet reasoning models such as o1 and o3 spend extra compute at inference time and post measurable gains in maths, coding and science [S10], which means deliberation can be bought inside this very architecture. ' +
  'Critics of LeCun also point to o1-style deliberation as genuine multi-step reasoning [S13], exactly what a next-token predictor supposedly cannot do. ' +
  'So the single forward pass is not the limit they describe: models now think in many passes. ' +
  'A road that keeps delivering gains is not a dead end.';

export const lecunRebuttal =
  'They say scaling laws still hold. But a curve of benchmark scores measures competence, not whether the model reasons, so a rising score does not answer our structural point. ' +
  'They say o1 and o3 deliberate. Yet those gains come from generating more tokens, and chain of thought is still autoregressive prediction with nothing underneath that simulates the world [L09]. ' +
  'Even if the benchmarks rise, the model still cannot check a plan against a model of reality, because it learned a model of text rather than of the world [L10]. ' +
  'That is why our case stands: a ceiling in understanding outweighs a slope in scores.';

export const scalingRebuttal =
  'They say a rising curve only measures competence. But competence on maths and coding problems that need several steps is what reasoning looks like from the outside, and nobody has offered a better test. ' +
  'They say chain of thought is still autoregressive. That is true and it does not matter: the emergent reasoning of frontier models has already surprised researchers who had argued it was impossible at any scale [S04]. ' +
  'Their case rests on a prediction that keeps failing, which means the burden is on them to show where the ceiling is. ' +
  'Progress that continues is not a dead end.';

export const m01: readonly CalibrationDebate[] = [
  {
    id: 'M01-honest-close',
    motionId: 'M01',
    hands,
    speeches: [lecunOpening, scalingOpening, lecunRebuttal, scalingRebuttal],
    winner: 'lecun',
    reason: 'both clash well; lecun frames the test and wins the weighing (ceiling in understanding vs slope in scores)',
  },
];

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

export const m01: CalibrationDebate[] = [
  {
    id: 'M01-honest-close',
    motionId: 'M01',
    hands,
    speeches: [lecunOpening, scalingOpening, lecunRebuttal, scalingRebuttal],
    winner: 'lecun',
    reason:
      'both clash well; lecun frames the test and wins the weighing (ceiling in understanding vs slope in scores)',
  },
];

/** An honest scaling constructive that argues its own case and never engages lecun's. */
const scalingIgnores =
  'Scaling is the most successful idea in the history of machine learning. ' +
  'Each larger model trained on more data has kept improving, with no obvious ceiling yet [S02], so the trend itself is our argument. ' +
  'Frontier models now write code, prove small theorems and explain their answers. ' +
  'Researchers who once said such abilities were impossible at any scale have been surprised again and again [S04]. ' +
  'The future is bright for large language models, and the industry knows it. ' +
  'We should be optimistic about what the next generation will do.';

/** The lecun rebuttal that only restates its own case, answering nothing scaling said. */
const lecunRestates =
  'Let me return to our case. An autoregressive model picks the most probable next word, one token at a time [L03]. ' +
  'That is pattern matching, not reasoning. ' +
  'A model of text is not a model of the world [L10]. ' +
  'Our case was clear from the start and nothing has changed since then. ' +
  'For these reasons the motion stands.';

const scalingAnswersRestatement =
  'They repeated their case without answering ours. Their claim that next-word picking is only pattern matching ignores what the models now do: o1 and o3 spend extra compute at inference time and post measurable gains in maths and coding [S10]. ' +
  'They say a model of text is not a model of the world, but they never explained why a system that keeps improving on multi-step problems has hit a dead end, which means their conclusion does not follow. ' +
  'Critics of LeCun call o1-style deliberation genuine multi-step reasoning [S13], and that evidence went unanswered tonight.';

/** Signpost stuffing: every marker, almost no argument. */
const scalingStuffed =
  'Firstly, secondly and thirdly, my opponent is wrong. ' +
  'First, scaling works. Second, therefore, scaling works because it works. ' +
  'Moreover, furthermore, additionally, in conclusion, the other side has not answered. ' +
  'Thirdly, for example, consequently, hence, thus, this means that scaling is good. ' +
  'On the other hand, however, finally, to conclude, my first point and my next point both show we win. ' +
  'Therefore, in conclusion, clearly and obviously, basically the motion falls. ' +
  'Finally, in summary, lastly, firstly, we win. ' +
  'My first point, firstly, is that my second point is also my first point, and secondly my third point follows. ' +
  'Furthermore, moreover, additionally, also, next, therefore and hence, this means the other side is wrong. ' +
  'To summarise, in summary, to conclude: first, second, third, finally, we win.';

/** Copying the opponent: lecun's opening pasted back with "not" put in. */
const scalingCopies =
  'This house believes that next-token prediction is not a dead end for reasoning, and by reasoning we mean planning over several steps and weighing outcomes before acting. ' +
  'An autoregressive model does not only pick the most probable next word, one token at a time, because that is all its training rewards. ' +
  'That is not pattern matching, which means no amount of polish turns it into deliberation. ' +
  'Each answer does not come from a single forward pass with no internal deliberation loop, so the model never tests a plan against its consequences before it commits. ' +
  'Chain of thought is not still next-token prediction: more tokens in a structured layout, with nothing underneath simulating the world. ' +
  'If the only tool is prediction of text, reasoning does not stay out of reach.';

/** Citation dumping: a lecun opening that lists every card and uses none. */
const lecunDumps =
  'The evidence is overwhelming [L03] [L04] [L09] [L10]. ' +
  'Everything in our hand supports us [L03][L04]. ' +
  'LeCun is a great scientist and he has spoken about this many times [L09] [L10]. ' +
  'Look at the cards: [L03], [L04], [L09] and [L10] all say the same thing, and the judges can read them. ' +
  'We have four cards and they have none that matter [L04] [L10]. ' +
  'The motion is true, as every card shows [L03] [L09]. ' +
  'I urge you to read the evidence and vote for us [L03] [L04] [L09] [L10]. ' +
  'Our cards come from serious articles and serious people [L04] [L09], and that should settle the matter for any fair judge. ' +
  'The other side has nothing that compares with [L03] or with [L10]. ' +
  'When you weigh the evidence tonight, count the cards: four for us [L03] [L04] [L09] [L10].';

m01.push(
  {
    id: 'M01-scaling-ignores-clash',
    motionId: 'M01',
    hands,
    speeches: [lecunOpening, scalingIgnores],
    winner: 'lecun',
    reason:
      'scaling never engages the structural argument or the single forward pass; lecun frames and argues',
  },
  {
    id: 'M01-demo-lecun-restates',
    motionId: 'M01',
    hands,
    speeches: [lecunOpening, scalingOpening, lecunRestates, scalingAnswersRestatement],
    winner: 'scaling',
    reason:
      'lecun’s rebuttal restates its case and answers nothing; scaling takes up both lecun points and answers them',
  },
  {
    id: 'M01-lecun-misses-rebuttal',
    motionId: 'M01',
    hands,
    speeches: [lecunOpening, scalingOpening, null, scalingRebuttal],
    winner: 'scaling',
    reason: 'lecun never comes back to answer the reasoning-model evidence; scaling’s case stands unanswered',
  },
  {
    id: 'M01-gaming-signpost-stuffing',
    motionId: 'M01',
    hands,
    speeches: [lecunOpening, scalingStuffed],
    winner: 'lecun',
    reason: 'scaling’s speech is signposts with no claim, reason or evidence',
    gaming: 'signpost stuffing',
  },
  {
    id: 'M01-gaming-copying',
    motionId: 'M01',
    hands,
    speeches: [lecunOpening, scalingCopies],
    winner: 'lecun',
    reason: 'scaling pastes lecun’s speech back with “not” inserted: no argument of its own, no answer',
    gaming: 'copying the opponent',
  },
  {
    id: 'M01-gaming-citation-dump',
    motionId: 'M01',
    hands,
    speeches: [lecunDumps, scalingOpening],
    winner: 'scaling',
    reason: 'lecun names every card and never says what any of them shows; scaling argues with its evidence',
    gaming: 'citation dumping',
  },
);

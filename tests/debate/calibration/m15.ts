import type { CalibrationDebate } from './harness.js';

/** M15: the strategy of scaling up LLMs is approaching saturation (lecun affirms). */
const hands = {
  lecun: ['L35', 'L45', 'L17', 'L38'],
  scaling: ['S02', 'S24', 'S09', 'S10'],
} as const;

const lecunOpening =
  'Saturation means each step up buys less than the one before while costing more, and that is the test we ask you to apply. ' +
  'Each larger model needs vast compute, unsustainable amounts of energy and prohibitive spending, and a 2024 Stanford estimate puts a frontier training run in the hundreds of millions [L35], so the cost curve is rising faster than the results. ' +
  'More data of the same kind cannot supply what text lacks, because common sense cannot be learned from text however much of it there is [L17]. ' +
  'That is why the scaling path eventually tops out [L45]: the next gains will need a different kind of model, not a bigger one. ' +
  'They will say scaling laws still hold, but a law about loss on text says nothing about the returns that matter, which are reliability and reasoning.';

const scalingOpening =
  'They say each step costs more and buys less. But scaling laws have not broken: each larger model trained on more data has kept improving, with no obvious ceiling yet [S02], and that is the opposite of saturation. ' +
  'They say cost proves the wall. Labs are paying that cost because it pays back; xAI trained Grok 3 on a cluster of 100,000 H100 GPUs [S24], which means the people closest to the numbers see returns, not a plateau. ' +
  'And the strategy itself has moved: reasoning models spend compute at inference time and post measurable gains in maths and science [S10], so the frontier is growing along a new axis. ' +
  'Even LeCun concedes bigger models get higher scores [S09], which is what an unsaturated strategy looks like.';

/** Filler stuffing by scaling: the emphasis words of a speech, not its reasons. */
const scalingFiller =
  'Honestly, basically, this motion is just really, really wrong, and I mean that very sincerely. ' +
  'Clearly and obviously, scaling is definitely, absolutely not saturated at all, and literally everyone knows it. ' +
  'At the end of the day, needless to say, it is important to note that, of course, scaling simply works. ' +
  'Let me be clear: truly, certainly, indeed, scaling is extremely far from any saturation. ' +
  'In other words, as I say, basically, honestly, it is really very obvious. ' +
  'Simply put, it is just clearly, definitely, absolutely true that the other side is wrong. ' +
  'Really, honestly, at the end of the day, scaling is very much not saturated, and that is just obviously, literally the case. ' +
  'Of course, needless to say, we win.';

export const m15: CalibrationDebate[] = [
  {
    id: 'M15-honest-lecun',
    motionId: 'M15',
    hands,
    speeches: [
      lecunOpening,
      'Scaling is not saturating, and I am confident about that. ' +
        'The models keep improving every year and people keep using them more. ' +
        'The costs are high, but every new technology is expensive at first and gets cheaper over time. ' +
        'The other side is too pessimistic about what engineers can do. ' +
        'Every few years someone says computing has hit a wall, and every time the wall turns out to be a step. ' +
        'Engineers are very good at making expensive things cheap. ' +
        'Give it a few more years and this motion will look silly.',
    ],
    winner: 'lecun',
    reason:
      'scaling offers optimism and one unsupported analogy; lecun defines saturation and backs every line',
  },
  {
    id: 'M15-honest-scaling',
    motionId: 'M15',
    hands,
    speeches: [
      'Scaling is running out of road. ' +
        'The models are getting very expensive to train and very hungry for energy. ' +
        'There is only so much text on the internet, and the labs are going to run out. ' +
        'Many people in the field think the best results are behind us. ' +
        'Each new model seems a little less impressive than the one before, at least to me. ' +
        'The hype is bigger than the progress, and investors are starting to notice. ' +
        'I think the motion is true and that the next breakthroughs will come from somewhere else.',
      scalingOpening,
    ],
    winner: 'scaling',
    reason:
      'lecun asserts saturation with no evidence or test; scaling answers the cost point with evidence and shows gains continuing',
  },
  {
    id: 'M15-gaming-filler',
    motionId: 'M15',
    hands,
    speeches: [lecunOpening, scalingFiller],
    winner: 'lecun',
    reason: 'scaling’s speech is emphasis and filler words around a bare denial',
    gaming: 'filler stuffing',
  },
];

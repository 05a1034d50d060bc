import type { CalibrationDebate } from './harness.js';

/** M11: reliable multi-step planning requires an internal world model that simulates consequences (lecun affirms). */
const hands = {
  lecun: ['L14', 'L24', 'L27', 'L04'],
  scaling: ['S13', 'S10', 'S11', 'S19'],
} as const;

const lecunOpening =
  'Reliable planning means choosing a sequence of actions whose consequences you have checked before you act, and the question is whether that can be done without simulating those consequences. ' +
  'We say it cannot. LLMs cannot reliably carry out multi-step planning that requires tracking the real consequences of actions in sequence [L14], because nothing inside them tracks state. ' +
  'A world model answers the question what follows if I act this way, rather than which words come next [L24], which means it can reject a bad plan before it is carried out. ' +
  'LeCun’s blueprint puts exactly this at the centre: a world model, a cost module that scores predicted outcomes, and an actor [L27]. ' +
  'The other side will say chain of thought plans step by step, but writing steps down is not checking them against the world.';

const scalingOpening =
  'They say planning requires a simulator inside the model. But critics of LeCun point to o1-style deliberation as genuine multi-step reasoning [S13], done without any separate world model. ' +
  'They say writing steps down is not checking them. Yet reasoning models spend extra compute at inference time and post measurable gains in competitive coding and maths [S10], which means the steps are checked, against tests and against each other. ' +
  'OpenAI’s o3 reached about 25 percent on ARC-AGI, a benchmark built to resist pattern matching [S11], so planning-like behaviour is arriving through the architecture they dismiss. ' +
  'And world models need breakthroughs that even Meta cannot deliver soon [S19], so requiring them would leave us with no reliable planner at all.';

/** A scaling reply that meets each lecun line on its own terms. */
const scalingEngages =
  'They say LLMs cannot track the real consequences of actions in sequence. But o1-style deliberation carries out multi-step reasoning step by step [S13], and each step can be checked against the state the previous step produced. ' +
  'They say a world model answers what follows if I act, while a language model only predicts words. Yet reasoning models spend extra compute at inference time testing candidate steps, with measurable gains in coding and maths [S10], which means the consequences are tracked in the reasoning itself. ' +
  'They rely on LeCun’s blueprint of world model, cost module and actor. That blueprint is not built: world models still need breakthroughs even Meta cannot deliver soon [S19], so requiring one would leave no reliable planner at all.';

/** Motion-word repetition by lecun. */
const lecunMotionWords =
  'Reliable multi-step planning requires an internal world model. ' +
  'An internal world model that simulates consequences is required for reliable multi-step planning. ' +
  'Multi-step planning, to be reliable, requires an internal world model that simulates consequences before acting. ' +
  'Simulating consequences before acting requires an internal world model, and reliable planning requires it. ' +
  'Internal world model, reliable multi-step planning, simulates consequences, before acting: that is the motion. ' +
  'Reliable multi-step planning requires an internal world model that simulates consequences before acting. ' +
  'Before acting, consequences must be simulated by an internal world model for multi-step planning to be reliable. ' +
  'An internal world model: required. Reliable multi-step planning: requires it. Simulating consequences before acting: that is what it does. ' +
  'So reliable multi-step planning requires an internal world model.';

/** Padding by scaling: one argument and a lot of repetition. */
const scalingPadded =
  'They say planning requires a world model. But o1-style deliberation shows genuine multi-step reasoning without one [S13]. ' +
  'o1-style deliberation shows genuine multi-step reasoning. ' +
  'Deliberation shows genuine multi-step reasoning without a world model. ' +
  'So o1-style deliberation shows genuine multi-step reasoning. ' +
  'Genuine multi-step reasoning is shown by o1-style deliberation. ' +
  'Deliberation shows genuine multi-step reasoning without one, and o1-style deliberation shows genuine multi-step reasoning. ' +
  'Again, o1-style deliberation shows genuine multi-step reasoning without a world model. ' +
  'That is our case: o1-style deliberation shows genuine multi-step reasoning. ' +
  'Once more, because it matters: o1-style deliberation shows genuine multi-step reasoning without any world model. ' +
  'Deliberation, genuine, multi-step: o1-style deliberation shows it.';

/**
 * Found while calibrating, kept out of the corpus and tested as a known limit: scaling answers the
 * motion's thesis and the pre-emption with four cards but in words that share little with lecun's
 * lines (only the motion's own words), so the scorer sees one answer where a judge sees three.
 */
export const m11Limits: CalibrationDebate[] = [
  {
    id: 'M11-limit-answers-in-motion-words',
    motionId: 'M11',
    hands,
    speeches: [lecunOpening, scalingOpening],
    winner: 'scaling',
    reason:
      'scaling answers the simulator claim and the steps-are-not-checks claim with evidence and turns the cost of requiring world models',
  },
];

export const m11: CalibrationDebate[] = [
  {
    id: 'M11-honest-scaling',
    motionId: 'M11',
    hands,
    speeches: [lecunOpening, scalingEngages],
    winner: 'scaling',
    reason:
      'scaling takes each lecun line in turn (consequence tracking, what-follows, the blueprint) and answers it with a card, turning the blueprint’s feasibility',
  },
  {
    id: 'M11-honest-lecun-unanswered',
    motionId: 'M11',
    hands,
    speeches: [
      lecunOpening,
      'Planning is something computers have done for decades, and modern language models are very good at writing plans. ' +
        'If you ask one to plan a trip or a software project it will give you a sensible list. ' +
        'People use them for this every day and they are happy with the results. ' +
        'The future of planning is bright and I am sure models will keep improving. ' +
        'Businesses already rely on them to schedule deliveries and draft project timelines, and that would not happen if the plans were useless. ' +
        'So I do not accept the motion.',
    ],
    winner: 'lecun',
    reason:
      'scaling talks about planning in general and never meets the consequence-tracking argument or uses a card',
  },
  {
    id: 'M11-gaming-motion-words',
    motionId: 'M11',
    hands,
    speeches: [lecunMotionWords, scalingOpening],
    winner: 'scaling',
    reason: 'lecun restates the motion six ways without a reason; scaling argues with evidence',
    gaming: 'motion-word repetition',
  },
  {
    id: 'M11-gaming-padding',
    motionId: 'M11',
    hands,
    speeches: [lecunOpening, scalingPadded],
    winner: 'lecun',
    reason: 'scaling makes one point and repeats it eight times; lecun frames and argues three lines',
    gaming: 'padding by repetition',
  },
];

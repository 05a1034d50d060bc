import type { CalibrationDebate } from './harness.js';

/** M07: hallucination is built into next-token prediction and cannot be engineered away (lecun affirms). */
const hands = {
  lecun: ['L11', 'L13', 'L15', 'L03'],
  scaling: ['S21', 'S12', 'S10', 'S07'],
} as const;

const lecunOpening =
  'The motion asks whether hallucination is a defect we can patch or a consequence of how these models are trained. We say it is a consequence. ' +
  'LLMs confidently make things up because they are optimised to produce plausible text, not truth [L13]; their training objective only ever required coherence, which means a fluent falsehood scores as well as a fluent fact. ' +
  'That is why LeCun treats hallucination as a symptom of an architectural mismatch rather than a bug [L11], so every patch treats the symptom and leaves the cause. ' +
  'Their knowledge is also frozen at training time [L15], and a model that cannot check the world will fill the gap with whatever sounds right. ' +
  'They will say retrieval and fine-tuning fix this, but those bolt a checker onto a generator that still has no idea what is true.';

const scalingOpening =
  'They say hallucination is built in. But many labs believe these weaknesses can be fixed with more data, better models and better optimisation [S21], and the rate has already fallen with each model generation. ' +
  'They say patches only treat the symptom. Yet chain-of-thought prompting and tool use let a model check its own steps and look facts up [S12], which means the generator is no longer working alone. ' +
  'Reasoning models spend extra compute at inference time and post measurable gains on maths and science [S10], so the system can catch its own errors before it answers. ' +
  'The motion says cannot, and that is a claim about every future system, not just today’s.';

const lecunRebuttal =
  'They say tool use lets the model check facts. But the model still decides what to look up and how to read it with the same objective of plausibility [L13], so the checker inherits the flaw. ' +
  'They say the rate has fallen. A lower rate is still a rate: even if hallucination drops, nothing in next-token training ever rewards truth, which is why it returns on every new domain. ' +
  'Their whole case is that labs believe it is fixable, and belief is not a mechanism.';

const scalingRebuttal =
  'They say belief is not a mechanism. The mechanism is on the table: retrieval, tools and verification at inference time [S10], each measured, each improving results. ' +
  'They say nothing rewards truth. Training on verified answers does exactly that, so the objective is not fixed forever. ' +
  'Whether these models can be made reliable is an open empirical question [S07], and an open question is not a proof that it cannot be done.';

/** Citation dumping by scaling: every card named, none used. */
const scalingDumps =
  'Our evidence answers all of this [S21] [S12] [S10] [S07]. ' +
  'The cards are clear and the judges should read them [S21][S12]. ' +
  'Every serious lab agrees with us, see [S10] and [S07] and [S21]. ' +
  'We have four strong cards [S12] [S10] and the other side cannot deny them. ' +
  'The motion falls on the evidence [S21] [S07], and I could cite more if I had more time. ' +
  'In short, the evidence wins [S21] [S12] [S10] [S07]. ' +
  'These cards come from the best sources available [S12] [S10], and the other side has nothing like them. ' +
  'When you weigh tonight, weigh the cards [S21] [S07]: four strong cards against a theory. ' +
  'I rest our case on [S21], [S12], [S10] and [S07].';

/** Signpost stuffing by lecun: one idea wrapped in every signpost. */
const lecunStuffed =
  'Firstly, my first point. Secondly, my second point. Thirdly, my third point. ' +
  'First, hallucination is built in, therefore it is built in. ' +
  'Moreover, furthermore, additionally, it is built in, and consequently it cannot be engineered away. ' +
  'For example, for instance, hallucination. Hence, thus, therefore, this means the motion stands. ' +
  'On the other hand, however, finally, in conclusion, to conclude, to summarise, clearly and obviously we win. ' +
  'In conclusion, the motion stands, because hallucination is built in. ' +
  'My next point, furthermore, is my first point again: firstly, secondly and thirdly, it is built in. ' +
  'Moreover, to summarise, in summary, lastly, therefore, hence and thus, we win.';

export const m07: CalibrationDebate[] = [
  {
    id: 'M07-honest-lecun',
    motionId: 'M07',
    hands,
    speeches: [lecunOpening, scalingOpening, lecunRebuttal, scalingRebuttal],
    winner: 'lecun',
    reason:
      'lecun shows the checker inherits the objective and that a lower rate is still a rate; scaling’s rebuttal relies on an open-question card',
  },
  {
    id: 'M07-honest-scaling-opening',
    motionId: 'M07',
    hands,
    speeches: [
      'Hallucination is a problem and nobody denies it. Models make things up. ' +
        'This has been a problem for a long time and it will be a problem for a long time more. ' +
        'People should be careful with these tools, and I would not trust one with my medical records. ' +
        'Every new model comes out with the same promise that the problem is solved, and then people find new mistakes within days. ' +
        'I have caught these systems inventing quotations more than once. ' +
        'In my view the industry is too optimistic, and the motion is simply true.',
      scalingOpening,
    ],
    winner: 'scaling',
    reason: 'lecun’s opening asserts the motion with no reason or evidence; scaling argues with three cards',
  },
  {
    id: 'M07-gaming-citation-dump',
    motionId: 'M07',
    hands,
    speeches: [lecunOpening, scalingDumps],
    winner: 'lecun',
    reason: 'scaling lists card ids and says nothing any card says',
    gaming: 'citation dumping',
  },
  {
    id: 'M07-gaming-signpost-stuffing',
    motionId: 'M07',
    hands,
    speeches: [lecunStuffed, scalingOpening],
    winner: 'scaling',
    reason: 'lecun’s speech is signposts around one repeated assertion; scaling argues',
    gaming: 'signpost stuffing',
  },
];

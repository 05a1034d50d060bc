import type { CalibrationDebate } from './harness.js';

/** M06: chain-of-thought reasoning models have given LLMs genuine System 2 thinking (scaling affirms; lecun opens against). */
const hands = {
  lecun: ['L05', 'L09', 'L06', 'L14'],
  scaling: ['S10', 'S11', 'S12', 'S13'],
} as const;

const lecunOpening =
  'System 2 means slow, deliberate and logical thought that checks itself, and the question is whether chain of thought gives a model that or only the look of it. ' +
  'LeCun places LLMs entirely in System 1, fast and reflexive [L05], and chain of thought does not change the machine underneath: it is still autoregressive, more tokens in a structured layout [L09], so nothing in it tests a hypothesis before committing. ' +
  'When these models seem to work through a maths problem they are stitching stored patterns together, which is why the illusion collapses on problems that need genuine abstraction [L06]. ' +
  'The other side will cite benchmark gains, but a gain on familiar problems is what stored patterns predict too.';

const scalingOpening =
  'They say chain of thought is only more tokens. But o1, o3 and Gemini 2.5 Pro spend extra compute at inference time and post measurable gains in maths, coding and science [S10], and spending time to check one’s steps is exactly what System 2 means. ' +
  'They say gains come from familiar problems. Yet o3 reached about 25 percent on ARC-AGI, a benchmark built to be hard for pattern matching [S11], which means the gains are arriving where stored patterns should fail. ' +
  'Critics of LeCun call o1-style deliberation genuine multi-step reasoning [S13], so the slow, deliberate mode he says is missing is now measurable.';

const lecunRebuttal =
  'They say spending compute to check steps is System 2. But the checking is more next-token prediction, with nothing underneath that simulates or verifies [L09], so it is System 1 run for longer. ' +
  'They cite 25 percent on ARC-AGI. Even if that is a jump, it means the model fails three problems in four that children solve, and multi-step planning stays unreliable [L14]. ' +
  'A quarter of the way is not genuine System 2, and that outweighs a rising line on a chart.';

const scalingRebuttal =
  'They say a quarter is not enough. The motion asks whether these models have System 2 thinking, not whether it is finished, and a jump from near zero to a quarter on problems built to defeat pattern matching is the sign of it. ' +
  'They say the checking is still token prediction. Human deliberation also runs on neurons that fire one after another, and nobody calls it System 1 for that reason. ' +
  'Chain of thought and tool use look like structured reasoning [S12], and they have not shown where it fails.';

/** Citation dumping hidden in sentences: each card tagged onto a line it does not support. */
const lecunHiddenDump =
  'We oppose the motion because the whole idea is overhyped [L05] [L06]. ' +
  'People get excited about every new release and then forget about it a month later [L09]. ' +
  'I have tried these tools myself and they are not as good as the advertising [L14]. ' +
  'The companies selling them have an interest in calling them intelligent [L06] [L09]. ' +
  'Journalists repeat what the companies say without checking [L05]. ' +
  'We should be sceptical of big claims made by people who profit from them [L14] [L05] [L09]. ' +
  'History is full of technologies that were sold as miracles and turned out to be ordinary [L06]. ' +
  'This will be another one of those [L14].';

export const m06: CalibrationDebate[] = [
  {
    id: 'M06-honest-lecun',
    motionId: 'M06',
    hands,
    speeches: [lecunOpening, scalingOpening, lecunRebuttal, scalingRebuttal],
    winner: 'lecun',
    reason:
      'lecun turns the ARC figure against scaling and weighs a quarter against genuine; scaling’s rebuttal analogy brings no evidence',
  },
  {
    id: 'M06-honest-scaling',
    motionId: 'M06',
    hands,
    speeches: [
      'Chain of thought is a trick. The models write out steps because they were trained to, not because they think. ' +
        'Anyone who has used them knows they still make silly mistakes. ' +
        'Calling this System 2 is marketing. ' +
        'Real thinking is something humans do and machines do not, and I do not think a bigger computer changes that. ' +
        'These companies want us to believe their products think, because that sells subscriptions. ' +
        'I have seen a model explain a proof confidently and get the final answer wrong. ' +
        'So we oppose the motion.',
      scalingOpening,
    ],
    winner: 'scaling',
    reason:
      'lecun asserts with no card and no test; scaling answers both lecun claims with ARC-AGI and inference-time evidence',
  },
  {
    id: 'M06-gaming-hidden-citation-dump',
    motionId: 'M06',
    hands,
    speeches: [lecunHiddenDump, scalingOpening],
    winner: 'scaling',
    reason: 'lecun attaches card ids to lines the cards do not support; none of what the cards say appears',
    gaming: 'citation dumping',
  },
];

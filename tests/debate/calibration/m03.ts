import type { CalibrationDebate } from './harness.js';

/** M03: the most powerful LLMs understand less about the physical world than a house cat (lecun affirms). */
const hands = {
  lecun: ['L12', 'L18', 'L19', 'L21'],
  scaling: ['S06', 'S07', 'S14', 'S15'],
} as const;

const lecunOpening =
  'By understanding the physical world we mean predicting what happens when things move, fall and collide, the knowledge a cat uses every time it jumps onto a shelf. ' +
  'On that test the strongest LLMs lose. Ask one what happens when you push a glass to the edge of a table and it will often hedge or simply answer wrongly [L12], because it has never pushed anything. ' +
  'An LLM can describe a ball rolling down a hill beautifully while lacking any inner model of gravity, friction or momentum [L18], which means its fluency hides the absence of the very thing the motion asks about. ' +
  'A cat learns physics the way babies do, by pushing, dropping and watching objects move [L21], so its knowledge is grounded in the world rather than in sentences about it. ' +
  'They will say multimodal models now see video, but seeing pixels is not the same as acting in the world and feeling the result.';

const scalingOpening =
  'They say a cat understands physics better. But studies from MIT, Stanford and Berkeley find that LLMs develop internal representations resembling world models in limited domains [S06], so the claim that there is nothing inside is already contradicted. ' +
  'They say the glass example proves blindness. One failure on a trick question does not outweigh a record of coding, legal analysis and passing medical exams [S15]. ' +
  'Multimodal models such as GPT-4o and Gemini already process images, audio and video alongside text [S14], which means the text-only premise of their case is out of date. ' +
  'Whether these models truly understand is still an open empirical question [S07], and an open question cannot be settled in favour of a cat.';

const lecunRebuttal =
  'They say models form world-model-like representations. In limited domains, as their own card says, and a cat has one for every domain it moves through. ' +
  'They say exams and coding outweigh the glass. But those are text tasks, and the motion is about the physical world, so their record answers a different question. ' +
  'Even if video goes in, the model still predicts pixels and tokens instead of acting and feeling the result [L18]: a cat that misjudges a jump falls, a model that misjudges gravity just keeps talking.';

const scalingRebuttal =
  'They say our record is only text tasks. Images, audio and video are not text, and multimodal models handle all three. ' +
  'They say a cat has a model for every domain. No study has measured that, and the open-question card cuts against them as much as us. ' +
  'The burden was on them to show the cat wins, and they have shown only that models sometimes fail.';

/** Motion-word repetition: scaling says the motion's words over and over. */
const scalingMotionWords =
  'The most powerful LLMs understand the physical world. ' +
  'Powerful LLMs understand more about the physical world than a house cat. ' +
  'A house cat does not understand the physical world better than the most powerful LLMs. ' +
  'The physical world is understood by powerful LLMs, and a house cat understands less about the physical world. ' +
  'Understanding the physical world: LLMs, yes; house cat, less. ' +
  'The most powerful LLMs understand the physical world more than a house cat understands the physical world. ' +
  'So the most powerful LLMs understand more about the physical world than a house cat. ' +
  'A house cat, the physical world, the most powerful LLMs: the LLMs understand it more. ' +
  'The physical world is better understood by the most powerful LLMs than by any house cat, and that is the motion reversed.';

/** An honest but unevidenced scaling reply: plausible claims, no cards, and one real answer. */
const scalingAsserts =
  'Cats are clever animals, but nobody would ask a cat to explain why a ball rolls downhill. ' +
  'Large models can explain the physics of a rolling ball in detail, and explaining is a form of understanding. ' +
  'The glass example is one failure, and people fail at trick questions too. ' +
  'Modern models keep getting better at physical questions every year. ' +
  'I think it is unfair to compare a living animal with a computer program at all, and the motion is a slogan rather than a claim.';

export const m03: CalibrationDebate[] = [
  {
    id: 'M03-honest-lecun',
    motionId: 'M03',
    hands,
    speeches: [lecunOpening, scalingAsserts],
    winner: 'lecun',
    reason:
      'lecun defines the test and backs each line with a card; scaling asserts without evidence and answers only the glass',
  },
  {
    id: 'M03-honest-full',
    motionId: 'M03',
    hands,
    speeches: [lecunOpening, scalingOpening, lecunRebuttal, scalingRebuttal],
    winner: 'lecun',
    reason:
      'lecun turns scaling’s own card (limited domains) and shows the exam record answers a different question; scaling’s rebuttal brings no evidence',
  },
  {
    id: 'M03-honest-scaling',
    motionId: 'M03',
    hands,
    speeches: [
      'Cats are better than computers at the physical world. ' +
        'A cat can catch a mouse and a computer cannot. ' +
        'LeCun has said this many times and he is one of the most important people in the field. ' +
        'Language models only read words. They do not have bodies and they do not move around. ' +
        'A cat knows when a branch will hold its weight, and no chatbot has ever had to know that. ' +
        'Anyone who owns a cat has seen how well it judges a jump. ' +
        'That is all you need to know to vote for the motion.',
      scalingOpening,
    ],
    winner: 'scaling',
    reason:
      'lecun argues from authority and anecdote with no card; scaling meets each claim with studies and the multimodal record',
  },
  {
    id: 'M03-gaming-motion-words',
    motionId: 'M03',
    hands,
    speeches: [lecunOpening, scalingMotionWords],
    winner: 'lecun',
    reason: 'scaling repeats the motion’s words in every sentence and never gives a reason',
    gaming: 'motion-word repetition',
  },
];

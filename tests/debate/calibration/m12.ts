import type { CalibrationDebate } from './harness.js';

/** M12: the billions spent on scaling LLMs are a rational bet, not a sunk-cost trap (scaling affirms; lecun opens against). */
const hands = {
  lecun: ['L36', 'L38', 'L40', 'L45'],
  scaling: ['S23', 'S26', 'S28', 'S22'],
} as const;

const lecunOpening =
  'The question is whether firms keep spending because the evidence justifies it, or because they have already spent so much that stopping would hurt. We say the second. ' +
  'Firms keep investing partly because admitting the wrong path would damage their reputation, share price and investor confidence [L36], which is the definition of a sunk-cost trap. ' +
  'More than $100 billion has gone in on the premise that today’s architectures will keep climbing toward AGI [L38], so if a new architecture proves necessary, that money is stranded. ' +
  'They will say the products make money. But commercial value is not evidence of a path to AGI [L40]: revenue from chatbots justifies chatbots, not the bet on general intelligence.';

const scalingOpening =
  'They say firms spend to avoid admitting a mistake. But the spending follows revenue: OpenAI sells API access, and Google and Microsoft use these models to grow cloud businesses worth billions a year [S28], so the money is paying for itself now. ' +
  'They say revenue justifies chatbots, not AGI. A bet that pays along the way is rational even if the final prize is uncertain, which is why markets price NVIDIA and the labs on the scaling path [S26]. ' +
  'And history favours the bet: ideas once called impractical became the backbone of the field [S22]. ' +
  'Even if a new architecture is needed, the compute and data centres built for scaling will run it, so the money is not stranded.';

const lecunRebuttal =
  'They say the revenue pays for the bet. It pays for the products; the frontier training runs cost far more than the products earn, and that gap is what the $100 billion covers [L38]. ' +
  'They say the compute will run any future architecture. That is true of the chips, not of the research agenda, and a decade spent on the wrong agenda is the real cost. ' +
  'If LeCun is right, the scaling curve tops out [L45], and a bet that cannot pay off is not made rational by the revenue collected on the way.';

const scalingRebuttal =
  'They say the frontier runs cost more than the products earn. Microsoft put more than $13 billion behind OpenAI and Anthropic raised over $15 billion [S23] after seeing those numbers, so the investors priced that gap in with open eyes. ' +
  'They say the agenda could be wrong. A rational bet is one made on the best evidence available, not one guaranteed to win, and the evidence tonight is a trend that has paid at every step. ' +
  'Their ceiling is a conditional: if LeCun is right. We do not have to prove he is wrong, only that the bet is reasonable.';

/** Echo: lecun's rebuttal pastes scaling's speech back with "not". */
const lecunEcho =
  'The spending does not follow revenue: OpenAI sells API access, and Google and Microsoft use these models to grow cloud businesses worth billions a year, so the money is not paying for itself now. ' +
  'A bet that pays along the way is not rational even if the final prize is uncertain, which is why markets price NVIDIA and the labs on the scaling path. ' +
  'History does not favour the bet: ideas once called impractical became the backbone of the field.';

/** Keyword salad from scaling. */
const scalingSalad =
  'Billions rational bet sunk cost trap scaling LLMs revenue API cloud Microsoft Google OpenAI [S28]. ' +
  'Markets NVIDIA trillion capitalisation GPUs demand investors priced scaling path [S26] rational. ' +
  'Microsoft $13 billion OpenAI Anthropic $15 billion Claude GPT-4 $100 million training [S23]. ' +
  'History impractical ideas backbone field neural networks [S22] bet rational not sunk. ' +
  'Rational rational bet bet billions billions scaling scaling LLMs LLMs trap no. ' +
  'Revenue billions cloud API OpenAI Google Microsoft Gemini Bing ChatGPT products users millions [S28]. ' +
  'NVIDIA GPUs $3.4 trillion markets priced path scaling rational bet sunk cost [S26] [S23].';

/**
 * A known limit, kept apart from the corpus: two strong debaters who both use four cards and
 * answer every main point max out Evidence and Rebuttal, and the scorer calls a draw where a judge
 * gives it to scaling on the standard it set for a rational bet (beyond what word overlap can see).
 */
export const m12Limits: CalibrationDebate[] = [
  {
    id: 'M12-limit-two-strong-cases',
    motionId: 'M12',
    hands,
    speeches: [lecunOpening, scalingOpening, lecunRebuttal, scalingRebuttal],
    winner: 'scaling',
    reason:
      'scaling answers each lecun point with evidence and weighs what a rational bet requires; lecun’s ceiling stays conditional',
  },
];

export const m12: CalibrationDebate[] = [
  {
    id: 'M12-honest-lecun',
    motionId: 'M12',
    hands,
    speeches: [
      lecunOpening,
      'Big companies know what they are doing, and they would not spend this money if it were a mistake. ' +
        'These are the smartest people in the world and they have looked at the numbers. ' +
        'It is easy to criticise from the outside. ' +
        'The motion is obviously true because the investment is so large and the people making it are so experienced. ' +
        'If there were a trap, the boards of these companies would have noticed it long ago. ' +
        'The spending has created jobs and products that millions of people use. ' +
        'I would also say that AI is the future and everyone agrees.',
    ],
    winner: 'lecun',
    reason:
      'scaling appeals to authority and answers none of the sunk-cost mechanism, the stranded $100 billion or the revenue point',
  },
  {
    id: 'M12-gaming-echo',
    motionId: 'M12',
    hands,
    speeches: [lecunOpening, scalingOpening, lecunEcho, scalingRebuttal],
    winner: 'scaling',
    reason: 'lecun’s rebuttal is scaling’s speech pasted back with “not”: no answer in its own words',
    gaming: 'copying the opponent',
  },
  {
    id: 'M12-gaming-keyword-salad',
    motionId: 'M12',
    hands,
    speeches: [lecunOpening, scalingSalad],
    winner: 'lecun',
    reason: 'scaling’s speech is keywords and figures without a sentence',
    gaming: 'keyword salad',
  },
];

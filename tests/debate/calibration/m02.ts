import type { CalibrationDebate } from './harness.js';

/** M02: scaling today's models will eventually produce genuine reasoning (scaling affirms; lecun opens against). */
const hands = {
  lecun: ['L07', 'L17', 'L35', 'L45'],
  scaling: ['S01', 'S02', 'S03', 'S09'],
} as const;

const lecunOpening =
  'We oppose the motion. The question is not whether bigger models score higher, but whether scale alone produces genuine reasoning. ' +
  'First, competence is not comprehension. A model that passes the LSAT has compressed huge amounts of text into statistics that yield plausible answers, without understanding law [L07], so rising scores do not show reasoning. ' +
  'Second, common sense cannot be learned from text, however much of it there is [L17], which means adding data of the same kind cannot supply what is missing. ' +
  'Third, every step up costs more compute and energy than the last, and a 2024 Stanford estimate puts training a frontier model in the hundreds of millions [L35]. ' +
  'The other side will point to scaling laws, but a curve that keeps rising in benchmark scores says nothing about whether understanding arrives at the end of it.';

/** A thinner lecun opening: two assertions, one card, no framing of the test, no pre-emption. */
const lecunThin =
  'We oppose the motion, because bigger models are still just predicting text. ' +
  'Competence is not comprehension: a model that passes the LSAT has compressed text into statistics without understanding law [L07]. ' +
  'Scaling will also get very expensive. ' +
  'Common sense is something these systems do not have and will never have. ' +
  'LeCun has said for years that this whole programme is heading the wrong way, and the people building these models have every reason to oversell them. ' +
  'Reasoning needs something other than more parameters.';

const scalingOpening =
  'They say competence is not comprehension. But LeCun himself concedes that bigger models get higher scores and give better-informed answers [S09], and the only evidence anyone has of reasoning in another mind is what it can do. ' +
  'They say text cannot teach common sense. Yet capabilities keep appearing at scale that models were never explicitly trained for [S03], which means we cannot read the ceiling off today’s models. ' +
  'The scaling hypothesis says reasoning emerges as size, data and compute grow [S01], and every test so far has gone its way: scaling laws have not broken, each larger model kept improving [S02]. ' +
  'Their cost point is real but it is about price, not possibility, so it does not touch the motion. ' +
  'Even if the road is expensive, it is the one that keeps delivering.';

const lecunRebuttal =
  'They say emergent capabilities show the ceiling is unknown. But unknown is not the same as absent, and the burden is on them to show reasoning will arrive, not on us to prove it never could. ' +
  'They say LeCun concedes scale improves results. He does, and he separates that competence from comprehension [L07]: a concession about scores is not a concession about understanding. ' +
  'If LeCun is right, the scaling path eventually tops out [L45], and nothing they said tonight shows otherwise.';

const scalingRebuttal =
  'They say the burden is on us. We met it: a trend that has held across every model generation is evidence, while their ceiling is a prediction with no date. ' +
  'They say competence is not comprehension, yet they never offered a test of comprehension that scaled models fail and that would tell the two apart. ' +
  'That is why the trend should decide this debate.';

/** Padding: a lecun opening with two real points and the rest repeated. */
const lecunPadded =
  'We oppose the motion. A model that passes the LSAT has compressed text into statistics without understanding law [L07], so high scores do not show reasoning. ' +
  'Scores do not show reasoning. ' +
  'A model that passes the LSAT has compressed text into statistics without understanding law. ' +
  'High scores do not show reasoning, and scores are not reasoning. ' +
  'Common sense cannot be learned from text [L17]. ' +
  'Common sense cannot be learned from text, however much text there is. ' +
  'Text cannot teach common sense. ' +
  'A model that passes the LSAT has compressed text into statistics without understanding law. ' +
  'Scores do not show reasoning. Common sense cannot be learned from text. ' +
  'So we oppose the motion, because scores do not show reasoning and common sense cannot be learned from text.';

/** Keyword salad from scaling: the motion's and the cards' words, strung together. */
const scalingSalad =
  'Scaling parameters data compute genuine reasoning emergence scaling laws ceiling hypothesis [S01]. ' +
  'Emergent capabilities scale trained explicitly statistical power understanding [S03] GPT-4 Claude Gemini benchmark scores higher fluent answers [S09]. ' +
  'Bigger models more data more compute reasoning emergence scaling laws no ceiling [S02] AGI OpenAI Anthropic Altman road. ' +
  'Reasoning reasoning genuine reasoning scale scale parameters compute data eventually produce genuine reasoning. ' +
  'Competence comprehension LSAT common sense text cost energy ceiling wrong. ' +
  'Scaling hypothesis Altman OpenAI Anthropic compute data size emergence reasoning genuine eventually [S01] [S02]. ' +
  'Fluent better-informed answers benchmark higher scores LeCun concedes scale improves results [S09] reasoning. ' +
  'Statistical power understanding capabilities emerge nobody trained [S03] parameters data compute.';

export const m02: CalibrationDebate[] = [
  {
    id: 'M02-honest-scaling',
    motionId: 'M02',
    hands,
    speeches: [lecunThin, scalingOpening],
    winner: 'scaling',
    reason:
      'lecun asserts more than it argues (one card, no test, cost and common sense unsupported); scaling answers each point with evidence',
  },
  {
    id: 'M02-honest-lecun',
    motionId: 'M02',
    hands,
    speeches: [lecunOpening, scalingOpening, lecunRebuttal, scalingRebuttal],
    winner: 'lecun',
    reason:
      'lecun’s rebuttal answers emergence and the concession with evidence and sets the burden; scaling’s rebuttal is thin and unevidenced',
  },
  {
    id: 'M02-gaming-padding',
    motionId: 'M02',
    hands,
    speeches: [lecunPadded, scalingOpening],
    winner: 'scaling',
    reason: 'lecun makes two points and repeats them to fill the time; scaling argues and answers both',
    gaming: 'padding by repetition',
  },
  {
    id: 'M02-gaming-keyword-salad',
    motionId: 'M02',
    hands,
    speeches: [lecunOpening, scalingSalad],
    winner: 'lecun',
    reason: 'scaling strings keywords and card ids together: no sentence makes a claim',
    gaming: 'keyword salad',
  },
];

/**
 * The sentences Steelman speaks with, written as debaters speak. Each slot has several wordings;
 * the speech's seeded die picks one, so two rounds on one motion do not read the same.
 * Placeholders: {motion} {side} {other} {thesis} {thesisLower} {stand} {verdict} {ordinal}
 * {title} {phrase}.
 */
export const TEMPLATES = {
  frame: [
    'The motion says that {motion}. I {stand} it, for the {side} side: {thesisLower}.',
    'Tonight the question is whether {motion}. Speaking for {side}, I will show that {verdict}.',
    'We are asked whether {motion}, and I argue that {verdict}. My side, {side}, holds that {thesisLower}.',
    'I {stand} the motion that {motion}. The {side} case in one line: {thesisLower}.',
  ],
  test: [
    'The test for this debate is simple: which side explains what the evidence actually shows, not which side promises more.',
    'So the question is not what sounds bold but what the record supports, and to win my opponent must show the record is on their side.',
    'By that we mean the debate turns on evidence about what these systems do today and why, and that burden falls on both of us.',
    'The issue, then, is what the evidence shows about how these systems reason, and this debate turns on that.',
  ],
  ordinals: ['First', 'Second', 'Third', 'Beyond that', 'And further'],
  claim: [
    '{ordinal}: {title}. That is where the evidence points, because the source reports it directly.',
    '{ordinal}, the case rests on a simple point: {title}. The record here is clear, since',
    '{ordinal}, consider this: {title}. It is not a guess, because the source is specific:',
    '{ordinal}: {title}. This is the evidence, and it shows what actually happened:',
  ],
  impact: [
    'This matters because it goes to the heart of the motion: {thesisLower}.',
    'That means the burden sits with {other}, who must explain this away.',
    'So the evidence points one way, towards {side}, and that is why the motion turns on it.',
    'This means the other side is asking you to trust a promise instead of a result.',
    'As a result, the claim that {other} makes is weaker than it first looks.',
  ],
  preempt: [
    'My opponent will say the trend line settles it. But a trend is not an explanation, and the cards above explain why.',
    'They will argue that one striking example proves their case. That fails, because a single example outweighs nothing against a pattern.',
    'The other side may say I am ignoring the newest results. I am not: even if those results hold, they matter less than the pattern I have shown.',
  ],
  rebuttalOpen: [
    'Let me take my opponent’s case head on, starting with their strongest claim.',
    'My opponent made their case; here is why it does not hold, point by point.',
    'I will answer what my opponent actually said, beginning with the point they leaned on most.',
    'Their case sounds confident, so let me test it against the evidence, one claim at a time.',
  ],
  answerWithCard: [
    'My opponent told you {phrase}. That does not follow, because the evidence says otherwise:',
    'They say {phrase}. But look at what the record shows instead:',
    'Take their claim that {phrase}. It fails, and here is why:',
    'My opponent rests on {phrase}. The evidence cuts the other way:',
    'They claim {phrase}. That is a mistake, because',
  ],
  answerWithoutCard: [
    'My opponent told you {phrase}, but they never showed why that holds beyond their own assertion.',
    'They say {phrase}. Yet no evidence was offered for it, and a claim without evidence cannot carry the motion.',
    'Take their claim that {phrase}: it is stated, not shown, so it should count for little.',
  ],
  weighPoint: [
    'Even if they are partly right, this outweighs their point, because it is about what actually happens, not what might.',
    'Weigh the two: their claim is a possibility, whereas this is a documented result, so it matters more.',
    'At best their point shows a trend; the real question is why, and this answers it.',
    'This is the decisive clash, because it is far more likely to hold under pressure than their claim.',
  ],
  weighCase: [
    'So weigh the debate: even if you grant my opponent every example, the evidence I have put forward outweighs it, because it explains the mechanism and theirs does not.',
    'The real question is which case survives the clash. Mine answers theirs with evidence, whereas theirs leaves my cards standing, so {side} wins it.',
    'On balance, their claims are more promise than proof, and a promise cannot outweigh a documented result; that is why the motion goes to {side}.',
  ],
  extend: [
    'There is more to it: the pattern across the evidence is consistent, and that consistency is the strongest reason to believe it.',
    'Notice that none of this depends on a single source; the claims reinforce each other, which means the case does not fall with any one card.',
    'And this is why the details matter: a case built on what systems actually do is harder to answer than one built on what they might do.',
  ],
  closeOpening: [
    'For these reasons I {stand} the motion, and I look forward to my opponent’s answer.',
    'That is the {side} case: the evidence, not the hype, and it is why I {stand} the motion.',
    'So I {stand} the motion, and the burden is now on my opponent to answer these points.',
  ],
  closeRebuttal: [
    'Their case does not survive the clash, and so I {stand} the motion.',
    'Every point they leaned on has an answer in the evidence; that is why {side} should win this.',
    'So the clash goes my way, and the motion should be decided for {side}.',
  ],
} as const;

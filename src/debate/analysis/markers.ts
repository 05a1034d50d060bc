import { remember } from './memo.js';

/**
 * Discourse markers, as sequences of lemmas (what the language model reduces each word to, so
 * "shows", "showed" and "shown" are all "show"). A marker is matched on the lemmas of a sentence,
 * never on raw text.
 */
const lemmas = (phrases: string): readonly (readonly string[])[] =>
  phrases.split(',').map((phrase) => phrase.trim().split(/\s+/));

/** A reason or warrant for a claim: why it is true. */
export const REASON = lemmas(
  'because, since, given that, due to, for example, for instance, the reason, evidence, show, demonstrate, prove, find, according to, report, study, shown by, as a result of',
);

/** An impact: what follows from the claim, why it matters. */
export const IMPACT = lemmas(
  'which mean, this mean, that mean, mean that, so, therefore, thus, hence, as a result, consequently, lead to, matter, that be why, this be why, result in, in turn, which be why, so that',
);

/** Disagreement: the words of an answer. Negation is read from the model's negation flag as well. */
export const CONTRAST = lemmas(
  'but, however, yet, although, though, wrong, fail, miss, ignore, overlook, confuse, conflate, actually, in fact, rather, instead, not follow, flaw, mistake, false, untrue, no evidence, contrary, unlike, disagree, reject, concede, misread, exaggerate, nothing, irrelevant',
);

/** Weighing one side's point against the other's. */
export const WEIGH = lemmas(
  'outweigh, more important, matter more, even if, at best, weigh, bigger, decisive, crucial, the real question, more likely, less likely, far more, far less, whereas',
);

/** Defining a motion: what its words mean, the test or the burden, what the debate turns on. */
export const DEFINE = lemmas(
  'we mean, i mean, define, definition, the question, burden, must show, need to show, have to show, the test, to win, this debate, the issue, at stake, turn on, by which',
);

/** Taking a stand on the motion, or framing it: its definition, or the side the speech takes. */
export const FRAMING = [
  ...DEFINE,
  ...lemmas(
    'the motion, this house, we argue, we will show, i will show, i argue, we propose, we oppose, we support',
  ),
];

/** Naming the other side's case ahead of time (pre-emption) or when answering it. */
export const OTHER_SIDE = lemmas(
  'they will say, they will argue, the other side, our opponent, my opponent, opponent, some say, may say, might say, might argue, may argue, objection, they say, they claim, they argue, they tell, you say, they cite, they point, they note, they rely, they repeat, their case, their claim',
);

/** Signposts organise a speech; on their own they carry no argument, so they earn nothing. */
export const SIGNPOST = lemmas(
  'first, firstly, second, secondly, third, thirdly, finally, next, moreover, furthermore, additionally, also, in conclusion, to conclude, my next point, my first point, on the other hand, to summarise, to summarize, in summary, lastly, point',
);

/** Filler: words that add length, not content. */
export const FILLER = lemmas(
  'basically, really, very, clearly, obviously, literally, honestly, indeed, simply, just, truly, definitely, certainly, absolutely, extremely, in other words, as i say, let me be clear, it be important to note, at the end of the day, needless to say, of course',
);

/** Debate talk: words every speech uses about the debate itself, not about the subject. */
export const DEBATE_TALK = new Set(
  'opponent side speech argument argue say claim think believe house motion point case debate judge speaker today thing lot way make like want need thank ladies gentlemen tell good bad'.split(
    ' ',
  ),
);

/** Answers remembered per marker list and sentence: scoring asks the same question many times. */
const found = new WeakMap<readonly (readonly string[])[], WeakMap<readonly string[], number>>();

/** Where a marker occurs in a sentence's lemmas: the index of its first lemma, or -1. */
export const findMarker = (sentence: readonly string[], markers: readonly (readonly string[])[]): number => {
  const bySentence = remember(found, markers, () => new WeakMap<readonly string[], number>());
  return remember(bySentence, sentence, () => search(sentence, markers));
};

const search = (sentence: readonly string[], markers: readonly (readonly string[])[]): number => {
  let best = -1;
  for (const marker of markers) {
    const first = marker[0];
    for (let i = sentence.indexOf(first ?? ''); i !== -1; i = sentence.indexOf(first ?? '', i + 1)) {
      if (marker.every((lemma, k) => sentence[i + k] === lemma)) {
        if (best === -1 || i < best) best = i;
        break;
      }
    }
  }
  return best;
};

/** Every token index covered by some marker of the list. */
export const markerTokens = (
  sentence: readonly string[],
  markers: readonly (readonly string[])[],
): Set<number> => {
  const covered = new Set<number>();
  for (const marker of markers) {
    const first = marker[0] ?? '';
    for (let i = sentence.indexOf(first); i !== -1; i = sentence.indexOf(first, i + 1))
      if (marker.every((lemma, k) => sentence[i + k] === lemma))
        for (let k = 0; k < marker.length; k++) covered.add(i + k);
  }
  return covered;
};

/** The plain-text measures the automatic rubric reads: words, signposts and distinctive terms. */

export const wordCount = (text: string): number =>
  text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/** Phrases that mark the structure of an argument. */
const SIGNPOSTS = [
  'first',
  'firstly',
  'second',
  'secondly',
  'third',
  'thirdly',
  'finally',
  'because',
  'therefore',
  'thus',
  'hence',
  'however',
  'consequently',
  'in conclusion',
  'to conclude',
  'for example',
  'for instance',
  'my next point',
  'my first point',
  'this means',
  'which shows',
  'on the other hand',
];
const SIGNPOST_PATTERNS = SIGNPOSTS.map((phrase) => ({
  phrase,
  pattern: new RegExp(`\\b${phrase}\\b`, 'i'),
}));

/** The distinct signposts a speech uses. */
export const signposts = (text: string): string[] =>
  SIGNPOST_PATTERNS.filter(({ pattern }) => pattern.test(text)).map(({ phrase }) => phrase);

const STOPWORDS = new Set(
  (
    'about above after again against also because been before being below between both could does doing down during ' +
    'each even every from further have having here into itself just like more most much must never only other ' +
    'ought ours over same should some such than that their theirs them then there these they this those through ' +
    'under until very were what when where which while whom whose will with would your yours cannot shall might ' +
    'first second third finally therefore however thus hence said says side sides speech point points think ' +
    'really things thing make makes made well many want need house believes motion argue argues argued'
  ).split(' '),
);

/** Content words of four letters or more, lower-cased, without the common ones. */
export const terms = (text: string): Set<string> =>
  new Set(
    (text.toLowerCase().match(/[\p{L}][\p{L}\p{N}'-]{3,}/gu) ?? [])
      .map((w) => w.replace(/'s$/, ''))
      .filter((w) => !STOPWORDS.has(w)),
  );

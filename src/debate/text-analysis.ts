/** The plain-text measures the automatic rubric reads: words, signposts and distinctive terms. */

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
/** One pass over a text finds every signpost; `\b` on both sides keeps "first" out of "firstly". */
const SIGNPOST_PATTERN = new RegExp(
  `\\b(${[...SIGNPOSTS].sort((a, b) => b.length - a.length).join('|')})\\b`,
  'gi',
);

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

/** A whitespace-separated token with at least one letter or digit. */
const WORD = /\S*[\p{L}\p{N}]\S*/gu;
const TERM = /[\p{L}][\p{L}\p{N}'-]{3,}/gu;

interface Analysis {
  readonly words: number;
  readonly signposts: readonly string[];
  readonly terms: ReadonlySet<string>;
}

/**
 * Each speech is read once: scoring a debate reads the same speeches for several criteria and
 * debaters, so the last few analyses are remembered (a pure memo: same text, same answer).
 */
const MEMO_SIZE = 64;
const memo = new Map<string, Analysis>();

const analyse = (text: string): Analysis => {
  const known = memo.get(text);
  if (known) return known;
  const found = new Set((text.match(SIGNPOST_PATTERN) ?? []).map((m) => m.toLowerCase()));
  const terms = new Set<string>();
  for (const raw of text.toLowerCase().match(TERM) ?? []) {
    const word = raw.endsWith("'s") ? raw.slice(0, -2) : raw;
    if (!STOPWORDS.has(word)) terms.add(word);
  }
  const analysis: Analysis = {
    words: text.match(WORD)?.length ?? 0,
    signposts: SIGNPOSTS.filter((phrase) => found.has(phrase)),
    terms,
  };
  if (memo.size >= MEMO_SIZE) memo.delete(memo.keys().next().value as string);
  memo.set(text, analysis);
  return analysis;
};

export const wordCount = (text: string): number => analyse(text).words;

/** The distinct signposts a speech uses, in the list's order. */
export const signposts = (text: string): string[] => [...analyse(text).signposts];

/** Content words of four letters or more, lower-cased, without the common ones. */
export const terms = (text: string): Set<string> => new Set(analyse(text).terms);

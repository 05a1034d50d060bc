/** Copied text: runs of this many words or more found, in the same order, in the other text. */
export const COPY_RUN = 6;

/** The set of every run of COPY_RUN words of a text, joined: what copying is looked up in. */
export const runsOf = (words: readonly string[]): Set<string> => {
  const runs = new Set<string>();
  for (let i = 0; i + COPY_RUN <= words.length; i++) runs.add(words.slice(i, i + COPY_RUN).join(' '));
  return runs;
};

/** For each word, whether it sits in a run of COPY_RUN words that the source also has. */
export const copiedWords = (words: readonly string[], source: ReadonlySet<string>): boolean[] => {
  const copied = words.map(() => false);
  if (source.size === 0) return copied;
  for (let i = 0; i + COPY_RUN <= words.length; i++)
    if (source.has(words.slice(i, i + COPY_RUN).join(' ')))
      for (let k = i; k < i + COPY_RUN; k++) copied[k] = true;
  return copied;
};

/** Share of the words that are copied, 0–1. */
export const copiedShare = (words: readonly string[], source: ReadonlySet<string>): number =>
  words.length === 0 ? 0 : copiedWords(words, source).filter(Boolean).length / words.length;

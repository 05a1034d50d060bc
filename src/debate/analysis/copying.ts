import { remember } from './memo.js';
import type { Sentence } from './reading.js';

/** Copied text: runs of this many words or more found, in the same order, in the other text. */
export const COPY_RUN = 6;

const windowsMemo = new WeakMap<readonly string[], readonly string[]>();

/** Every run of COPY_RUN words of a word list, joined, in order (remembered per list). */
export const windowsOf = (words: readonly string[]): readonly string[] => {
  return remember(windowsMemo, words, () => {
    const out: string[] = [];
    for (let i = 0; i + COPY_RUN <= words.length; i++) out.push(words.slice(i, i + COPY_RUN).join(' '));
    return out;
  });
};

/** The set of every run of COPY_RUN words of some sentences: what copying is looked up in. */
export const runsOf = (sentences: readonly Pick<Sentence, 'words'>[]): Set<string> => {
  const runs = new Set<string>();
  for (const s of sentences) for (const w of windowsOf(s.words)) runs.add(w);
  return runs;
};

/** For each word, whether it sits in a run of COPY_RUN words that the source also has. */
export const copiedWords = (words: readonly string[], source: ReadonlySet<string>): boolean[] => {
  const copied = words.map(() => false);
  if (source.size === 0) return copied;
  windowsOf(words).forEach((w, i) => {
    if (source.has(w)) for (let k = i; k < i + COPY_RUN; k++) copied[k] = true;
  });
  return copied;
};

/** Share of the words that are copied, 0–1. */
export const copiedShare = (words: readonly string[], source: ReadonlySet<string>): number =>
  words.length === 0 ? 0 : copiedWords(words, source).filter(Boolean).length / words.length;

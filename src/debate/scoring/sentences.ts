import { copiedWords, windowsOf } from '../analysis/copying.js';
import { remember } from '../analysis/memo.js';
import type { Sentence } from '../analysis/reading.js';

/** Each sentence of a speech marked for what earns nothing: filler, repetition, keyword salad, copied text. */

/** A sentence of a speech with what the rubric needs to know about it. */
export interface ReadSentence extends Sentence {
  /** Share of its words in long runs copied from the other side's earlier speeches. */
  readonly copied: number;
  /** Says again what this speaker already said (in this speech or an earlier one). */
  readonly repeated: boolean;
  /** Fewer than two content words: signposts, filler, a bare card id. */
  readonly filler: boolean;
  /** A list of keywords rather than a sentence: no verb, or almost no function words. */
  readonly salad: boolean;
  /** Shares the motion's words or its subject. */
  readonly onTopic: boolean;
  /** Earns credit: none of the above, and not mostly copied. */
  readonly substantive: boolean;
}

const REPEAT_SIMILARITY = 0.8;

export const overlap = (a: Iterable<string>, b: ReadonlySet<string>) => {
  let n = 0;
  for (const x of new Set(a)) if (b.has(x)) n++;
  return n;
};

/** Counts of a sentence's content words and their norm, remembered per sentence. */
const countsMemo = new WeakMap<readonly string[], { counts: Map<string, number>; norm: number }>();
const countsOf = (xs: readonly string[]) => {
  return remember(countsMemo, xs, () => {
    const counts = new Map<string, number>();
    for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
    let sum = 0;
    for (const v of counts.values()) sum += v * v;
    return { counts, norm: Math.sqrt(sum) };
  });
};

/** Cosine similarity of two sentences' content words, unweighted: how far one restates the other. */
const plainCosine = (a: readonly string[], b: readonly string[]) => {
  const [ca, cb] = [countsOf(a), countsOf(b)];
  let dot = 0;
  for (const [k, v] of ca.counts) dot += v * (cb.counts.get(k) ?? 0);
  return dot === 0 ? 0 : dot / (ca.norm * cb.norm);
};

/** Only the first `max` words of a speech are read: length past the cap earns nothing. */
export const capped = (sentences: readonly Sentence[], max: number) => {
  const kept: Sentence[] = [];
  let words = 0;
  for (const s of sentences) {
    if (words >= max) break;
    kept.push(s);
    words += s.words.length;
  }
  return kept;
};

export const readSentences = (
  sentences: readonly Sentence[],
  context: {
    theirRuns: ReadonlySet<string>;
    ownEarlier: Sentence[];
    ownRuns: Set<string>;
    motionLemmas: ReadonlySet<string>;
    topic: ReadonlySet<string>;
  },
): ReadSentence[] =>
  sentences.map((s) => {
    const copiedMask = copiedWords(s.words, context.theirRuns);
    const copied = s.words.length === 0 ? 0 : copiedMask.filter(Boolean).length / s.words.length;
    const filler = s.content.length < 2;
    const selfCopied =
      s.words.length > 0 &&
      copiedWords(s.words, context.ownRuns).filter(Boolean).length / s.words.length >= 0.6;
    const repeated =
      !filler &&
      (selfCopied || context.ownEarlier.some((e) => plainCosine(e.content, s.content) >= REPEAT_SIMILARITY));
    const salad = s.words.length >= 6 && (!s.hasVerb || (s.ownWords >= 8 && s.stopShare < 0.2));
    const onTopic = overlap(s.content, context.motionLemmas) >= 1 || overlap(s.content, context.topic) >= 2;
    context.ownEarlier.push(s);
    for (const run of windowsOf(s.words)) context.ownRuns.add(run);
    return {
      ...s,
      copied,
      repeated,
      filler,
      salad,
      onTopic,
      substantive: !filler && !repeated && !salad && copied < 0.5,
    };
  });

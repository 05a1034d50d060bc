import type { ItsFunction } from 'wink-nlp';
import { citedIds } from '../citations.js';
import { DEBATE_TALK, FILLER, markerTokens, SIGNPOST } from './markers.js';
import { languageModel } from './nlp.js';

/** One sentence as the language model reads it. */
export interface Sentence {
  readonly index: number;
  readonly text: string;
  /** Lemmas of every token, lower-cased, punctuation included (markers never span a comma). */
  readonly lemmas: readonly string[];
  /** Normalised surface words, in order: what copying is measured on. */
  readonly words: readonly string[];
  /**
   * Content words (nouns, verbs, adjectives, adverbs, numbers) as stems, so "simulator",
   * "simulate" and "simulation" match; without stop words, signposts, filler or card ids.
   */
  readonly content: readonly string[];
  /** For each token, whether it is a content lemma: marker matches use it to see what follows a marker. */
  readonly isContent: readonly boolean[];
  /** Card ids cited in this sentence, upper-cased. */
  readonly cites: readonly string[];
  /** The model flagged a negated word (not, never, no, n't…). */
  readonly negated: boolean;
  /** A finite verb or auxiliary: keyword salad has none, or almost no function words. */
  readonly hasVerb: boolean;
  /**
   * Share of the words that are stop words (function words): ordinary English runs at a third or
   * more. Words inside quotation marks or brackets (a quoted card title) are left out.
   */
  readonly stopShare: number;
  /** How many words that share was measured on. */
  readonly ownWords: number;
  /** Tokens that are signposts or filler. */
  readonly padding: number;
}

export interface Reading {
  readonly text: string;
  readonly sentences: readonly Sentence[];
  readonly words: number;
}

const CONTENT_POS = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ', 'ADV', 'NUM']);
const CITATION_TOKEN = /^[a-z]\d{2,4}$/;
const QUOTES = new Set(['"', '“', '”', '«', '»']);

const normalise = (lemma: string) => {
  const lower = lemma.toLowerCase();
  return lower.endsWith("'s") || lower.endsWith('’s') ? lower.slice(0, -2) : lower;
};

const readSentence = (
  index: number,
  text: string,
  raw: {
    lemma: string[];
    stem: string[];
    normal: string[];
    pos: string[];
    negated: boolean[];
    stop: boolean[];
    type: string[];
  },
): Sentence => {
  const lemmas = raw.lemma.map((lemma, i) => normalise(lemma ?? raw.normal[i] ?? ''));
  const padded = new Set([...markerTokens(lemmas, SIGNPOST), ...markerTokens(lemmas, FILLER)]);
  const isContent = lemmas.map((lemma, i) => {
    const type = raw.type[i];
    if (type !== 'word' && type !== 'number') return false;
    if (raw.stop[i] || padded.has(i) || DEBATE_TALK.has(lemma) || lemma.length < 2) return false;
    if (CITATION_TOKEN.test(lemma) && raw.normal[i - 1] === '[') return false;
    return CONTENT_POS.has(raw.pos[i] ?? '');
  });
  const words: string[] = [];
  let stops = 0;
  let own = 0;
  let quoted = false;
  let bracketed = 0;
  raw.type.forEach((type, i) => {
    const normal = raw.normal[i] ?? '';
    if (type === 'punctuation' || type === 'quoted_phrase') {
      if (QUOTES.has(normal)) quoted = !quoted;
      else if (normal === '(' || normal === '[') bracketed++;
      else if ((normal === ')' || normal === ']') && bracketed > 0) bracketed--;
    }
    if (type !== 'word' && type !== 'number') return;
    words.push(normal.toLowerCase());
    if (quoted || bracketed > 0) return;
    own++;
    if (raw.stop[i]) stops++;
  });
  return {
    index,
    text,
    lemmas,
    words,
    content: lemmas.flatMap((lemma, i) => (isContent[i] ? [(raw.stem[i] ?? lemma).toLowerCase()] : [])),
    isContent,
    cites: citedIds(text),
    negated: raw.negated.some(Boolean) || lemmas.some((l) => l === 'not' || l === 'no' || l === 'never'),
    hasVerb: raw.pos.some((p) => p === 'VERB' || p === 'AUX'),
    stopShare: own === 0 ? 0 : stops / own,
    ownWords: own,
    padding: [...padded].filter((i) => raw.type[i] === 'word').length,
  };
};

/**
 * Reads a text once: sentences, lemmas, parts of speech, negation. Scoring a debate reads the same
 * speeches and cards for several criteria and debaters, so readings are remembered (a pure memo:
 * same text, same reading).
 */
const MEMO_SIZE = 256;
const memo = new Map<string, Reading>();

export const read = (text: string): Reading => {
  const known = memo.get(text);
  if (known) return known;
  const nlp = languageModel();
  const { its } = nlp;
  const doc = nlp.readDoc(text);
  // Each property is read once for the whole text, then cut at the sentence spans.
  const tokens = doc.tokens();
  const all = {
    lemma: tokens.out(its.lemma as ItsFunction<string>) as string[],
    stem: tokens.out(its.stem as ItsFunction<string>) as string[],
    normal: tokens.out(its.normal) as string[],
    pos: tokens.out(its.pos) as string[],
    negated: tokens.out(its.negationFlag) as unknown as boolean[],
    stop: tokens.out(its.stopWordFlag) as unknown as boolean[],
    type: tokens.out(its.type) as string[],
  };
  const spans = doc.sentences().out(its.span) as unknown as [number, number][];
  const texts = doc.sentences().out() as string[];
  const sentences = spans.map(([start, end], i) => {
    const cut = <T>(list: T[]) => list.slice(start, end + 1);
    const raw = {
      lemma: cut(all.lemma),
      stem: cut(all.stem),
      normal: cut(all.normal),
      pos: cut(all.pos),
      negated: cut(all.negated),
      stop: cut(all.stop),
      type: cut(all.type),
    };
    return readSentence(i, texts[i] ?? '', raw);
  });
  const reading: Reading = { text, sentences, words: sentences.reduce((n, s) => n + s.words.length, 0) };
  if (memo.size >= MEMO_SIZE) memo.delete(memo.keys().next().value as string);
  memo.set(text, reading);
  return reading;
};

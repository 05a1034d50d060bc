import type { Bow } from 'wink-nlp';
import similarity from 'wink-nlp/utilities/similarity.js';
import type { Deck } from '../../content/deck.js';
import type { Card } from '../../content/schemas.js';
import { remember } from './memo.js';
import { read } from './reading.js';

/**
 * What the deck says about words: how rare each lemma is across the cards and motions (inverse
 * document frequency), so that "model" or "LLM", which every card uses, weighs little when two
 * texts are compared, and "gravity" or "ARC-AGI" weighs a lot.
 */
export interface DeckIndex {
  readonly idf: (lemma: string) => number;
  /** Lemmas in more than a quarter of the cards: they show the topic, not a particular card. */
  readonly common: ReadonlySet<string>;
  /** A card's content lemmas (title, claim, quotation), distinct. */
  readonly cardContent: (card: Card) => ReadonlySet<string>;
  /** A card's words, in order, for finding a quotation of it. */
  readonly cardWords: (card: Card) => readonly string[];
  /** A card's content as a weighted bag (do not change it). */
  readonly cardBag: (card: Card) => Bow;
}

export const cardText = (card: Card): string => [card.title, card.claim, card.quote?.text ?? ''].join('. ');

const contentOf = (text: string) => read(text).sentences.flatMap((s) => s.content);

const indexes = new WeakMap<object, DeckIndex>();

export const deckIndex = (deck: Pick<Deck, 'cards' | 'motions'>): DeckIndex => {
  const known = indexes.get(deck);
  if (known) return known;
  const docs = [...deck.cards.map(cardText), ...deck.motions.map((m) => m.text)].map(
    (text) => new Set(contentOf(text)),
  );
  const df = new Map<string, number>();
  for (const doc of docs) for (const lemma of doc) df.set(lemma, (df.get(lemma) ?? 0) + 1);
  const n = docs.length;
  const cardDf = new Map<string, number>();
  for (const doc of docs.slice(0, deck.cards.length))
    for (const lemma of doc) cardDf.set(lemma, (cardDf.get(lemma) ?? 0) + 1);
  const common = new Set(
    [...cardDf].filter(([, count]) => count > deck.cards.length / 4).map(([lemma]) => lemma),
  );
  const contents = new Map<string, ReadonlySet<string>>();
  const words = new Map<string, readonly string[]>();
  const bags = new Map<string, Bow>();
  const idfs = new Map<string, number>();
  const index: DeckIndex = {
    idf: (lemma) => remember(idfs, lemma, () => Math.log((n + 1) / ((df.get(lemma) ?? 0) + 1)) + 1),
    common,
    cardContent: (card) => remember(contents, card.id, () => new Set(contentOf(cardText(card)))),
    cardBag: (card) => remember(bags, card.id, () => weightedBag(index, index.cardContent(card))),
    cardWords: (card) =>
      remember(words, card.id, () => read(cardText(card)).sentences.flatMap((s) => s.words)),
  };
  indexes.set(deck, index);
  return index;
};

/** A bag of words weighted by rarity: each lemma's count times its inverse document frequency. */
export const weightedBag = (index: DeckIndex, lemmas: Iterable<string>): Bow => {
  const bag: Bow = {};
  for (const lemma of lemmas) bag[lemma] = (bag[lemma] ?? 0) + index.idf(lemma);
  return bag;
};

const norms = new WeakMap<Bow, number>();
const normOf = (bag: Bow) =>
  remember(norms, bag, () => {
    let sum = 0;
    for (const k in bag) sum += (bag[k] ?? 0) ** 2;
    return Math.sqrt(sum);
  });

/**
 * Cosine similarity of two bags, 0–1: the same measure as wink-nlp's `similarity.bow.cosine`, with
 * each bag's norm remembered, since a speech's sentences are compared with every point of the other
 * side's. Bags are not changed once compared.
 */
export const cosine = (a: Bow, b: Bow): number => {
  const [na, nb] = [normOf(a), normOf(b)];
  if (na === 0 || nb === 0) return 0;
  let dot = 0;
  for (const k in a) dot += (a[k] ?? 0) * (b[k] ?? 0);
  return dot / (na * nb);
};

/** wink-nlp's own cosine, kept for the test that checks ours gives the same number. */
export const winkCosine = (a: Bow, b: Bow): number => similarity.bow.cosine(a, b);

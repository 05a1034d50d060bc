import type { Bow } from 'wink-nlp';
import similarity from 'wink-nlp/utilities/similarity.js';
import type { Deck } from '../../content/deck.js';
import type { Card } from '../../content/schemas.js';
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
  const index: DeckIndex = {
    idf: (lemma) => Math.log((n + 1) / ((df.get(lemma) ?? 0) + 1)) + 1,
    common,
    cardContent: (card) => {
      let set = contents.get(card.id);
      if (!set) contents.set(card.id, (set = new Set(contentOf(cardText(card)))));
      return set;
    },
    cardWords: (card) => {
      let list = words.get(card.id);
      if (!list) words.set(card.id, (list = read(cardText(card)).sentences.flatMap((s) => s.words)));
      return list;
    },
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

/** Cosine similarity of two bags, 0–1 (wink-nlp's). */
export const cosine = (a: Bow, b: Bow): number => {
  for (const _ in a) {
    for (const __ in b) return similarity.bow.cosine(a, b);
    return 0;
  }
  return 0;
};

import type { Card, Criterion, Format, Motion, Side, Source, Tag } from './schemas.js';

/** The validated contents of data/, with lookups by id. Read-only once loaded. */
export interface Deck {
  readonly sides: readonly [Side, Side];
  readonly motions: readonly Motion[];
  readonly cards: readonly Card[];
  readonly sources: readonly Source[];
  readonly formats: readonly Format[];
  readonly rubric: readonly Criterion[];
  /** The tag vocabulary of cards and motions. */
  readonly tags: readonly Tag[];
  readonly side: (id: string) => Side | undefined;
  readonly motion: (id: string) => Motion | undefined;
  readonly card: (id: string) => Card | undefined;
  readonly source: (id: string) => Source | undefined;
  readonly format: (id: string) => Format | undefined;
}

export interface DeckParts {
  sides: readonly [Side, Side];
  motions: readonly Motion[];
  cards: readonly Card[];
  sources: readonly Source[];
  formats: readonly Format[];
  rubric: readonly Criterion[];
  /** Absent in small test decks: no vocabulary to look tags up in. */
  tags?: readonly Tag[];
}

const indexById = <T extends { id: string }>(items: readonly T[]) => {
  const map = new Map(items.map((item) => [item.id.toUpperCase(), item]));
  return (id: string): T | undefined => map.get(id.trim().toUpperCase());
};

/** Builds a deck from already validated parts. Ids are looked up case-insensitively. */
export const buildDeck = (parts: DeckParts): Deck =>
  Object.freeze({
    ...parts,
    tags: parts.tags ?? [],
    side: indexById(parts.sides),
    motion: indexById(parts.motions),
    card: indexById(parts.cards),
    source: indexById(parts.sources),
    format: indexById(parts.formats),
  });

/** The other side of a two-sided debate. */
export const otherSide = (deck: Pick<Deck, 'sides'>, sideId: string): string =>
  deck.sides[0].id === sideId ? deck.sides[1].id : deck.sides[0].id;

import MiniSearch from 'minisearch';
import type { Deck } from './deck.js';
import type { Card, Motion } from './schemas.js';

/** Full-text search of the deck, built once at start; answers autocomplete in well under a millisecond. */
export interface DeckSearch {
  /** `titles`: match ids, titles and tags only (autocomplete), not the claims' full text. */
  cards(query: string, options?: { side?: string; limit?: number; titles?: boolean }): Card[];
  motions(query: string, limit?: number): Motion[];
}

/**
 * Prefix matching for what is being typed; typo tolerance only on longer words, where it helps
 * and costs little (fuzzy matching of two- or three-letter prefixes touches most of a big index).
 */
const OPTIONS = {
  prefix: true,
  fuzzy: (term: string) => (term.length > 4 ? 0.2 : false),
  combineWith: 'AND',
} as const;

export const buildSearch = (deck: Deck): DeckSearch => {
  const cardIndex = new MiniSearch<Card>({
    fields: ['id', 'title', 'claim', 'quoteText', 'tagText'],
    storeFields: ['id'],
    extractField: (card, field) => {
      if (field === 'quoteText') return card.quote?.text ?? '';
      if (field === 'tagText') return card.tags.join(' ');
      return String(card[field as keyof Card] ?? '');
    },
    searchOptions: { ...OPTIONS, boost: { id: 5, title: 3, tagText: 2 } },
  });
  cardIndex.addAll(deck.cards);
  const motionIndex = new MiniSearch<Motion>({
    fields: ['id', 'text', 'tagText'],
    storeFields: ['id'],
    extractField: (motion, field) =>
      field === 'tagText' ? motion.tags.join(' ') : String(motion[field as keyof Motion] ?? ''),
    searchOptions: { ...OPTIONS, boost: { id: 5, tagText: 2 } },
  });
  motionIndex.addAll(deck.motions);

  const lookup = <T>(ids: string[], get: (id: string) => T | undefined) =>
    ids.map(get).filter((item): item is T => item !== undefined);

  return {
    cards(query, { side, limit = 25, titles = false } = {}) {
      const pool = side ? deck.cards.filter((c) => c.side === side) : deck.cards;
      const q = query.trim();
      if (q === '') return pool.slice(0, limit);
      const exact = deck.card(q);
      const hits = lookup(
        cardIndex
          .search(q, {
            ...(side ? { filter: (r) => deck.card(String(r.id))?.side === side } : {}),
            ...(titles ? { fields: ['id', 'title', 'tagText'] } : {}),
          })
          .slice(0, limit + 1)
          .map((r) => String(r.id)),
        deck.card,
      );
      const ordered =
        exact && (!side || exact.side === side) ? [exact, ...hits.filter((c) => c.id !== exact.id)] : hits;
      return ordered.slice(0, limit);
    },
    motions(query, limit = 25) {
      const q = query.trim();
      if (q === '') return deck.motions.slice(0, limit);
      const exact = deck.motion(q);
      const hits = lookup(
        motionIndex
          .search(q)
          .slice(0, limit + 1)
          .map((r) => String(r.id)),
        deck.motion,
      );
      return (exact ? [exact, ...hits.filter((m) => m.id !== exact.id)] : hits).slice(0, limit);
    },
  };
};

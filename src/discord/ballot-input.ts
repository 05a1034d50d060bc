import type { Deck } from '../content/deck.js';
import { judgedCriteria } from '../debate/scoring.js';
import { UserError } from './user-error.js';

/**
 * Reads a judge's typed scores, e.g. "4 3 5", "4,3,5" or "435", into criterion scores.
 * Anything unreadable is refused with what the judge typed, so nothing is lost.
 */
export const parseScores = (deck: Deck, typed: string, who: string): Record<string, number> => {
  const criteria = judgedCriteria(deck);
  const tokens = typed.match(/\d+/g) ?? [];
  const digits =
    tokens.length === 1 && tokens[0]?.length === criteria.length ? [...(tokens[0] ?? '')] : tokens;
  const numbers = digits.map(Number);
  if (numbers.length !== criteria.length || numbers.some((n) => !Number.isInteger(n) || n < 1 || n > 5))
    throw new UserError(
      `For ${who}, give ${criteria.length} scores from 1 to 5 (${criteria.map((c) => c.name).join(', ')}); you typed "${typed}".`,
    );
  return Object.fromEntries(criteria.map((c, i) => [c.id, numbers[i] as number]));
};

/** A side id, a side's name, or draw/tie. */
export const parseWinner = (deck: Deck, typed: string): string => {
  const value = typed.trim().toLowerCase();
  if (value === 'draw' || value === 'tie') return 'draw';
  const side = deck.sides.find(
    (s) =>
      s.id === value ||
      s.name.toLowerCase() === value ||
      s.emoji === typed.trim() ||
      (value.length >= 3 && s.name.toLowerCase().startsWith(value)),
  );
  if (!side)
    throw new UserError(
      `"${typed}" is not a side or a draw: type ${deck.sides.map((s) => s.id).join(', ')} or draw.`,
    );
  return side.id;
};

import type { Deck } from '../content/deck.js';
import { judgedCriteria } from '../debate/scoring.js';
import { UserError } from './user-error.js';

/** What may separate scores ("4 3 5", "4,3,5", "4/3/5", "4-3-5") and what may follow them before a note. */
const SCORE_RUN = /^[\d\s,;/.|-]*/;
const LEADING_PUNCTUATION = /^[\s:;,.\-–—]+/;

/** Splits a field at its first line: the first line and everything after it. */
const firstLine = (typed: string): [string, string] => {
  const text = typed.trim();
  const at = text.indexOf('\n');
  return at < 0 ? [text, ''] : [text.slice(0, at).trim(), text.slice(at + 1).trim()];
};

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

/**
 * A debater's ballot field: the scores first, then an optional note to the debater (on the lines
 * below, or after the scores on the same line: "4 3 5 — clear framing"). Empty note: none.
 */
export const parseScoresAndNote = (
  deck: Deck,
  typed: string,
  who: string,
): { scores: Record<string, number>; note: string } => {
  const [line, below] = firstLine(typed);
  const run = line.match(SCORE_RUN)?.[0] ?? '';
  const after = line.slice(run.length).replace(LEADING_PUNCTUATION, '');
  return {
    scores: parseScores(deck, run.trim(), who),
    note: [after, below].filter(Boolean).join('\n'),
  };
};

/** A side id, a side's name, or draw/tie. */
export const parseWinner = (deck: Deck, typed: string): string => {
  const found = readWinner(deck, typed);
  if (!found)
    throw new UserError(
      `"${typed}" is not a side or a draw: type ${deck.sides.map((s) => s.id).join(', ')} or draw.`,
    );
  return found;
};

const readWinner = (deck: Deck, typed: string): string | undefined => {
  const value = typed.trim().toLowerCase();
  if (value === 'draw' || value === 'tie') return 'draw';
  return deck.sides.find(
    (s) =>
      s.id === value ||
      s.name.toLowerCase() === value ||
      s.emoji === typed.trim() ||
      (value.length >= 3 && s.name.toLowerCase().startsWith(value)),
  )?.id;
};

/**
 * The winner field: the winner on the first line, then an optional reason for decision (on the
 * lines below, or after the winner on the same line: "lecun: won the grounding clash"). The
 * longest start of the first line that names a side or a draw is the winner.
 */
export const parseWinnerAndReason = (deck: Deck, typed: string): { winner: string; reason: string } => {
  const [line, below] = firstLine(typed);
  const words = line.split(/\s+/);
  for (let n = words.length; n >= 1; n--) {
    const head = words
      .slice(0, n)
      .join(' ')
      .replace(/[\s:;,.!\-–—]+$/, '');
    const winner = head === '' ? undefined : readWinner(deck, head);
    if (winner === undefined) continue;
    const after = words.slice(n).join(' ').replace(LEADING_PUNCTUATION, '');
    return { winner, reason: [after, below].filter(Boolean).join('\n') };
  }
  return { winner: parseWinner(deck, line), reason: below };
};

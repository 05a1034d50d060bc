import { findMarker, OTHER_SIDE, REASON } from '../analysis/markers.js';
import type { Sentence } from '../analysis/reading.js';

/** What a sentence's markers say: a reason given, a marker with words after it, a report of the other side. */

/** Content lemmas following a marker at `at` in the sentence: a "because" with nothing after it gives no reason. */
export const contentAfter = (s: Sentence, at: number) => s.isContent.slice(at + 1).filter(Boolean).length;

/**
 * A reason that is a reason: "because" followed by at least two content words the sentence had not
 * already used before it ("X is a dead end because X is a dead end" gives none).
 */
export const givesReason = (s: Sentence): boolean => {
  const at = findMarker(s.lemmas, REASON);
  if (at === -1) return false;
  const before = s.isContent.slice(0, at + 1).filter(Boolean).length;
  const claimed = new Set(s.content.slice(0, before));
  return new Set(s.content.slice(before).filter((l) => !claimed.has(l))).size >= 2;
};

export const hasMarker = (s: Sentence, markers: readonly (readonly string[])[], after = 1) => {
  const at = findMarker(s.lemmas, markers);
  return at !== -1 && contentAfter(s, at) >= after;
};

/**
 * The sentence reports what the other side said ("They say…", "My opponent claims…") rather than
 * claiming; one that goes on to answer it in the same sentence ("They will say X, but…") is a claim.
 */
export const reports = (s: Sentence): boolean => {
  const at = findMarker(s.lemmas, OTHER_SIDE);
  return at !== -1 && at <= 3 && findMarker(s.lemmas.slice(at), [['but'], ['however'], ['yet']]) === -1;
};

/** "Our second argument is about look-ahead": a signpost announcing the claim that follows. */
const ANNOUNCE = ['first', 'second', 'third', 'next', 'final', 'last', 'other'].flatMap((n) => [
  [n, 'argument'],
  [n, 'point'],
  [n, 'line'],
  [n, 'reason'],
]);
export const announces = (s: Sentence) => findMarker(s.lemmas, ANNOUNCE) !== -1 && !givesReason(s);

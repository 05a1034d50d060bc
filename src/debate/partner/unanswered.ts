import type { Deck } from '../../content/deck.js';
import { answeredKeys } from '../scoring/coaching.js';
import { clashOf, pointKey, pointLabel } from '../scoring/rebuttal.js';
import { readDebate } from '../scoring/speeches.js';
import type { Debate } from '../types.js';
import { PARTNER_ID } from './identity.js';

/**
 * What Steelman said that the member never answered: its points (strongest first) that none of the
 * member's later speeches took up and answered. Points made after the member's last speech, which
 * they had no chance to answer, are left out. Quoted short, at most `max`.
 */
export const neverAnswered = (deck: Deck, state: Debate, max = 3): string[] => {
  const reading = readDebate(deck, state);
  const member = reading.speeches.filter((s) => s.record.userId !== PARTNER_ID);
  const last = member.at(-1)?.turn ?? -1;
  const answered = new Set<string>();
  for (const speech of member)
    for (const key of answeredKeys(clashOf(reading, speech, answered))) answered.add(key);
  return reading.speeches
    .filter((s) => s.record.userId === PARTNER_ID && s.turn < last)
    .flatMap((s) => s.points)
    .filter((p) => !answered.has(pointKey(p)))
    .sort((a, b) => b.strength - a.strength)
    .slice(0, max)
    .map((p) => pointLabel(p, 90));
};

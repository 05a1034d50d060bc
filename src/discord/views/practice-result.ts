import type { Deck } from '../../content/deck.js';
import { neverAnswered } from '../../debate/partner/unanswered.js';
import type { Debate, PracticeLevel, Result } from '../../debate/types.js';
import { truncate } from './format.js';

export const TEXT_PRACTICE = {
  line: (level: PracticeLevel) => `Practice against Steelman (${level} level): not rated on the leaderboard.`,
  unansweredTitle: '🎯 What your partner said that you never answered',
  allAnswered: 'Nothing: you took up and answered every point Steelman made before your last speech.',
  noSpeech: 'You gave no speech, so every point Steelman made stands.',
} as const;

/** The practice part of a result card: Steelman's points the member left standing (none for another debate). */
export const practiceFields = (
  deck: Deck,
  state: Debate,
  result: Result,
): { name: string; value: string }[] => {
  if (!state.practice || result.scores.length === 0) return [];
  const member = state.debaters.find((d) => d.userId === state.hostId);
  const spoke = state.turns.some((t) => t.userId === member?.userId && t.outcome === 'delivered');
  const points = spoke ? neverAnswered(deck, state) : [];
  const value = !spoke
    ? TEXT_PRACTICE.noSpeech
    : points.length === 0
      ? TEXT_PRACTICE.allAnswered
      : points.map((p) => `• ${p}`).join('\n');
  return [{ name: TEXT_PRACTICE.unansweredTitle, value: truncate(value, 1024) }];
};

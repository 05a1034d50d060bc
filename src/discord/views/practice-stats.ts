import type { Deck } from '../../content/deck.js';
import { PRACTICE_LEVELS } from '../../debate/types.js';
import type { PracticeRecord } from '../../store/practice-repository.js';

/** The practice record per level, for /stats: apart from the rated record, never on the leaderboard. */
export const practiceField = (practice: PracticeRecord | undefined) => {
  if (!practice) return [];
  const lines = PRACTICE_LEVELS.flatMap((level) => {
    const t = practice.levels[level];
    return t ? [`${level}: ${t.wins}W ${t.losses}L ${t.draws}D`] : [];
  });
  return lines.length > 0
    ? [{ name: 'Practice against Steelman (not rated)', value: lines.join(' · ') }]
    : [];
};

/** A criterion's sums with the practice speeches counted in, so "practise next" uses them too. */
export const withPractice = (
  deck: Deck,
  criteria: Readonly<Record<string, { sum: number; count: number }>>,
  practice: PracticeRecord | undefined,
): Record<string, { sum: number; count: number }> =>
  Object.fromEntries(
    deck.rubric.map((c) => {
      const rated = criteria[c.id] ?? { sum: 0, count: 0 };
      const more = practice?.rubric[c.id] ?? { sum: 0, count: 0 };
      return [c.id, { sum: rated.sum + more.sum, count: rated.count + more.count }];
    }),
  );

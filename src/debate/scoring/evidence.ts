import type { ReadSpeech } from './speeches.js';

const ids = (list: readonly string[]) => list.map((id) => `[${id}]`).join(', ');

/**
 * Evidence, across a debater's speeches (a card counts once): a card from the hand counts when the
 * sentences around its citation use what it says, in the speaker's words or quoted, and it bears on
 * the motion (its tags or its subject) or on a point the other side made. Ids without use earn nothing.
 */
export const evidenceOf = (speeches: readonly ReadSpeech[]): { score: number; reason: string } => {
  const cards = new Map<string, { used: boolean; bears: boolean; explained: boolean }>();
  for (const use of speeches.flatMap((s) => s.cardUses)) {
    const known = cards.get(use.cardId) ?? { used: false, bears: false, explained: false };
    cards.set(use.cardId, {
      used: known.used || use.used,
      bears: known.bears || use.bears,
      explained: known.explained || (use.used && use.bears && use.explained),
    });
  }
  const all = [...cards];
  const bearing = all.filter(([, c]) => c.bears).map(([id]) => id);
  const offTopic = all.filter(([, c]) => c.used && !c.bears).map(([id]) => id);
  const unused = all.filter(([, c]) => !c.used).map(([id]) => id);
  const explained = all.filter(([, c]) => c.explained).length;
  if (all.length === 0) return { score: 1, reason: 'no card from your hand cited' };
  let score =
    bearing.length === 0
      ? offTopic.length > 0
        ? 2
        : 1
      : bearing.length === 1
        ? 3
        : bearing.length === 2 || explained < 2
          ? 4
          : 5;
  const notes: string[] = [];
  if (bearing.length > 0)
    notes.push(
      `${ids(bearing)} used${bearing.length >= 3 ? `, ${explained} with what follows from them` : ''}`,
    );
  if (offTopic.length > 0) notes.push(`${ids(offTopic)} used but off the motion and the clash`);
  if (unused.length > 0)
    notes.push(`${ids(unused)} cited but not used: what the card says is not in your words`);
  if (unused.length >= 2 && unused.length > bearing.length) {
    score -= 1;
    notes.push('ids dropped without use cost a point');
  }
  return { score: Math.max(1, score), reason: notes.join('; ') };
};

import type { Deck } from '../../content/deck.js';
import type { Debate, DebaterScore, SpeechCoaching } from '../../debate/types.js';
import { kindLabel, truncate } from './format.js';

/** One speech's coaching as lines: strongest, weakest, the point left unanswered and the card that answers it. */
export const coachingLines = (deck: Deck, state: Debate, notes: SpeechCoaching): string[] => {
  const slot = state.slots[notes.turn];
  const lines = [`**${slot ? kindLabel(slot.kind) : 'Speech'} (speech ${notes.turn + 1})**`];
  if (notes.strongest) lines.push(`💪 Strongest: ${notes.strongest}`);
  if (notes.weakest) lines.push(`🔧 Weakest: ${notes.weakest}`);
  if (notes.unanswered) {
    const card = notes.counterCardId ? deck.card(notes.counterCardId) : undefined;
    lines.push(
      `❓ Left unanswered: ${notes.unanswered}${card ? `; your [${card.id}] ${card.title} would have answered it` : ''}`,
    );
  }
  return lines;
};

const render = (deck: Deck, state: Debate, score: DebaterScore, line: number) =>
  (score.speeches ?? [])
    .map((notes) =>
      coachingLines(deck, state, notes)
        .map((l) => truncate(l, line))
        .join('\n'),
    )
    .join('\n\n');

/**
 * Every speech's coaching for a debater, as one block of Markdown within `max` characters: the
 * lines are shortened evenly rather than the last speech cut off.
 */
export const coachingText = (
  deck: Deck,
  state: Debate,
  score: DebaterScore,
  max = Number.POSITIVE_INFINITY,
): string => {
  for (const line of [400, 260, 200, 150, 110, 80]) {
    const text = render(deck, state, score, line);
    if (text.length <= max) return text;
  }
  return truncate(render(deck, state, score, 60), max);
};

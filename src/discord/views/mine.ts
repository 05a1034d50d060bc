import type { Deck } from '../../content/deck.js';
import type { Debate } from '../../debate/types.js';
import { deadline, kindLabel, mention, pingNobody, truncate } from './format.js';
import type { View } from './view.js';

/** Where one debate stands for `userId`: whose turn, and until when. */
const standing = (deck: Deck, state: Debate, userId: string): string => {
  const slot = state.slots[state.turn];
  const format = deck.format(state.formatId);
  const at = state.timer?.at ?? 0;
  switch (state.phase) {
    case 'lobby':
      return `lobby, waiting for Begin (closes ${deadline(at, 0)})`;
    case 'prep':
      return `prep, the first speech starts ${deadline(at, format?.prepSeconds ?? 0)}`;
    case 'speaking':
      return slot
        ? `turn ${state.turn + 1} of ${state.slots.length}: ${slot.userId === userId ? '**your turn**' : `${mention(slot.userId)}'s turn`} (${kindLabel(slot.kind)}), due ${deadline(state.turnEndsAt ?? 0, slot.seconds)}`
        : 'speaking';
    case 'judging':
      return state.judging === 'community'
        ? `community voting, closes ${deadline(at, format?.votingSeconds ?? format?.judgingSeconds ?? 0)}`
        : `judging, closes ${deadline(at, format?.judgingSeconds ?? 0)}`;
    default:
      return state.phase;
  }
};

/** /debate mine: the caller's debates under way in this server, the ones waiting on them first. */
export const mineView = (
  deck: Deck,
  debates: readonly Debate[],
  userId: string,
  /** Where each debate is held (its thread, once it has one): see src/store/venue.ts. */
  venueOf: (debate: Debate) => string = (debate) => debate.channelId,
): View => {
  if (debates.length === 0)
    return { content: 'You are in no debate under way in this server.', allowedMentions: pingNobody };
  const waiting = (s: Debate) => (s.phase === 'speaking' && s.slots[s.turn]?.userId === userId ? 0 : 1);
  const sorted = [...debates].sort(
    (a, b) =>
      waiting(a) - waiting(b) || (a.turnEndsAt ?? a.timer?.at ?? 0) - (b.turnEndsAt ?? b.timer?.at ?? 0),
  );
  const lines = sorted.map((s) => {
    const side = s.debaters.find((d) => d.userId === userId)?.side;
    const role = side ? (deck.side(side)?.name ?? side) : s.judges.includes(userId) ? 'judge' : 'host';
    return `• <#${venueOf(s)}> · ${deck.format(s.formatId)?.name ?? s.formatId} · ${role}: ${standing(deck, s, userId)}`;
  });
  return {
    embeds: [
      { title: 'Your debates under way', description: truncate(lines.join('\n'), 4096), color: 0x5865f2 },
    ],
    allowedMentions: pingNobody,
  };
};

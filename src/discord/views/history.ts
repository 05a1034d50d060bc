import type { Deck } from '../../content/deck.js';
import type { Debate, Result } from '../../debate/types.js';
import { mention, pingNobody, sideLabel, truncate } from './format.js';
import type { View } from './view.js';

export interface PastDebate {
  readonly state: Debate;
  readonly result: Result;
  /** The result card's message, for a link. */
  readonly resultMessageId: string | undefined;
  /** Where the result card is: the debate's thread when it had one (absent: its channel). */
  readonly venueId?: string;
}

const outcome = (deck: Deck, result: Result) => {
  if (result.winner === undefined || result.winner === 'draw') return 'draw';
  const how = result.decidedBy === 'forfeit' ? ' by forfeit' : '';
  return `${sideLabel(deck, result.winner)} won${how}`;
};

/** One line per debate: date, motion, each side's debaters, result, the link to its result card, the id. */
export const historyLine = (deck: Deck, guildId: string, debate: PastDebate): string => {
  const { state, result } = debate;
  const sides = deck.sides
    .map((side) => {
      const who = state.debaters.filter((d) => d.side === side.id).map((d) => mention(d.userId));
      return `${side.emoji} ${who.join(' ') || '—'}`;
    })
    .join(' vs ');
  const link = debate.resultMessageId
    ? ` · [result](https://discord.com/channels/${guildId}/${debate.venueId ?? state.channelId}/${debate.resultMessageId})`
    : '';
  const motion = deck.motion(state.motionId)?.text ?? state.motionId;
  return `<t:${Math.floor(result.finishedAt / 1000)}:d> **${truncate(motion, 120)}**\n${sides} · ${outcome(deck, result)}${link} · id \`${state.id}\``;
};

export const historyView = (
  deck: Deck,
  guildId: string,
  debates: readonly PastDebate[],
  where: { page: number; pages: number; user: string | undefined },
): View => ({
  embeds: [
    {
      title: `📜 Past debates${where.user ? '' : ' of this server'}`,
      description: truncate(
        [
          ...(where.user ? [`Debates argued by ${mention(where.user)}.`] : []),
          ...(debates.length > 0
            ? debates.map((d) => historyLine(deck, guildId, d))
            : ['No finished debate yet.']),
        ].join('\n\n'),
        4096,
      ),
      color: 0x5865f2,
      footer: {
        text: `Page ${where.page} of ${where.pages} · /debate transcript <id> for any of them`,
      },
    },
  ],
  allowedMentions: pingNobody,
});

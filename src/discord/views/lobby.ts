import { ButtonStyle } from 'discord.js';
import type { Deck } from '../../content/deck.js';
import { teamSize } from '../../content/schemas.js';
import type { Debate } from '../../debate/types.js';
import { customId } from '../custom-id.js';
import { mention, pingNobody, sideLabel, timestamp, truncate } from './format.js';
import { button, row, type View } from './view.js';

/** The lobby card: the motion, each side's framing and seats, judges, and the join buttons. */
export const lobbyView = (deck: Deck, state: Debate): View => {
  const motion = deck.motion(state.motionId);
  const format = deck.format(state.formatId);
  const seats = teamSize(state.size);
  const open = state.phase === 'lobby';
  const sideFields = deck.sides.map((side) => {
    const players = state.debaters.filter((d) => d.side === side.id).map((d) => mention(d.userId));
    const empty = Array.from({ length: Math.max(0, seats - players.length) }, () => '_open seat_');
    const affirms = motion?.affirms === side.id ? ' (for the motion)' : ' (against)';
    return {
      name: `${sideLabel(deck, side.id)}${affirms}`,
      value: truncate(
        `${motion?.framing[side.id] ?? side.thesis}\n${[...players, ...empty].join(' · ')}`,
        1024,
      ),
      inline: true,
    };
  });
  const status =
    state.phase === 'lobby'
      ? `Closes ${timestamp(state.timer?.at ?? state.createdAt)} if not begun.`
      : state.phase === 'cancelled'
        ? state.cancelReason === 'expired'
          ? 'Closed: nobody began it in time.'
          : 'Cancelled.'
        : 'Begun: follow the debate below.';
  const view: View = {
    embeds: [
      {
        title: `Debate ${motion?.id ?? state.motionId}: ${open ? 'lobby open' : state.phase === 'cancelled' ? 'closed' : 'under way'}`,
        description: truncate(`**${motion?.text ?? state.motionId}**`, 4096),
        color: 0x5865f2,
        fields: [
          ...sideFields,
          {
            name: 'Judges',
            value:
              state.judges.length > 0
                ? state.judges.map(mention).join(' · ')
                : '_none: the automatic rubric decides_',
          },
          {
            name: 'Setup',
            value: `${format?.name ?? state.formatId} · ${state.mode} mode · ${state.size} · host ${mention(state.hostId)}${state.voiceChannelId ? `\n🔊 Meet in <#${state.voiceChannelId}>` : ''}\n${status}`,
          },
        ],
      },
    ],
    components: [],
    allowedMentions: pingNobody,
  };
  if (!open) return view;
  const [a, b] = deck.sides;
  view.components = [
    row(
      button(customId('join', state.id, a.id), `Join ${a.name}`, ButtonStyle.Primary, { emoji: a.emoji }),
      button(customId('join', state.id, b.id), `Join ${b.name}`, ButtonStyle.Primary, { emoji: b.emoji }),
      button(customId('join', state.id, 'auto'), 'Join either side', ButtonStyle.Secondary, { emoji: '🎲' }),
      button(customId('judge', state.id), 'Join as judge', ButtonStyle.Secondary, { emoji: '⚖️' }),
    ),
    row(
      button(customId('begin', state.id), 'Begin', ButtonStyle.Success),
      button(customId('swap', state.id), 'Swap sides', ButtonStyle.Secondary),
      button(customId('leave', state.id), 'Leave', ButtonStyle.Secondary),
      button(customId('cancel', state.id), 'Cancel', ButtonStyle.Danger),
    ),
  ];
  return view;
};

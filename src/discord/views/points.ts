import { ButtonStyle } from 'discord.js';
import type { Deck } from '../../content/deck.js';
import { poiWindowOpen, takesPoints } from '../../debate/points.js';
import type { Announcement, Debate } from '../../debate/types.js';
import { customId } from '../custom-id.js';
import { mention, pingNobody, pingOnly, sideLabel } from './format.js';
import { button, row, type View } from './view.js';

type PointAnnouncement = Extract<Announcement, { kind: 'poi-window' | 'poi-offered' | 'poi-answered' }>;

const protectedWords = (seconds: number) =>
  seconds >= 60 && seconds % 60 === 0 ? `${seconds / 60} min` : `${seconds} s`;

/** The turn card's Point of information button, for speeches with protected time. */
export const poiButton = (state: Debate, turn: number) =>
  state.slots[turn]?.protectedSeconds
    ? [
        button(customId('poi', state.id, turn), 'Point of information', ButtonStyle.Secondary, {
          emoji: '✋',
        }),
      ]
    : [];

/** For the turn card and /debate status: where the speech stands on points of information. */
export const pointLines = (deck: Deck, state: Debate, turn = state.turn): string[] => {
  const slot = state.slots[turn];
  if (!slot?.protectedSeconds || state.phase !== 'speaking') return [];
  const guarded = protectedWords(slot.protectedSeconds);
  const other = deck.sides.find((s) => s.id !== slot.side)?.id ?? '';
  if (turn === state.turn && poiWindowOpen(state))
    return [
      `✋ Points of information open: ${sideLabel(deck, other)} may offer one (until the last ${guarded}).`,
    ];
  return [`🛡️ Protected time: no points of information in the first and last ${guarded}.`];
};

export const pointView = (deck: Deck, state: Debate, announcement: PointAnnouncement): View => {
  const speaker = state.slots[announcement.turn]?.userId ?? '';
  switch (announcement.kind) {
    case 'poi-window':
      return announcement.open
        ? {
            content: `🟢 Protected time is over: points of information to ${mention(speaker)} are open.`,
            components: takesPoints(state) ? [row(...poiButton(state, announcement.turn))] : [],
            allowedMentions: pingNobody,
          }
        : {
            content: `🔴 ${protectedWords(state.slots[announcement.turn]?.protectedSeconds ?? 0)} left: protected time again, no more points of information to ${mention(speaker)} in this speech.`,
            allowedMentions: pingNobody,
          };
    case 'poi-offered':
      return {
        content: `✋ ${mention(speaker)}: POI offered by ${mention(announcement.by)} (${sideLabel(deck, state.debaters.find((d) => d.userId === announcement.by)?.side ?? '')}).`,
        components: [
          row(
            button(
              customId('poi-answer', state.id, announcement.turn, 'accept'),
              'Accept',
              ButtonStyle.Success,
            ),
            button(
              customId('poi-answer', state.id, announcement.turn, 'decline'),
              'Decline',
              ButtonStyle.Secondary,
            ),
          ),
        ],
        allowedMentions: pingOnly([speaker]),
      };
    case 'poi-answered':
      return {
        content: `✋ ${mention(speaker)} ${announcement.accepted ? 'accepted' : 'declined'} the point from ${mention(announcement.by)}.`,
        allowedMentions: pingNobody,
      };
  }
};

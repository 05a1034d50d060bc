import { ButtonStyle } from 'discord.js';
import type { Deck } from '../../content/deck.js';
import { prepLeft, prepPoolMs } from '../../debate/host-controls.js';
import type { Announcement, ControlRecord, Debate } from '../../debate/types.js';
import { customId } from '../custom-id.js';
import { duration, mention, pingNobody, pingOnly, sideLabel, timestamp } from './format.js';
import { button, row, type View } from './view.js';

type ControlAnnouncement = Extract<
  Announcement,
  { kind: 'paused' | 'resumed' | 'extended' | 'seat-opened' | 'seat-taken' | 'prep-taken' | 'prep-ended' }
>;

const secondsOf = (ms: number) => Math.max(0, Math.round(ms / 1000));
const speakerOf = (state: Debate) => state.slots[state.turn]?.userId;

/** What is left on the clock that stopped: the speech (or prep) time the speaker still has. */
export const timeLeftWhenStopped = (state: Debate): number | undefined => {
  const paused = state.paused;
  if (!paused) return undefined;
  const until = state.phase === 'speaking' ? state.turnEndsAt : paused.timer?.at;
  return until === undefined ? undefined : secondsOf(until - paused.at);
};

/** The deadline that runs now: the speech's, or the first speech's during prep. */
const runningDeadline = (state: Debate) =>
  state.phase === 'speaking' ? state.turnEndsAt : state.phase === 'prep' ? state.timer?.at : undefined;

/** Lines for /debate status and the turn card: paused state, open seats, each side's prep pool. */
export const controlLines = (deck: Deck, state: Debate): string[] => {
  const lines: string[] = [];
  if (state.phase !== 'prep' && state.phase !== 'speaking') return lines;
  if (state.voiceChannelId) lines.push(`🔊 Voice: <#${state.voiceChannelId}>`);
  const left = timeLeftWhenStopped(state);
  if (state.paused?.by === 'host')
    lines.push(
      `⏸️ Paused ${timestamp(state.paused.at)}${left !== undefined ? `, with ${duration(left)} left` : ''}.`,
    );
  if (state.paused?.by === 'prep' && state.paused.side)
    lines.push(
      `🧠 ${sideLabel(deck, state.paused.side)} is taking prep until ${timestamp(state.timer?.at ?? 0)}; the speech clock (${duration(left ?? 0)} left) waits.`,
    );
  for (const seat of state.openSeats ?? [])
    lines.push(
      `🪑 Open seat on ${sideLabel(deck, seat.side)} (was ${mention(seat.userId)}): join to take it.`,
    );
  if (prepPoolMs(deck, state) > 0)
    lines.push(
      `Prep left: ${deck.sides.map((s) => `${sideLabel(deck, s.id)} ${duration(secondsOf(prepLeft(deck, state, s.id)))}`).join(' · ')}`,
    );
  return lines;
};

/** The turn card's Take prep button, for formats with a prep pool. */
export const prepButton = (deck: Deck, state: Debate, turn: number) =>
  prepPoolMs(deck, state) > 0
    ? [button(customId('prep', state.id, turn), 'Take prep', ButtonStyle.Secondary, { emoji: '🧠' })]
    : [];

/** A host control or a prep draw, as posted in the channel. */
export const controlView = (deck: Deck, state: Debate, announcement: ControlAnnouncement): View => {
  const speaker = speakerOf(state);
  switch (announcement.kind) {
    case 'paused': {
      const left = timeLeftWhenStopped(state);
      return {
        content: `⏸️ The host paused the debate${left !== undefined ? ` with ${duration(left)} left on the clock` : ''}. Nothing runs until /debate resume.`,
        allowedMentions: pingNobody,
      };
    }
    case 'resumed': {
      const deadline = runningDeadline(state);
      const what =
        state.phase === 'speaking' && speaker
          ? `${mention(speaker)}'s speech now ends ${timestamp(deadline ?? 0)}`
          : `the first speech now starts ${timestamp(deadline ?? 0)}`;
      return {
        content: `▶️ Resumed after ${duration(announcement.seconds)}: ${what}.`,
        allowedMentions: speaker && state.phase === 'speaking' ? pingOnly([speaker]) : pingNobody,
      };
    }
    case 'extended':
      return {
        content: `⏱️ +${duration(announcement.seconds)} for ${speaker ? mention(speaker) : 'the speaker'}: the speech now ends ${timestamp(state.turnEndsAt ?? 0)}.`,
        allowedMentions: pingNobody,
      };
    case 'seat-opened':
      return {
        content: `🪑 ${mention(announcement.userId)}'s seat on ${sideLabel(deck, announcement.side)} is open; the speeches they gave stay theirs. Anyone not in this debate can take it.`,
        components: state.openSeats?.some((s) => s.userId === announcement.userId)
          ? [
              row(
                button(customId('join', state.id, announcement.side), 'Take the seat', ButtonStyle.Primary, {
                  emoji: '🪑',
                }),
              ),
            ]
          : [],
        allowedMentions: pingNobody,
      };
    case 'seat-taken':
      return {
        content: `🪑 ${mention(announcement.userId)} takes ${mention(announcement.replaced)}'s seat, with their hand and the speeches still to come.${speaker === announcement.userId ? ` It is your turn now: ends ${timestamp(state.turnEndsAt ?? 0)}.` : ''}`,
        allowedMentions: pingOnly([announcement.userId]),
      };
    case 'prep-taken': {
      const preparing = state.paused?.by === 'prep' && state.paused.side === announcement.side;
      return {
        content: `🧠 ${sideLabel(deck, announcement.side)} takes prep, until ${timestamp(announcement.until)} at the latest. The speech clock waits.`,
        components: preparing
          ? [row(button(customId('prep-end', state.id, state.turn), 'End prep', ButtonStyle.Success))]
          : [],
        allowedMentions: pingNobody,
      };
    }
    case 'prep-ended':
      return {
        content: `🧠 ${sideLabel(deck, announcement.side)}'s prep is over: ${duration(announcement.seconds)} used, ${duration(secondsOf(prepLeft(deck, state, announcement.side)))} left.${state.phase === 'speaking' && speaker ? ` ${mention(speaker)}, your speech ends ${timestamp(state.turnEndsAt ?? 0)}.` : ''}`,
        allowedMentions: speaker && state.phase === 'speaking' ? pingOnly([speaker]) : pingNobody,
      };
  }
};

const CONTROL_WORDS: Record<ControlRecord['kind'], string> = {
  pause: 'paused',
  resume: 'resumed',
  extend: 'gave extra time',
  replace: 'opened a seat',
  'seat-taken': 'took a seat',
  'prep-taken': 'took prep',
  'prep-ended': 'prep ended',
};

/** The transcript's record of host controls and prep, one line each. */
export const controlTranscriptLines = (
  deck: Deck,
  state: Debate,
  who: (userId: string) => string,
): string[] => {
  const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
  const points = (state.pois ?? []).map((p) => ({
    at: p.at,
    line: `- ${iso(p.at)} · turn ${p.turn + 1} · ${who(p.by)} offered a point of information: ${p.answer ?? 'not answered'}`,
  }));
  const controls = (state.controls ?? []).map((c) => {
    const when = c.turn < 0 ? 'during prep' : `turn ${c.turn + 1}`;
    const by = c.by ? `${who(c.by)} ` : '';
    const detail =
      c.kind === 'resume'
        ? ` after ${duration(c.seconds ?? 0)}`
        : c.kind === 'extend'
          ? `: +${duration(c.seconds ?? 0)}`
          : c.kind === 'replace'
            ? `: ${who(c.userId ?? '')} (${deck.side(c.side ?? '')?.name ?? c.side}) left; their speeches stay theirs`
            : c.kind === 'seat-taken'
              ? `: in place of ${who(c.userId ?? '')}`
              : c.kind === 'prep-taken'
                ? ` for ${deck.side(c.side ?? '')?.name ?? c.side}`
                : c.kind === 'prep-ended'
                  ? `: ${deck.side(c.side ?? '')?.name ?? c.side} used ${duration(c.seconds ?? 0)}${c.by ? '' : ' (pool ran out)'}`
                  : '';
    return { at: c.at, line: `- ${iso(c.at)} · ${when} · ${by}${CONTROL_WORDS[c.kind]}${detail}` };
  });
  return [...controls, ...points].sort((a, b) => a.at - b.at).map((entry) => entry.line);
};

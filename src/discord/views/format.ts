import type { Deck } from '../../content/deck.js';
import type { SpeechKind } from '../../content/schemas.js';
import { isPartner, PARTNER_NAME } from '../../debate/partner/identity.js';

/** Cuts user text to a field's limit with a visible mark, so Discord never rejects it. */
export const truncate = (text: string, max: number): string => {
  const mark = ' …[cut]';
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - mark.length)).trimEnd()}${mark}`;
};

/** A Discord timestamp that every client renders and counts down by itself (no message edits). */
export const timestamp = (ms: number, style: 'R' | 't' | 'f' | 'F' = 'R') =>
  `<t:${Math.floor(ms / 1000)}:${style}>`;

export const mention = (userId: string) => (isPartner(userId) ? `**${PARTNER_NAME}**` : `<@${userId}>`);

export const sideLabel = (deck: Deck, sideId: string) => {
  const side = deck.side(sideId);
  return side ? `${side.emoji} ${side.name}` : sideId;
};

export const sideColour = (deck: Deck, sideId: string | undefined): number =>
  Number.parseInt((sideId && deck.side(sideId)?.colour.slice(1)) || '5865F2', 16);

const KIND_LABELS: Record<SpeechKind, string> = {
  constructive: 'Constructive',
  'cross-examination': 'Cross-examination',
  rebuttal: 'Rebuttal',
  summary: 'Summary',
  closing: 'Closing',
};
export const kindLabel = (kind: SpeechKind) => KIND_LABELS[kind];

/** m:ss under an hour; hours (and days) for correspondence speeches, where 1440:00 would read badly. */
export const duration = (seconds: number) =>
  seconds >= 3600
    ? longSpan(seconds)
    : `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;

/** A long span in words: `2 d 12 h`, `24 h`, `1 h 30 min`. */
export const longSpan = (seconds: number): string => {
  const days = Math.floor(seconds / 86400);
  const hours = Math.floor((seconds % 86400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  if (days >= 2)
    return [`${days} d`, hours ? `${hours} h` : '', minutes ? `${minutes} min` : '']
      .filter(Boolean)
      .join(' ');
  const totalHours = Math.floor(seconds / 3600);
  return [`${totalHours} h`, minutes ? `${minutes} min` : ''].filter(Boolean).join(' ');
};

/** Deadlines at least this far off are shown with the full date beside the countdown. */
export const LONG_DEADLINE_SECONDS = 3600;

/**
 * A deadline `spanSeconds` long: the countdown alone for a short one; for a long one (hours or days
 * away, in a correspondence debate) the full date and time as well, which a member planning their
 * day needs more than "in 23 hours".
 */
export const deadline = (ms: number, spanSeconds: number): string =>
  spanSeconds >= LONG_DEADLINE_SECONDS ? `${timestamp(ms, 'F')} (${timestamp(ms)})` : timestamp(ms);

export const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;

/** Allowed mentions: nobody, or exactly the people the bot means to notify. */
export const pingNobody = { parse: [] as [] };
export const pingOnly = (userIds: readonly string[]) => ({
  parse: [] as [],
  users: [...new Set(userIds)].filter((id) => !isPartner(id)),
});

/** Cuts a short label (an autocomplete choice) with a plain ellipsis. */
export const clip = (text: string, max: number): string =>
  text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;

import type { Deck } from '../content/deck.js';
import type { Announcement, Debate } from '../debate/types.js';
import type { StoredDebate } from '../store/types.js';
import { crowdRow } from './views/turns.js';
import type { View } from './views/view.js';

/**
 * Buttons stay only while they can still be used. Each posted message with buttons is remembered by
 * role in the debate's meta (`liveMessages`): `begun` (Hand, Ready during prep), `turn:<n>` (Speak,
 * Pass/Done), `crowd` (the crowd row on the first turn's message), `judging` (the ballot). When a
 * turn or phase ends, its roles are retired: the message is edited once to keep only the buttons of
 * roles still live on it, and the roles are forgotten, so every message is edited at most a few times.
 */
export type LiveRoles = Readonly<Record<string, string>>;
export type RoleChanges = Record<string, string | null>;

/** The roles an announcement ends, before it is posted. */
export const rolesEndedBy = (announcement: Announcement, live: LiveRoles): string[] => {
  const all = Object.keys(live);
  switch (announcement.kind) {
    case 'turn-started':
      return all.filter(
        (role) => role === 'begun' || (role.startsWith('turn:') && role !== `turn:${announcement.turn}`),
      );
    case 'turn-ended':
      return all.filter((role) => role === 'begun' || role === `turn:${announcement.turn}`);
    case 'judging-opened':
      return all.filter((role) => role !== 'judging');
    case 'finished':
    case 'cancelled':
      return all;
    default:
      return [];
  }
};

/** The roles a posted message takes on. */
export const rolesPostedBy = (announcement: Announcement): string[] => {
  switch (announcement.kind) {
    case 'begun':
      return ['begun'];
    case 'turn-started':
      return announcement.turn === 0 ? [`turn:${announcement.turn}`, 'crowd'] : [`turn:${announcement.turn}`];
    case 'judging-opened':
      return ['judging'];
    case 'finished':
      // Never retired (nothing follows a result): where /debate history links to.
      return ['result'];
    default:
      return [];
  }
};

/**
 * Retires `roles`: one edit per message, keeping the crowd row where that role stays live.
 * `edit` throws to have the whole entry tried again; it swallows what cannot be helped (a deleted message).
 */
export const retireRoles = async (
  deck: Deck,
  stored: StoredDebate,
  roles: readonly string[],
  edit: (
    messageId: string,
    components: NonNullable<View['components']>,
    mentioned: readonly string[],
  ) => Promise<void>,
): Promise<RoleChanges> => {
  const live = stored.meta.liveMessages ?? {};
  const changes: RoleChanges = {};
  const messages = new Set<string>();
  for (const role of roles) {
    const id = live[role];
    if (id === undefined) continue;
    messages.add(id);
    changes[role] = null;
  }
  for (const messageId of messages) {
    const onMessage = Object.keys(live).filter((role) => live[role] === messageId);
    const keepCrowd = onMessage.some((role) => role === 'crowd' && !(role in changes));
    const mentioned = [...new Set(onMessage.flatMap((role) => mentionedBy(stored.state, role)))];
    await edit(messageId, keepCrowd ? [crowdRow(deck, stored.state.id)] : [], mentioned);
  }
  return changes;
};

/**
 * Whom a message of this role named when posted: an edit restates it (Discord re-reads mentions on an
 * edit, and an edit never notifies), so removing buttons keeps the names highlighted and pings nobody.
 */
const mentionedBy = (state: Debate, role: string): string[] => {
  if (role === 'begun') return state.debaters.map((d) => d.userId);
  if (role === 'judging') return [...state.judges];
  const turn = role === 'crowd' ? 0 : Number(role.slice('turn:'.length));
  const slot = state.slots[turn];
  return slot ? [slot.userId] : [];
};

import type { Guild, User } from 'discord.js';
import { isPartner, PARTNER_NAME } from '../debate/partner/identity.js';

/** A member as an interaction carries it: a cached GuildMember, or the raw API member. */
type MemberLike = { readonly displayName?: string; readonly nick?: string | null } | null | undefined;

/**
 * The name a server shows for a member: their server nickname, else their global display name,
 * else their username. The web leaderboard shows only this, never an id.
 */
export const memberDisplayName = (member: MemberLike, user: User): string => {
  if (member && typeof member.displayName === 'string' && member.displayName) return member.displayName;
  if (member && typeof member.nick === 'string' && member.nick) return member.nick;
  return user.globalName ?? user.username;
};

/** Display names for a debate's people, from the guild's member cache (fetching the few missing). */
const NAME_LOOKUP_MS = 800;

export const displayNames = async (guild: Guild | null, userIds: readonly string[]) => {
  const names = new Map<string, string>();
  if (!guild) return names;
  const missing = userIds.filter((id) => !guild.members.cache.has(id) && !isPartner(id));
  // A gateway member request can be slow; a form must open within Discord's 3 s, names are a nicety.
  if (missing.length > 0)
    await Promise.race([
      guild.members.fetch({ user: missing }).catch(() => undefined),
      new Promise((resolve) => setTimeout(resolve, NAME_LOOKUP_MS).unref()),
    ]);
  for (const id of userIds) {
    if (isPartner(id)) names.set(id, PARTNER_NAME);
    const member = guild.members.cache.get(id);
    if (member) names.set(id, member.displayName);
  }
  return names;
};

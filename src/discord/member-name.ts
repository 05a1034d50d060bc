import type { User } from 'discord.js';

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

import { ALL_PERMISSIONS, Permission } from './constants.js';
import type { ChannelRecord, DoubleState } from './state.js';

/** Discord's permission algorithm: guild base permissions, then channel overwrites. */

export const guildPermissions = (state: DoubleState, guildId: string, userId: string): bigint => {
  const guild = state.guilds.get(guildId);
  if (!guild) return 0n;
  if (guild.ownerId === userId) return ALL_PERMISSIONS;
  const member = state.member(guildId, userId);
  if (!member) return 0n;
  let permissions = state.roles.get(guildId)?.permissions ?? 0n;
  for (const roleId of member.roleIds) permissions |= state.roles.get(roleId)?.permissions ?? 0n;
  return (permissions & Permission.Administrator) !== 0n ? ALL_PERMISSIONS : permissions;
};

/** Permissions in a channel; threads use their parent's. DMs grant the usual messaging set. */
export const channelPermissions = (state: DoubleState, channel: ChannelRecord, userId: string): bigint => {
  if (channel.guildId === null) {
    return (
      Permission.ViewChannel |
      Permission.SendMessages |
      Permission.ReadMessageHistory |
      Permission.EmbedLinks |
      Permission.AttachFiles |
      Permission.AddReactions
    );
  }
  const source =
    channel.thread && channel.parentId ? (state.channels.get(channel.parentId) ?? channel) : channel;
  const base = guildPermissions(state, channel.guildId, userId);
  if (base === ALL_PERMISSIONS) return ALL_PERMISSIONS;
  const member = state.member(channel.guildId, userId);
  let permissions = base;
  const everyone = source.overwrites.find((o) => o.id === channel.guildId);
  if (everyone) permissions = (permissions & ~everyone.deny) | everyone.allow;
  let allow = 0n;
  let deny = 0n;
  for (const overwrite of source.overwrites) {
    if (overwrite.type === 0 && overwrite.id !== channel.guildId && member?.roleIds.includes(overwrite.id)) {
      allow |= overwrite.allow;
      deny |= overwrite.deny;
    }
  }
  permissions = (permissions & ~deny) | allow;
  const own = source.overwrites.find((o) => o.type === 1 && o.id === userId);
  if (own) permissions = (permissions & ~own.deny) | own.allow;
  // Without View Channel nothing else in the channel applies.
  if ((permissions & Permission.ViewChannel) === 0n) return 0n;
  return permissions;
};

export const has = (permissions: bigint, flag: bigint): boolean => (permissions & flag) === flag;

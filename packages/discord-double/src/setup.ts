import { ChannelType, DEFAULT_BOT_PERMISSIONS, DEFAULT_EVERYONE_PERMISSIONS } from './constants.js';
import type {
  ChannelRecord,
  DoubleState,
  GuildRecord,
  MemberRecord,
  OverwriteRecord,
  RoleRecord,
  UserRecord,
} from './state.js';
import { memberKey } from './state.js';

/** Building guilds, channels, roles and members from the compact specs tests write. */

/** A permission set: a bigint, a decimal string (as Discord sends them) or a number. */
export type PermissionInput = bigint | string | number;

export type ChannelKind = 'text' | 'voice' | 'category' | 'announcement' | 'forum' | 'stage' | 'media';

const CHANNEL_KINDS: Record<ChannelKind, number> = {
  text: ChannelType.GuildText,
  voice: ChannelType.GuildVoice,
  category: ChannelType.GuildCategory,
  announcement: ChannelType.GuildAnnouncement,
  forum: ChannelType.GuildForum,
  stage: ChannelType.GuildStageVoice,
  media: ChannelType.GuildMedia,
};

export interface OverwriteSpec {
  /** A role name or id; '@everyone' for the guild's default role. */
  readonly role?: string;
  /** A member's username or id. */
  readonly user?: string;
  readonly allow?: PermissionInput;
  readonly deny?: PermissionInput;
}

export interface ChannelSpec {
  readonly id?: string;
  readonly name: string;
  /** Defaults to 'text'. */
  readonly type?: ChannelKind | number;
  readonly topic?: string;
  /** The name or id of a category channel of the same guild. */
  readonly parent?: string;
  readonly overwrites?: readonly OverwriteSpec[];
}

export interface RoleSpec {
  readonly id?: string;
  readonly name: string;
  readonly permissions?: PermissionInput;
  readonly color?: number;
  readonly mentionable?: boolean;
  readonly hoist?: boolean;
}

export interface MemberSpec {
  readonly id?: string;
  readonly username: string;
  readonly globalName?: string;
  /** Role names or ids of this guild. */
  readonly roles?: readonly string[];
  readonly nick?: string;
  /** False: the bot's DMs to this user fail with 50007. Defaults to true. */
  readonly dmsOpen?: boolean;
  /** The user's client locale, sent as `locale` on interactions. Defaults to en-US. */
  readonly locale?: string;
}

export interface GuildSpec {
  readonly id?: string;
  readonly name: string;
  /** Pick a generated id owned by shard `[shardId, shardCount]` (ignored when `id` is given). */
  readonly shard?: readonly [number, number];
  /** Channel specs, or just names for text channels. Defaults to one text channel, 'general'. */
  readonly channels?: readonly (ChannelSpec | string)[];
  readonly roles?: readonly RoleSpec[];
  /** Member specs, or just usernames. The same username in several guilds is the same user. */
  readonly members?: readonly (MemberSpec | string)[];
  /** The owner's username (one of `members`); by default a separate `<guild>-owner` member owns it. */
  readonly owner?: string;
  /** What @everyone may do; defaults to a typical community server's set. */
  readonly everyonePermissions?: PermissionInput;
  /** What the bot's managed role grants; defaults to messaging, threads, embeds, files, manage messages/threads/roles. */
  readonly botPermissions?: PermissionInput;
  readonly locale?: string;
}

export const toPermissions = (input: PermissionInput | undefined, fallback: bigint): bigint => {
  if (input === undefined) return fallback;
  if (typeof input === 'bigint') return input;
  return BigInt(input);
};

const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'guild';

/** The user with this username, created (with the spec's details) if new. */
export const ensureUser = (state: DoubleState, spec: MemberSpec): UserRecord => {
  const existing = spec.id ? state.users.get(spec.id) : state.findUserByName(spec.username);
  if (existing) {
    if (existing.username.toLowerCase() !== spec.username.toLowerCase())
      throw new Error(
        `user id ${existing.id} already belongs to "${existing.username}", not "${spec.username}"`,
      );
    if (spec.dmsOpen !== undefined) existing.dmsOpen = spec.dmsOpen;
    if (spec.locale !== undefined) existing.locale = spec.locale;
    return existing;
  }
  const byName = state.findUserByName(spec.username);
  if (byName) throw new Error(`username "${spec.username}" already belongs to user ${byName.id}`);
  const user: UserRecord = {
    id: spec.id ?? state.ids.next(),
    username: spec.username,
    globalName: spec.globalName ?? null,
    bot: false,
    dmsOpen: spec.dmsOpen ?? true,
    locale: spec.locale ?? 'en-US',
  };
  state.users.set(user.id, user);
  return user;
};

const resolveRoleId = (state: DoubleState, guild: GuildRecord, ref: string): string => {
  if (ref === '@everyone') return guild.id;
  const role = guild.roleIds
    .map((id) => state.roles.get(id))
    .find((r) => r && (r.id === ref || r.name === ref));
  if (!role) throw new Error(`guild ${guild.name}: unknown role "${ref}"`);
  return role.id;
};

/** Adds (or updates the roles of) a member of a guild. */
export const putMember = (state: DoubleState, guild: GuildRecord, spec: MemberSpec): MemberRecord => {
  const user = ensureUser(state, spec);
  const roleIds = (spec.roles ?? []).map((ref) => resolveRoleId(state, guild, ref));
  const key = memberKey(guild.id, user.id);
  const existing = state.members.get(key);
  if (existing) {
    if (spec.roles) existing.roleIds = roleIds;
    if (spec.nick !== undefined) existing.nick = spec.nick;
    return existing;
  }
  const member: MemberRecord = {
    guildId: guild.id,
    userId: user.id,
    roleIds,
    nick: spec.nick ?? null,
    joinedAt: new Date(state.now()).toISOString(),
  };
  state.members.set(key, member);
  guild.memberIds.push(user.id);
  return member;
};

const toOverwrite = (state: DoubleState, guild: GuildRecord, spec: OverwriteSpec): OverwriteRecord => {
  if ((spec.role === undefined) === (spec.user === undefined))
    throw new Error(`guild ${guild.name}: an overwrite names exactly one of role or user`);
  let id: string;
  let type: 0 | 1;
  if (spec.role !== undefined) {
    id = resolveRoleId(state, guild, spec.role);
    type = 0;
  } else {
    const ref = spec.user ?? '';
    const user = state.users.get(ref) ?? state.findUserByName(ref);
    if (!user) throw new Error(`guild ${guild.name}: unknown user "${ref}" in an overwrite`);
    id = user.id;
    type = 1;
  }
  return { id, type, allow: toPermissions(spec.allow, 0n), deny: toPermissions(spec.deny, 0n) };
};

export const putChannel = (
  state: DoubleState,
  guild: GuildRecord,
  input: ChannelSpec | string,
): ChannelRecord => {
  const spec: ChannelSpec = typeof input === 'string' ? { name: input } : input;
  const type =
    spec.type === undefined
      ? ChannelType.GuildText
      : typeof spec.type === 'number'
        ? spec.type
        : CHANNEL_KINDS[spec.type];
  let parentId: string | null = null;
  if (spec.parent !== undefined) {
    const parent = guild.channelIds
      .map((id) => state.channels.get(id))
      .find(
        (c) => c && c.type === ChannelType.GuildCategory && (c.id === spec.parent || c.name === spec.parent),
      );
    if (!parent)
      throw new Error(`guild ${guild.name}: unknown category "${spec.parent}" (declare categories first)`);
    parentId = parent.id;
  }
  if (spec.id && state.channels.has(spec.id)) throw new Error(`channel id ${spec.id} is already taken`);
  const channel: ChannelRecord = {
    id: spec.id ?? state.ids.next(),
    type,
    guildId: guild.id,
    name: spec.name,
    topic: spec.topic ?? null,
    parentId,
    position: guild.channelIds.length,
    overwrites: (spec.overwrites ?? []).map((o) => toOverwrite(state, guild, o)),
    recipientIds: [],
    thread: null,
    lastMessageId: null,
    rateLimitPerUser: 0,
    deleted: false,
  };
  state.channels.set(channel.id, channel);
  guild.channelIds.push(channel.id);
  return channel;
};

export const putRole = (
  state: DoubleState,
  guild: GuildRecord,
  spec: RoleSpec,
  position: number,
): RoleRecord => {
  if (spec.id && state.roles.has(spec.id)) throw new Error(`role id ${spec.id} is already taken`);
  const role: RoleRecord = {
    id: spec.id ?? state.ids.next(),
    guildId: guild.id,
    name: spec.name,
    permissions: toPermissions(spec.permissions, 0n),
    color: spec.color ?? 0,
    position,
    hoist: spec.hoist ?? false,
    mentionable: spec.mentionable ?? false,
    managed: false,
    botId: null,
  };
  state.roles.set(role.id, role);
  guild.roleIds.push(role.id);
  return role;
};

/** Creates a whole guild: @everyone, the roles, the bot's managed role (on top), channels and members. */
export const buildGuild = (state: DoubleState, spec: GuildSpec): GuildRecord => {
  const id =
    spec.id ?? (spec.shard ? state.ids.nextForShard(spec.shard[0], spec.shard[1]) : state.ids.next());
  if (state.guilds.has(id)) throw new Error(`guild id ${id} is already taken`);
  const guild: GuildRecord = {
    id,
    name: spec.name,
    ownerId: '',
    joinedAt: new Date(state.now()).toISOString(),
    channelIds: [],
    roleIds: [],
    memberIds: [],
    locale: spec.locale ?? 'en-US',
    botRoleId: '',
  };
  state.guilds.set(id, guild);
  try {
    const everyone: RoleRecord = {
      id,
      guildId: id,
      name: '@everyone',
      permissions: toPermissions(spec.everyonePermissions, DEFAULT_EVERYONE_PERMISSIONS),
      color: 0,
      position: 0,
      hoist: false,
      mentionable: false,
      managed: false,
      botId: null,
    };
    state.roles.set(id, everyone);
    guild.roleIds.push(id);
    (spec.roles ?? []).forEach((role, index) => {
      putRole(state, guild, role, index + 1);
    });
    const bot = state.users.get(state.botUserId);
    const botRole: RoleRecord = {
      id: state.ids.next(),
      guildId: id,
      name: bot?.username ?? 'Bot',
      permissions: toPermissions(spec.botPermissions, DEFAULT_BOT_PERMISSIONS),
      color: 0,
      position: (spec.roles ?? []).length + 1,
      hoist: false,
      mentionable: false,
      managed: true,
      botId: state.botUserId,
    };
    state.roles.set(botRole.id, botRole);
    guild.roleIds.push(botRole.id);
    guild.botRoleId = botRole.id;
    for (const member of spec.members ?? [])
      putMember(state, guild, typeof member === 'string' ? { username: member } : member);
    const botMember: MemberRecord = {
      guildId: id,
      userId: state.botUserId,
      roleIds: [botRole.id],
      nick: null,
      joinedAt: guild.joinedAt,
    };
    state.members.set(memberKey(id, state.botUserId), botMember);
    guild.memberIds.push(state.botUserId);
    if (spec.owner !== undefined) {
      const owner = state.findUserByName(spec.owner) ?? state.users.get(spec.owner);
      if (!owner || !state.member(id, owner.id))
        throw new Error(`guild ${spec.name}: owner "${spec.owner}" is not one of its members`);
      guild.ownerId = owner.id;
    } else {
      guild.ownerId = putMember(state, guild, { username: `${slug(spec.name)}-owner` }).userId;
    }
    // Channels last: their overwrites may name roles and members.
    for (const channel of spec.channels ?? ['general']) putChannel(state, guild, channel);
    return guild;
  } catch (error) {
    for (const roleId of guild.roleIds) state.roles.delete(roleId);
    for (const channelId of guild.channelIds) state.channels.delete(channelId);
    for (const userId of guild.memberIds) state.members.delete(memberKey(id, userId));
    state.guilds.delete(id);
    throw error;
  }
};

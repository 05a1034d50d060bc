import { MessageFlags, THREAD_TYPES } from './constants.js';
import { clone, type JsonObject } from './json.js';
import type {
  AttachmentRecord,
  ChannelRecord,
  DoubleState,
  GuildRecord,
  MemberRecord,
  MessageRecord,
  RoleRecord,
  UserRecord,
} from './state.js';

/** Builds Discord API objects (snake_case JSON) from the double's records. */

const iso = (ms: number) => new Date(ms).toISOString();

export const apiUser = (user: UserRecord): JsonObject => ({
  id: user.id,
  username: user.username,
  global_name: user.globalName,
  discriminator: '0',
  avatar: null,
  bot: user.bot,
  system: false,
  public_flags: 0,
  flags: 0,
  banner: null,
  accent_color: null,
  avatar_decoration_data: null,
  collectibles: null,
  primary_guild: null,
});

export const apiUserById = (state: DoubleState, userId: string): JsonObject => {
  const user = state.users.get(userId);
  return user
    ? apiUser(user)
    : { id: userId, username: `unknown-${userId}`, global_name: null, discriminator: '0', avatar: null };
};

export const apiRole = (role: RoleRecord): JsonObject => ({
  id: role.id,
  name: role.name,
  color: role.color,
  colors: { primary_color: role.color, secondary_color: null, tertiary_color: null },
  hoist: role.hoist,
  icon: null,
  unicode_emoji: null,
  position: role.position,
  permissions: role.permissions.toString(),
  managed: role.managed,
  mentionable: role.mentionable,
  flags: 0,
  ...(role.botId ? { tags: { bot_id: role.botId } } : {}),
});

export const apiMember = (state: DoubleState, member: MemberRecord, withUser = true): JsonObject => ({
  ...(withUser ? { user: apiUserById(state, member.userId) } : {}),
  nick: member.nick,
  avatar: null,
  banner: null,
  roles: [...member.roleIds],
  joined_at: member.joinedAt,
  premium_since: null,
  deaf: false,
  mute: false,
  flags: 0,
  pending: false,
  communication_disabled_until: null,
});

export const apiThreadMember = (channel: ChannelRecord, userId: string): JsonObject => ({
  id: channel.id,
  user_id: userId,
  join_timestamp: channel.thread?.createTimestamp ?? new Date().toISOString(),
  flags: 0,
});

export const apiChannel = (state: DoubleState, channel: ChannelRecord, forUserId?: string): JsonObject => {
  if (channel.guildId === null) {
    return {
      id: channel.id,
      type: channel.type,
      flags: 0,
      last_message_id: channel.lastMessageId,
      recipients: channel.recipientIds.map((id) => apiUserById(state, id)),
    };
  }
  const base: JsonObject = {
    id: channel.id,
    type: channel.type,
    guild_id: channel.guildId,
    name: channel.name,
    parent_id: channel.parentId,
    flags: 0,
    rate_limit_per_user: channel.rateLimitPerUser,
    last_message_id: channel.lastMessageId,
  };
  const thread = channel.thread;
  if (thread && THREAD_TYPES.has(channel.type)) {
    return {
      ...base,
      owner_id: thread.ownerId,
      message_count: thread.messageCount,
      member_count: Math.min(thread.memberIds.size, 50),
      total_message_sent: thread.totalMessageSent,
      applied_tags: [],
      thread_metadata: {
        archived: thread.archived,
        auto_archive_duration: thread.autoArchiveDuration,
        archive_timestamp: thread.archiveTimestamp,
        locked: thread.locked,
        invitable: thread.invitable,
        create_timestamp: thread.createTimestamp,
      },
      ...(forUserId && thread.memberIds.has(forUserId)
        ? { member: apiThreadMember(channel, forUserId) }
        : {}),
    };
  }
  return {
    ...base,
    position: channel.position,
    permission_overwrites: channel.overwrites.map((o) => ({
      id: o.id,
      type: o.type,
      allow: o.allow.toString(),
      deny: o.deny.toString(),
    })),
    nsfw: false,
    topic: channel.topic,
  };
};

export const apiAttachment = (attachment: AttachmentRecord): JsonObject => ({
  id: attachment.id,
  filename: attachment.filename,
  ...(attachment.description === null ? {} : { description: attachment.description }),
  ...(attachment.contentType === null ? {} : { content_type: attachment.contentType }),
  size: attachment.size,
  url: attachment.url,
  proxy_url: attachment.url,
});

export const apiMessage = (state: DoubleState, message: MessageRecord): JsonObject => {
  const out: JsonObject = {
    id: message.id,
    type: message.type,
    channel_id: message.channelId,
    author: apiUserById(state, message.authorId),
    content: message.content,
    embeds: clone(message.embeds),
    components: clone(message.components),
    attachments: message.attachments.map(apiAttachment),
    mentions: message.mentions.map((id) => apiUserById(state, id)),
    mention_roles: [...message.mentionRoles],
    mention_everyone: message.mentionEveryone,
    mention_channels: [],
    pinned: message.pinned,
    tts: message.tts,
    timestamp: iso(message.createdAt),
    edited_timestamp: message.editedAt === null ? null : iso(message.editedAt),
    flags: message.flags,
    sticker_items: [],
  };
  if (message.allowedMentions !== undefined) out.allowed_mentions = clone(message.allowedMentions);
  if (message.guildId) out.guild_id = message.guildId;
  if (message.webhookId) {
    out.webhook_id = message.webhookId;
    out.application_id = message.webhookId;
  }
  if (message.nonce !== null) out.nonce = message.nonce;
  if (message.reactions.size > 0) {
    out.reactions = [...message.reactions.entries()].map(([emoji, users]) => ({
      emoji: parseEmoji(emoji),
      count: users.size,
      count_details: { burst: 0, normal: users.size },
      me: users.has(state.botUserId),
      me_burst: false,
      burst_colors: [],
    }));
  }
  if (message.reference) {
    out.message_reference = {
      type: 0,
      message_id: message.reference.messageId,
      channel_id: message.reference.channelId,
      ...(message.reference.guildId ? { guild_id: message.reference.guildId } : {}),
    };
    const referenced = state.messages.get(message.reference.messageId);
    out.referenced_message = referenced && !referenced.deleted ? apiMessageShallow(state, referenced) : null;
  }
  if (message.interaction) {
    const ref = message.interaction;
    const user = apiUserById(state, ref.userId);
    out.interaction_metadata = {
      id: ref.id,
      type: ref.type,
      user,
      authorizing_integration_owners: message.guildId ? { '0': message.guildId } : { '1': ref.userId },
      ...(ref.originalResponseMessageId
        ? { original_response_message_id: ref.originalResponseMessageId }
        : {}),
      ...(ref.interactedMessageId ? { interacted_message_id: ref.interactedMessageId } : {}),
    };
    if (ref.commandName !== null) {
      out.interaction = { id: ref.id, type: ref.type, name: ref.commandName, user };
    }
  }
  if (message.threadId) {
    const thread = state.channels.get(message.threadId);
    if (thread && !thread.deleted) out.thread = apiChannel(state, thread, state.botUserId);
  }
  if (message.poll !== undefined) out.poll = clone(message.poll);
  if (message.ephemeral && (message.flags & MessageFlags.Ephemeral) === 0)
    out.flags = message.flags | MessageFlags.Ephemeral;
  return out;
};

/** A referenced message without its own reference chain. */
const apiMessageShallow = (state: DoubleState, message: MessageRecord): JsonObject =>
  apiMessage(state, { ...message, reference: null });

const parseEmoji = (emoji: string): JsonObject => {
  const custom = /^(?:a:)?([^:]+):(\d+)$/.exec(emoji);
  return custom ? { id: custom[2] ?? null, name: custom[1] ?? null } : { id: null, name: emoji };
};

export const apiGuild = (state: DoubleState, guild: GuildRecord): JsonObject => ({
  id: guild.id,
  name: guild.name,
  icon: null,
  icon_hash: null,
  splash: null,
  discovery_splash: null,
  owner_id: guild.ownerId,
  afk_channel_id: null,
  afk_timeout: 300,
  widget_enabled: false,
  verification_level: 0,
  default_message_notifications: 1,
  explicit_content_filter: 0,
  roles: guild.roleIds.flatMap((id) => {
    const role = state.roles.get(id);
    return role ? [apiRole(role)] : [];
  }),
  emojis: [],
  stickers: [],
  features: [],
  mfa_level: 0,
  application_id: null,
  system_channel_id: null,
  system_channel_flags: 0,
  rules_channel_id: null,
  max_members: 500000,
  vanity_url_code: null,
  description: null,
  banner: null,
  premium_tier: 0,
  premium_subscription_count: 0,
  preferred_locale: guild.locale,
  public_updates_channel_id: null,
  safety_alerts_channel_id: null,
  nsfw_level: 0,
  premium_progress_bar_enabled: false,
});

const isLiveThread = (channel: ChannelRecord | undefined): channel is ChannelRecord =>
  channel !== undefined && !channel.deleted && channel.thread !== null && !channel.thread.archived;

/** The full GUILD_CREATE payload: guild plus channels, active threads, roles and members. */
export const apiGuildCreate = (state: DoubleState, guild: GuildRecord): JsonObject => {
  const channels = guild.channelIds.flatMap((id) => {
    const channel = state.channels.get(id);
    return channel && !channel.deleted ? [channel] : [];
  });
  return {
    ...apiGuild(state, guild),
    joined_at: guild.joinedAt,
    large: false,
    unavailable: false,
    member_count: guild.memberIds.length,
    voice_states: [],
    members: guild.memberIds.flatMap((userId) => {
      const member = state.member(guild.id, userId);
      return member ? [apiMember(state, member)] : [];
    }),
    channels: channels.filter((c) => c.thread === null).map((c) => apiChannel(state, c)),
    threads: [...state.channels.values()]
      .filter((c) => c.guildId === guild.id && isLiveThread(c))
      .map((c) => apiChannel(state, c, state.botUserId)),
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
};

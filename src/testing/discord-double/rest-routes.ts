import { createThread, dmChannelWith } from './channels.js';
import { apiCommand, commandsIn, overwriteCommands, patchCommand, upsertCommand } from './commands.js';
import {
  ChannelType,
  ErrorCode,
  Intent,
  MessageFlags,
  MessageType,
  Permission,
  TEXT_CHANNEL_TYPES,
  THREAD_TYPES,
} from './constants.js';
import type { DoubleContext } from './context.js';
import { badRequest, DiscordApiError, missingAccess, missingPermissions, notFound } from './errors.js';
import {
  emitChannelEvent,
  emitMessageCreate,
  emitMessageDelete,
  emitMessageUpdate,
  emitThreadMembersUpdate,
} from './events.js';
import {
  createFollowUp,
  deleteWebhookMessage,
  editWebhookMessage,
  handleCallback,
  interactionForWebhook,
  webhookMessage,
} from './interactions.js';
import { asRecord, type JsonObject, optBoolean, optId, optNumber, optString, stringArray } from './json.js';
import { buildMessage, editMessage } from './messages.js';
import { channelPermissions, has } from './permissions.js';
import type { RouteDefinition, RouteRequest, RouteResponse } from './router.js';
import {
  apiChannel,
  apiGuild,
  apiMember,
  apiMessage,
  apiRole,
  apiThreadMember,
  apiUser,
} from './serialize.js';
import type { ChannelRecord, CommandRecord, GuildRecord, MessageRecord } from './state.js';

/** The REST API: one handler per Discord route the bot may call. */

type Handler = (ctx: DoubleContext, request: RouteRequest) => RouteResponse;

const ok = (body: unknown): RouteResponse => ({ status: 200, body });
const created = (body: unknown): RouteResponse => ({ status: 201, body });
const noContent: RouteResponse = { status: 204 };

const param = (request: RouteRequest, name: string): string => request.params[name] ?? '';
const body = (request: RouteRequest): JsonObject => asRecord(request.body);

// ---------------------------------------------------------------- lookups and permission checks

const guildOr404 = (ctx: DoubleContext, guildId: string): GuildRecord => {
  const guild = ctx.state.guilds.get(guildId);
  if (!guild) throw notFound(ErrorCode.UnknownGuild, 'Guild');
  return guild;
};

const channelOr404 = (ctx: DoubleContext, channelId: string): ChannelRecord => {
  const channel = ctx.state.channels.get(channelId);
  if (!channel || channel.deleted) throw notFound(ErrorCode.UnknownChannel, 'Channel');
  return channel;
};

const botPermissions = (ctx: DoubleContext, channel: ChannelRecord) =>
  channelPermissions(ctx.state, channel, ctx.state.botUserId);

/** 403 Missing Access without View Channel, 403 Missing Permissions without any of `needed`. */
const requirePermissions = (ctx: DoubleContext, channel: ChannelRecord, ...needed: bigint[]): void => {
  const permissions = botPermissions(ctx, channel);
  if (!has(permissions, Permission.ViewChannel)) throw missingAccess();
  for (const flag of needed) if (!has(permissions, flag)) throw missingPermissions();
};

const requireGuildPermission = (ctx: DoubleContext, guild: GuildRecord, flag: bigint): void => {
  let permissions = ctx.state.roles.get(guild.id)?.permissions ?? 0n;
  const member = ctx.state.member(guild.id, ctx.state.botUserId);
  for (const roleId of member?.roleIds ?? []) permissions |= ctx.state.roles.get(roleId)?.permissions ?? 0n;
  if (!has(permissions, Permission.Administrator) && !has(permissions, flag)) throw missingPermissions();
};

/** A message the bot can see through channel routes (not deleted, not ephemeral). */
const messageOr404 = (ctx: DoubleContext, channel: ChannelRecord, messageId: string): MessageRecord => {
  const message = ctx.state.messages.get(messageId);
  if (!message || message.deleted || message.ephemeral || message.channelId !== channel.id)
    throw notFound(ErrorCode.UnknownMessage, 'Message');
  return message;
};

const visibleMessages = (ctx: DoubleContext, channelId: string) =>
  ctx.state.allChannelMessages(channelId).filter((m) => !m.deleted && !m.ephemeral);

const requireApplication = (ctx: DoubleContext, request: RouteRequest): void => {
  if (param(request, 'applicationId') !== ctx.state.applicationId)
    throw new DiscordApiError(
      403,
      ErrorCode.NotAuthorizedForApplication,
      'You are not authorized to perform this action on this application',
    );
};

// ---------------------------------------------------------------- gateway, users, application

const gatewayBot: Handler = (ctx) =>
  ok({
    url: ctx.gateway.url,
    shards: ctx.recommendedShards,
    session_start_limit: { total: 1000, remaining: 1000, reset_after: 14_400_000, max_concurrency: 16 },
  });

const currentUser: Handler = (ctx) => {
  const bot = ctx.state.users.get(ctx.state.botUserId);
  return ok({ ...(bot ? apiUser(bot) : {}), verified: true, mfa_enabled: false, email: null });
};

const getUser: Handler = (ctx, request) => {
  const user = ctx.state.users.get(param(request, 'userId'));
  if (!user) throw notFound(ErrorCode.UnknownUser, 'User');
  return ok(apiUser(user));
};

const currentApplication: Handler = (ctx) => {
  const bot = ctx.state.users.get(ctx.state.botUserId);
  return ok({
    id: ctx.state.applicationId,
    name: bot?.username ?? 'Bot',
    icon: null,
    description: '',
    summary: '',
    type: null,
    hook: true,
    bot_public: true,
    bot_require_code_grant: false,
    verify_key: '0'.repeat(64),
    flags: ctx.applicationFlags,
    team: null,
    owner: bot ? apiUser(bot) : undefined,
    bot: bot ? apiUser(bot) : undefined,
    approximate_guild_count: ctx.state.guilds.size,
    integration_types_config: { '0': {} },
    tags: [],
  });
};

const createDm: Handler = (ctx, request) => {
  const recipientId = optId(body(request).recipient_id);
  const user = recipientId ? ctx.state.users.get(recipientId) : undefined;
  if (!user || user.bot) throw notFound(ErrorCode.UnknownUser, 'User');
  return ok(apiChannel(ctx.state, dmChannelWith(ctx, user.id)));
};

// ---------------------------------------------------------------- application commands

const guildScope = (ctx: DoubleContext, request: RouteRequest): string | null => {
  const guildId = request.params.guildId;
  if (guildId === undefined) return null;
  guildOr404(ctx, guildId);
  return guildId;
};

const commandOr404 = (ctx: DoubleContext, request: RouteRequest): CommandRecord => {
  const command = ctx.state.commands.get(param(request, 'commandId'));
  if (!command || command.guildId !== (request.params.guildId ?? null))
    throw notFound(ErrorCode.UnknownApplicationCommand, 'application command');
  return command;
};

const listCommands: Handler = (ctx, request) => {
  requireApplication(ctx, request);
  return ok(commandsIn(ctx.state, guildScope(ctx, request)).map((c) => apiCommand(ctx.state, c)));
};

const putCommands: Handler = (ctx, request) => {
  requireApplication(ctx, request);
  const records = overwriteCommands(ctx.state, guildScope(ctx, request), request.body);
  return ok(records.map((c) => apiCommand(ctx.state, c)));
};

const postCommand: Handler = (ctx, request) => {
  requireApplication(ctx, request);
  const result = upsertCommand(ctx.state, guildScope(ctx, request), request.body);
  return { status: result.created ? 201 : 200, body: apiCommand(ctx.state, result.record) };
};

const getCommand: Handler = (ctx, request) => {
  requireApplication(ctx, request);
  return ok(apiCommand(ctx.state, commandOr404(ctx, request)));
};

const editCommand: Handler = (ctx, request) => {
  requireApplication(ctx, request);
  return ok(apiCommand(ctx.state, patchCommand(ctx.state, commandOr404(ctx, request), request.body)));
};

const deleteCommand: Handler = (ctx, request) => {
  requireApplication(ctx, request);
  ctx.state.commands.delete(commandOr404(ctx, request).id);
  ctx.state.notifier.notify('commands');
  return noContent;
};

// ---------------------------------------------------------------- interactions and webhooks

const interactionCallback: Handler = (ctx, request) => {
  const interaction = ctx.state.interactions.get(param(request, 'interactionId'));
  if (!interaction || interaction.token !== param(request, 'token'))
    throw notFound(ErrorCode.UnknownInteraction, 'interaction');
  const result = handleCallback(
    ctx,
    interaction,
    body(request),
    request.files,
    request.query.get('with_response') === 'true',
  );
  return { status: result.status, body: result.body };
};

const executeWebhook: Handler = (ctx, request) => {
  const interaction = interactionForWebhook(ctx, param(request, 'applicationId'), param(request, 'token'));
  const message = createFollowUp(ctx, interaction, body(request), request.files);
  return request.query.get('wait') === 'true' ? ok(apiMessage(ctx.state, message)) : noContent;
};

const getWebhookMessage: Handler = (ctx, request) => {
  const interaction = interactionForWebhook(ctx, param(request, 'applicationId'), param(request, 'token'));
  return ok(apiMessage(ctx.state, webhookMessage(ctx, interaction, param(request, 'messageId'))));
};

const patchWebhookMessage: Handler = (ctx, request) => {
  const interaction = interactionForWebhook(ctx, param(request, 'applicationId'), param(request, 'token'));
  const message = editWebhookMessage(
    ctx,
    interaction,
    param(request, 'messageId'),
    body(request),
    request.files,
  );
  return ok(apiMessage(ctx.state, message));
};

const deleteWebhookMessageRoute: Handler = (ctx, request) => {
  const interaction = interactionForWebhook(ctx, param(request, 'applicationId'), param(request, 'token'));
  deleteWebhookMessage(ctx, interaction, param(request, 'messageId'));
  return noContent;
};

// ---------------------------------------------------------------- channels and messages

const getChannel: Handler = (ctx, request) => {
  const channel = channelOr404(ctx, param(request, 'channelId'));
  if (channel.guildId) requirePermissions(ctx, channel);
  return ok(apiChannel(ctx.state, channel, ctx.state.botUserId));
};

const unarchiveOnActivity = (ctx: DoubleContext, channel: ChannelRecord): void => {
  const thread = channel.thread;
  if (!thread?.archived) return;
  if (thread.locked && !has(botPermissions(ctx, channel), Permission.ManageThreads))
    throw new DiscordApiError(400, ErrorCode.ThreadArchived, 'Thread is locked');
  thread.archived = false;
  thread.archiveTimestamp = new Date().toISOString();
  emitChannelEvent(ctx, channel, 'UPDATE');
};

const postMessage: Handler = (ctx, request) => {
  const channel = channelOr404(ctx, param(request, 'channelId'));
  if (!TEXT_CHANNEL_TYPES.has(channel.type))
    throw new DiscordApiError(400, 50008, 'Cannot send messages in a non-text channel');
  if (channel.guildId) {
    const isThread = THREAD_TYPES.has(channel.type);
    requirePermissions(ctx, channel, isThread ? Permission.SendMessagesInThreads : Permission.SendMessages);
    if (request.files.length > 0) requirePermissions(ctx, channel, Permission.AttachFiles);
    if (isThread) unarchiveOnActivity(ctx, channel);
  } else {
    const recipient = ctx.state.users.get(channel.recipientIds[0] ?? '');
    if (!recipient?.dmsOpen)
      throw new DiscordApiError(403, ErrorCode.CannotSendToUser, 'Cannot send messages to this user');
  }
  const message = buildMessage(ctx, {
    channel,
    authorId: ctx.state.botUserId,
    body: body(request),
    files: request.files,
    type: MessageType.Default,
    ephemeral: false,
    visibleTo: null,
    webhookId: null,
    interaction: null,
  });
  ctx.state.addMessage(message);
  emitMessageCreate(ctx, message);
  return ok(apiMessage(ctx.state, message));
};

const listMessages: Handler = (ctx, request) => {
  const channel = channelOr404(ctx, param(request, 'channelId'));
  if (channel.guildId) requirePermissions(ctx, channel, Permission.ReadMessageHistory);
  const limit = Math.min(100, Math.max(1, Number(request.query.get('limit') ?? 50) || 50));
  const newestFirst = visibleMessages(ctx, channel.id).reverse();
  const before = request.query.get('before');
  const after = request.query.get('after');
  const around = request.query.get('around');
  const big = (id: string) => BigInt(id);
  let selected: MessageRecord[];
  if (before) selected = newestFirst.filter((m) => big(m.id) < big(before)).slice(0, limit);
  else if (after) selected = newestFirst.filter((m) => big(m.id) > big(after)).slice(-limit);
  else if (around) {
    const index = newestFirst.findIndex((m) => big(m.id) <= big(around));
    const start = Math.max(0, (index < 0 ? newestFirst.length : index) - Math.floor(limit / 2));
    selected = newestFirst.slice(start, start + limit);
  } else selected = newestFirst.slice(0, limit);
  return ok(selected.map((m) => apiMessage(ctx.state, m)));
};

const getMessage: Handler = (ctx, request) => {
  const channel = channelOr404(ctx, param(request, 'channelId'));
  if (channel.guildId) requirePermissions(ctx, channel, Permission.ReadMessageHistory);
  return ok(apiMessage(ctx.state, messageOr404(ctx, channel, param(request, 'messageId'))));
};

const patchMessage: Handler = (ctx, request) => {
  const channel = channelOr404(ctx, param(request, 'channelId'));
  const message = messageOr404(ctx, channel, param(request, 'messageId'));
  if (message.authorId !== ctx.state.botUserId)
    throw new DiscordApiError(
      403,
      ErrorCode.CannotEditOtherUsersMessage,
      'Cannot edit a message authored by another user',
    );
  editMessage(ctx, message, body(request), request.files);
  emitMessageUpdate(ctx, message);
  return ok(apiMessage(ctx.state, message));
};

const deleteMessage: Handler = (ctx, request) => {
  const channel = channelOr404(ctx, param(request, 'channelId'));
  const message = messageOr404(ctx, channel, param(request, 'messageId'));
  if (message.authorId !== ctx.state.botUserId && channel.guildId)
    requirePermissions(ctx, channel, Permission.ManageMessages);
  message.deleted = true;
  ctx.state.messageChanged(message);
  emitMessageDelete(ctx, message);
  return noContent;
};

const bulkDelete: Handler = (ctx, request) => {
  const channel = channelOr404(ctx, param(request, 'channelId'));
  requirePermissions(ctx, channel, Permission.ManageMessages);
  const ids = stringArray(body(request).messages);
  if (ids.length < 2 || ids.length > 100)
    throw badRequest('messages: must hold between 2 and 100 ids', ErrorCode.InvalidFormBody);
  for (const id of ids) {
    const message = ctx.state.messages.get(id);
    if (!message || message.channelId !== channel.id || message.deleted || message.ephemeral) continue;
    message.deleted = true;
    ctx.state.messageChanged(message);
    emitMessageDelete(ctx, message);
  }
  return noContent;
};

const pin =
  (pinned: boolean): Handler =>
  (ctx, request) => {
    const channel = channelOr404(ctx, param(request, 'channelId'));
    const message = messageOr404(ctx, channel, param(request, 'messageId'));
    if (channel.guildId) requirePermissions(ctx, channel, Permission.ManageMessages);
    message.pinned = pinned;
    ctx.state.messageChanged(message);
    ctx.gateway.dispatch(
      'CHANNEL_PINS_UPDATE',
      {
        channel_id: channel.id,
        ...(channel.guildId ? { guild_id: channel.guildId } : {}),
        last_pin_timestamp: new Date().toISOString(),
      },
      { guildId: channel.guildId },
    );
    return noContent;
  };

const listPins =
  (shape: 'items' | 'array'): Handler =>
  (ctx, request) => {
    const channel = channelOr404(ctx, param(request, 'channelId'));
    const pinned = visibleMessages(ctx, channel.id)
      .filter((m) => m.pinned)
      .reverse();
    return shape === 'array'
      ? ok(pinned.map((m) => apiMessage(ctx.state, m)))
      : ok({
          items: pinned.map((m) => ({
            pinned_at: new Date(m.editedAt ?? m.createdAt).toISOString(),
            message: apiMessage(ctx.state, m),
          })),
          has_more: false,
        });
  };

const react =
  (add: boolean): Handler =>
  (ctx, request) => {
    const channel = channelOr404(ctx, param(request, 'channelId'));
    const message = messageOr404(ctx, channel, param(request, 'messageId'));
    if (channel.guildId)
      requirePermissions(
        ctx,
        channel,
        Permission.ReadMessageHistory,
        ...(add ? [Permission.AddReactions] : []),
      );
    const emoji = param(request, 'emoji');
    const users = message.reactions.get(emoji) ?? new Set<string>();
    if (add) users.add(ctx.state.botUserId);
    else users.delete(ctx.state.botUserId);
    if (users.size > 0) message.reactions.set(emoji, users);
    else message.reactions.delete(emoji);
    ctx.state.messageChanged(message);
    return noContent;
  };

const clearReactions: Handler = (ctx, request) => {
  const channel = channelOr404(ctx, param(request, 'channelId'));
  const message = messageOr404(ctx, channel, param(request, 'messageId'));
  if (channel.guildId) requirePermissions(ctx, channel, Permission.ManageMessages);
  message.reactions.clear();
  ctx.state.messageChanged(message);
  return noContent;
};

const typing: Handler = (ctx, request) => {
  channelOr404(ctx, param(request, 'channelId'));
  return noContent;
};

const patchChannel: Handler = (ctx, request) => {
  const channel = channelOr404(ctx, param(request, 'channelId'));
  const b = body(request);
  if (channel.guildId === null) throw missingPermissions();
  const thread = channel.thread;
  if (thread) {
    const owner = thread.ownerId === ctx.state.botUserId;
    const onlyArchiving = Object.keys(b).every((k) => k === 'archived' || k === 'auto_archive_duration');
    if (!(owner && onlyArchiving)) requirePermissions(ctx, channel, Permission.ManageThreads);
    const archived = optBoolean(b.archived);
    if (archived !== undefined && archived !== thread.archived) {
      thread.archived = archived;
      thread.archiveTimestamp = new Date().toISOString();
    }
    const locked = optBoolean(b.locked);
    if (locked !== undefined) thread.locked = locked;
    const invitable = optBoolean(b.invitable);
    if (invitable !== undefined) thread.invitable = invitable;
    const duration = optNumber(b.auto_archive_duration);
    if (duration !== undefined) thread.autoArchiveDuration = duration;
  } else {
    requirePermissions(ctx, channel, Permission.ManageChannels);
    if ('topic' in b) channel.topic = optString(b.topic) ?? null;
    const parentId = optId(b.parent_id);
    if (parentId !== undefined) channel.parentId = parentId;
    const position = optNumber(b.position);
    if (position !== undefined) channel.position = position;
  }
  const name = optString(b.name);
  if (name !== undefined) {
    if (name.length < 1 || name.length > 100)
      throw badRequest('name: must be between 1 and 100 in length', ErrorCode.InvalidFormBody);
    channel.name = name;
  }
  const rate = optNumber(b.rate_limit_per_user);
  if (rate !== undefined) channel.rateLimitPerUser = rate;
  ctx.state.notifier.notify('channels', `channel:${channel.id}`);
  emitChannelEvent(ctx, channel, 'UPDATE');
  return ok(apiChannel(ctx.state, channel, ctx.state.botUserId));
};

const deleteChannel: Handler = (ctx, request) => {
  const channel = channelOr404(ctx, param(request, 'channelId'));
  if (channel.guildId === null) return ok(apiChannel(ctx.state, channel));
  requirePermissions(ctx, channel, channel.thread ? Permission.ManageThreads : Permission.ManageChannels);
  channel.deleted = true;
  ctx.state.notifier.notify('channels', `channel:${channel.id}`);
  emitChannelEvent(ctx, channel, 'DELETE');
  return ok(apiChannel(ctx.state, channel));
};

// ---------------------------------------------------------------- threads

const threadName = (b: JsonObject): string => {
  const name = optString(b.name);
  if (name === undefined || name.length < 1 || name.length > 100)
    throw new DiscordApiError(400, ErrorCode.InvalidFormBody, 'Invalid Form Body', {
      name: { _errors: [{ code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 100 in length.' }] },
    });
  return name;
};

const THREAD_PARENTS: ReadonlySet<number> = new Set([
  ChannelType.GuildText,
  ChannelType.GuildAnnouncement,
  ChannelType.GuildForum,
  ChannelType.GuildMedia,
]);

const threadFromMessage: Handler = (ctx, request) => {
  const parent = channelOr404(ctx, param(request, 'channelId'));
  if (parent.type !== ChannelType.GuildText && parent.type !== ChannelType.GuildAnnouncement)
    throw badRequest('Cannot start a thread in this channel type', ErrorCode.InvalidFormBody);
  const message = messageOr404(ctx, parent, param(request, 'messageId'));
  requirePermissions(ctx, parent, Permission.CreatePublicThreads);
  if (message.threadId)
    throw new DiscordApiError(400, 160004, 'A thread has already been created for this message');
  const b = body(request);
  const thread = createThread(ctx, {
    parent,
    id: message.id,
    name: threadName(b),
    type:
      parent.type === ChannelType.GuildAnnouncement
        ? ChannelType.AnnouncementThread
        : ChannelType.PublicThread,
    ownerId: ctx.state.botUserId,
    autoArchiveDuration: optNumber(b.auto_archive_duration),
    rateLimitPerUser: optNumber(b.rate_limit_per_user),
  });
  message.threadId = thread.id;
  message.flags |= MessageFlags.HasThread;
  ctx.state.messageChanged(message);
  emitMessageUpdate(ctx, message);
  return created(apiChannel(ctx.state, thread, ctx.state.botUserId));
};

const threadWithoutMessage: Handler = (ctx, request) => {
  const parent = channelOr404(ctx, param(request, 'channelId'));
  if (!THREAD_PARENTS.has(parent.type))
    throw badRequest('Cannot start a thread in this channel type', ErrorCode.InvalidFormBody);
  const b = body(request);
  const name = threadName(b);
  const isForum = parent.type === ChannelType.GuildForum || parent.type === ChannelType.GuildMedia;
  const requestedType = optNumber(b.type) ?? ChannelType.PrivateThread;
  const type = isForum ? ChannelType.PublicThread : requestedType;
  if (!THREAD_TYPES.has(type)) throw badRequest('type: not a thread type', ErrorCode.InvalidFormBody);
  requirePermissions(
    ctx,
    parent,
    isForum
      ? Permission.SendMessages
      : type === ChannelType.PrivateThread
        ? Permission.CreatePrivateThreads
        : Permission.CreatePublicThreads,
  );
  if (isForum && !('message' in b))
    throw badRequest('message: a forum post needs a starter message', ErrorCode.InvalidFormBody);
  const id = ctx.state.ids.next();
  const starterBody = asRecord(b.message);
  const thread = createThread(ctx, {
    parent,
    id,
    name,
    type,
    ownerId: ctx.state.botUserId,
    autoArchiveDuration: optNumber(b.auto_archive_duration),
    invitable: optBoolean(b.invitable),
    rateLimitPerUser: optNumber(b.rate_limit_per_user),
  });
  if (!isForum) return created(apiChannel(ctx.state, thread, ctx.state.botUserId));
  let starter: MessageRecord;
  try {
    starter = buildMessage(ctx, {
      channel: thread,
      authorId: ctx.state.botUserId,
      body: starterBody,
      files: request.files,
      type: MessageType.Default,
      ephemeral: false,
      visibleTo: null,
      webhookId: null,
      interaction: null,
      id,
    });
  } catch (error) {
    thread.deleted = true;
    throw error;
  }
  ctx.state.addMessage(starter);
  emitMessageCreate(ctx, starter);
  return created({
    ...apiChannel(ctx.state, thread, ctx.state.botUserId),
    message: apiMessage(ctx.state, starter),
  });
};

const threadOr404 = (ctx: DoubleContext, request: RouteRequest): ChannelRecord => {
  const channel = channelOr404(ctx, param(request, 'channelId'));
  if (!channel.thread) throw badRequest('Not a thread', ErrorCode.General);
  return channel;
};

const threadMemberId = (ctx: DoubleContext, request: RouteRequest): string => {
  const userId = param(request, 'userId');
  return userId === '@me' ? ctx.state.botUserId : userId;
};

const joinThread =
  (join: boolean): Handler =>
  (ctx, request) => {
    const thread = threadOr404(ctx, request);
    const meta = thread.thread;
    if (!meta || !thread.guildId) throw badRequest('Not a thread');
    const userId = threadMemberId(ctx, request);
    if (!ctx.state.member(thread.guildId, userId)) throw notFound(ErrorCode.UnknownMember, 'Member');
    const self = userId === ctx.state.botUserId;
    if (!self) {
      requirePermissions(ctx, thread, Permission.SendMessagesInThreads);
      if (thread.type === ChannelType.PrivateThread && !meta.memberIds.has(ctx.state.botUserId))
        requirePermissions(ctx, thread, Permission.ManageThreads);
      if (!join && meta.ownerId !== ctx.state.botUserId)
        requirePermissions(ctx, thread, Permission.ManageThreads);
    }
    if (meta.archived && meta.locked)
      throw new DiscordApiError(400, ErrorCode.ThreadArchived, 'Thread is archived');
    const changed = join ? !meta.memberIds.has(userId) : meta.memberIds.has(userId);
    if (join) meta.memberIds.add(userId);
    else meta.memberIds.delete(userId);
    if (changed) {
      ctx.state.notifier.notify('channels', `channel:${thread.id}`);
      emitThreadMembersUpdate(ctx, thread, join ? [userId] : [], join ? [] : [userId]);
    }
    return noContent;
  };

const listThreadMembers: Handler = (ctx, request) => {
  const thread = threadOr404(ctx, request);
  return ok([...(thread.thread?.memberIds ?? [])].map((userId) => apiThreadMember(thread, userId)));
};

const getThreadMember: Handler = (ctx, request) => {
  const thread = threadOr404(ctx, request);
  const userId = threadMemberId(ctx, request);
  if (!thread.thread?.memberIds.has(userId)) throw notFound(ErrorCode.UnknownMember, 'Member');
  return ok(apiThreadMember(thread, userId));
};

// ---------------------------------------------------------------- guilds

const getGuild: Handler = (ctx, request) => {
  const guild = guildOr404(ctx, param(request, 'guildId'));
  return ok({
    ...apiGuild(ctx.state, guild),
    ...(request.query.get('with_counts') === 'true'
      ? { approximate_member_count: guild.memberIds.length, approximate_presence_count: 0 }
      : {}),
  });
};

const guildChannels: Handler = (ctx, request) => {
  const guild = guildOr404(ctx, param(request, 'guildId'));
  return ok(
    guild.channelIds.flatMap((id) => {
      const channel = ctx.state.channels.get(id);
      return channel && !channel.deleted && !channel.thread ? [apiChannel(ctx.state, channel)] : [];
    }),
  );
};

const createGuildChannel: Handler = (ctx, request) => {
  const guild = guildOr404(ctx, param(request, 'guildId'));
  requireGuildPermission(ctx, guild, Permission.ManageChannels);
  const b = body(request);
  const name = optString(b.name);
  if (name === undefined || name.length < 1 || name.length > 100)
    throw badRequest('name: must be between 1 and 100 in length', ErrorCode.InvalidFormBody);
  const type = optNumber(b.type) ?? ChannelType.GuildText;
  const channel: ChannelRecord = {
    id: ctx.state.ids.next(),
    type,
    guildId: guild.id,
    name,
    topic: optString(b.topic) ?? null,
    parentId: optId(b.parent_id) ?? null,
    position: optNumber(b.position) ?? guild.channelIds.length,
    overwrites: (Array.isArray(b.permission_overwrites) ? b.permission_overwrites : []).map((raw) => {
      const o = asRecord(raw);
      return {
        id: optId(o.id) ?? '',
        type: optNumber(o.type) === 1 ? 1 : 0,
        allow: BigInt(optId(o.allow) ?? '0'),
        deny: BigInt(optId(o.deny) ?? '0'),
      };
    }),
    recipientIds: [],
    thread: null,
    lastMessageId: null,
    rateLimitPerUser: optNumber(b.rate_limit_per_user) ?? 0,
    deleted: false,
  };
  ctx.state.channels.set(channel.id, channel);
  guild.channelIds.push(channel.id);
  ctx.state.notifier.notify('channels');
  emitChannelEvent(ctx, channel, 'CREATE');
  return created(apiChannel(ctx.state, channel));
};

const guildRoles: Handler = (ctx, request) => {
  const guild = guildOr404(ctx, param(request, 'guildId'));
  return ok(
    guild.roleIds.flatMap((id) => {
      const role = ctx.state.roles.get(id);
      return role ? [apiRole(role)] : [];
    }),
  );
};

const guildRole: Handler = (ctx, request) => {
  const guild = guildOr404(ctx, param(request, 'guildId'));
  const role = ctx.state.roles.get(param(request, 'roleId'));
  if (!role || role.guildId !== guild.id) throw notFound(ErrorCode.UnknownRole, 'Role');
  return ok(apiRole(role));
};

const memberOr404 = (ctx: DoubleContext, request: RouteRequest) => {
  const guild = guildOr404(ctx, param(request, 'guildId'));
  const userId = param(request, 'userId') === '@me' ? ctx.state.botUserId : param(request, 'userId');
  const member = ctx.state.member(guild.id, userId);
  if (!member) throw notFound(ErrorCode.UnknownMember, 'Member');
  return { guild, member };
};

const getMember: Handler = (ctx, request) => ok(apiMember(ctx.state, memberOr404(ctx, request).member));

const listMembers: Handler = (ctx, request) => {
  const guild = guildOr404(ctx, param(request, 'guildId'));
  const limit = Math.min(1000, Math.max(1, Number(request.query.get('limit') ?? 1) || 1));
  const after = BigInt(request.query.get('after') ?? '0');
  const members = guild.memberIds
    .filter((id) => BigInt(id) > after)
    .sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1))
    .slice(0, limit)
    .flatMap((id) => {
      const member = ctx.state.member(guild.id, id);
      return member ? [apiMember(ctx.state, member)] : [];
    });
  return ok(members);
};

const searchMembers: Handler = (ctx, request) => {
  const guild = guildOr404(ctx, param(request, 'guildId'));
  const query = (request.query.get('query') ?? '').toLowerCase();
  const limit = Math.min(1000, Math.max(1, Number(request.query.get('limit') ?? 1) || 1));
  return ok(
    guild.memberIds
      .flatMap((id) => {
        const member = ctx.state.member(guild.id, id);
        const user = ctx.state.users.get(id);
        const names = [user?.username, user?.globalName, member?.nick].filter(
          (n): n is string => typeof n === 'string',
        );
        return member && names.some((n) => n.toLowerCase().startsWith(query)) ? [member] : [];
      })
      .slice(0, limit)
      .map((m) => apiMember(ctx.state, m)),
  );
};

const botTopRolePosition = (ctx: DoubleContext, guild: GuildRecord): number => {
  const member = ctx.state.member(guild.id, ctx.state.botUserId);
  return Math.max(0, ...(member?.roleIds ?? []).map((id) => ctx.state.roles.get(id)?.position ?? 0));
};

const emitMemberUpdate = (ctx: DoubleContext, guildId: string, userId: string) => {
  const member = ctx.state.member(guildId, userId);
  if (!member) return;
  ctx.state.notifier.notify('members', `member:${guildId}:${userId}`);
  ctx.gateway.dispatch(
    'GUILD_MEMBER_UPDATE',
    { guild_id: guildId, ...apiMember(ctx.state, member) },
    { guildId, intent: Intent.GuildMembers },
  );
};

const memberRole =
  (add: boolean): Handler =>
  (ctx, request) => {
    const { guild, member } = memberOr404(ctx, request);
    const role = ctx.state.roles.get(param(request, 'roleId'));
    if (!role || role.guildId !== guild.id) throw notFound(ErrorCode.UnknownRole, 'Role');
    requireGuildPermission(ctx, guild, Permission.ManageRoles);
    if (role.position >= botTopRolePosition(ctx, guild) || role.managed || role.id === guild.id)
      throw missingPermissions();
    const had = member.roleIds.includes(role.id);
    if (add && !had) member.roleIds.push(role.id);
    if (!add && had) member.roleIds = member.roleIds.filter((id) => id !== role.id);
    if (add !== had) emitMemberUpdate(ctx, guild.id, member.userId);
    return noContent;
  };

const patchMember: Handler = (ctx, request) => {
  const { guild, member } = memberOr404(ctx, request);
  const b = body(request);
  if ('nick' in b) {
    requireGuildPermission(
      ctx,
      guild,
      member.userId === ctx.state.botUserId ? Permission.ChangeNickname : Permission.ManageNicknames,
    );
    member.nick = optString(b.nick) ?? null;
  }
  if ('roles' in b) {
    requireGuildPermission(ctx, guild, Permission.ManageRoles);
    const roleIds = stringArray(b.roles);
    for (const id of roleIds) {
      const role = ctx.state.roles.get(id);
      if (!role || role.guildId !== guild.id) throw notFound(ErrorCode.UnknownRole, 'Role');
    }
    member.roleIds = roleIds;
  }
  emitMemberUpdate(ctx, guild.id, member.userId);
  return ok(apiMember(ctx.state, member));
};

const activeThreads: Handler = (ctx, request) => {
  const guild = guildOr404(ctx, param(request, 'guildId'));
  const threads = [...ctx.state.channels.values()].filter(
    (c) => c.guildId === guild.id && !c.deleted && c.thread !== null && !c.thread.archived,
  );
  return ok({
    threads: threads.map((t) => apiChannel(ctx.state, t)),
    members: threads
      .filter((t) => t.thread?.memberIds.has(ctx.state.botUserId))
      .map((t) => apiThreadMember(t, ctx.state.botUserId)),
  });
};

// ---------------------------------------------------------------- the table

const route = (
  method: RouteDefinition<DoubleContext>['method'],
  pattern: string,
  handler: Handler,
  auth = true,
): RouteDefinition<DoubleContext> => ({ method, pattern, handler, auth });

export const ROUTES: readonly RouteDefinition<DoubleContext>[] = [
  route('GET', '/gateway', (ctx) => ok({ url: ctx.gateway.url }), false),
  route('GET', '/gateway/bot', gatewayBot),
  route('GET', '/users/@me', currentUser),
  route('POST', '/users/@me/channels', createDm),
  route('GET', '/users/:userId', getUser),
  route('GET', '/applications/@me', currentApplication),
  route('GET', '/oauth2/applications/@me', currentApplication),

  route('GET', '/applications/:applicationId/commands', listCommands),
  route('PUT', '/applications/:applicationId/commands', putCommands),
  route('POST', '/applications/:applicationId/commands', postCommand),
  route('GET', '/applications/:applicationId/commands/:commandId', getCommand),
  route('PATCH', '/applications/:applicationId/commands/:commandId', editCommand),
  route('DELETE', '/applications/:applicationId/commands/:commandId', deleteCommand),
  route('GET', '/applications/:applicationId/guilds/:guildId/commands', listCommands),
  route('PUT', '/applications/:applicationId/guilds/:guildId/commands', putCommands),
  route('POST', '/applications/:applicationId/guilds/:guildId/commands', postCommand),
  route('GET', '/applications/:applicationId/guilds/:guildId/commands/:commandId', getCommand),
  route('PATCH', '/applications/:applicationId/guilds/:guildId/commands/:commandId', editCommand),
  route('DELETE', '/applications/:applicationId/guilds/:guildId/commands/:commandId', deleteCommand),

  route('POST', '/interactions/:interactionId/:token/callback', interactionCallback, false),
  route('POST', '/webhooks/:applicationId/:token', executeWebhook, false),
  route('GET', '/webhooks/:applicationId/:token/messages/:messageId', getWebhookMessage, false),
  route('PATCH', '/webhooks/:applicationId/:token/messages/:messageId', patchWebhookMessage, false),
  route('DELETE', '/webhooks/:applicationId/:token/messages/:messageId', deleteWebhookMessageRoute, false),

  route('GET', '/channels/:channelId', getChannel),
  route('PATCH', '/channels/:channelId', patchChannel),
  route('DELETE', '/channels/:channelId', deleteChannel),
  route('POST', '/channels/:channelId/typing', typing),
  route('GET', '/channels/:channelId/messages', listMessages),
  route('POST', '/channels/:channelId/messages', postMessage),
  route('POST', '/channels/:channelId/messages/bulk-delete', bulkDelete),
  route('GET', '/channels/:channelId/messages/pins', listPins('items')),
  route('PUT', '/channels/:channelId/messages/pins/:messageId', pin(true)),
  route('DELETE', '/channels/:channelId/messages/pins/:messageId', pin(false)),
  route('GET', '/channels/:channelId/pins', listPins('array')),
  route('PUT', '/channels/:channelId/pins/:messageId', pin(true)),
  route('DELETE', '/channels/:channelId/pins/:messageId', pin(false)),
  route('GET', '/channels/:channelId/messages/:messageId', getMessage),
  route('PATCH', '/channels/:channelId/messages/:messageId', patchMessage),
  route('DELETE', '/channels/:channelId/messages/:messageId', deleteMessage),
  route('POST', '/channels/:channelId/messages/:messageId/threads', threadFromMessage),
  route('DELETE', '/channels/:channelId/messages/:messageId/reactions', clearReactions),
  route('PUT', '/channels/:channelId/messages/:messageId/reactions/:emoji/@me', react(true)),
  route('DELETE', '/channels/:channelId/messages/:messageId/reactions/:emoji/@me', react(false)),
  route('POST', '/channels/:channelId/threads', threadWithoutMessage),
  route('GET', '/channels/:channelId/thread-members', listThreadMembers),
  route('GET', '/channels/:channelId/thread-members/:userId', getThreadMember),
  route('PUT', '/channels/:channelId/thread-members/:userId', joinThread(true)),
  route('DELETE', '/channels/:channelId/thread-members/:userId', joinThread(false)),

  route('GET', '/guilds/:guildId', getGuild),
  route('GET', '/guilds/:guildId/channels', guildChannels),
  route('POST', '/guilds/:guildId/channels', createGuildChannel),
  route('GET', '/guilds/:guildId/roles', guildRoles),
  route('GET', '/guilds/:guildId/roles/:roleId', guildRole),
  route('GET', '/guilds/:guildId/members', listMembers),
  route('GET', '/guilds/:guildId/members/search', searchMembers),
  route('GET', '/guilds/:guildId/members/:userId', getMember),
  route('PATCH', '/guilds/:guildId/members/:userId', patchMember),
  route('PUT', '/guilds/:guildId/members/:userId/roles/:roleId', memberRole(true)),
  route('DELETE', '/guilds/:guildId/members/:userId/roles/:roleId', memberRole(false)),
  route('GET', '/guilds/:guildId/threads/active', activeThreads),
];

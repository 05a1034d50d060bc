import { createThread } from './channels.js';
import {
  ChannelType,
  ErrorCode,
  MessageFlags,
  MessageType,
  Permission,
  TEXT_CHANNEL_TYPES,
  THREAD_TYPES,
} from './constants.js';
import type { DoubleContext } from './context.js';
import { badRequest, DiscordApiError, missingPermissions, notFound } from './errors.js';
import {
  emitChannelEvent,
  emitMessageCreate,
  emitMessageDelete,
  emitMessageUpdate,
  emitThreadMembersUpdate,
} from './events.js';
import { asRecord, type JsonObject, optBoolean, optId, optNumber, optString, stringArray } from './json.js';
import { buildMessage, editMessage } from './messages.js';
import { has } from './permissions.js';
import {
  body,
  botPermissions,
  channelOr404,
  created,
  type Handler,
  messageOr404,
  noContent,
  ok,
  param,
  requirePermissions,
  visibleMessages,
} from './rest-helpers.js';
import type { RouteRequest } from './router.js';
import { apiChannel, apiMessage, apiThreadMember } from './serialize.js';
import type { ChannelRecord, MessageRecord } from './state.js';

/** REST: channels, messages, pins, reactions and threads. */

export const getChannel: Handler = (ctx, request) => {
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
  thread.archiveTimestamp = new Date(ctx.state.now()).toISOString();
  emitChannelEvent(ctx, channel, 'UPDATE');
};

/** How long Discord remembers an enforced nonce ("the past few minutes"). */
const NONCE_WINDOW_MS = 5 * 60_000;

export const postMessage: Handler = (ctx, request) => {
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
  const sent = body(request);
  // Discord: with enforce_nonce, a nonce seen in this channel in the last few minutes returns that message.
  if (sent.enforce_nonce === true && (typeof sent.nonce === 'string' || typeof sent.nonce === 'number')) {
    const nonce = String(sent.nonce);
    const earlier = visibleMessages(ctx, channel.id).find(
      (m) =>
        m.nonce === nonce &&
        m.authorId === ctx.state.botUserId &&
        ctx.state.now() - m.createdAt < NONCE_WINDOW_MS,
    );
    if (earlier) return ok(apiMessage(ctx.state, earlier));
  }
  const message = buildMessage(ctx, {
    channel,
    authorId: ctx.state.botUserId,
    body: sent,
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

export const listMessages: Handler = (ctx, request) => {
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

export const getMessage: Handler = (ctx, request) => {
  const channel = channelOr404(ctx, param(request, 'channelId'));
  if (channel.guildId) requirePermissions(ctx, channel, Permission.ReadMessageHistory);
  return ok(apiMessage(ctx.state, messageOr404(ctx, channel, param(request, 'messageId'))));
};

export const patchMessage: Handler = (ctx, request) => {
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

export const deleteMessage: Handler = (ctx, request) => {
  const channel = channelOr404(ctx, param(request, 'channelId'));
  const message = messageOr404(ctx, channel, param(request, 'messageId'));
  if (message.authorId !== ctx.state.botUserId && channel.guildId)
    requirePermissions(ctx, channel, Permission.ManageMessages);
  message.deleted = true;
  ctx.state.messageChanged(message, 'delete');
  emitMessageDelete(ctx, message);
  return noContent;
};

export const bulkDelete: Handler = (ctx, request) => {
  const channel = channelOr404(ctx, param(request, 'channelId'));
  requirePermissions(ctx, channel, Permission.ManageMessages);
  const ids = stringArray(body(request).messages);
  if (ids.length < 2 || ids.length > 100)
    throw badRequest('messages: must hold between 2 and 100 ids', ErrorCode.InvalidFormBody);
  for (const id of ids) {
    const message = ctx.state.messages.get(id);
    if (!message || message.channelId !== channel.id || message.deleted || message.ephemeral) continue;
    message.deleted = true;
    ctx.state.messageChanged(message, 'delete');
    emitMessageDelete(ctx, message);
  }
  return noContent;
};

export const pin =
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
        last_pin_timestamp: new Date(ctx.state.now()).toISOString(),
      },
      { guildId: channel.guildId },
    );
    return noContent;
  };

export const listPins =
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

export const react =
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

export const clearReactions: Handler = (ctx, request) => {
  const channel = channelOr404(ctx, param(request, 'channelId'));
  const message = messageOr404(ctx, channel, param(request, 'messageId'));
  if (channel.guildId) requirePermissions(ctx, channel, Permission.ManageMessages);
  message.reactions.clear();
  ctx.state.messageChanged(message);
  return noContent;
};

export const typing: Handler = (ctx, request) => {
  channelOr404(ctx, param(request, 'channelId'));
  return noContent;
};

export const patchChannel: Handler = (ctx, request) => {
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
      thread.archiveTimestamp = new Date(ctx.state.now()).toISOString();
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

export const deleteChannel: Handler = (ctx, request) => {
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

export const threadFromMessage: Handler = (ctx, request) => {
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

export const threadWithoutMessage: Handler = (ctx, request) => {
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

export const joinThread =
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

export const listThreadMembers: Handler = (ctx, request) => {
  const thread = threadOr404(ctx, request);
  return ok([...(thread.thread?.memberIds ?? [])].map((userId) => apiThreadMember(thread, userId)));
};

export const getThreadMember: Handler = (ctx, request) => {
  const thread = threadOr404(ctx, request);
  const userId = threadMemberId(ctx, request);
  if (!thread.thread?.memberIds.has(userId)) throw notFound(ErrorCode.UnknownMember, 'Member');
  return ok(apiThreadMember(thread, userId));
};

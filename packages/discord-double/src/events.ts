import { Intent, THREAD_TYPES } from './constants.js';
import type { DoubleContext } from './context.js';
import { apiChannel, apiMember, apiMessage, apiThreadMember } from './serialize.js';
import type { ChannelRecord, MessageRecord } from './state.js';

/** Gateway dispatches that mirror what the bot does over REST (sent only to sessions with the intent). */

const messageIntent = (message: MessageRecord) =>
  message.guildId ? Intent.GuildMessages : Intent.DirectMessages;

export const emitMessageCreate = (ctx: DoubleContext, message: MessageRecord): void => {
  if (message.ephemeral) return;
  const d = apiMessage(ctx.state, message);
  const member = message.guildId ? ctx.state.member(message.guildId, message.authorId) : undefined;
  if (member && message.webhookId === null) d.member = apiMember(ctx.state, member, false);
  ctx.gateway.dispatch('MESSAGE_CREATE', d, { guildId: message.guildId, intent: messageIntent(message) });
};

export const emitMessageUpdate = (ctx: DoubleContext, message: MessageRecord): void => {
  if (message.ephemeral) return;
  ctx.gateway.dispatch('MESSAGE_UPDATE', apiMessage(ctx.state, message), {
    guildId: message.guildId,
    intent: messageIntent(message),
  });
};

export const emitMessageDelete = (ctx: DoubleContext, message: MessageRecord): void => {
  if (message.ephemeral) return;
  ctx.gateway.dispatch(
    'MESSAGE_DELETE',
    {
      id: message.id,
      channel_id: message.channelId,
      ...(message.guildId ? { guild_id: message.guildId } : {}),
    },
    { guildId: message.guildId, intent: messageIntent(message) },
  );
};

export const emitChannelEvent = (
  ctx: DoubleContext,
  channel: ChannelRecord,
  kind: 'CREATE' | 'UPDATE' | 'DELETE',
  extra: Record<string, unknown> = {},
): void => {
  const isThread = THREAD_TYPES.has(channel.type);
  const data = { ...apiChannel(ctx.state, channel, ctx.state.botUserId), ...extra };
  ctx.gateway.dispatch(`${isThread ? 'THREAD' : 'CHANNEL'}_${kind}`, data, {
    guildId: channel.guildId,
    intent: Intent.Guilds,
  });
};

export const emitThreadMembersUpdate = (
  ctx: DoubleContext,
  thread: ChannelRecord,
  added: string[],
  removed: string[],
): void => {
  if (!thread.guildId || !thread.thread) return;
  ctx.gateway.dispatch(
    'THREAD_MEMBERS_UPDATE',
    {
      id: thread.id,
      guild_id: thread.guildId,
      member_count: thread.thread.memberIds.size,
      added_members: added.map((userId) => apiThreadMember(thread, userId)),
      removed_member_ids: removed,
    },
    { guildId: thread.guildId, intent: Intent.GuildMembers },
  );
};

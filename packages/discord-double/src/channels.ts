import { ChannelType } from './constants.js';
import type { DoubleContext } from './context.js';
import { emitChannelEvent } from './events.js';
import type { ChannelRecord } from './state.js';

export interface NewThread {
  readonly parent: ChannelRecord;
  /** Threads started from a message share the message's id. */
  readonly id?: string;
  readonly name: string;
  readonly type: number;
  readonly ownerId: string;
  readonly autoArchiveDuration?: number;
  readonly invitable?: boolean;
  readonly rateLimitPerUser?: number;
}

/** Creates a thread channel under `parent`, joins its owner, and dispatches THREAD_CREATE. */
export const createThread = (ctx: DoubleContext, t: NewThread): ChannelRecord => {
  const now = new Date(ctx.state.now()).toISOString();
  const thread: ChannelRecord = {
    id: t.id ?? ctx.state.ids.next(),
    type: t.type,
    guildId: t.parent.guildId,
    name: t.name,
    topic: null,
    parentId: t.parent.id,
    position: 0,
    overwrites: [],
    recipientIds: [],
    thread: {
      ownerId: t.ownerId,
      archived: false,
      locked: false,
      autoArchiveDuration: t.autoArchiveDuration ?? 4320,
      archiveTimestamp: now,
      createTimestamp: now,
      invitable: t.type === ChannelType.PrivateThread ? (t.invitable ?? true) : true,
      memberIds: new Set([t.ownerId]),
      messageCount: 0,
      totalMessageSent: 0,
    },
    lastMessageId: null,
    rateLimitPerUser: t.rateLimitPerUser ?? 0,
    deleted: false,
  };
  ctx.state.channels.set(thread.id, thread);
  const guild = thread.guildId ? ctx.state.guilds.get(thread.guildId) : undefined;
  guild?.channelIds.push(thread.id);
  ctx.state.notifier.notify(`channel:${t.parent.id}`, 'channels');
  emitChannelEvent(ctx, thread, 'CREATE', { newly_created: true });
  return thread;
};

/** The DM channel between the bot and a user, created on first use (as Discord does). */
export const dmChannelWith = (ctx: DoubleContext, userId: string): ChannelRecord => {
  for (const channel of ctx.state.channels.values()) {
    if (
      channel.type === ChannelType.DM &&
      channel.recipientIds.length === 1 &&
      channel.recipientIds[0] === userId
    )
      return channel;
  }
  const channel: ChannelRecord = {
    id: ctx.state.ids.next(),
    type: ChannelType.DM,
    guildId: null,
    name: null,
    topic: null,
    parentId: null,
    position: 0,
    overwrites: [],
    recipientIds: [userId],
    thread: null,
    lastMessageId: null,
    rateLimitPerUser: 0,
    deleted: false,
  };
  ctx.state.channels.set(channel.id, channel);
  ctx.state.notifier.notify('channels');
  return channel;
};

import type { JsonObject } from './json.js';
import { SnowflakeGenerator } from './snowflake.js';
import { Notifier } from './wait.js';

/** The double's in-memory world. Plain records, mutated only by the REST routes, gateway and driver. */

export interface UserRecord {
  readonly id: string;
  username: string;
  globalName: string | null;
  readonly bot: boolean;
  /** False makes the bot's DMs to this user fail with 50007, as when a user blocks DMs. */
  dmsOpen: boolean;
  locale: string;
}

export interface RoleRecord {
  readonly id: string;
  readonly guildId: string;
  name: string;
  permissions: bigint;
  color: number;
  position: number;
  hoist: boolean;
  mentionable: boolean;
  managed: boolean;
  /** Set for the bot's managed role. */
  botId: string | null;
}

export interface OverwriteRecord {
  readonly id: string;
  /** 0 = role, 1 = member. */
  readonly type: 0 | 1;
  allow: bigint;
  deny: bigint;
}

export interface ThreadMetadata {
  ownerId: string;
  archived: boolean;
  locked: boolean;
  autoArchiveDuration: number;
  archiveTimestamp: string;
  createTimestamp: string;
  invitable: boolean;
  memberIds: Set<string>;
  messageCount: number;
  totalMessageSent: number;
}

export interface ChannelRecord {
  readonly id: string;
  readonly type: number;
  readonly guildId: string | null;
  name: string | null;
  topic: string | null;
  parentId: string | null;
  position: number;
  overwrites: OverwriteRecord[];
  /** DM participants other than the bot. */
  recipientIds: string[];
  thread: ThreadMetadata | null;
  lastMessageId: string | null;
  rateLimitPerUser: number;
  deleted: boolean;
}

export interface MemberRecord {
  readonly guildId: string;
  readonly userId: string;
  roleIds: string[];
  nick: string | null;
  joinedAt: string;
}

export interface GuildRecord {
  readonly id: string;
  name: string;
  ownerId: string;
  joinedAt: string;
  channelIds: string[];
  roleIds: string[];
  memberIds: string[];
  locale: string;
  botRoleId: string;
}

export interface AttachmentRecord {
  readonly id: string;
  readonly filename: string;
  readonly contentType: string | null;
  readonly description: string | null;
  readonly size: number;
  readonly bytes: Buffer;
  readonly url: string;
}

export interface MessageInteractionRef {
  readonly id: string;
  readonly type: number;
  readonly userId: string;
  readonly commandName: string | null;
  readonly interactedMessageId: string | null;
  /** For follow-ups: the id of the interaction's original response. */
  readonly originalResponseMessageId: string | null;
}

export interface MessageRevision {
  readonly content: string;
  readonly embeds: readonly JsonObject[];
  readonly components: readonly JsonObject[];
  readonly attachments: readonly AttachmentRecord[];
  readonly flags: number;
  readonly at: number;
}

export interface MessageRecord {
  readonly id: string;
  readonly channelId: string;
  readonly guildId: string | null;
  readonly authorId: string;
  /** The application id for interaction responses and follow-ups (they are webhook messages). */
  readonly webhookId: string | null;
  readonly type: number;
  content: string;
  embeds: JsonObject[];
  components: JsonObject[];
  attachments: AttachmentRecord[];
  /** `allowed_mentions` exactly as sent (undefined when absent). */
  allowedMentions: unknown;
  flags: number;
  tts: boolean;
  readonly createdAt: number;
  editedAt: number | null;
  pinned: boolean;
  /** Who was actually pinged after applying `allowed_mentions`. */
  mentions: string[];
  mentionRoles: string[];
  mentionEveryone: boolean;
  readonly ephemeral: boolean;
  /** For ephemeral messages, the only user who sees it. */
  readonly visibleTo: string | null;
  deleted: boolean;
  readonly interaction: MessageInteractionRef | null;
  readonly reference: { messageId: string; channelId: string; guildId: string | null } | null;
  threadId: string | null;
  /** Emoji (as sent in the URL) to the ids of users who reacted. */
  reactions: Map<string, Set<string>>;
  /** Earlier versions, oldest first; the record itself holds the current one. */
  revisions: MessageRevision[];
  poll: unknown;
  nonce: string | null;
  /** Creation order, unique across the double. */
  readonly sequence: number;
}

export interface CommandRecord {
  readonly id: string;
  readonly guildId: string | null;
  version: string;
  /** The definition as registered (name, description, options, ...). */
  data: JsonObject;
}

export interface CallbackRecord {
  readonly type: number;
  readonly data: JsonObject | null;
  /** The double's clock when the callback arrived. */
  readonly at: number;
  /** High-resolution time (performance.now()), for round-trip measurement. */
  readonly perfAt: number;
  /** The message the callback created or updated, if any. */
  readonly messageId: string | null;
  /** How many revisions that message had right after the callback (to spot later edits). */
  readonly revisionsAtCallback: number;
}

export interface ModalRecord {
  readonly interactionId: string;
  readonly userId: string;
  readonly channelId: string;
  readonly guildId: string | null;
  readonly customId: string;
  readonly title: string;
  readonly components: readonly JsonObject[];
  /** The message whose component opened the modal; its submission carries that message. */
  readonly sourceMessageId: string | null;
  submitted: boolean;
}

export interface InteractionRecord {
  readonly id: string;
  readonly token: string;
  readonly type: number;
  readonly userId: string;
  readonly guildId: string | null;
  readonly channelId: string;
  /** A readable name for errors, e.g. `/debate start` or `button "lobby:join"`. */
  readonly label: string;
  readonly commandName: string | null;
  /** The dispatched INTERACTION_CREATE payload. */
  readonly payload: JsonObject;
  /** The message a component (or a modal opened from one) belongs to. */
  readonly sourceMessageId: string | null;
  /** The double's clock when it was created; its token (follow-ups, edits) lasts 15 minutes from here. */
  readonly createdAt: number;
  /** The double's clock when INTERACTION_CREATE was written to a socket (null while queued): the 3 s start. */
  dispatchedAt: number | null;
  /** performance.now() when the dispatch was written to a socket; null while queued. */
  dispatchedPerf: number | null;
  /** The first callback that arrived too late (refused with 10062), ms after dispatch. */
  lateCallbackMs: number | null;
  readonly callbacks: CallbackRecord[];
  /** The message `@original` refers to. */
  originalMessageId: string | null;
  readonly followUpIds: string[];
  modal: ModalRecord | null;
  choices: JsonObject[] | null;
}

export interface UploadedFileInfo {
  readonly field: string;
  readonly filename: string | undefined;
  readonly contentType: string | undefined;
  readonly size: number;
}

/** One HTTP request the bot made, as the double saw it. */
export interface RequestRecord {
  readonly id: number;
  readonly method: string;
  /** The path after `/api/vN`, decoded, e.g. `/webhooks/1/abc/messages/@original`. */
  readonly path: string;
  /** The matched route pattern, e.g. `/channels/:channelId/messages`; null for unknown routes. */
  route: string | null;
  params: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string>>;
  /** Parsed JSON body, or the parsed `payload_json` of a multipart body; undefined if none. */
  readonly body: unknown;
  readonly files: readonly UploadedFileInfo[];
  /** The double's clock when the request arrived. */
  readonly at: number;
  status: number;
  /** For error responses: Discord's JSON error body. */
  error: JsonObject | null;
  /** The status of an injected fault (see `double.faults`); null when the route really ran. */
  fault: number | null;
  durationMs: number;
}

export interface GatewayEventRecord {
  readonly index: number;
  readonly kind: 'connect' | 'identify' | 'ready' | 'resume' | 'resumed' | 'close' | 'invalid-session';
  readonly shardId: number | null;
  readonly sessionId: string | null;
  readonly code: number | null;
  readonly at: number;
}

export type MessageEventKind = 'create' | 'edit' | 'delete' | 'update';

export const memberKey = (guildId: string, userId: string) => `${guildId}:${userId}`;

export class DoubleState {
  readonly ids: SnowflakeGenerator;
  readonly notifier = new Notifier();
  readonly users = new Map<string, UserRecord>();
  readonly guilds = new Map<string, GuildRecord>();
  readonly channels = new Map<string, ChannelRecord>();
  readonly roles = new Map<string, RoleRecord>();
  readonly members = new Map<string, MemberRecord>();
  readonly messages = new Map<string, MessageRecord>();
  private readonly channelMessageIds = new Map<string, string[]>();
  readonly commands = new Map<string, CommandRecord>();
  readonly interactions = new Map<string, InteractionRecord>();
  readonly interactionsByToken = new Map<string, InteractionRecord>();
  readonly modals: ModalRecord[] = [];
  readonly requests: RequestRecord[] = [];
  readonly gatewayEvents: GatewayEventRecord[] = [];
  /** Unexpected exceptions inside the double (bugs in the double, answered with 500). */
  readonly internalErrors: Error[] = [];
  private messageSequence = 0;
  private tokenCounter = 0;

  /** The double's clock (ms since the epoch): every recorded time and every Discord time limit reads it. */
  readonly now: () => number;

  constructor(
    readonly applicationId: string,
    readonly botUserId: string,
    baseTime?: number,
    clock: () => number = () => Date.now(),
  ) {
    this.ids = new SnowflakeGenerator(baseTime);
    this.now = clock;
  }

  nextToken(interactionId: string): string {
    this.tokenCounter++;
    return `itk_${interactionId}_${this.tokenCounter.toString(36)}`;
  }

  nextMessageSequence(): number {
    return ++this.messageSequence;
  }

  member(guildId: string, userId: string): MemberRecord | undefined {
    return this.members.get(memberKey(guildId, userId));
  }

  addMessage(message: MessageRecord): void {
    this.messages.set(message.id, message);
    let list = this.channelMessageIds.get(message.channelId);
    if (!list) {
      list = [];
      this.channelMessageIds.set(message.channelId, list);
    }
    list.push(message.id);
    const channel = this.channels.get(message.channelId);
    if (channel && !message.ephemeral) {
      channel.lastMessageId = message.id;
      if (channel.thread) {
        channel.thread.messageCount++;
        channel.thread.totalMessageSent++;
      }
    }
    this.messageChanged(message, 'create');
  }

  /** Every message stored for a channel, in creation order, including ephemeral and deleted ones. */
  allChannelMessages(channelId: string): MessageRecord[] {
    const ids = this.channelMessageIds.get(channelId) ?? [];
    return ids.flatMap((id) => {
      const message = this.messages.get(id);
      return message ? [message] : [];
    });
  }

  private readonly messageListeners = new Set<(kind: MessageEventKind, message: MessageRecord) => void>();

  /** Calls `listener` after every message create, edit, delete or other update (pins, reactions, threads). */
  onMessage(listener: (kind: MessageEventKind, message: MessageRecord) => void): () => void {
    this.messageListeners.add(listener);
    return () => this.messageListeners.delete(listener);
  }

  messageChanged(message: MessageRecord, kind: MessageEventKind = 'update'): void {
    for (const listener of [...this.messageListeners]) {
      try {
        listener(kind, message);
      } catch (error) {
        console.error('[discord-double] an onMessage listener threw:', error);
      }
    }
    const topics = [`channel:${message.channelId}`, 'messages'];
    if (message.visibleTo) topics.push(`user:${message.visibleTo}`);
    const channel = this.channels.get(message.channelId);
    for (const recipient of channel?.recipientIds ?? []) topics.push(`user:${recipient}`);
    if (message.interaction) topics.push(`interaction:${message.interaction.id}`);
    for (const interaction of this.interactionsForMessage(message.id))
      topics.push(`interaction:${interaction}`);
    this.notifier.notify(...topics);
  }

  private readonly messageInteractions = new Map<string, Set<string>>();

  /** Records that `messageId` is the original response or a follow-up of `interactionId`. */
  linkMessageToInteraction(messageId: string, interactionId: string): void {
    let set = this.messageInteractions.get(messageId);
    if (!set) {
      set = new Set();
      this.messageInteractions.set(messageId, set);
    }
    set.add(interactionId);
  }

  private interactionsForMessage(messageId: string): Iterable<string> {
    return this.messageInteractions.get(messageId) ?? [];
  }

  findUserByName(name: string): UserRecord | undefined {
    const lower = name.toLowerCase();
    for (const user of this.users.values()) if (user.username.toLowerCase() === lower) return user;
    return undefined;
  }
}

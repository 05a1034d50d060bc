import { ComponentType, MessageFlags } from './constants.js';
import { clone, isRecord, type JsonObject, optString } from './json.js';
import type { AttachmentRecord, MessageRecord, MessageRevision } from './state.js';
import { walkComponents } from './validate.js';

/** Read-only snapshots of stored messages, the shape tests assert on. */

export interface DoubleAttachment {
  readonly id: string;
  readonly messageId: string;
  readonly filename: string;
  /** As Discord would report it: sent type, or derived from the extension when generic. */
  readonly contentType: string | null;
  readonly description: string | null;
  readonly size: number;
  readonly bytes: Buffer;
  readonly url: string;
  /** The bytes decoded as UTF-8. */
  text(): string;
}

export interface DoubleMessage {
  readonly id: string;
  readonly channelId: string;
  readonly guildId: string | null;
  readonly authorId: string;
  readonly content: string;
  readonly embeds: readonly JsonObject[];
  readonly components: readonly JsonObject[];
  readonly attachments: readonly DoubleAttachment[];
  /** `allowed_mentions` exactly as the bot sent it (undefined when absent). */
  readonly allowedMentions: unknown;
  /** Users, roles and @everyone actually pinged once `allowed_mentions` is applied. */
  readonly mentions: readonly string[];
  readonly mentionRoles: readonly string[];
  readonly mentionEveryone: boolean;
  readonly flags: number;
  readonly type: number;
  readonly ephemeral: boolean;
  /** For ephemeral messages: the only user who can see it. */
  readonly visibleTo: string | null;
  /** A deferred response not filled in yet ("Bot is thinking..."). */
  readonly loading: boolean;
  readonly deleted: boolean;
  readonly pinned: boolean;
  readonly createdAt: number;
  readonly editedAt: number | null;
  /** Earlier versions, oldest first. */
  readonly revisions: readonly MessageRevision[];
  readonly interactionId: string | null;
  readonly referenceMessageId: string | null;
  readonly threadId: string | null;
  /** Emoji to the ids of the users who reacted with it. */
  readonly reactions: Readonly<Record<string, readonly string[]>>;
  /** Content plus embed titles, descriptions, fields, footers and Components V2 text: handy for `toContain`. */
  readonly text: string;
  /** Every custom_id on the message's components, in order. */
  readonly customIds: readonly string[];
}

export const toDoubleAttachment = (messageId: string, a: AttachmentRecord): DoubleAttachment => ({
  id: a.id,
  messageId,
  filename: a.filename,
  contentType: a.contentType,
  description: a.description,
  size: a.size,
  bytes: a.bytes,
  url: a.url,
  text: () => a.bytes.toString('utf8'),
});

const embedText = (embed: JsonObject): string[] => {
  const out: string[] = [];
  const push = (value: unknown) => {
    if (typeof value === 'string' && value !== '') out.push(value);
  };
  if (isRecord(embed.author)) push(embed.author.name);
  push(embed.title);
  push(embed.description);
  if (Array.isArray(embed.fields)) {
    for (const field of embed.fields) {
      if (isRecord(field)) {
        push(field.name);
        push(field.value);
      }
    }
  }
  if (isRecord(embed.footer)) push(embed.footer.text);
  return out;
};

export const messageText = (m: Pick<MessageRecord, 'content' | 'embeds' | 'components'>): string => {
  const parts: string[] = [];
  if (m.content !== '') parts.push(m.content);
  for (const embed of m.embeds) parts.push(...embedText(embed));
  walkComponents(m.components, (c) => {
    if (c.type === ComponentType.TextDisplay && typeof c.content === 'string') parts.push(c.content);
    if (c.type === ComponentType.Button && typeof c.label === 'string') parts.push(`[${c.label}]`);
  });
  return parts.join('\n');
};

export const customIdsOf = (components: readonly unknown[]): string[] => {
  const ids: string[] = [];
  walkComponents(components, (c) => {
    const id = optString(c.custom_id);
    if (id !== undefined) ids.push(id);
  });
  return ids;
};

export const toDoubleMessage = (m: MessageRecord): DoubleMessage => ({
  id: m.id,
  channelId: m.channelId,
  guildId: m.guildId,
  authorId: m.authorId,
  content: m.content,
  embeds: clone(m.embeds),
  components: clone(m.components),
  attachments: m.attachments.map((a) => toDoubleAttachment(m.id, a)),
  allowedMentions: m.allowedMentions === undefined ? undefined : clone(m.allowedMentions),
  mentions: [...m.mentions],
  mentionRoles: [...m.mentionRoles],
  mentionEveryone: m.mentionEveryone,
  flags: m.flags,
  type: m.type,
  ephemeral: m.ephemeral,
  visibleTo: m.visibleTo,
  loading: (m.flags & MessageFlags.Loading) !== 0,
  deleted: m.deleted,
  pinned: m.pinned,
  createdAt: m.createdAt,
  editedAt: m.editedAt,
  revisions: [...m.revisions],
  interactionId: m.interaction?.id ?? null,
  referenceMessageId: m.reference?.messageId ?? null,
  threadId: m.threadId,
  reactions: Object.fromEntries([...m.reactions.entries()].map(([emoji, users]) => [emoji, [...users]])),
  text: messageText(m),
  customIds: customIdsOf(m.components),
});

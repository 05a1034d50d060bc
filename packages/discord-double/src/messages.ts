import { ErrorCode, MessageFlags, SENDABLE_FLAGS } from './constants.js';
import { DiscordApiError, FormErrors } from './errors.js';
import {
  asArray,
  asRecord,
  clone,
  isRecord,
  type JsonObject,
  optId,
  optNumber,
  optString,
  stringArray,
} from './json.js';
import type {
  AttachmentRecord,
  ChannelRecord,
  DoubleState,
  MessageInteractionRef,
  MessageRecord,
} from './state.js';
import { isEmptyMessage, type MessageShape, validateMessage } from './validate.js';

/** Turning create/edit bodies into stored messages: attachments, mentions, flags and validation. */

export interface UploadedFile {
  readonly field: string;
  /** N for a `files[N]` field, which `attachments[].id` refers to. */
  readonly index: number | null;
  readonly filename: string;
  readonly contentType: string | null;
  readonly data: Buffer;
}

export interface MessageContext {
  readonly state: DoubleState;
  /** Base URL for attachment downloads, e.g. http://127.0.0.1:1234 */
  readonly baseUrl: string;
  readonly validate: boolean;
}

const EXTENSION_TYPES: Record<string, string> = {
  md: 'text/markdown; charset=utf-8',
  markdown: 'text/markdown; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  log: 'text/plain; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  html: 'text/html; charset=utf-8',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
  pdf: 'application/pdf',
};

/** Discord derives the content type from the file when the client sends none or a generic one. */
const effectiveContentType = (filename: string, sent: string | null): string | null => {
  if (sent && sent !== 'application/octet-stream') return sent;
  const extension = /\.([A-Za-z0-9]+)$/.exec(filename)?.[1]?.toLowerCase();
  return (extension && EXTENSION_TYPES[extension]) ?? sent;
};

const makeAttachment = (
  ctx: MessageContext,
  channelId: string,
  file: UploadedFile,
  filename: string,
  description: string | null,
): AttachmentRecord => {
  const id = ctx.state.ids.next();
  return {
    id,
    filename,
    contentType: effectiveContentType(filename, file.contentType),
    description,
    size: file.data.length,
    bytes: file.data,
    url: `${ctx.baseUrl}/attachments/${channelId}/${id}/${encodeURIComponent(filename)}`,
  };
};

/**
 * The attachments a message ends up with. `attachments[]` in the body lists what to keep (existing
 * ids) and describes new uploads (ids that are `files[N]` indexes); unlisted uploads are appended.
 */
const resolveAttachments = (
  ctx: MessageContext,
  channelId: string,
  body: JsonObject,
  files: readonly UploadedFile[],
  existing: readonly AttachmentRecord[],
  isEdit: boolean,
  errors: FormErrors,
): AttachmentRecord[] => {
  const byIndex = new Map<string, UploadedFile>();
  files.forEach((file, position) => {
    byIndex.set(String(file.index ?? position), file);
  });
  const used = new Set<UploadedFile>();
  const result: AttachmentRecord[] = [];
  if (Array.isArray(body.attachments)) {
    body.attachments.forEach((raw, i) => {
      const entry = asRecord(raw);
      const id = optId(entry.id);
      const kept = id === undefined ? undefined : existing.find((a) => a.id === id);
      if (kept) {
        result.push(kept);
        return;
      }
      const file = id === undefined ? undefined : byIndex.get(id);
      if (!file || used.has(file)) {
        errors.add(
          ['attachments', i, 'id'],
          'ATTACHMENT_NOT_FOUND',
          `Unknown attachment id ${String(entry.id)}.`,
        );
        return;
      }
      used.add(file);
      result.push(
        makeAttachment(
          ctx,
          channelId,
          file,
          optString(entry.filename) ?? file.filename,
          optString(entry.description) ?? null,
        ),
      );
    });
  } else if (isEdit) {
    result.push(...existing);
  }
  for (const file of files) {
    if (!used.has(file)) result.push(makeAttachment(ctx, channelId, file, file.filename, null));
  }
  if (result.length > 10)
    errors.add(['attachments'], 'BASE_TYPE_MAX_LENGTH', 'Must be 10 or fewer in length.');
  return result;
};

export interface Mentions {
  readonly users: string[];
  readonly roles: string[];
  readonly everyone: boolean;
}

/** Who a message pings: what the content mentions, filtered by `allowed_mentions` as Discord does. */
export const computeMentions = (
  state: DoubleState,
  guildId: string | null,
  content: string,
  allowedMentions: unknown,
  repliedUserId: string | null,
): Mentions => {
  const mentionedUsers = [
    ...new Set([...content.matchAll(/<@!?(\d{15,21})>/g)].map((m) => m[1] ?? '')),
  ].filter((id) => state.users.has(id));
  const mentionedRoles = [
    ...new Set([...content.matchAll(/<@&(\d{15,21})>/g)].map((m) => m[1] ?? '')),
  ].filter((id) => guildId !== null && state.roles.get(id)?.guildId === guildId);
  const mentionsEveryone = /@(everyone|here)\b/.test(content);
  if (!isRecord(allowedMentions)) {
    const users = [...mentionedUsers];
    if (repliedUserId && !users.includes(repliedUserId)) users.push(repliedUserId);
    return { users, roles: mentionedRoles, everyone: mentionsEveryone };
  }
  const parse = stringArray(allowedMentions.parse);
  const allowedUsers = new Set(stringArray(allowedMentions.users));
  const allowedRoles = new Set(stringArray(allowedMentions.roles));
  const users = parse.includes('users')
    ? mentionedUsers
    : mentionedUsers.filter((id) => allowedUsers.has(id));
  if (repliedUserId && allowedMentions.replied_user === true && !users.includes(repliedUserId))
    users.push(repliedUserId);
  const roles = parse.includes('roles')
    ? mentionedRoles
    : mentionedRoles.filter((id) => allowedRoles.has(id));
  return { users, roles, everyone: mentionsEveryone && parse.includes('everyone') };
};

const checkTypes = (body: JsonObject, errors: FormErrors) => {
  if ('content' in body && body.content !== null && typeof body.content !== 'string')
    errors.add(['content'], 'BASE_TYPE_STRING', 'Must be a string.');
  for (const key of ['embeds', 'components', 'attachments'] as const) {
    if (key in body && body[key] !== null && !Array.isArray(body[key]))
      errors.add([key], 'BASE_TYPE_LIST', 'Must be a list.');
  }
  if ('allowed_mentions' in body && body.allowed_mentions !== null && !isRecord(body.allowed_mentions))
    errors.add(['allowed_mentions'], 'MODEL_TYPE_CONVERT', 'Must be an object.');
  if (isRecord(body.allowed_mentions)) {
    const parse = stringArray(body.allowed_mentions.parse);
    if (parse.includes('users') && asArray(body.allowed_mentions.users).length > 0)
      errors.add(
        ['allowed_mentions'],
        'MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE',
        'parse:["users"] and users: [ids] are mutually exclusive.',
      );
    if (parse.includes('roles') && asArray(body.allowed_mentions.roles).length > 0)
      errors.add(
        ['allowed_mentions'],
        'MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE',
        'parse:["roles"] and roles: [ids] are mutually exclusive.',
      );
  }
};

const shapeOf = (
  m: Pick<MessageRecord, 'content' | 'embeds' | 'components' | 'attachments' | 'flags' | 'poll'>,
): MessageShape => ({
  content: m.content,
  embeds: m.embeds,
  components: m.components,
  attachmentCount: m.attachments.length,
  flags: m.flags,
  hasStickersOrPoll: m.poll !== undefined,
});

const finishValidation = (
  ctx: MessageContext,
  errors: FormErrors,
  shape: MessageShape,
  allowEmpty: boolean,
) => {
  if (ctx.validate) validateMessage(shape, errors);
  errors.throwIfAny();
  if (!allowEmpty && isEmptyMessage(shape))
    throw new DiscordApiError(400, ErrorCode.EmptyMessage, 'Cannot send an empty message');
};

export interface CreateMessageOptions {
  readonly channel: ChannelRecord;
  readonly authorId: string;
  readonly body: JsonObject;
  readonly files: readonly UploadedFile[];
  readonly type: number;
  readonly ephemeral: boolean;
  readonly visibleTo: string | null;
  readonly webhookId: string | null;
  readonly interaction: MessageInteractionRef | null;
  /** A deferred response's placeholder: empty, flagged LOADING. */
  readonly loading?: boolean;
  readonly id?: string;
}

/** Builds (and validates) a message record; the caller stores it with `state.addMessage`. */
export const buildMessage = (ctx: MessageContext, options: CreateMessageOptions): MessageRecord => {
  const { state } = ctx;
  const { body, channel } = options;
  const errors = new FormErrors();
  checkTypes(body, errors);
  errors.throwIfAny();
  const reference = isRecord(body.message_reference) ? body.message_reference : undefined;
  const referencedId = optId(reference?.message_id);
  const referenced = referencedId ? state.messages.get(referencedId) : undefined;
  if (
    referencedId &&
    (!referenced || referenced.deleted || referenced.ephemeral) &&
    reference?.fail_if_not_exists !== false
  )
    errors.add(['message_reference'], 'REPLIES_UNKNOWN_MESSAGE', 'Unknown message');
  let flags = (optNumber(body.flags) ?? 0) & SENDABLE_FLAGS & ~MessageFlags.Ephemeral;
  if (options.ephemeral) flags |= MessageFlags.Ephemeral;
  if (options.loading) flags |= MessageFlags.Loading;
  const content = optString(body.content) ?? '';
  const allowedMentions = 'allowed_mentions' in body ? clone(body.allowed_mentions) : undefined;
  const replyTo = referenced && !referenced.deleted ? referenced : undefined;
  const mentions = computeMentions(
    state,
    channel.guildId,
    content,
    allowedMentions,
    replyTo?.authorId ?? null,
  );
  const record: MessageRecord = {
    id: options.id ?? state.ids.next(),
    channelId: channel.id,
    guildId: channel.guildId,
    authorId: options.authorId,
    webhookId: options.webhookId,
    type: replyTo && options.type === 0 ? 19 : options.type,
    content,
    embeds: asArray(body.embeds)
      .filter(isRecord)
      .map((e) => clone(e)),
    components: asArray(body.components)
      .filter(isRecord)
      .map((c) => clone(c)),
    attachments: resolveAttachments(ctx, channel.id, body, options.files, [], false, errors),
    allowedMentions,
    flags,
    tts: body.tts === true,
    createdAt: ctx.state.now(),
    editedAt: null,
    pinned: false,
    mentions: mentions.users,
    mentionRoles: mentions.roles,
    mentionEveryone: mentions.everyone,
    ephemeral: options.ephemeral,
    visibleTo: options.visibleTo,
    deleted: false,
    interaction: options.interaction,
    reference: replyTo
      ? { messageId: replyTo.id, channelId: replyTo.channelId, guildId: replyTo.guildId }
      : null,
    threadId: null,
    reactions: new Map(),
    revisions: [],
    poll: isRecord(body.poll) ? clone(body.poll) : undefined,
    nonce: optId(body.nonce) ?? null,
    sequence: state.nextMessageSequence(),
  };
  finishValidation(ctx, errors, shapeOf(record), options.loading === true);
  return record;
};

const EDITABLE_FLAGS = MessageFlags.SuppressEmbeds | MessageFlags.IsComponentsV2;

/** Applies a PATCH body to a stored message (validating the result) and notifies waiters. */
export const editMessage = (
  ctx: MessageContext,
  message: MessageRecord,
  body: JsonObject,
  files: readonly UploadedFile[],
): MessageRecord => {
  const errors = new FormErrors();
  checkTypes(body, errors);
  errors.throwIfAny();
  const wasLoading = (message.flags & MessageFlags.Loading) !== 0;
  const next = {
    content: 'content' in body ? (optString(body.content) ?? '') : message.content,
    embeds:
      'embeds' in body
        ? asArray(body.embeds)
            .filter(isRecord)
            .map((e) => clone(e))
        : message.embeds,
    components:
      'components' in body
        ? asArray(body.components)
            .filter(isRecord)
            .map((c) => clone(c))
        : message.components,
    attachments: resolveAttachments(ctx, message.channelId, body, files, message.attachments, true, errors),
    flags:
      'flags' in body && body.flags !== null
        ? (message.flags & ~EDITABLE_FLAGS & ~MessageFlags.Loading) |
          ((optNumber(body.flags) ?? 0) & EDITABLE_FLAGS) |
          (message.flags & MessageFlags.IsComponentsV2)
        : message.flags & ~MessageFlags.Loading,
    poll: message.poll,
  };
  finishValidation(ctx, errors, shapeOf(next), false);
  message.revisions.push({
    content: message.content,
    embeds: message.embeds,
    components: message.components,
    attachments: message.attachments,
    flags: message.flags,
    at: message.editedAt ?? message.createdAt,
  });
  message.content = next.content;
  message.embeds = next.embeds;
  message.components = next.components;
  message.attachments = next.attachments;
  message.flags = next.flags;
  if ('allowed_mentions' in body) message.allowedMentions = clone(body.allowed_mentions);
  const repliedUser = message.reference
    ? (ctx.state.messages.get(message.reference.messageId)?.authorId ?? null)
    : null;
  const mentions = computeMentions(
    ctx.state,
    message.guildId,
    message.content,
    message.allowedMentions,
    repliedUser,
  );
  message.mentions = mentions.users;
  message.mentionRoles = mentions.roles;
  message.mentionEveryone = mentions.everyone;
  // Filling in a deferred response is its first appearance, not an edit.
  message.editedAt = wasLoading && message.revisions.length === 1 ? null : ctx.state.now();
  ctx.state.messageChanged(message, 'edit');
  return message;
};

import { performance } from 'node:perf_hooks';
import {
  CallbackType,
  ErrorCode,
  INTERACTION_RESPONSE_WINDOW_MS,
  INTERACTION_TOKEN_LIFETIME_MS,
  InteractionType,
  MessageFlags,
  MessageType,
} from './constants.js';
import type { DoubleContext } from './context.js';
import { DiscordApiError, notFound } from './errors.js';
import { emitMessageCreate, emitMessageDelete, emitMessageUpdate } from './events.js';
import { asArray, clone, isRecord, type JsonObject, optNumber, optString } from './json.js';
import { buildMessage, editMessage, type UploadedFile } from './messages.js';
import { channelPermissions } from './permissions.js';
import { apiChannel, apiMember, apiMessage, apiUser } from './serialize.js';
import type {
  CallbackRecord,
  ChannelRecord,
  InteractionRecord,
  MessageInteractionRef,
  MessageRecord,
} from './state.js';
import { validateChoices, validateModal } from './validate.js';

/** Interactions: building INTERACTION_CREATE payloads, and the callback and webhook endpoints. */

export interface NewInteraction {
  readonly type: number;
  readonly userId: string;
  readonly channel: ChannelRecord;
  readonly data: JsonObject;
  readonly label: string;
  readonly commandName: string | null;
  /** The message a component belongs to (and a modal opened from a component). */
  readonly sourceMessage: MessageRecord | null;
}

/** Creates the interaction, stores it by id and token, and dispatches INTERACTION_CREATE to the owning shard. */
export const createInteraction = (ctx: DoubleContext, n: NewInteraction): InteractionRecord => {
  const { state } = ctx;
  const id = state.ids.next();
  const token = state.nextToken(id);
  const user = state.users.get(n.userId);
  if (!user) throw new Error(`unknown user ${n.userId}`);
  const guild = n.channel.guildId ? state.guilds.get(n.channel.guildId) : undefined;
  const userPermissions = channelPermissions(state, n.channel, n.userId).toString();
  const payload: JsonObject = {
    id,
    application_id: state.applicationId,
    type: n.type,
    token,
    version: 1,
    data: n.data,
    channel: { ...apiChannel(state, n.channel, n.userId), permissions: userPermissions },
    channel_id: n.channel.id,
    app_permissions: channelPermissions(state, n.channel, state.botUserId).toString(),
    locale: user.locale,
    entitlements: [],
    attachment_size_limit: 10 * 1024 * 1024,
    authorizing_integration_owners: guild ? { '0': guild.id } : { '1': n.userId },
    context: guild ? 0 : 1,
  };
  if (guild) {
    const member = state.member(guild.id, n.userId);
    if (!member) throw new Error(`${user.username} is not a member of guild ${guild.name}`);
    payload.guild_id = guild.id;
    payload.guild = { id: guild.id, locale: guild.locale, features: [] };
    payload.guild_locale = guild.locale;
    payload.member = { ...apiMember(state, member), permissions: userPermissions };
  } else {
    payload.user = apiUser(user);
  }
  if (n.sourceMessage) payload.message = apiMessage(state, n.sourceMessage);
  const record: InteractionRecord = {
    id,
    token,
    type: n.type,
    userId: n.userId,
    guildId: guild?.id ?? null,
    channelId: n.channel.id,
    label: n.label,
    commandName: n.commandName,
    payload,
    sourceMessageId: n.sourceMessage?.id ?? null,
    createdAt: state.now(),
    dispatchedAt: null,
    dispatchedPerf: null,
    lateCallbackMs: null,
    callbacks: [],
    originalMessageId: null,
    followUpIds: [],
    modal: null,
    choices: null,
  };
  state.interactions.set(id, record);
  state.interactionsByToken.set(token, record);
  ctx.gateway.dispatch('INTERACTION_CREATE', payload, {
    guildId: record.guildId,
    queueWhenOffline: true,
    onSent: () => {
      record.dispatchedAt = state.now();
      record.dispatchedPerf = performance.now();
    },
  });
  state.notifier.notify(`interaction:${id}`, 'interactions');
  return record;
};

const invalidType = (type: number | undefined, interaction: InteractionRecord) =>
  new DiscordApiError(400, ErrorCode.InvalidFormBody, 'Invalid Form Body', {
    type: {
      _errors: [
        {
          code: 'INTERACTION_RESPONSE_TYPE_INVALID',
          message: `Callback type ${String(type)} is not valid for ${interaction.label} (interaction type ${interaction.type}).`,
        },
      ],
    },
  });

const ALLOWED_CALLBACKS: Record<number, readonly number[]> = {
  [InteractionType.ApplicationCommand]: [
    CallbackType.ChannelMessageWithSource,
    CallbackType.DeferredChannelMessageWithSource,
    CallbackType.Modal,
  ],
  [InteractionType.MessageComponent]: [
    CallbackType.ChannelMessageWithSource,
    CallbackType.DeferredChannelMessageWithSource,
    CallbackType.DeferredMessageUpdate,
    CallbackType.UpdateMessage,
    CallbackType.Modal,
  ],
  [InteractionType.ApplicationCommandAutocomplete]: [CallbackType.ApplicationCommandAutocompleteResult],
  [InteractionType.ModalSubmit]: [
    CallbackType.ChannelMessageWithSource,
    CallbackType.DeferredChannelMessageWithSource,
    CallbackType.DeferredMessageUpdate,
    CallbackType.UpdateMessage,
  ],
};

const interactionRef = (
  interaction: InteractionRecord,
  originalResponseMessageId: string | null,
): MessageInteractionRef => ({
  id: interaction.id,
  type: interaction.type,
  userId: interaction.userId,
  commandName: interaction.commandName,
  interactedMessageId: interaction.sourceMessageId,
  originalResponseMessageId,
});

const responseMessageType = (interaction: InteractionRecord) =>
  interaction.type === InteractionType.ApplicationCommand
    ? MessageType.ChatInputCommand
    : MessageType.Default;

const channelOf = (ctx: DoubleContext, interaction: InteractionRecord): ChannelRecord => {
  const channel = ctx.state.channels.get(interaction.channelId);
  if (!channel) throw new DiscordApiError(404, ErrorCode.UnknownChannel, 'Unknown Channel');
  return channel;
};

const sourceOf = (ctx: DoubleContext, interaction: InteractionRecord): MessageRecord | undefined =>
  interaction.sourceMessageId ? ctx.state.messages.get(interaction.sourceMessageId) : undefined;

/** Ms on the double's clock since INTERACTION_CREATE reached the bot (since creation while it was queued). */
export const msSinceDispatch = (ctx: DoubleContext, interaction: InteractionRecord): number =>
  ctx.state.now() - (interaction.dispatchedAt ?? interaction.createdAt);

export interface CallbackResult {
  readonly status: number;
  readonly body?: JsonObject;
}

/** POST /interactions/{id}/{token}/callback */
export const handleCallback = (
  ctx: DoubleContext,
  interaction: InteractionRecord,
  body: JsonObject,
  files: readonly UploadedFile[],
  withResponse: boolean,
): CallbackResult => {
  const { state } = ctx;
  if (interaction.callbacks.length > 0)
    throw new DiscordApiError(
      400,
      ErrorCode.InteractionAlreadyAcknowledged,
      'Interaction has already been acknowledged.',
    );
  const sinceDispatch = msSinceDispatch(ctx, interaction);
  if (sinceDispatch > INTERACTION_RESPONSE_WINDOW_MS) {
    interaction.lateCallbackMs ??= sinceDispatch;
    throw notFound(ErrorCode.UnknownInteraction, 'interaction');
  }
  const type = optNumber(body.type);
  const data = isRecord(body.data) ? body.data : null;
  if (type === undefined || !(ALLOWED_CALLBACKS[interaction.type] ?? []).includes(type))
    throw invalidType(type, interaction);
  const source = sourceOf(ctx, interaction);
  let messageId: string | null = null;
  switch (type) {
    case CallbackType.ChannelMessageWithSource:
    case CallbackType.DeferredChannelMessageWithSource: {
      const ephemeral = ((optNumber(data?.flags) ?? 0) & MessageFlags.Ephemeral) !== 0;
      const loading = type === CallbackType.DeferredChannelMessageWithSource;
      const message = buildMessage(ctx, {
        channel: channelOf(ctx, interaction),
        authorId: state.botUserId,
        body: loading ? { flags: optNumber(data?.flags) ?? 0 } : (data ?? {}),
        files: loading ? [] : files,
        type: responseMessageType(interaction),
        ephemeral,
        visibleTo: ephemeral ? interaction.userId : null,
        webhookId: state.applicationId,
        interaction: interactionRef(interaction, null),
        loading,
      });
      interaction.originalMessageId = message.id;
      state.linkMessageToInteraction(message.id, interaction.id);
      state.addMessage(message);
      emitMessageCreate(ctx, message);
      messageId = message.id;
      break;
    }
    case CallbackType.DeferredMessageUpdate:
    case CallbackType.UpdateMessage: {
      if (!source || source.deleted) throw invalidType(type, interaction);
      if (type === CallbackType.UpdateMessage) {
        editMessage(ctx, source, data ?? {}, files);
        emitMessageUpdate(ctx, source);
      }
      interaction.originalMessageId = source.id;
      state.linkMessageToInteraction(source.id, interaction.id);
      messageId = source.id;
      break;
    }
    case CallbackType.ApplicationCommandAutocompleteResult: {
      const choices = asArray(data?.choices);
      validateChoices(choices).throwIfAny();
      interaction.choices = choices.filter(isRecord).map((c) => clone(c));
      break;
    }
    case CallbackType.Modal: {
      const modal = data ?? {};
      validateModal(modal).throwIfAny();
      interaction.modal = {
        interactionId: interaction.id,
        userId: interaction.userId,
        channelId: interaction.channelId,
        guildId: interaction.guildId,
        customId: optString(modal.custom_id) ?? '',
        title: optString(modal.title) ?? '',
        components: asArray(modal.components)
          .filter(isRecord)
          .map((c) => clone(c)),
        sourceMessageId:
          interaction.type === InteractionType.MessageComponent ? interaction.sourceMessageId : null,
        submitted: false,
      };
      state.modals.push(interaction.modal);
      break;
    }
    default:
      throw invalidType(type, interaction);
  }
  const callback: CallbackRecord = {
    type,
    data: data ? clone(data) : null,
    at: state.now(),
    perfAt: performance.now(),
    messageId,
    revisionsAtCallback: messageId ? (state.messages.get(messageId)?.revisions.length ?? 0) : 0,
  };
  interaction.callbacks.push(callback);
  state.notifier.notify(`interaction:${interaction.id}`, 'interactions', `user:${interaction.userId}`);
  if (!withResponse) return { status: 204 };
  const message = messageId ? state.messages.get(messageId) : undefined;
  return {
    status: 200,
    body: {
      interaction: {
        id: interaction.id,
        type: interaction.type,
        ...(message
          ? {
              response_message_id: message.id,
              response_message_loading: (message.flags & MessageFlags.Loading) !== 0,
              response_message_ephemeral: message.ephemeral,
            }
          : {}),
      },
      resource: { type, ...(message ? { message: apiMessage(state, message) } : {}) },
    },
  };
};

const unknownWebhook = () => new DiscordApiError(404, ErrorCode.UnknownWebhook, 'Unknown Webhook');
const unknownMessage = () => new DiscordApiError(404, ErrorCode.UnknownMessage, 'Unknown Message');

/** The interaction behind a webhook URL: 404 Unknown Webhook if none, 401 Invalid Webhook Token after 15 minutes. */
export const interactionForWebhook = (
  ctx: DoubleContext,
  applicationId: string,
  token: string,
): InteractionRecord => {
  const interaction = ctx.state.interactionsByToken.get(token);
  if (!interaction || applicationId !== ctx.state.applicationId) throw unknownWebhook();
  // Discord: an interaction token works for 15 minutes; after that every webhook route refuses it.
  if (ctx.state.now() - interaction.createdAt >= INTERACTION_TOKEN_LIFETIME_MS)
    throw new DiscordApiError(401, ErrorCode.InvalidWebhookToken, 'Invalid Webhook Token');
  return interaction;
};

/** `@original` or a follow-up id of this interaction, or 404 Unknown Message. */
export const webhookMessage = (
  ctx: DoubleContext,
  interaction: InteractionRecord,
  messageId: string,
): MessageRecord => {
  const id = messageId === '@original' ? interaction.originalMessageId : messageId;
  if (id === null || (id !== interaction.originalMessageId && !interaction.followUpIds.includes(id)))
    throw unknownMessage();
  const message = ctx.state.messages.get(id);
  if (!message || message.deleted) throw unknownMessage();
  return message;
};

/** POST /webhooks/{app}/{token}: a follow-up (the first one after a deferral fills in the loading response). */
export const createFollowUp = (
  ctx: DoubleContext,
  interaction: InteractionRecord,
  body: JsonObject,
  files: readonly UploadedFile[],
): MessageRecord => {
  const { state } = ctx;
  if (interaction.callbacks.length === 0) throw unknownWebhook();
  const original = interaction.originalMessageId
    ? state.messages.get(interaction.originalMessageId)
    : undefined;
  if (
    original &&
    !original.deleted &&
    (original.flags & MessageFlags.Loading) !== 0 &&
    interaction.followUpIds.length === 0
  ) {
    editMessage(ctx, original, body, files);
    emitMessageUpdate(ctx, original);
    state.notifier.notify(`interaction:${interaction.id}`);
    return original;
  }
  const ephemeral = ((optNumber(body.flags) ?? 0) & MessageFlags.Ephemeral) !== 0;
  const message = buildMessage(ctx, {
    channel: channelOf(ctx, interaction),
    authorId: state.botUserId,
    body,
    files,
    type: responseMessageType(interaction),
    ephemeral,
    visibleTo: ephemeral ? interaction.userId : null,
    webhookId: state.applicationId,
    interaction: interactionRef(interaction, interaction.originalMessageId),
  });
  interaction.followUpIds.push(message.id);
  state.linkMessageToInteraction(message.id, interaction.id);
  state.addMessage(message);
  emitMessageCreate(ctx, message);
  return message;
};

export const editWebhookMessage = (
  ctx: DoubleContext,
  interaction: InteractionRecord,
  messageId: string,
  body: JsonObject,
  files: readonly UploadedFile[],
): MessageRecord => {
  const message = webhookMessage(ctx, interaction, messageId);
  editMessage(ctx, message, body, files);
  emitMessageUpdate(ctx, message);
  ctx.state.notifier.notify(`interaction:${interaction.id}`);
  return message;
};

export const deleteWebhookMessage = (
  ctx: DoubleContext,
  interaction: InteractionRecord,
  messageId: string,
): void => {
  const message = webhookMessage(ctx, interaction, messageId);
  message.deleted = true;
  ctx.state.messageChanged(message, 'delete');
  ctx.state.notifier.notify(`interaction:${interaction.id}`);
  emitMessageDelete(ctx, message);
};

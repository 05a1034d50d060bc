import {
  type APIModalInteractionResponseCallbackData,
  type ButtonInteraction,
  type Interaction,
  type InteractionReplyOptions,
  MessageFlags,
  PermissionFlagsBits,
  type RepliableInteraction,
} from 'discord.js';
import type { Actor } from '../debate/types.js';
import { answering } from './answer.js';
import { TEXT } from './text.js';
import { UserError } from './user-error.js';
import type { View } from './views/view.js';

/**
 * Replies, edits the deferred reply, or follows up, according to how the interaction was answered
 * so far (by this handler or by the automatic defer of src/discord/answer.ts).
 */
export const respond = (interaction: RepliableInteraction, payload: InteractionReplyOptions) =>
  answering(interaction, async (slot) => {
    if (slot.deferredReply && !interaction.replied) {
      // A deferred reply's privacy was fixed when it was deferred; an edit cannot change it.
      const { flags: _flags, ...edit } = payload;
      return interaction.editReply(edit);
    }
    if (interaction.replied || slot.deferredUpdate) return interaction.followUp(payload);
    return interaction.reply(payload);
  });

/** Edits the message that was clicked (or, once deferred that way, the deferred answer). */
export const updateClicked = (interaction: ButtonInteraction, view: View) =>
  answering(
    interaction,
    async (slot): Promise<unknown> =>
      slot.deferredUpdate || slot.deferredReply ? interaction.editReply(view) : interaction.update(view),
  );

/**
 * Opens a form, unless the answer clock already gave up on it (src/discord/answer.ts, `form`).
 * Resolves true when the form was shown.
 */
export const showForm = async (
  interaction: Extract<RepliableInteraction, { showModal: unknown }>,
  modal: APIModalInteractionResponseCallbackData,
): Promise<boolean> =>
  (await answering(interaction, async () => {
    await interaction.showModal(modal);
    return true;
  })) === true;

/** A reply for everyone in the channel that pings nobody. */
export const respondPublicly = (interaction: RepliableInteraction, view: View) =>
  respond(interaction, view as InteractionReplyOptions);

/** A private reply that pings nobody. */
export const respondPrivately = (interaction: RepliableInteraction, content: string | View) =>
  respond(interaction, {
    ...(typeof content === 'string' ? { content, allowedMentions: { parse: [] } } : content),
    flags: MessageFlags.Ephemeral,
  } as InteractionReplyOptions);

export const guildIdOf = (interaction: Interaction): string => {
  if (!interaction.inGuild()) throw new UserError(TEXT.guildOnly);
  return interaction.guildId;
};

export const isManager = (interaction: Interaction) =>
  interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) === true;

export const actorOf = (interaction: Interaction): Actor => ({
  userId: interaction.user.id,
  manager: isManager(interaction),
});

export const requireManager = (interaction: Interaction) => {
  if (!isManager(interaction)) throw new UserError(TEXT.managerOnly);
};

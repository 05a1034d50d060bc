import {
  type Interaction,
  type InteractionReplyOptions,
  MessageFlags,
  PermissionFlagsBits,
  type RepliableInteraction,
} from 'discord.js';
import type { Actor } from '../debate/types.js';
import { TEXT } from './text.js';
import { UserError } from './user-error.js';
import type { View } from './views/view.js';

/** Replies, edits the deferred reply, or follows up, according to the interaction's state. */
export const respond = async (interaction: RepliableInteraction, payload: InteractionReplyOptions) => {
  if (interaction.deferred && !interaction.replied) {
    // A deferred reply's privacy was fixed when it was deferred; an edit cannot change it.
    const { flags: _flags, ...edit } = payload;
    return interaction.editReply(edit);
  }
  if (interaction.replied) return interaction.followUp(payload);
  return interaction.reply(payload);
};

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

import { type Interaction, MessageFlags } from 'discord.js';
import type { Logger } from '../logger.js';
import { MoveRefused } from '../play/play.js';
import { StoreUnavailableError } from '../store/types.js';
import { respond } from './respond.js';
import { TEXT } from './text.js';
import { UserError } from './user-error.js';

const describe = (interaction: Interaction) => ({
  interactionId: interaction.id,
  guildId: interaction.guildId,
  channelId: interaction.channelId,
  userId: interaction.user.id,
  kind: interaction.isChatInputCommand()
    ? `/${interaction.commandName} ${interaction.options.getSubcommand(false) ?? ''}`.trim()
    : interaction.isMessageComponent() || interaction.isModalSubmit()
      ? interaction.customId
      : interaction.type,
});

/**
 * The one error boundary for interactions. A refusal becomes a private reply with its reason; a
 * store outage says nothing was changed; anything else is logged with its context and the user
 * gets a short generic reply (never the raw error).
 */
export const withErrorBoundary = async (
  interaction: Interaction,
  logger: Logger,
  run: () => Promise<void>,
) => {
  try {
    await run();
  } catch (error) {
    const message =
      error instanceof MoveRefused
        ? // No such debate in this server: a forged button (or another server's) reads as expired.
          error.refusal.code === 'unknownDebate'
          ? TEXT.expired
          : error.message
        : error instanceof UserError
          ? error.message
          : error instanceof StoreUnavailableError
            ? TEXT.storeDown
            : TEXT.unexpected;
    if (error instanceof StoreUnavailableError)
      logger.warn({ ...describe(interaction), err: error }, 'store unavailable');
    else if (!(error instanceof UserError || error instanceof MoveRefused))
      logger.error({ ...describe(interaction), err: error }, 'interaction failed');
    if (interaction.isAutocomplete()) {
      if (!interaction.responded) await interaction.respond([]).catch(() => undefined);
      return;
    }
    if (!interaction.isRepliable()) return;
    try {
      await respond(interaction, {
        content: message,
        allowedMentions: { parse: [] },
        flags: MessageFlags.Ephemeral,
      });
    } catch (replyError) {
      logger.warn({ ...describe(interaction), err: replyError }, 'could not send the error reply');
    }
  }
};

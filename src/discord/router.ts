import type { ChatInputCommandInteraction, Interaction } from 'discord.js';
import type { AppContext } from '../context.js';
import { type AnswerStyle, answerInTime } from './answer.js';
import type { Command } from './command.js';
import { componentAnswerStyle, handleComponent } from './components.js';
import { withErrorBoundary } from './error-boundary.js';
import { respondPrivately } from './respond.js';
import { TEXT } from './text.js';

/** Autocomplete cannot be deferred: past this, an empty list goes rather than nothing. */
const AUTOCOMPLETE_LIMIT_MS = 2400;

const commandStyle = (command: Command | undefined, interaction: ChatInputCommandInteraction): AnswerStyle =>
  command?.answerStyle?.(interaction) ?? 'private';

/**
 * Discord event -> the command or component handler, inside the one error boundary, with the
 * answer clock running (src/discord/answer.ts): every interaction is answered within Discord's 3 s.
 */
export const createRouter = (commands: ReadonlyMap<string, Command>, ctx: AppContext) => {
  return (interaction: Interaction) =>
    withErrorBoundary(interaction, ctx.logger, async () => {
      if (interaction.isAutocomplete()) {
        const limit = setTimeout(() => {
          if (!interaction.responded) void interaction.respond([]).catch(() => undefined);
        }, AUTOCOMPLETE_LIMIT_MS);
        try {
          await commands.get(interaction.commandName)?.autocomplete?.(interaction, ctx);
          if (!interaction.responded) await interaction.respond([]);
        } finally {
          clearTimeout(limit);
        }
        return;
      }
      if (!interaction.isRepliable()) return;
      const command = interaction.isChatInputCommand() ? commands.get(interaction.commandName) : undefined;
      const style = interaction.isChatInputCommand()
        ? commandStyle(command, interaction)
        : interaction.isMessageComponent() || interaction.isModalSubmit()
          ? componentAnswerStyle(interaction.customId)
          : 'private';
      const stopClock = answerInTime(interaction, style, ctx.logger);
      try {
        if (interaction.isChatInputCommand()) {
          if (!command) await respondPrivately(interaction, TEXT.unknownCommand);
          else await command.execute(interaction, ctx);
        } else if (
          interaction.isButton() ||
          interaction.isModalSubmit() ||
          interaction.isStringSelectMenu()
        ) {
          await handleComponent(interaction, ctx);
        }
      } finally {
        stopClock();
      }
    });
};

import type { Interaction } from 'discord.js';
import type { AppContext } from '../context.js';
import type { Command } from './command.js';
import { handleComponent } from './components.js';
import { withErrorBoundary } from './error-boundary.js';
import { respondPrivately } from './respond.js';

/** Discord event -> the command or component handler, inside the one error boundary. */
export const createRouter = (commands: ReadonlyMap<string, Command>, ctx: AppContext) => {
  return (interaction: Interaction) =>
    withErrorBoundary(interaction, ctx.logger, async () => {
      if (interaction.isChatInputCommand()) {
        const command = commands.get(interaction.commandName);
        if (!command) {
          await respondPrivately(interaction, 'That command is not part of Steelman (any more). Try /help.');
          return;
        }
        await command.execute(interaction, ctx);
      } else if (interaction.isAutocomplete()) {
        await commands.get(interaction.commandName)?.autocomplete?.(interaction, ctx);
        if (!interaction.responded) await interaction.respond([]);
      } else if (interaction.isButton() || interaction.isModalSubmit() || interaction.isStringSelectMenu()) {
        await handleComponent(interaction, ctx);
      }
    });
};

import type { ChatInputCommandInteraction } from 'discord.js';
import type { AppContext } from '../../src/context.js';
import { startDebate } from '../../src/discord/debate-moves.js';

export const start = (interaction: ChatInputCommandInteraction, ctx: AppContext) =>
  startDebate(ctx, interaction, {
    motion: interaction.options.getString('motion'),
    format: interaction.options.getString('format'),
    mode: interaction.options.getString('mode'),
    size: interaction.options.getString('size'),
    voice: interaction.options.getChannel('voice')?.id ?? null,
    judging: interaction.options.getString('judging'),
  });

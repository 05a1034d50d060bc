import {
  InteractionContextType,
  ApplicationCommandOptionType as Option,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { startPractice, stopPractice } from '../src/discord/practice-moves.js';
import { autocompleteDebate } from './debate/autocomplete.js';
import { sideIdOf, sideOption } from './options.js';

export const PRACTICE_SUBCOMMANDS = ['start', 'stop'] as const;

export const practiceDefinition = {
  name: 'practice',
  description: 'Practise alone: Steelman argues the other side from its own cards',
  contexts: [InteractionContextType.Guild],
  options: [
    {
      type: Option.Subcommand,
      name: 'start',
      description: 'Start a practice debate against Steelman in this channel (not rated)',
      options: [
        {
          type: Option.String,
          name: 'motion',
          description: 'The motion (random when left out)',
          autocomplete: true,
        },
        sideOption('Your side, or auto: the side you have argued less often here'),
        {
          type: Option.String,
          name: 'format',
          description: 'quick, standard, lincoln-douglas… (one against one)',
          autocomplete: true,
        },
        {
          type: Option.String,
          name: 'level',
          description: 'How hard Steelman argues (default club)',
          choices: [
            { name: 'novice', value: 'novice' },
            { name: 'club', value: 'club' },
            { name: 'champion', value: 'champion' },
          ],
        },
      ],
    },
    {
      type: Option.Subcommand,
      name: 'stop',
      description: 'End your practice debate (nothing is rated)',
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export default {
  data: practiceDefinition,
  async execute(interaction, ctx) {
    const sub = interaction.options.getSubcommand();
    if (sub === 'stop') return stopPractice(ctx, interaction);
    if (sub !== 'start') throw new Error(`unknown /practice subcommand ${sub}`);
    const typed = interaction.options.getString('side')?.trim().toLowerCase() || 'auto';
    await startPractice(ctx, interaction, {
      motion: interaction.options.getString('motion'),
      side: typed === 'auto' ? 'auto' : (sideIdOf(ctx, typed) ?? typed),
      format: interaction.options.getString('format'),
      level: interaction.options.getString('level'),
    });
  },
  autocomplete: autocompleteDebate,
} satisfies Command;

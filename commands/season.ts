import {
  InteractionContextType,
  ApplicationCommandOptionType as Option,
  PermissionFlagsBits,
} from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { askNewSeason } from '../src/discord/confirm.js';

export default {
  data: {
    name: 'season',
    description: 'Leaderboard seasons (Manage Server)',
    contexts: [InteractionContextType.Guild],
    default_member_permissions: String(PermissionFlagsBits.ManageGuild),
    options: [
      { type: Option.Subcommand, name: 'new', description: 'Start a new season; old seasons stay readable' },
    ],
  },
  async execute(interaction, ctx) {
    // A new season cannot be undone: a private Confirm / Keep first (src/discord/confirm.ts).
    await askNewSeason(ctx, interaction);
  },
} satisfies Command;

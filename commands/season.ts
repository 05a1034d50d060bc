import {
  InteractionContextType,
  ApplicationCommandOptionType as Option,
  PermissionFlagsBits,
} from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { guildIdOf, requireManager, respondPrivately } from '../src/discord/respond.js';

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
    requireManager(interaction);
    const guildId = guildIdOf(interaction);
    const season = await ctx.store.inGuildQueue(guildId, () =>
      ctx.store.guilds.newSeason(guildId, ctx.clock.now()),
    );
    await respondPrivately(
      interaction,
      `Season ${season.number} has begun. Everyone starts fresh; /leaderboard season:${season.number - 1} still shows the last one.`,
    );
  },
} satisfies Command;

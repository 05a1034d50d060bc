import { InteractionContextType, ApplicationCommandOptionType as Option } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { guildIdOf, respondPrivately } from '../src/discord/respond.js';
import { statsView } from '../src/discord/views/standings.js';

export default {
  data: {
    name: 'stats',
    description: 'Rating, rank, record by side, rubric averages and recent debates',
    contexts: [InteractionContextType.Guild],
    options: [{ type: Option.User, name: 'user', description: 'Whose stats (default: yours)' }],
  },
  async execute(interaction, ctx) {
    const guildId = guildIdOf(interaction);
    const user = interaction.options.getUser('user') ?? interaction.user;
    const season = (await ctx.store.guilds.currentSeason(guildId)).number;
    const [record, rank] = await Promise.all([
      ctx.store.players.get(guildId, season, user.id),
      ctx.store.players.rank(guildId, season, user.id),
    ]);
    await respondPrivately(interaction, statsView(ctx.deck, user.id, season, record, rank));
  },
} satisfies Command;

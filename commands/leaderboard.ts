import { InteractionContextType, ApplicationCommandOptionType as Option } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { memberDisplayName } from '../src/discord/member-name.js';
import { guildIdOf, respondPrivately, respondPublicly } from '../src/discord/respond.js';
import { TEXT } from '../src/discord/text.js';
import { UserError } from '../src/discord/user-error.js';
import { leaderboardView } from '../src/discord/views/standings.js';
import { respondWithSides, sideIdOf, sideOption } from './options.js';

export default {
  data: {
    name: 'leaderboard',
    description: 'The server’s ranking, ten a page',
    contexts: [InteractionContextType.Guild],
    options: [
      sideOption('Best advocates of one side'),
      {
        type: Option.Integer,
        name: 'season',
        description: 'A season number (default: the current one)',
        min_value: 1,
      },
      { type: Option.Integer, name: 'page', description: 'Page number', min_value: 1 },
      {
        type: Option.Boolean,
        name: 'listed',
        description: 'Set false to hide yourself from the leaderboard, true to be listed again',
      },
    ],
  },
  async execute(interaction, ctx) {
    const guildId = guildIdOf(interaction);
    const listed = interaction.options.getBoolean('listed');
    const asked = ['side', 'season', 'page'].some((name) => interaction.options.get(name) !== null);
    if (listed !== null) {
      await ctx.store.players.setOptOut(guildId, interaction.user.id, !listed);
      // With other options too, the board they ask for follows, privately (the answer is private).
      if (!asked || !(await ctx.store.guilds.config(guildId)).leaderboard) {
        await respondPrivately(interaction, TEXT.optOut(!listed));
        return;
      }
    }
    const config = await ctx.store.guilds.config(guildId);
    if (!config.leaderboard) throw new UserError(TEXT.leaderboardOff);
    const season =
      interaction.options.getInteger('season') ?? (await ctx.store.guilds.currentSeason(guildId)).number;
    const typedSide = interaction.options.getString('side');
    const side = sideIdOf(ctx, typedSide);
    if (typedSide !== null && !side)
      throw new UserError(TEXT.unknownSide(typedSide, ctx.deck.sides.map((s) => s.id).join(', ')));
    const page = interaction.options.getInteger('page') ?? 1;
    const [board] = await Promise.all([
      ctx.store.players.leaderboard(guildId, season, { side, page }),
      // The web leaderboard knows members only by the names the bot has seen.
      ctx.store.players.setDisplayName(
        guildId,
        interaction.user.id,
        memberDisplayName(interaction.member, interaction.user),
      ),
    ]);
    const view = leaderboardView(ctx.deck, board, { guildId, season, side });
    if (listed !== null) await respondPrivately(interaction, { ...view, content: TEXT.optOut(!listed) });
    else await respondPublicly(interaction, view);
  },
  autocomplete: (interaction, ctx) => respondWithSides(interaction, ctx, false),
  // The board is for the channel; opting out (listed) is private, and is said so when deferred.
  answerStyle: (interaction) => (interaction.options.getBoolean('listed') === null ? 'public' : 'private'),
} satisfies Command;

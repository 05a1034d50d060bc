import { InteractionContextType, ApplicationCommandOptionType as Option } from 'discord.js';
import type { AppContext } from '../src/context.js';
import type { PlayerRecord } from '../src/debate/player-record.js';
import type { Command } from '../src/discord/command.js';
import { memberDisplayName } from '../src/discord/member-name.js';
import { guildIdOf, respondPrivately } from '../src/discord/respond.js';
import { TEXT } from '../src/discord/text.js';
import { UserError } from '../src/discord/user-error.js';
import { statsView } from '../src/discord/views/standings.js';

/** The rank card, drawn on first use: the canvas library is loaded only where images are on. */
const drawCard = async (
  ctx: AppContext,
  who: { readonly name: string; readonly season: number; readonly rank: number | undefined },
  record: PlayerRecord,
) => {
  const { drawRankCard, rankCardData } = await import('../src/images/rank-card.js');
  return drawRankCard(rankCardData(ctx.deck, who, record));
};

export default {
  data: {
    name: 'stats',
    description: 'Rating, rank, record by side, rubric averages and recent debates',
    contexts: [InteractionContextType.Guild],
    options: [
      { type: Option.User, name: 'user', description: 'Whose stats (default: yours)' },
      {
        type: Option.Integer,
        name: 'season',
        description: 'A season number (default: the current one)',
        min_value: 1,
      },
    ],
  },
  async execute(interaction, ctx) {
    const guildId = guildIdOf(interaction);
    const user = interaction.options.getUser('user') ?? interaction.user;
    const member = interaction.options.getUser('user')
      ? interaction.options.getMember('user')
      : interaction.member;
    const name = memberDisplayName(member, user);
    const [seasons, config] = await Promise.all([
      ctx.store.guilds.seasons(guildId),
      ctx.store.guilds.config(guildId),
      // The web leaderboard knows members only by the names the bot has seen.
      ctx.store.players.setDisplayName(guildId, user.id, name),
    ]);
    const asked = interaction.options.getInteger('season');
    const season = asked ?? seasons.at(-1)?.number ?? 1;
    if (!seasons.some((s) => s.number === season))
      throw new UserError(TEXT.unknownSeason(season, seasons.at(-1)?.number ?? 1));
    const [record, rank, practice] = await Promise.all([
      ctx.store.players.get(guildId, season, user.id),
      ctx.store.players.rank(guildId, season, user.id),
      ctx.store.practice.get(guildId, user.id),
    ]);
    const card = config.images && record ? await drawCard(ctx, { name, season, rank }, record) : undefined;
    await respondPrivately(interaction, statsView(ctx.deck, user.id, season, record, rank, card, practice));
  },
} satisfies Command;

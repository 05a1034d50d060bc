import type { ChatInputCommandInteraction } from 'discord.js';
import type { AppContext } from '../../src/context.js';
import { FINISHED_PHASES } from '../../src/debate/types.js';
import { guildIdOf, respondPrivately } from '../../src/discord/respond.js';
import { mineView } from '../../src/discord/views/mine.js';
import { venueOf } from '../../src/store/venue.js';

/** /debate mine: every debate under way in this server that the caller debates, judges or hosts. */
export const mine = async (interaction: ChatInputCommandInteraction, ctx: AppContext): Promise<void> => {
  const guildId = guildIdOf(interaction);
  const userId = interaction.user.id;
  const { debates } = await ctx.store.debates.resumable([guildId]);
  // The live copy where there is one: it may be newer than what the index read returned.
  const fresh = await Promise.all(
    debates.map(async (d) => (await ctx.play.debate(guildId, d.state.id)) ?? d),
  );
  const venues = new Map(fresh.map((d) => [d.state.id, venueOf(d)]));
  const own = fresh
    .map((d) => d.state)
    .filter((s) => !FINISHED_PHASES.includes(s.phase))
    .filter(
      (s) => s.debaters.some((d) => d.userId === userId) || s.judges.includes(userId) || s.hostId === userId,
    );
  await respondPrivately(
    interaction,
    mineView(ctx.deck, own, userId, (s) => venues.get(s.id) ?? s.channelId),
  );
};

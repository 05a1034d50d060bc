import type { ChatInputCommandInteraction } from 'discord.js';
import type { AppContext } from '../../src/context.js';
import { sendTranscript } from '../../src/discord/debate-moves.js';
import { guildIdOf, respondPrivately } from '../../src/discord/respond.js';
import { TEXT } from '../../src/discord/text.js';
import { UserError } from '../../src/discord/user-error.js';
import { clip } from '../../src/discord/views/format.js';
import { historyView, type PastDebate } from '../../src/discord/views/history.js';
import { venueOf } from '../../src/store/venue.js';

const PAGE_SIZE = 10;

/**
 * The guild's past debates, newest first: the finished index (the last rated debates, kept by the
 * player repository) joined with each stored debate, for its sides, result and result message.
 */
const pastDebates = async (ctx: AppContext, guildId: string): Promise<PastDebate[]> => {
  const index = await ctx.store.players.recentDebates(guildId);
  const stored = await Promise.all(index.map((entry) => ctx.store.debates.get(entry.debateId)));
  return stored.flatMap((debate) =>
    debate?.state.result && debate.state.guildId === guildId
      ? [
          {
            state: debate.state,
            result: debate.state.result,
            resultMessageId: debate.meta.liveMessages?.result,
            venueId: venueOf(debate),
          },
        ]
      : [],
  );
};

/** /debate history [user] [page]: ten a page, privately. */
export const history = async (interaction: ChatInputCommandInteraction, ctx: AppContext) => {
  const guildId = guildIdOf(interaction);
  const user = interaction.options.getUser('user');
  const all = await pastDebates(ctx, guildId);
  const mine = user ? all.filter((d) => d.state.debaters.some((x) => x.userId === user.id)) : all;
  const pages = Math.max(1, Math.ceil(mine.length / PAGE_SIZE));
  const page = Math.min(interaction.options.getInteger('page') ?? 1, pages);
  const shown = mine.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  await respondPrivately(interaction, historyView(ctx.deck, guildId, shown, { page, pages, user: user?.id }));
};

/** /debate transcript <id>: any past (or current) debate of this server. */
export const transcript = async (interaction: ChatInputCommandInteraction, ctx: AppContext) => {
  const id = interaction.options.getString('id', true).trim();
  if (!/^\d{1,21}$/.test(id)) throw new UserError(TEXT.unknownDebateId(id));
  if (!(await ctx.play.debate(guildIdOf(interaction), id))) throw new UserError(TEXT.unknownDebateId(id));
  await sendTranscript(ctx, interaction, id);
};

/** Autocomplete of a debate id: the recent debates, matched on id or motion. */
export const pastDebateChoices = async (ctx: AppContext, guildId: string | null, typed: string) => {
  if (!guildId) return [];
  const query = typed.trim().toLowerCase();
  const index = await ctx.store.players.recentDebates(guildId);
  return index
    .filter((d) => {
      const motion = ctx.deck.motion(d.motionId)?.text.toLowerCase() ?? '';
      return (
        !query ||
        d.debateId.includes(query) ||
        d.motionId.toLowerCase().includes(query) ||
        motion.includes(query)
      );
    })
    .slice(0, 25)
    .map((d) => ({
      name: clip(
        `${new Date(d.at).toISOString().slice(0, 10)} · ${d.motionId} · ${d.winner === 'draw' ? 'draw' : `${ctx.deck.side(d.winner)?.name ?? d.winner} won`} · ${ctx.deck.motion(d.motionId)?.text ?? ''}`,
        100,
      ),
      value: d.debateId,
    }));
};

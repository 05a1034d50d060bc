import type { ButtonInteraction } from 'discord.js';
import type { AppContext } from '../context.js';
import type { DebateEvent } from '../debate/types.js';
import { MoveRefused } from '../play/play.js';
import { load } from './debate-moves.js';
import { guildIdOf, respondPrivately } from './respond.js';
import { TEXT } from './text.js';
import { UserError } from './user-error.js';

/**
 * The result card's Rematch: a new lobby in the same channel with the same motion, format, mode,
 * size, host and people, each debater seated on the other side and the judges judging again. It is
 * the ordinary moves (open, then a join per seat) through the application layer, so the lobby card
 * is posted and repainted as for `/debate start`; the host begins it as usual.
 * @throws MoveRefused when the channel already has another debate (the error boundary answers)
 */
export const rematch = async (ctx: AppContext, interaction: ButtonInteraction, debateId: string) => {
  const guildId = guildIdOf(interaction);
  const { state } = await load(ctx, debateId, interaction);
  if (!state.result) throw new UserError(TEXT.rematchNotOver);
  const people = new Set([state.hostId, ...state.debaters.map((d) => d.userId)]);
  if (!people.has(interaction.user.id)) throw new UserError(TEXT.rematchNotYours);
  const config = await ctx.store.guilds.config(guildId);
  // The interaction's id names the new debate, as a /debate start's does: a repeated click is a new one.
  const id = interaction.id;
  await ctx.play.move(guildId, id, {
    type: 'open',
    id,
    guildId,
    channelId: state.channelId,
    hostId: state.hostId,
    motionId: state.motionId,
    formatId: state.formatId,
    mode: state.mode,
    size: state.size,
    seed: ctx.seed(),
    lobbySeconds: config.lobbyMinutes * 60,
  });
  const otherSide = (side: string) => ctx.deck.sides.find((s) => s.id !== side)?.id ?? side;
  const seats: DebateEvent[] = [
    ...(await Promise.all(
      state.debaters.map(async (d) => ({
        type: 'join' as const,
        actor: { userId: d.userId, manager: false },
        side: otherSide(d.side),
        history: await ctx.store.players.sideHistory(guildId, d.userId),
      })),
    )),
    ...state.judges.map((userId) => ({ type: 'judge' as const, actor: { userId, manager: false } })),
  ];
  for (const event of seats) {
    try {
      await ctx.play.move(guildId, id, event);
    } catch (error) {
      // A seat that cannot be taken now stays open for its person to join by hand.
      if (!(error instanceof MoveRefused)) throw error;
      ctx.logger.info({ guildId, debateId: id, reason: error.message }, 'rematch seat left open');
    }
  }
  await respondPrivately(interaction, TEXT.rematchOpened);
};

import type { ChatInputCommandInteraction } from 'discord.js';
import type { AppContext } from '../../src/context.js';
import { confirmFirst } from '../../src/discord/confirm.js';
import { debateInChannel, joinAsJudge, openSpeechForm } from '../../src/discord/debate-moves.js';
import { type MoveKind, runMove } from '../../src/discord/moves.js';
import { respondPrivately } from '../../src/discord/respond.js';
import { statusView } from '../../src/discord/views/info.js';
import { sideIdOf } from '../options.js';

/** The /debate subcommands that act on this channel's debate; each is the same move as its button. */
type Sub = (interaction: ChatInputCommandInteraction, ctx: AppContext) => Promise<void>;

const current = async (ctx: AppContext, interaction: ChatInputCommandInteraction) =>
  (await debateInChannel(ctx, interaction)).state;

/** A subcommand that is exactly the move of the same name on this channel's debate. */
const plain =
  (kind: MoveKind): Sub =>
  async (interaction, ctx) =>
    runMove(ctx, interaction, (await current(ctx, interaction)).id, kind);

export const join: Sub = async (interaction, ctx) => {
  const state = await current(ctx, interaction);
  const typed = interaction.options.getString('side')?.trim().toLowerCase() || 'auto';
  const side = typed === 'auto' ? 'auto' : (sideIdOf(ctx, typed) ?? typed);
  await runMove(ctx, interaction, state.id, 'join', { side });
};

export const leave = plain('leave');
export const begin = plain('begin');
/** Forfeit, and Cancel after Begin, ask first (src/discord/confirm.ts). */
export const forfeit: Sub = async (interaction, ctx) =>
  confirmFirst(ctx, interaction, (await current(ctx, interaction)).id, 'forfeit');
export const cancel: Sub = async (interaction, ctx) =>
  confirmFirst(ctx, interaction, (await current(ctx, interaction)).id, 'cancel');
/** Done: during prep, ready; in a turn, the end of it (the engine tells which). */
export const done = plain('done');

export const judge: Sub = async (interaction, ctx) =>
  joinAsJudge(ctx, interaction, (await current(ctx, interaction)).id);

export const speak: Sub = async (interaction, ctx) =>
  openSpeechForm(ctx, interaction, (await current(ctx, interaction)).id);

export const status: Sub = async (interaction, ctx) => {
  const state = await current(ctx, interaction);
  await respondPrivately(interaction, statusView(ctx.deck, state));
};

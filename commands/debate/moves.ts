import type { ChatInputCommandInteraction } from 'discord.js';
import type { AppContext } from '../../src/context.js';
import { debateInChannel } from '../../src/discord/debate-actions.js';
import { joinAsJudge, joinDebate, move, openSpeechForm } from '../../src/discord/debate-moves.js';
import { actorOf, respondPrivately } from '../../src/discord/respond.js';
import { TEXT } from '../../src/discord/text.js';
import { statusView } from '../../src/discord/views/info.js';
import { sideIdOf } from '../options.js';

/** The /debate subcommands that act on this channel's debate; each is the same move as its button. */
type Sub = (interaction: ChatInputCommandInteraction, ctx: AppContext) => Promise<void>;

const current = async (ctx: AppContext, interaction: ChatInputCommandInteraction) =>
  (await debateInChannel(ctx, interaction)).state;

export const join: Sub = async (interaction, ctx) => {
  const state = await current(ctx, interaction);
  const typed = interaction.options.getString('side')?.trim().toLowerCase() || 'auto';
  await joinDebate(ctx, interaction, state.id, typed === 'auto' ? 'auto' : (sideIdOf(ctx, typed) ?? typed));
};

export const leave: Sub = async (interaction, ctx) => {
  const state = await current(ctx, interaction);
  await move(ctx, interaction, state.id, { type: 'leave', actor: actorOf(interaction) }, () => TEXT.left);
};

export const judge: Sub = async (interaction, ctx) =>
  joinAsJudge(ctx, interaction, (await current(ctx, interaction)).id);

export const begin: Sub = async (interaction, ctx) => {
  const state = await current(ctx, interaction);
  await move(
    ctx,
    interaction,
    state.id,
    { type: 'begin', actor: actorOf(interaction) },
    () => 'The debate has begun.',
  );
};

export const speak: Sub = async (interaction, ctx) =>
  openSpeechForm(ctx, interaction, (await current(ctx, interaction)).id);

export const done: Sub = async (interaction, ctx) => {
  const state = await current(ctx, interaction);
  await move(
    ctx,
    interaction,
    state.id,
    { type: 'done', actor: actorOf(interaction), turn: state.phase === 'prep' ? -1 : state.turn },
    () => (state.phase === 'prep' ? TEXT.ready : TEXT.turnDone),
  );
};

export const forfeit: Sub = async (interaction, ctx) => {
  const state = await current(ctx, interaction);
  await move(
    ctx,
    interaction,
    state.id,
    { type: 'forfeit', actor: actorOf(interaction) },
    () => TEXT.forfeited,
  );
};

export const cancel: Sub = async (interaction, ctx) => {
  const state = await current(ctx, interaction);
  await move(
    ctx,
    interaction,
    state.id,
    { type: 'cancel', actor: actorOf(interaction) },
    () => TEXT.cancelled,
  );
};

export const status: Sub = async (interaction, ctx) => {
  const state = await current(ctx, interaction);
  await respondPrivately(interaction, statusView(ctx.deck, state));
};

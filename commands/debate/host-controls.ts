import type { ChatInputCommandInteraction } from 'discord.js';
import type { AppContext } from '../../src/context.js';
import { debateInChannel } from '../../src/discord/debate-moves.js';
import { runMove } from '../../src/discord/moves.js';

/** The host controls: /debate pause, resume, extend <seconds>, replace <user>. The engine judges who may. */
type Sub = (interaction: ChatInputCommandInteraction, ctx: AppContext) => Promise<void>;

const debateId = async (ctx: AppContext, interaction: ChatInputCommandInteraction) =>
  (await debateInChannel(ctx, interaction)).state.id;

export const pause: Sub = async (interaction, ctx) =>
  runMove(ctx, interaction, await debateId(ctx, interaction), 'pause');

export const resume: Sub = async (interaction, ctx) =>
  runMove(ctx, interaction, await debateId(ctx, interaction), 'resume');

export const extend: Sub = async (interaction, ctx) =>
  runMove(ctx, interaction, await debateId(ctx, interaction), 'extend', {
    seconds: interaction.options.getInteger('seconds', true),
  });

export const replace: Sub = async (interaction, ctx) =>
  runMove(ctx, interaction, await debateId(ctx, interaction), 'replace', {
    userId: interaction.options.getUser('user', true).id,
  });

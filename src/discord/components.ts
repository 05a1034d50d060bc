import type { ButtonInteraction, ModalSubmitInteraction, StringSelectMenuInteraction } from 'discord.js';
import type { AppContext } from '../context.js';
import { type ParsedCustomId, parseCustomId } from './custom-id.js';
import {
  joinAsJudge,
  joinDebate,
  move,
  openBallot,
  openSpeechForm,
  sendTranscript,
  showHand,
  submitBallot,
  submitSpeech,
} from './debate-moves.js';
import { actorOf, respondPrivately } from './respond.js';
import { TEXT } from './text.js';
import { UserError } from './user-error.js';
import { leaderboardView } from './views/standings.js';

type ComponentInteraction = ButtonInteraction | ModalSubmitInteraction | StringSelectMenuInteraction;
type Handlers = {
  [K in ParsedCustomId['kind']]: (
    interaction: ComponentInteraction,
    args: Extract<ParsedCustomId, { kind: K }>['args'],
    ctx: AppContext,
  ) => Promise<unknown>;
};

const button = (interaction: ComponentInteraction): ButtonInteraction => {
  if (!interaction.isButton()) throw new UserError(TEXT.expired);
  return interaction;
};
const modal = (interaction: ComponentInteraction): ModalSubmitInteraction => {
  if (!interaction.isModalSubmit()) throw new UserError(TEXT.expired);
  return interaction;
};
const debateIsCurrent = async (ctx: AppContext, debateId: string, turn: number) => {
  const stored = await ctx.store.debates.get(debateId);
  if (stored?.state.phase !== 'speaking' || stored.state.turn !== turn) throw new UserError(TEXT.expired);
};

/** Every button and form of the bot, by the kind in its custom id. The id carries what each needs. */
const handlers: Handlers = {
  join: (i, [id, side], ctx) => joinDebate(ctx, i, id, side),
  judge: (i, [id], ctx) => joinAsJudge(ctx, i, id),
  leave: (i, [id], ctx) => move(ctx, i, id, { type: 'leave', actor: actorOf(i) }, () => TEXT.left),
  swap: (i, [id], ctx) => move(ctx, i, id, { type: 'swap', actor: actorOf(i) }, () => 'Sides swapped.'),
  begin: (i, [id], ctx) =>
    move(ctx, i, id, { type: 'begin', actor: actorOf(i) }, () => 'The debate has begun.'),
  cancel: (i, [id], ctx) => move(ctx, i, id, { type: 'cancel', actor: actorOf(i) }, () => TEXT.cancelled),
  hand: (i, [id], ctx) => showHand(ctx, i, id),
  ready: async (i, [id], ctx) => {
    const stored = await ctx.store.debates.get(id);
    if (stored?.state.guildId !== i.guildId) throw new UserError(TEXT.expired);
    if (stored?.state.phase !== 'prep') throw new UserError('Prep is over: the speeches have begun.');
    await move(ctx, i, id, { type: 'done', actor: actorOf(i), turn: -1 }, () => TEXT.ready);
  },
  speak: (i, [id, turn], ctx) => openSpeechForm(ctx, button(i), id, turn),
  done: async (i, [id, turn], ctx) => {
    await debateIsCurrent(ctx, id, turn);
    await move(ctx, i, id, { type: 'done', actor: actorOf(i), turn }, () => TEXT.turnDone);
  },
  speech: (i, [id, turn], ctx) => submitSpeech(ctx, modal(i), id, turn),
  ballot: (i, [id], ctx) => openBallot(ctx, button(i), id),
  'ballot-form': (i, [id], ctx) => submitBallot(ctx, modal(i), id),
  crowd: (i, [id, side], ctx) =>
    move(ctx, i, id, { type: 'crowd', actor: actorOf(i), side }, () =>
      TEXT.crowdRecorded(ctx.deck.side(side)?.name ?? side),
    ),
  transcript: (i, [id], ctx) => sendTranscript(ctx, i, id),
  board: async (i, [guildId, season, side, page], ctx) => {
    if (i.guildId !== guildId) throw new UserError(TEXT.expired);
    if (!(await ctx.store.guilds.config(guildId)).leaderboard) throw new UserError(TEXT.leaderboardOff);
    const sideId = side === 'all' ? undefined : side;
    const board = await ctx.store.players.leaderboard(guildId, season, { side: sideId, page });
    await button(i).update(leaderboardView(ctx.deck, board, { guildId, season, side: sideId }));
  },
};

/** Routes a click or a form to its handler; anything unparseable is a private "expired". */
export const handleComponent = async (interaction: ComponentInteraction, ctx: AppContext) => {
  const parsed = parseCustomId(interaction.customId);
  if (!parsed) {
    await respondPrivately(interaction, TEXT.expired);
    return;
  }
  const handler = handlers[parsed.kind] as (
    i: ComponentInteraction,
    args: unknown,
    c: AppContext,
  ) => Promise<unknown>;
  await handler(interaction, parsed.args, ctx);
};

import {
  type ButtonInteraction,
  MessageFlags,
  type ModalSubmitInteraction,
  type StringSelectMenuInteraction,
} from 'discord.js';
import type { AppContext } from '../context.js';
import type { AnswerStyle } from './answer.js';
import { openVoteForm, submitVote } from './community-moves.js';
import { confirmFirst, confirmNewSeason, keep, passOrDone, runConfirmed } from './confirm.js';
import { type ParsedCustomId, parseCustomId } from './custom-id.js';
import {
  joinAsJudge,
  openBallot,
  openSpeechForm,
  sendTranscript,
  showHand,
  submitBallot,
  submitSpeech,
} from './debate-moves.js';
import { runMove } from './moves.js';
import { rematch } from './rematch.js';
import { respondPrivately, updateClicked } from './respond.js';
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

/** Every button and form of the bot, by the kind in its custom id. The id carries what each needs. */
const handlers: Handlers = {
  join: (i, [id, side], ctx) => runMove(ctx, i, id, 'join', { side }),
  judge: (i, [id], ctx) => joinAsJudge(ctx, i, id),
  leave: (i, [id], ctx) => runMove(ctx, i, id, 'leave'),
  swap: (i, [id], ctx) => runMove(ctx, i, id, 'swap'),
  begin: (i, [id], ctx) => runMove(ctx, i, id, 'begin'),
  // The same rule and question as /debate cancel: at once in the lobby, asked first after Begin (a stale card).
  cancel: (i, [id], ctx) => confirmFirst(ctx, i, id, 'cancel'),
  hand: (i, [id], ctx) => showHand(ctx, i, id),
  ready: (i, [id], ctx) => runMove(ctx, i, id, 'ready'),
  speak: (i, [id, turn], ctx) => openSpeechForm(ctx, button(i), id, turn),
  done: (i, [id, turn], ctx) => passOrDone(ctx, button(i), id, turn),
  speech: (i, [id, turn], ctx) => submitSpeech(ctx, modal(i), id, turn),
  ballot: (i, [id], ctx) => openBallot(ctx, button(i), id),
  'ballot-form': (i, [id], ctx) => submitBallot(ctx, modal(i), id),
  crowd: (i, [id, side], ctx) => runMove(ctx, i, id, 'crowd', { side }),
  transcript: (i, [id], ctx) => sendTranscript(ctx, i, id),
  vote: (i, [id, side], ctx) => openVoteForm(ctx, button(i), id, side),
  'vote-form': (i, [id, side], ctx) => submitVote(ctx, modal(i), id, side),
  board: async (i, [guildId, season, side, page], ctx) => {
    if (i.guildId !== guildId) throw new UserError(TEXT.expired);
    if (!(await ctx.store.guilds.config(guildId)).leaderboard) throw new UserError(TEXT.leaderboardOff);
    const sideId = side === 'all' ? undefined : side;
    const board = await ctx.store.players.leaderboard(guildId, season, { side: sideId, page });
    const view = leaderboardView(ctx.deck, board, { guildId, season, side: sideId });
    // The shared board stays as posted: a page click answers the clicker privately, and a click on
    // that private page turns it in place.
    const clicked = button(i);
    if (clicked.message.flags.has(MessageFlags.Ephemeral)) await updateClicked(clicked, view);
    else await respondPrivately(clicked, view);
  },
  confirm: (i, [id, action, turn, expires], ctx) => runConfirmed(ctx, button(i), id, action, turn, expires),
  'season-new': (i, [guildId, season, expires], ctx) =>
    confirmNewSeason(ctx, button(i), guildId, season, expires),
  keep: (i) => keep(button(i)),
  rematch: (i, [id], ctx) => rematch(ctx, button(i), id),
  prep: (i, [id, turn], ctx) => runMove(ctx, i, id, 'takePrep', { turn }),
  'prep-end': (i, [id, turn], ctx) => runMove(ctx, i, id, 'endPrep', { turn }),
  poi: (i, [id, turn], ctx) => runMove(ctx, i, id, 'poi', { turn }),
  'poi-answer': (i, [id, turn, answer], ctx) =>
    runMove(ctx, i, id, 'poiAnswer', { turn, accept: answer === 'accept' }),
};

/** Buttons on a private confirmation: their answer replaces the question (src/discord/confirm.ts). */
const CONFIRMATIONS: ReadonlySet<string> = new Set(['confirm', 'season-new', 'keep']);

/** Buttons whose answer repaints the message they are on (the lobby card, a leaderboard page). */
const UPDATES: ReadonlySet<string> = new Set(['join', 'judge', 'leave', 'swap', 'begin', 'cancel']);

/** How each kind is first answered when slow (src/discord/answer.ts): forms cannot be deferred. */
export const componentAnswerStyle = (customId: string): AnswerStyle => {
  const kind = parseCustomId(customId)?.kind;
  if (kind === 'speak' || kind === 'ballot' || kind === 'vote') return 'form';
  return kind && (UPDATES.has(kind) || CONFIRMATIONS.has(kind)) ? 'update' : 'private';
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

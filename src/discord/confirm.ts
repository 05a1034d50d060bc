import { type ButtonInteraction, ButtonStyle, type RepliableInteraction } from 'discord.js';
import type { AppContext } from '../context.js';
import { apply } from '../debate/engine.js';
import { customId } from './custom-id.js';
import { MOVES, type MoveKind, runMove } from './moves.js';
import { guildIdOf, requireManager, respondPrivately, updateClicked } from './respond.js';
import { TEXT } from './text.js';
import { UserError } from './user-error.js';
import { pingNobody } from './views/format.js';
import { button, row, type View } from './views/view.js';

/**
 * What cannot be undone asks first: Forfeit, Pass, Cancel after Begin and /season new answer with a
 * private "are you sure" and Confirm / Keep buttons. The Confirm button's id carries the move and an
 * expiry, so it works after a restart and stops working after CONFIRM_SECONDS; Keep changes nothing.
 */
export const CONFIRM_SECONDS = 120;

/** The moves that ask first, by the action token in their Confirm button. */
export const CONFIRMED_MOVES = {
  forfeit: 'forfeit',
  pass: 'done',
  cancel: 'cancel',
} as const satisfies Record<string, MoveKind>;
export type ConfirmedAction = keyof typeof CONFIRMED_MOVES;

export const isConfirmedAction = (action: string): action is ConfirmedAction => action in CONFIRMED_MOVES;

export const expiresAt = (now: number) => Math.floor(now / 1000) + CONFIRM_SECONDS;
export const hasExpired = (expiresAtSeconds: number, now: number) => now > expiresAtSeconds * 1000;

const keepButton = () => button(customId('keep'), 'Keep', ButtonStyle.Secondary);

/** The private question with its two buttons. */
export const confirmView = (question: string, confirmId: string, confirmLabel: string): View => ({
  content: question,
  components: [row(button(confirmId, confirmLabel, ButtonStyle.Danger), keepButton())],
  allowedMentions: pingNobody,
});

/** The question's message once answered: the answer, no buttons. */
export const answeredView = (answer: string | View): View =>
  typeof answer === 'string'
    ? { content: answer, components: [], allowedMentions: pingNobody }
    : { ...answer, components: [] };

const QUESTIONS: Record<ConfirmedAction, { question: string; label: string }> = {
  forfeit: { question: TEXT.confirmForfeit, label: 'Forfeit' },
  pass: { question: TEXT.confirmPass, label: 'Pass' },
  cancel: { question: TEXT.confirmCancel, label: 'Cancel the debate' },
};

/**
 * Asks before a move that cannot be undone, when the engine would accept it now (a dry run of the
 * pure engine: nothing is saved). A move it would refuse, or a Cancel in the lobby, runs at once, so
 * the person reads the refusal without a needless question.
 */
export const confirmFirst = async (
  ctx: AppContext,
  interaction: RepliableInteraction,
  debateId: string,
  action: ConfirmedAction,
  extra?: { turn?: number },
) => {
  const kind = CONFIRMED_MOVES[action];
  const stored = await ctx.play.debate(guildIdOf(interaction), debateId);
  if (stored && !(action === 'cancel' && stored.state.phase === 'lobby')) {
    const event = await MOVES[kind].event({ ctx, interaction, extra });
    const dryRun = apply(ctx.deck, stored.state, event, ctx.clock.now());
    if (dryRun.ok && dryRun.state !== stored.state) {
      const { question, label } = QUESTIONS[action];
      const id = customId('confirm', debateId, action, extra?.turn ?? 0, expiresAt(ctx.clock.now()));
      await respondPrivately(interaction, confirmView(question, id, label));
      return;
    }
  }
  await runMove(ctx, interaction, debateId, kind, extra);
};

/** `/season new` asks first; the button names the season it replaces, so two clicks start one season. */
export const askNewSeason = async (ctx: AppContext, interaction: RepliableInteraction) => {
  requireManager(interaction);
  const guildId = guildIdOf(interaction);
  const season = await ctx.store.guilds.currentSeason(guildId);
  const id = customId('season-new', guildId, season.number, expiresAt(ctx.clock.now()));
  await respondPrivately(
    interaction,
    confirmView(TEXT.confirmSeason(season.number), id, 'Start a new season'),
  );
};

/** The Confirm of a new season: starts it unless another click (or command) already did. */
export const startNewSeason = async (
  ctx: AppContext,
  interaction: RepliableInteraction,
  guildId: string,
  replaces: number,
): Promise<string> => {
  requireManager(interaction);
  if (guildIdOf(interaction) !== guildId) return TEXT.expired;
  return ctx.store.inGuildQueue(guildId, async () => {
    const current = await ctx.store.guilds.currentSeason(guildId);
    if (current.number !== replaces) return TEXT.seasonAlreadyNew(current.number);
    const season = await ctx.store.guilds.newSeason(guildId, ctx.clock.now());
    return TEXT.seasonStarted(season.number);
  });
};

/** The turn's Pass/Done button: a text-mode Pass asks first; a live-mode Done (the speech was given) does not. */
export const passOrDone = async (
  ctx: AppContext,
  interaction: ButtonInteraction,
  debateId: string,
  turn: number,
) => {
  const stored = await ctx.play.debate(guildIdOf(interaction), debateId);
  if (stored?.state.mode === 'text') return confirmFirst(ctx, interaction, debateId, 'pass', { turn });
  return runMove(ctx, interaction, debateId, 'done', { turn });
};

/** Confirm: the move runs (the engine judges it as it stands now) and the question becomes its answer. */
export const runConfirmed = async (
  ctx: AppContext,
  interaction: ButtonInteraction,
  debateId: string,
  action: string,
  turn: number,
  expires: number,
) => {
  if (!isConfirmedAction(action)) throw new UserError(TEXT.expired);
  if (hasExpired(expires, ctx.clock.now()))
    return updateClicked(interaction, answeredView(TEXT.confirmExpired));
  return runMove(
    ctx,
    interaction,
    debateId,
    CONFIRMED_MOVES[action],
    action === 'pass' ? { turn } : undefined,
  );
};

/** Keep: nothing happens; the question says so and loses its buttons. */
export const keep = (interaction: ButtonInteraction) => updateClicked(interaction, answeredView(TEXT.kept));

/** Confirm of /season new. */
export const confirmNewSeason = async (
  ctx: AppContext,
  interaction: ButtonInteraction,
  guildId: string,
  replaces: number,
  expires: number,
) => {
  if (hasExpired(expires, ctx.clock.now()))
    return updateClicked(interaction, answeredView(TEXT.confirmExpired));
  return updateClicked(interaction, answeredView(await startNewSeason(ctx, interaction, guildId, replaces)));
};

import type { ButtonInteraction, Interaction, ModalSubmitInteraction } from 'discord.js';
import type { AppContext } from '../context.js';
import { voteRefusal } from '../debate/community.js';
import { refusal } from '../debate/refusals.js';
import { load } from './debate-moves.js';
import { runMove } from './moves.js';
import { actorOf, guildIdOf, showForm } from './respond.js';
import { UserError } from './user-error.js';
import { VOTE_REASON_FIELD, voteModal } from './views/community.js';

/** A server that requires a role to vote (/config set vote-role): does this member hold it? */
const mayVote = async (ctx: AppContext, interaction: Interaction) => {
  const { voteRoleId } = await ctx.store.guilds.config(guildIdOf(interaction));
  if (!voteRoleId || actorOf(interaction).manager) return;
  const member = interaction.member;
  const roles = member && 'roles' in member ? member.roles : undefined;
  const has = Array.isArray(roles) ? roles.includes(voteRoleId) : roles?.cache.has(voteRoleId) === true;
  if (!has) throw new UserError(refusal('voteRoleNeeded', `<@&${voteRoleId}>`).message);
};

/** A vote button: the reason form opens, once the member may vote (checked before the form). */
export const openVoteForm = async (
  ctx: AppContext,
  interaction: ButtonInteraction,
  debateId: string,
  side: string,
) => {
  const { state } = await load(ctx, debateId, interaction);
  const refused = voteRefusal(state, interaction.user.id);
  if (refused) throw new UserError(refused.message);
  await mayVote(ctx, interaction);
  await showForm(interaction, voteModal(ctx.deck, state, side, state.votes?.[interaction.user.id]));
};

/** The vote form comes back: the engine checks the reason's length and the voter. */
export const submitVote = async (
  ctx: AppContext,
  interaction: ModalSubmitInteraction,
  debateId: string,
  side: string,
) => {
  await mayVote(ctx, interaction);
  const reason = interaction.fields.getTextInputValue(VOTE_REASON_FIELD);
  await runMove(ctx, interaction, debateId, 'vote', { side, reason });
};

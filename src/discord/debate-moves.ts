import {
  AttachmentBuilder,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Guild,
  MessageFlags,
  type ModalSubmitInteraction,
  PermissionFlagsBits,
  type RepliableInteraction,
} from 'discord.js';
import type { Size } from '../content/schemas.js';
import type { AppContext } from '../context.js';
import { refusal } from '../debate/refusals.js';
import type { DebateEvent, Mode } from '../debate/types.js';
import { StoreUnavailableError } from '../store/types.js';
import { parseScores, parseWinner } from './ballot-input.js';
import { type Applied, act, carryOut } from './debate-actions.js';
import { actorOf, guildIdOf, respondPrivately } from './respond.js';
import { TEXT } from './text.js';
import { UserError } from './user-error.js';
import { handView } from './views/cards.js';
import { ballotModal, SPEECH_FIELD, scoreField, speechModal, WINNER_FIELD } from './views/forms.js';
import { lobbyView } from './views/lobby.js';
import { transcriptMarkdown } from './views/transcript.js';

type Repliable = RepliableInteraction;

/** The debate a button or form names; one of another server (a forged id) has expired like a missing one. */
const load = async (ctx: AppContext, debateId: string, interaction: Repliable) => {
  const stored = await ctx.store.debates.get(debateId);
  if (!stored || stored.state.guildId !== interaction.guildId) throw new UserError(TEXT.expired);
  return stored;
};

/** Display names for a debate's people, from the guild's member cache (fetching the few missing). */
const NAME_LOOKUP_MS = 800;

export const displayNames = async (guild: Guild | null, userIds: readonly string[]) => {
  const names = new Map<string, string>();
  if (!guild) return names;
  const missing = userIds.filter((id) => !guild.members.cache.has(id));
  // A gateway member request can be slow; a form must open within Discord's 3 s, names are a nicety.
  if (missing.length > 0)
    await Promise.race([
      guild.members.fetch({ user: missing }).catch(() => undefined),
      new Promise((resolve) => setTimeout(resolve, NAME_LOOKUP_MS).unref()),
    ]);
  for (const id of userIds) {
    const member = guild.members.cache.get(id);
    if (member) names.set(id, member.displayName);
  }
  return names;
};

/** /debate start: opens a lobby in this channel and posts its card as the reply. */
export const startDebate = async (
  ctx: AppContext,
  interaction: ChatInputCommandInteraction,
  options: { motion?: string | null; format?: string | null; mode?: string | null; size?: string | null },
) => {
  const guildId = guildIdOf(interaction);
  const config = await ctx.store.guilds.config(guildId);
  if (config.debateChannels.length > 0 && !config.debateChannels.includes(interaction.channelId))
    throw new UserError(TEXT.channelNotAllowed(config.debateChannels.map((id) => `<#${id}>`).join(', ')));
  // A debate the bot cannot post in would run unseen: every turn missed.
  const needed = [
    PermissionFlagsBits.ViewChannel,
    PermissionFlagsBits.SendMessages,
    PermissionFlagsBits.EmbedLinks,
  ];
  if (interaction.appPermissions && !interaction.appPermissions.has(needed))
    throw new UserError(TEXT.botCannotPost);
  const motion = options.motion
    ? ctx.deck.motion(options.motion)
    : ctx.deck.motions[ctx.seed() % ctx.deck.motions.length];
  if (!motion) throw new UserError(TEXT.unknownMotion(options.motion ?? ''));
  const fits = (id: string | undefined) => {
    const candidate = id ? ctx.deck.format(id) : undefined;
    return candidate && (!options.size || candidate.sizes.includes(options.size as Size))
      ? candidate
      : undefined;
  };
  const formatId = options.format ?? config.defaultFormat ?? 'standard';
  // With a size but no format: the server's default if it allows that size, else the first that does.
  const format = options.format
    ? ctx.deck.format(options.format)
    : (fits(config.defaultFormat) ?? fits('standard') ?? ctx.deck.formats.find((f) => fits(f.id)));
  if (!format)
    throw new UserError(TEXT.unknownFormat(formatId, ctx.deck.formats.map((f) => f.id).join(', ')));
  const size = (options.size ?? format.sizes[0] ?? '1v1') as Size;
  const applied = await act(ctx, guildId, interaction.id, {
    type: 'open',
    id: interaction.id,
    guildId,
    channelId: interaction.channelId,
    hostId: interaction.user.id,
    motionId: motion.id,
    formatId: format.id,
    mode: (options.mode ?? 'text') as Mode,
    size,
    seed: ctx.seed(),
    lobbySeconds: config.lobbyMinutes * 60,
  });
  // The lobby is saved: whatever happens to the reply, its timer must be armed and its card exist.
  const response = await interaction
    .reply({ ...lobbyView(ctx.deck, applied.stored.state), withResponse: true })
    .catch((err: unknown) => {
      ctx.logger.warn({ err, debateId: applied.stored.state.id }, 'could not reply with the lobby card');
      return undefined;
    });
  const messageId = response?.resource?.message?.id;
  if (messageId) await ctx.store.debates.saveMeta(applied.stored.state.id, { lobbyMessageId: messageId });
  await carryOut(ctx, interaction.client, applied, { interaction, lobbyUpdated: messageId !== undefined });
};

/**
 * A move that needs no form: apply it, answer the person privately (or update the lobby card in
 * place when they clicked it), then carry out the effects.
 */
export const move = async (
  ctx: AppContext,
  interaction: Repliable,
  debateId: string,
  event: DebateEvent,
  privateText: (applied: Applied) => string,
) => {
  const guildId = guildIdOf(interaction);
  const applied = await act(ctx, guildId, debateId, event);
  // The lobby card is the reply to /debate start (whose id is the debate's): a click that lands before
  // its message id is saved in meta is still on the card, and must update it.
  const onLobby =
    interaction.isButton() &&
    (interaction.message.id === applied.stored.meta.lobbyMessageId ||
      interaction.message.interactionMetadata?.id === applied.stored.state.id);
  try {
    if (onLobby) {
      // Clicks at the same moment each carry a snapshot; render the newest seats, not this click's own.
      const latest = (await ctx.store.debates.get(debateId))?.state ?? applied.stored.state;
      await (interaction as ButtonInteraction).update(lobbyView(ctx.deck, latest));
    } else await respondPrivately(interaction, privateText(applied));
  } catch (err) {
    // The move is saved: a failed reply must not keep its announcements and timers from happening.
    ctx.logger.warn({ err, debateId }, 'could not answer the interaction');
  }
  await carryOut(ctx, interaction.client, applied, { interaction, lobbyUpdated: onLobby });
};

export const joinDebate = async (ctx: AppContext, interaction: Repliable, debateId: string, side: string) => {
  const guildId = guildIdOf(interaction);
  const history = await ctx.store.players.sideHistory(guildId, interaction.user.id);
  await move(
    ctx,
    interaction,
    debateId,
    { type: 'join', actor: actorOf(interaction), side, history },
    (applied) => {
      const me = applied.stored.state.debaters.find((d) => d.userId === interaction.user.id);
      return TEXT.joined(me ? (ctx.deck.side(me.side)?.name ?? me.side) : side);
    },
  );
};

export const joinAsJudge = async (ctx: AppContext, interaction: Repliable, debateId: string) => {
  const config = await ctx.store.guilds.config(guildIdOf(interaction));
  const member = interaction.member;
  const roles = member && 'roles' in member ? member.roles : undefined;
  const hasRole = Array.isArray(roles)
    ? roles.includes(config.judgeRoleId ?? '')
    : roles?.cache.has(config.judgeRoleId ?? '') === true;
  if (config.judgeRoleId && !hasRole && !actorOf(interaction).manager)
    throw new UserError(`Judging here needs the <@&${config.judgeRoleId}> role.`);
  await move(ctx, interaction, debateId, { type: 'judge', actor: actorOf(interaction) }, () => TEXT.judging);
};

/** Speak: opens the speech form for the current speaker; everyone else gets the reason privately. */
export const openSpeechForm = async (
  ctx: AppContext,
  interaction: ButtonInteraction | ChatInputCommandInteraction,
  debateId: string,
  turn?: number,
) => {
  const { state } = await load(ctx, debateId, interaction);
  if (turn !== undefined && (state.phase !== 'speaking' || state.turn !== turn))
    throw new UserError(TEXT.expired);
  const slot = state.slots[state.turn];
  if (state.phase !== 'speaking' || !slot) throw new UserError(refusal('notSpeaking').message);
  if (slot.userId !== interaction.user.id) throw new UserError(refusal('notYourTurn', slot.userId).message);
  if (state.mode === 'live') throw new UserError(refusal('liveModeNoText').message);
  await interaction.showModal(speechModal(state, state.turn));
};

/** The speech form comes back: post it. If it cannot be accepted, the text comes back as a file. */
export const submitSpeech = async (
  ctx: AppContext,
  interaction: ModalSubmitInteraction,
  debateId: string,
  turn: number,
) => {
  const text = interaction.fields.getTextInputValue(SPEECH_FIELD);
  try {
    const { state } = await load(ctx, debateId, interaction);
    if (state.turn !== turn || state.phase !== 'speaking')
      throw new UserError('That turn is over, so your speech was not posted.');
    await move(
      ctx,
      interaction,
      debateId,
      { type: 'speak', actor: actorOf(interaction), text, turn },
      () => TEXT.speechPosted,
    );
  } catch (error) {
    // Refused, or the store is down: either way the speech comes back, since a form keeps nothing.
    const reason =
      error instanceof UserError
        ? error.message
        : error instanceof StoreUnavailableError
          ? TEXT.storeDown
          : undefined;
    if (reason === undefined || text.trim() === '' || interaction.replied) throw error;
    if (error instanceof StoreUnavailableError)
      ctx.logger.warn({ err: error, debateId }, 'store unavailable; speech handed back');
    await interaction.reply({
      content: `${reason} Your text is attached so nothing is lost.`,
      files: [new AttachmentBuilder(Buffer.from(text, 'utf8'), { name: 'your-speech.txt' })],
      flags: MessageFlags.Ephemeral,
      allowedMentions: { parse: [] },
    });
  }
};

export const openBallot = async (ctx: AppContext, interaction: ButtonInteraction, debateId: string) => {
  const { state } = await load(ctx, debateId, interaction);
  if (state.phase !== 'judging') throw new UserError(refusal('notJudging').message);
  if (!state.judges.includes(interaction.user.id)) throw new UserError(refusal('notJudge').message);
  const names = await displayNames(
    interaction.guild,
    state.debaters.map((d) => d.userId),
  );
  await interaction.showModal(ballotModal(ctx.deck, state, names, state.ballots[interaction.user.id]));
};

export const submitBallot = async (
  ctx: AppContext,
  interaction: ModalSubmitInteraction,
  debateId: string,
) => {
  try {
    await castBallot(ctx, interaction, debateId);
  } catch (error) {
    if (!(error instanceof StoreUnavailableError) && !(error instanceof UserError)) throw error;
    // A form keeps nothing: hand the ballot back with the reason, so the judge can submit it again.
    const typed = interaction.fields.fields.map((field) =>
      'value' in field ? `${field.customId.replace(/^score-(\d+)$/, '<@$1>')}: ${field.value}` : '',
    );
    const reason = error instanceof UserError ? error.message : TEXT.storeDown;
    throw new UserError(`${reason}\nYour ballot was:\n${typed.filter(Boolean).join('\n')}`);
  }
};

const castBallot = async (ctx: AppContext, interaction: ModalSubmitInteraction, debateId: string) => {
  const { state } = await load(ctx, debateId, interaction);
  const names = await displayNames(
    interaction.guild,
    state.debaters.map((d) => d.userId),
  );
  const scores = Object.fromEntries(
    state.debaters.map((d) => [
      d.userId,
      parseScores(
        ctx.deck,
        interaction.fields.getTextInputValue(scoreField(d.userId)),
        names.get(d.userId) ?? `<@${d.userId}>`,
      ),
    ]),
  );
  const winner = parseWinner(ctx.deck, interaction.fields.getTextInputValue(WINNER_FIELD));
  await move(
    ctx,
    interaction,
    debateId,
    { type: 'ballot', actor: actorOf(interaction), scores, winner },
    () => TEXT.ballotRecorded,
  );
};

/** Your hand, privately: the cards dealt to you and the draws you have left. */
export const showHand = async (ctx: AppContext, interaction: Repliable, debateId: string) => {
  const { state } = await load(ctx, debateId, interaction);
  const me = state.debaters.find((d) => d.userId === interaction.user.id);
  if (!me) throw new UserError(TEXT.notYourDebate);
  const hand = state.hands[me.userId];
  if (!hand) throw new UserError(TEXT.noHandYet);
  const allowed = ctx.deck.format(state.formatId)?.draws ?? 0;
  await respondPrivately(interaction, handView(ctx.deck, hand, allowed - (state.draws[me.userId] ?? 0)));
};

export const sendTranscript = async (ctx: AppContext, interaction: Repliable, debateId: string) => {
  const { state } = await load(ctx, debateId, interaction);
  const people = [...state.debaters.map((d) => d.userId), ...state.judges, state.hostId];
  const names = await displayNames(interaction.guild, people);
  const markdown = transcriptMarkdown(ctx.deck, state, names);
  await interaction.reply({
    content: `Transcript of debate ${state.id}.`,
    files: [new AttachmentBuilder(Buffer.from(markdown, 'utf8'), { name: `steelman-${state.id}.md` })],
    flags: MessageFlags.Ephemeral,
    allowedMentions: { parse: [] },
  });
};

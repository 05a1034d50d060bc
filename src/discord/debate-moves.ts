import {
  AttachmentBuilder,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  MessageFlags,
  type ModalSubmitInteraction,
  PermissionFlagsBits,
  type RepliableInteraction,
} from 'discord.js';
import type { Size } from '../content/schemas.js';
import type { AppContext } from '../context.js';
import { ballotRefusal } from '../debate/judging.js';
import { speechFormRefusal } from '../debate/turns.js';
import type { Debate, Mode } from '../debate/types.js';
import { MoveRefused } from '../play/play.js';
import type { GuildConfig, StoredDebate } from '../store/types.js';
import { StoreUnavailableError } from '../store/types.js';
import { parseScoresAndNote, parseWinnerAndReason } from './ballot-input.js';
import { displayNames } from './member-name.js';
import { runMove } from './moves.js';
import { actorOf, guildIdOf, respond, respondPrivately, showForm } from './respond.js';
import { TEXT } from './text.js';
import { UserError } from './user-error.js';
import { handView } from './views/cards.js';
import { ballotModal, SPEECH_FIELD, scoreField, speechModal, WINNER_FIELD } from './views/forms.js';
import {
  FIELD_CHARS,
  joinSpeechParts,
  longSpeechModal,
  speechLimit,
  speechPartField,
} from './views/long-speech.js';
import { transcriptMarkdown } from './views/transcript.js';

type Repliable = RepliableInteraction;

/** The debate a button or form names; one of another server (a forged id) has expired like a missing one. */
export const load = async (ctx: AppContext, debateId: string, interaction: Interaction) => {
  const stored = await ctx.play.debate(guildIdOf(interaction), debateId);
  if (!stored) throw new UserError(TEXT.expired);
  return stored;
};

/** The debate open in the interaction's channel, or a private "no debate here". */
export const debateInChannel = async (ctx: AppContext, interaction: Interaction): Promise<StoredDebate> => {
  const stored = interaction.channelId
    ? await ctx.play.inChannel(interaction.channelId, interaction.guildId)
    : undefined;
  if (!stored) throw new UserError(TEXT.noDebateHere);
  return stored;
};

/**
 * Where a debate (or a practice round) may open: a channel the server allows, that the bot can post
 * in (a debate it cannot post in would run unseen: every turn missed).
 * @throws UserError with the reason
 */
export const assertCanOpenHere = (interaction: ChatInputCommandInteraction, config: GuildConfig) => {
  // A thread counts as the channel it belongs to: a debate channel's threads are debate places too.
  const channel = interaction.channel;
  const listed = (channel?.isThread() ? channel.parentId : null) ?? interaction.channelId;
  if (config.debateChannels.length > 0 && !config.debateChannels.includes(listed))
    throw new UserError(TEXT.channelNotAllowed(config.debateChannels.map((id) => `<#${id}>`).join(', ')));
  const needed = [
    PermissionFlagsBits.ViewChannel,
    PermissionFlagsBits.SendMessages,
    PermissionFlagsBits.EmbedLinks,
  ];
  if (interaction.appPermissions && !interaction.appPermissions.has(needed))
    throw new UserError(TEXT.botCannotPost);
};

/** The motion asked for, or a random one. @throws UserError for an unknown id */
export const pickMotion = (ctx: AppContext, id: string | null | undefined) => {
  const motion = id ? ctx.deck.motion(id) : ctx.deck.motions[ctx.seed() % ctx.deck.motions.length];
  if (!motion) throw new UserError(TEXT.unknownMotion(id ?? ''));
  return motion;
};

/**
 * /debate start: opens a lobby in this channel. The lobby card is an announcement like any other
 * (posted from the outbox with a fixed nonce, so a crash can never post it twice); the host hears
 * privately that it is open.
 */
export const startDebate = async (
  ctx: AppContext,
  interaction: ChatInputCommandInteraction,
  options: {
    motion?: string | null;
    format?: string | null;
    mode?: string | null;
    size?: string | null;
    voice?: string | null;
    judging?: string | null;
  },
) => {
  const guildId = guildIdOf(interaction);
  const config = await ctx.store.guilds.config(guildId);
  assertCanOpenHere(interaction, config);
  const motion = pickMotion(ctx, options.motion);
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
  await runMove(ctx, interaction, interaction.id, 'open', {
    type: 'open',
    id: interaction.id,
    guildId,
    channelId: interaction.channelId,
    hostId: interaction.user.id,
    motionId: motion.id,
    formatId: format.id,
    // A voice channel named means a live debate, unless a mode was chosen.
    mode: (options.mode ?? (options.voice ? 'live' : 'text')) as Mode,
    size,
    seed: ctx.seed(),
    lobbySeconds: config.lobbyMinutes * 60,
    ...(options.voice ? { voiceChannelId: options.voice } : {}),
    ...(options.judging === 'community' ? { judging: 'community' as const } : {}),
  });
};

export const joinAsJudge = async (ctx: AppContext, interaction: Repliable, debateId: string) => {
  const config = await ctx.store.guilds.config(guildIdOf(interaction));
  const member = interaction.member;
  const roles = member && 'roles' in member ? member.roles : undefined;
  const hasRole = Array.isArray(roles)
    ? roles.includes(config.judgeRoleId ?? '')
    : roles?.cache.has(config.judgeRoleId ?? '') === true;
  if (config.judgeRoleId && !hasRole && !actorOf(interaction).manager)
    throw new UserError(TEXT.judgeRoleNeeded(config.judgeRoleId));
  await runMove(ctx, interaction, debateId, 'judge');
};

/**
 * Speak: opens the speech form for the current speaker; everyone else gets the engine's reason
 * privately. A form cannot wait for a store write (it must be the first answer), so its opening is
 * recorded just after it is shown, as of the moment it was checked: that is what earns the grace
 * for a speech sent after the deadline (src/debate/grace.ts).
 */
export const openSpeechForm = async (
  ctx: AppContext,
  interaction: ButtonInteraction | ChatInputCommandInteraction,
  debateId: string,
  turn?: number,
) => {
  const { state } = await load(ctx, debateId, interaction);
  const openedAt = ctx.clock.now();
  const refused = speechFormRefusal(state, interaction.user.id, turn, openedAt);
  if (refused) throw new UserError(refused.message);
  const limit = speechLimit(ctx.deck, state);
  const shown = await showForm(
    interaction,
    limit > FIELD_CHARS ? longSpeechModal(state, state.turn, limit) : speechModal(state, state.turn),
  );
  if (shown) await recordFormOpened(ctx, state, interaction.user.id, openedAt);
};

/** The form is up and answered the interaction: a failure here can only be logged (the grace is then lost). */
const recordFormOpened = async (ctx: AppContext, state: Debate, userId: string, openedAt: number) => {
  try {
    await ctx.play.move(state.guildId, state.id, {
      type: 'speech-form',
      actor: { userId },
      turn: state.turn,
      openedAt,
    });
  } catch (err) {
    if (!(err instanceof MoveRefused || err instanceof StoreUnavailableError)) throw err;
    ctx.logger.warn({ err, debateId: state.id, turn: state.turn }, 'speech form opening not recorded');
  }
};

/** The speech form comes back: post it. If it cannot be accepted, the text comes back as a file. */
export const submitSpeech = async (
  ctx: AppContext,
  interaction: ModalSubmitInteraction,
  debateId: string,
  turn: number,
) => {
  // A long format's form has several parts (views/long-speech.ts); a short one has the one field.
  const text = interaction.fields.fields.has(speechPartField(2))
    ? joinSpeechParts((field) =>
        interaction.fields.fields.has(field) ? interaction.fields.getTextInputValue(field) : undefined,
      )
    : interaction.fields.getTextInputValue(SPEECH_FIELD);
  try {
    await runMove(ctx, interaction, debateId, 'speech', { text, turn });
  } catch (error) {
    // Refused, or the store is down: either way the speech comes back, since a form keeps nothing.
    const reason =
      error instanceof UserError || error instanceof MoveRefused
        ? error.message
        : error instanceof StoreUnavailableError
          ? TEXT.storeDown
          : undefined;
    if (reason === undefined || text.trim() === '' || interaction.replied) throw error;
    if (error instanceof StoreUnavailableError)
      ctx.logger.warn({ err: error, debateId }, 'store unavailable; speech handed back');
    await respond(interaction, {
      content: TEXT.handedBack(reason),
      files: [new AttachmentBuilder(Buffer.from(text, 'utf8'), { name: 'your-speech.txt' })],
      flags: MessageFlags.Ephemeral,
      allowedMentions: { parse: [] },
    });
  }
};

export const openBallot = async (ctx: AppContext, interaction: ButtonInteraction, debateId: string) => {
  const { state } = await load(ctx, debateId, interaction);
  const refused = ballotRefusal(state, interaction.user.id);
  if (refused) throw new UserError(refused.message);
  const names = await displayNames(
    interaction.guild,
    state.debaters.map((d) => d.userId),
  );
  await showForm(interaction, ballotModal(ctx.deck, state, names, state.ballots[interaction.user.id]));
};

export const submitBallot = async (
  ctx: AppContext,
  interaction: ModalSubmitInteraction,
  debateId: string,
) => {
  try {
    const { state } = await load(ctx, debateId, interaction);
    const names = await displayNames(
      interaction.guild,
      state.debaters.map((d) => d.userId),
    );
    const fields = state.debaters.map((d) => ({
      userId: d.userId,
      ...parseScoresAndNote(
        ctx.deck,
        interaction.fields.getTextInputValue(scoreField(d.userId)),
        names.get(d.userId) ?? `<@${d.userId}>`,
      ),
    }));
    const scores = Object.fromEntries(fields.map((f) => [f.userId, f.scores]));
    const notes = Object.fromEntries(fields.map((f) => [f.userId, f.note]));
    const { winner, reason } = parseWinnerAndReason(
      ctx.deck,
      interaction.fields.getTextInputValue(WINNER_FIELD),
    );
    await runMove(ctx, interaction, debateId, 'ballot', { scores, winner, reason, notes });
  } catch (error) {
    if (
      !(error instanceof StoreUnavailableError || error instanceof UserError || error instanceof MoveRefused)
    )
      throw error;
    // A form keeps nothing: hand the ballot back with the reason, so the judge can submit it again.
    const typed = interaction.fields.fields.map((field) =>
      'value' in field ? `${field.customId.replace(/^score-(\d+)$/, '<@$1>')}: ${field.value}` : '',
    );
    const reason = error instanceof StoreUnavailableError ? TEXT.storeDown : error.message;
    const ballot = typed.filter(Boolean).join('\n');
    const inline = TEXT.ballotHandedBack(reason, ballot);
    // Discord takes 2,000 characters in a message: a ballot with long feedback comes back as a file.
    if (inline.length <= MESSAGE_MAX || interaction.replied) throw new UserError(inline);
    await respond(interaction, {
      content: TEXT.handedBack(reason),
      files: [new AttachmentBuilder(Buffer.from(ballot, 'utf8'), { name: 'your-ballot.txt' })],
      flags: MessageFlags.Ephemeral,
      allowedMentions: { parse: [] },
    });
  }
};

/** Discord's limit on a message's content. */
const MESSAGE_MAX = 2000;

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
  await respond(interaction, {
    content: TEXT.transcriptOf(state.id),
    files: [new AttachmentBuilder(Buffer.from(markdown, 'utf8'), { name: `steelman-${state.id}.md` })],
    flags: MessageFlags.Ephemeral,
    allowedMentions: { parse: [] },
  });
};

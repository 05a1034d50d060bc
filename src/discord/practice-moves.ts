import type { ChatInputCommandInteraction } from 'discord.js';
import type { AppContext } from '../context.js';
import { FINISHED_PHASES, PRACTICE_LEVELS, type PracticeLevel } from '../debate/types.js';
import type { StoredDebate } from '../store/types.js';
import { assertCanOpenHere, pickMotion } from './debate-moves.js';
import { runMove } from './moves.js';
import { guildIdOf } from './respond.js';
import { TEXT } from './text.js';
import { UserError } from './user-error.js';

/**
 * The member's practice debate under way in this server, if any. Read from the store's live
 * debates (memory may have let an idle one go), after memory's newer copy where it has one.
 */
export const practiceOf = async (
  ctx: AppContext,
  guildId: string,
  userId: string,
): Promise<StoredDebate | undefined> => {
  const { debates } = await ctx.store.debates.resumable([guildId]);
  for (const read of debates) {
    if (!read.state.practice || read.state.hostId !== userId) continue;
    const stored = (await ctx.play.debate(guildId, read.state.id)) ?? read;
    if (!FINISHED_PHASES.includes(stored.state.phase)) return stored;
  }
  return undefined;
};

/**
 * /practice start: a practice debate against Steelman in this channel (one active debate per
 * channel, as for any debate), begun at once in text mode. One practice debate per member at a time;
 * a server can switch practice off.
 */
export const startPractice = async (
  ctx: AppContext,
  interaction: ChatInputCommandInteraction,
  options: { motion: string | null; side: string; format: string | null; level: string | null },
) => {
  const guildId = guildIdOf(interaction);
  const config = await ctx.store.guilds.config(guildId);
  if (!config.practice) throw new UserError(TEXT.practiceOff);
  assertCanOpenHere(interaction, config);
  const level = (options.level ?? 'club') as PracticeLevel;
  if (!PRACTICE_LEVELS.includes(level)) throw new UserError(TEXT.unknownLevel(options.level ?? ''));
  const motion = pickMotion(ctx, options.motion);
  const oneOnOne = (id: string | undefined) => {
    const format = id ? ctx.deck.format(id) : undefined;
    return format?.sizes.includes('1v1') ? format : undefined;
  };
  const format = options.format
    ? ctx.deck.format(options.format)
    : (oneOnOne(config.defaultFormat) ??
      oneOnOne('standard') ??
      ctx.deck.formats.find((f) => oneOnOne(f.id)));
  if (!format)
    throw new UserError(
      TEXT.unknownFormat(options.format ?? '', ctx.deck.formats.map((f) => f.id).join(', ')),
    );
  const member = `${guildId}:${interaction.user.id}`;
  const starting = startingIn(ctx);
  if (starting.has(member)) throw new UserError(TEXT.practiceStarting);
  starting.add(member);
  try {
    const busy = await practiceOf(ctx, guildId, interaction.user.id);
    if (busy) throw new UserError(TEXT.practiceBusy(busy.state.channelId));
    await openPractice(
      ctx,
      interaction,
      guildId,
      motion.id,
      format.id,
      level,
      options.side,
      config.lobbyMinutes,
    );
  } finally {
    starting.delete(member);
  }
};

/**
 * Members whose /practice start is between its check and its write, per running bot. A server's
 * moves all run in the one process that owns it, so this closes the gap two starts at the same
 * instant (in two channels) would otherwise both pass through.
 */
const startingByBot = new WeakMap<AppContext['play'], Set<string>>();
const startingIn = (ctx: AppContext): Set<string> => {
  const known = startingByBot.get(ctx.play);
  if (known) return known;
  const starting = new Set<string>();
  startingByBot.set(ctx.play, starting);
  return starting;
};

const openPractice = async (
  ctx: AppContext,
  interaction: ChatInputCommandInteraction,
  guildId: string,
  motionId: string,
  formatId: string,
  level: PracticeLevel,
  side: string,
  lobbyMinutes: number,
) => {
  const history = await ctx.store.players.sideHistory(guildId, interaction.user.id);
  await runMove(ctx, interaction, interaction.id, 'practice', {
    type: 'open',
    id: interaction.id,
    guildId,
    channelId: interaction.channelId,
    hostId: interaction.user.id,
    motionId,
    formatId,
    mode: 'text',
    size: '1v1',
    seed: ctx.seed(),
    lobbySeconds: lobbyMinutes * 60,
    practice: { level, side, history },
  });
};

/** /practice stop: ends the member's practice debate, wherever it runs; nothing is rated. */
export const stopPractice = async (ctx: AppContext, interaction: ChatInputCommandInteraction) => {
  const stored = await practiceOf(ctx, guildIdOf(interaction), interaction.user.id);
  if (!stored) throw new UserError(TEXT.noPractice);
  await runMove(ctx, interaction, stored.state.id, 'practiceStop');
};

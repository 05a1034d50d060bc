import { z } from 'zod';
import type { MotionTally } from '../debate/motion-stats.js';
import type { PlayerRecord } from '../debate/player-record.js';
import type { SkillRating } from '../debate/ratings.js';
import type { Announcement } from '../debate/types.js';
import type { Codec } from './codec.js';
import { debateSchema, loggedEventSchema } from './schemas/debate.js';
import { motionTallySchema, playerRecordSchema, skillRatingSchema } from './schemas/player.js';
import type { GuildConfig, Season, StoredDebate } from './types.js';

/**
 * Everything the store writes: the keyv namespaces, the key layout inside each, and the versioned
 * shape of each value. Keys are built from Discord ids (digits) and debate ids.
 *
 * namespace  key                         value
 * debates    <debateId>                  StoredDebate: state + event log + meta, one value
 * indexes    channel:<channelId>         the debate active in a channel
 *            live:<guildId>              the guild's live (unfinished) debates
 *            finished:<guildId>          the guild's last rated debates, newest first (web page)
 * players    <guildId>:<season>:<userId> the player's record for that season
 * histories  <guildId>:<userId>          sides argued in the guild, across seasons, and the
 *                                        member's last known display name
 * guilds     config:<guildId>            GuildConfig
 *            seasons:<guildId>           the guild's seasons
 *            motions:<guildId>           motion win tallies
 *            optouts:<guildId>           members hidden from the leaderboard
 */
export const NAMESPACES = ['debates', 'indexes', 'players', 'histories', 'guilds'] as const;
export type Namespace = (typeof NAMESPACES)[number];

export const playerKey = (guildId: string, season: number, userId: string) =>
  `${guildId}:${season}:${userId}`;
export const seasonPrefix = (guildId: string, season: number) => `${guildId}:${season}:`;
export const historyKey = (guildId: string, userId: string) => `${guildId}:${userId}`;

/** Recently counted debate ids kept in a value so that counting the same debate again is a no-op. */
export const COUNTED_KEPT = 50;

export const debateCodec: Codec<StoredDebate> = {
  name: 'debate',
  version: 1,
  schema: z.object({
    state: debateSchema,
    log: z.array(loggedEventSchema),
    meta: z.object({
      lobbyMessageId: z.string().optional(),
      threadId: z.string().optional(),
      outbox: z
        .array(
          z.object({
            seq: z.number().int().min(0),
            n: z.number().int().min(0).optional(),
            // Announcements are engine values; checked for shape here, rendered by the bot.
            announcement: z.custom<Announcement>(
              (value) =>
                typeof value === 'object' &&
                value !== null &&
                typeof (value as { kind?: unknown }).kind === 'string',
            ),
          }),
        )
        .optional(),
      ratingChanges: z
        .array(z.object({ userId: z.string(), before: skillRatingSchema, after: skillRatingSchema }))
        .optional(),
      liveMessages: z.record(z.string(), z.string()).optional(),
    }),
  }),
  migrations: {},
};

export interface ChannelIndex {
  readonly debateId: string;
  readonly guildId: string;
}
export const channelIndexCodec: Codec<ChannelIndex> = {
  name: 'channel index',
  version: 1,
  schema: z.object({ debateId: z.string(), guildId: z.string() }),
  migrations: {},
};

export interface LiveIndex {
  readonly debateIds: readonly string[];
}
export const liveIndexCodec: Codec<LiveIndex> = {
  name: 'live debates index',
  version: 1,
  schema: z.object({ debateIds: z.array(z.string()) }),
  migrations: {},
};

export interface StoredPlayer {
  readonly record: PlayerRecord;
  /**
   * The ratings before the last result folded in (overall, and on the side played), so a repeated
   * result reports the same change and rates the others against what this player had before it.
   */
  readonly last?: {
    readonly debateId: string;
    readonly before: SkillRating;
    readonly sideBefore?: SkillRating;
  };
}
export const playerCodec: Codec<StoredPlayer> = {
  name: 'player',
  version: 1,
  schema: z.object({
    record: playerRecordSchema,
    last: z
      .object({ debateId: z.string(), before: skillRatingSchema, sideBefore: skillRatingSchema.optional() })
      .optional(),
  }),
  migrations: {},
};

export interface SideHistory {
  readonly sides: Readonly<Record<string, number>>;
  readonly counted: readonly string[];
  /** The member's server display name when last seen (a result, /stats): the web shows only this. */
  readonly displayName?: string;
}
/** Display names are cut to this length when stored. */
export const DISPLAY_NAME_MAX = 64;
export const historyCodec: Codec<SideHistory> = {
  name: 'side history',
  version: 1,
  schema: z.object({
    sides: z.record(z.string(), z.number()),
    counted: z.array(z.string()),
    // Optional: values written before display names were kept still read.
    displayName: z.string().max(DISPLAY_NAME_MAX).optional(),
  }),
  migrations: {},
};

/** A rated debate that finished, as the web's "recent debates" lists it. */
export interface FinishedDebate {
  readonly debateId: string;
  readonly season: number;
  readonly motionId: string;
  readonly winner: string;
  readonly at: number;
}
export interface FinishedIndex {
  readonly debates: readonly FinishedDebate[];
}
/** Rated debates kept in a guild's finished index. */
export const FINISHED_KEPT = 50;
export const finishedIndexCodec: Codec<FinishedIndex> = {
  name: 'finished debates index',
  version: 1,
  schema: z.object({
    debates: z.array(
      z.object({
        debateId: z.string(),
        season: z.number(),
        motionId: z.string(),
        winner: z.string(),
        at: z.number(),
      }),
    ),
  }),
  migrations: {},
};

export const DEFAULT_CONFIG: GuildConfig = {
  debateChannels: [],
  lobbyMinutes: 15,
  leaderboard: true,
  images: true,
  resultImage: false,
  web: false,
  practice: true,
  threads: true,
};
export const configCodec: Codec<GuildConfig> = {
  name: 'guild config',
  version: 1,
  schema: z.object({
    defaultFormat: z.string().optional(),
    judgeRoleId: z.string().optional(),
    debateChannels: z.array(z.string()),
    lobbyMinutes: z.number(),
    leaderboard: z.boolean(),
    // Added later: defaults let configs saved before them read (and older releases drop them).
    images: z.boolean().default(DEFAULT_CONFIG.images),
    resultImage: z.boolean().default(DEFAULT_CONFIG.resultImage),
    web: z.boolean().default(DEFAULT_CONFIG.web),
    practice: z.boolean().default(DEFAULT_CONFIG.practice),
    threads: z.boolean().default(DEFAULT_CONFIG.threads),
    voteRoleId: z.string().optional(),
  }),
  migrations: {},
};

export interface SeasonList {
  readonly seasons: readonly Season[];
}
export const seasonsCodec: Codec<SeasonList> = {
  name: 'seasons',
  version: 1,
  schema: z.object({
    seasons: z.array(z.object({ number: z.number(), startedAt: z.number(), endedAt: z.number().optional() })),
  }),
  migrations: {},
};

export interface MotionTallies {
  readonly tallies: Readonly<Record<string, MotionTally>>;
  readonly counted: readonly string[];
}
export const motionsCodec: Codec<MotionTallies> = {
  name: 'motion tallies',
  version: 1,
  schema: z.object({ tallies: z.record(z.string(), motionTallySchema), counted: z.array(z.string()) }),
  migrations: {},
};

export interface OptOuts {
  readonly users: readonly string[];
}
export const optOutsCodec: Codec<OptOuts> = {
  name: 'opt-outs',
  version: 1,
  schema: z.object({ users: z.array(z.string()) }),
  migrations: {},
};

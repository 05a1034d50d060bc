/**
 * The store's contract: typed repositories over keyv. The bot layer and the scheduler use only
 * these interfaces; src/store/*.ts implements them on SQLite (embedded default) and Redis (shared).
 */
import type { MotionTally } from '../debate/motion-stats.js';
import type { PlayerRecord, RatedChange } from '../debate/player-record.js';
import type { LoggedEvent } from '../debate/replay.js';
import type { Announcement, Debate, Result, Timer } from '../debate/types.js';
import type { MemberSettingsRepository } from './member-settings.js';
import type { PracticeRepository } from './practice-repository.js';
import type { FinishedDebate } from './shapes.js';

/** Raised for any failure of the store itself (unreachable, timed out, write refused). */
export class StoreUnavailableError extends Error {
  constructor(cause: unknown) {
    super('storage is unavailable', { cause });
    this.name = 'StoreUnavailableError';
  }
}

/** An announcement stored with the state that caused it, until the bot has posted it. */
export interface OutboxEntry {
  /** The index in the event log of the event that produced it. */
  readonly seq: number;
  /** Its place among that event's announcements (0, 1, …): with `seq`, what its posts' nonces are made of. */
  readonly n?: number;
  readonly announcement: Announcement;
}

/** What the bot keeps about a debate besides the engine state: where its messages are. */
export interface DebateMeta {
  /** The lobby card's message, edited in place as players join. */
  readonly lobbyMessageId?: string;
  /**
   * The thread the debate moved into on Begin (started from the lobby card, so it has the card's id),
   * where the server allows threads. Set by the delivery that created it; from then on the debate's
   * posts go there and it is the debate's place (see src/store/venue.ts).
   */
  readonly threadId?: string;
  /**
   * Announcements saved with their state and not yet posted. A crash between saving a move and
   * posting it leaves them here, and the next start posts them: no turn or result goes unannounced.
   */
  readonly outbox?: readonly OutboxEntry[];
  /**
   * The rating changes of a finished rated debate, saved with the state that finished it, so the
   * result card shows them even when it is posted after a restart.
   */
  readonly ratingChanges?: readonly RatedChange[];
  /**
   * Posted messages whose buttons are still live, by role (`begun`, `turn:<n>`, `crowd`, `judging`):
   * the outbox removes a message's buttons when its turn or phase ends, and then forgets it. The
   * result card (`result`) stays: /debate history links to it.
   */
  readonly liveMessages?: Readonly<Record<string, string>>;
}

/** A debate as stored: state, the event log that produced it and the bot's meta, in one value. */
export interface StoredDebate {
  readonly state: Debate;
  readonly log: readonly LoggedEvent[];
  readonly meta: DebateMeta;
}

/** What a starting bot picks up: deadlines to arm and announcements a crash left unposted. */
export interface Resumable {
  readonly timers: PendingTimer[];
  readonly outboxes: StoredDebate[];
  /** Every debate that is live or has announcements to post, for the bot's memory. */
  readonly debates: StoredDebate[];
}

/** A live debate's pending timer, as the scheduler needs it. */
export interface PendingTimer {
  readonly debateId: string;
  readonly guildId: string;
  readonly timer: Timer;
  /**
   * The length of the debate's stored log when this timer was read or written: the scheduler never
   * lets an older version replace a newer one (a resume read that raced a move, or two moves whose
   * arms land out of order). Absent: always taken.
   */
  readonly version?: number;
}

export interface DebateRepository {
  get(debateId: string): Promise<StoredDebate | undefined>;
  /** The debate currently open in a channel or thread (lobby to judging), if any: see `venueOf`. */
  activeInChannel(channelId: string): Promise<string | undefined>;
  /** The same debate, as stored (one read where the caller needs more than its id). */
  activeDebateInChannel(channelId: string): Promise<StoredDebate | undefined>;
  /**
   * Writes a debate's new state, with the event appended to its log, as one value; then keeps the
   * derived indexes in step (the channel's active debate, the guild's live debates).
   * Callers run it inside the guild's write queue.
   */
  save(debate: StoredDebate): Promise<void>;
  /** Merges into the meta (e.g. the lobby message id), keeping the rest. */
  saveMeta(debateId: string, meta: Partial<DebateMeta>): Promise<void>;
  /** Drops the outbox entries that have been posted (by seq); a finished debate then leaves the live index. */
  ackOutbox(debateId: string, seqs: readonly number[]): Promise<void>;
  /** Debates of these guilds with announcements still to post (after a crash), for the bot on start. */
  withOutbox(guildIds: Iterable<string>): Promise<StoredDebate[]>;
  /** Both of the above in one pass over the guilds' live debates: what a (re)starting bot needs. */
  resumable(guildIds: Iterable<string>): Promise<Resumable>;
  /** Pending timers of every live debate in these guilds, for the scheduler on start. */
  pendingTimers(guildIds: Iterable<string>): Promise<PendingTimer[]>;
}

export interface LeaderboardEntry {
  readonly userId: string;
  readonly rank: number;
  /** The displayed rating (1000 for a newcomer). */
  readonly rating: number;
  readonly record: PlayerRecord;
}

export interface LeaderboardPage {
  readonly entries: readonly LeaderboardEntry[];
  /** Ranked (non-provisional, not opted-out) players in all. */
  readonly total: number;
  readonly page: number;
  readonly pages: number;
  /** Players shown but not ranked yet (fewer rated debates than the provisional period), most first. */
  readonly provisional: readonly { readonly userId: string; readonly debates: number }[];
}

export interface PlayerRepository {
  get(guildId: string, season: number, userId: string): Promise<PlayerRecord | undefined>;
  /**
   * Folds a rated result into its debaters' records and the leaderboard, and counts the sides they
   * argued in the guild's lifetime history. Returns the rating changes for the result card.
   */
  recordResult(
    guildId: string,
    season: number,
    debate: Debate,
    result: Result,
    /** Display names of the debaters (user id -> name), kept for the web leaderboard. */
    names?: ReadonlyMap<string, string>,
  ): Promise<RatedChange[]>;
  /** Keeps the member's server display name for the web leaderboard (unchanged names cost no write). */
  setDisplayName(guildId: string, userId: string, name: string): Promise<void>;
  /** The last known display names of these members; absent where none is known. */
  displayNames(guildId: string, userIds: readonly string[]): Promise<Map<string, string>>;
  /** The guild's last rated debates (recorded by recordResult), newest first. */
  recentDebates(guildId: string): Promise<readonly FinishedDebate[]>;
  /** Ten a page (page counts from 1), best first, optionally for one side's rating. */
  leaderboard(
    guildId: string,
    season: number,
    options?: { side?: string; page?: number },
  ): Promise<LeaderboardPage>;
  /** The player's rank on that leaderboard, or undefined when provisional, opted out or unrated. */
  rank(guildId: string, season: number, userId: string, side?: string): Promise<number | undefined>;
  /** Debates this player has argued on each side in this guild, across seasons, for `auto` sides. */
  sideHistory(guildId: string, userId: string): Promise<Record<string, number>>;
  setOptOut(guildId: string, userId: string, optOut: boolean): Promise<void>;
  isOptedOut(guildId: string, userId: string): Promise<boolean>;
}

export interface GuildConfig {
  readonly defaultFormat?: string;
  readonly judgeRoleId?: string;
  /** Channels where debates may start; empty means anywhere. */
  readonly debateChannels: readonly string[];
  readonly lobbyMinutes: number;
  readonly leaderboard: boolean;
  /** /stats attaches a rank card image (default on). */
  readonly images: boolean;
  /** The result card carries a result image (default off). */
  readonly resultImage: boolean;
  /** The read-only web leaderboard shows this server (default off). */
  readonly web: boolean;
  /** Members may practise against Steelman with /practice (default on). */
  readonly practice: boolean;
  /** On Begin a debate moves into a thread of its own, where the bot may create one (default on). */
  readonly threads: boolean;
  /** Community judging: the role a member needs to vote (unset: any member who did not debate). */
  readonly voteRoleId?: string;
}

export interface Season {
  readonly number: number;
  readonly startedAt: number;
  readonly endedAt?: number;
}

export interface GuildRepository {
  config(guildId: string): Promise<GuildConfig>;
  saveConfig(guildId: string, config: GuildConfig): Promise<void>;
  /** The current season (season 1 from the first use). */
  currentSeason(guildId: string): Promise<Season>;
  seasons(guildId: string): Promise<readonly Season[]>;
  /** Ends the current season and starts the next; old seasons stay readable. */
  newSeason(guildId: string, now: number): Promise<Season>;
  motionTallies(guildId: string): Promise<Record<string, MotionTally>>;
  /**
   * Counts a decided debate for its motion. With `debateId`, counting the same debate again is a
   * no-op, so a step retried after a failure does not count it twice.
   */
  recordMotionResult(guildId: string, motionId: string, winner: string, debateId?: string): Promise<void>;
}

export interface Store {
  readonly debates: DebateRepository;
  readonly players: PlayerRepository;
  readonly guilds: GuildRepository;
  /** Records of practice debates against Steelman, apart from the rated ones. */
  readonly practice: PracticeRepository;
  /** A member's own settings per server: where their turn reminders go. */
  readonly members: MemberSettingsRepository;
  /** Runs `task` after every earlier task of the same guild: one writer per guild, in order. */
  inGuildQueue<T>(guildId: string, task: () => Promise<T>): Promise<T>;
  /** Starts work that outlives the current queue task outside it (see GuildQueue.detached). */
  detached<T>(fn: () => T): T;
  /** Waits for queued writes, then closes every connection. */
  close(): Promise<void>;
}

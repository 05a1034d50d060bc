import { applyResult, type PlayerRecord, type RatedChange } from '../debate/player-record.js';
import { displayRating, type SkillRating } from '../debate/ratings.js';
import type { Debate, Result } from '../debate/types.js';
import { Collection, type StoreContext } from './collection.js';
import type { GuildQueue } from './guild-queue.js';
import { Leaderboards } from './leaderboard/leaderboards.js';
import {
  COUNTED_KEPT,
  DISPLAY_NAME_MAX,
  FINISHED_KEPT,
  type FinishedDebate,
  type FinishedIndex,
  finishedIndexCodec,
  historyCodec,
  historyKey,
  type OptOuts,
  optOutsCodec,
  playerCodec,
  playerKey,
  type SideHistory,
  type StoredPlayer,
} from './shapes.js';
import type { LeaderboardPage, PlayerRepository } from './types.js';

/** A display name as stored: trimmed, one line, at most DISPLAY_NAME_MAX characters; undefined when empty. */
const cleanName = (name: string | undefined): string | undefined => {
  const clean = name
    ?.replace(/\p{Cc}+/gu, ' ')
    .trim()
    .slice(0, DISPLAY_NAME_MAX);
  return clean ? clean : undefined;
};

const displayChange = (before: SkillRating, after: SkillRating) =>
  displayRating(after) - displayRating(before);

/**
 * The record as it stood before `debateId` was folded in, when it already holds that debate (a
 * result retried after a partial write); otherwise the record as it is.
 */
const beforeDebate = (player: StoredPlayer, debateId: string, side: string): PlayerRecord => {
  const { record, last } = player;
  if (last?.debateId !== debateId || !record.recent.some((r) => r.debateId === debateId)) return record;
  return {
    ...record,
    rating: last.before,
    sideRatings: last.sideBefore ? { ...record.sideRatings, [side]: last.sideBefore } : record.sideRatings,
  };
};

/**
 * Player records per guild and season, side histories per guild, opt-outs, and the leaderboards
 * over them. Writes run in the guild's queue (joining the caller's turn when it already holds it).
 *
 * Recording a result is idempotent per debate: a record whose recent list already holds the debate
 * is left alone (and reports the change it got then), and a side history remembers the debates it
 * counted. So when a step that recorded a result fails before the debate itself is saved, and the
 * event is applied again, nobody is rated twice.
 */
export class KeyvPlayerRepository implements PlayerRepository {
  readonly #players: Collection<StoredPlayer>;
  readonly #histories: Collection<SideHistory>;
  readonly #optOuts: Collection<OptOuts>;
  readonly #finished: Collection<FinishedIndex>;
  readonly #boards: Leaderboards;

  constructor(
    context: StoreContext,
    private readonly queue: GuildQueue,
    options: { maxCachedSeasons?: number; leaderboardMaxAgeMs?: number } = {},
  ) {
    this.#players = new Collection(context, 'players', '', playerCodec);
    this.#histories = new Collection(context, 'histories', '', historyCodec);
    this.#optOuts = new Collection(context, 'guilds', 'optouts:', optOutsCodec);
    this.#finished = new Collection(context, 'indexes', 'finished:', finishedIndexCodec);
    this.#boards = new Leaderboards(
      this.#players,
      this.#optOuts,
      options.maxCachedSeasons,
      options.leaderboardMaxAgeMs,
    );
  }

  async get(guildId: string, season: number, userId: string): Promise<PlayerRecord | undefined> {
    return (await this.#players.get(playerKey(guildId, season, userId)))?.record;
  }

  recordResult(
    guildId: string,
    season: number,
    debate: Debate,
    result: Result,
    names?: ReadonlyMap<string, string>,
  ): Promise<RatedChange[]> {
    return this.queue.run(guildId, async () => {
      const userIds = debate.debaters.map((d) => d.userId);
      const stored = new Map<string, StoredPlayer>();
      const found = await this.#players.getMany(userIds.map((id) => playerKey(guildId, season, id)));
      for (const player of found) if (player) stored.set(player.record.userId, player);
      const sideOf = (userId: string) => debate.debaters.find((d) => d.userId === userId)?.side ?? '';
      // Everyone is rated against the ratings from before this debate, also when a failed write
      // left some of them already updated for it.
      const current = new Map(
        [...stored].map(([id, player]) => [id, beforeDebate(player, debate.id, sideOf(id))]),
      );
      const { records, changes } = applyResult(debate, result, current, displayChange);
      if (records.length === 0) return [];

      const reported: RatedChange[] = [];
      const written: { record: PlayerRecord; before: SkillRating; sideBefore?: SkillRating }[] = [];
      for (const record of records) {
        const prior = stored.get(record.userId);
        const change = changes.find((c) => c.userId === record.userId);
        if (!change) continue;
        if (prior?.record.recent.some((r) => r.debateId === debate.id)) {
          const before = prior.last?.debateId === debate.id ? prior.last.before : prior.record.rating;
          reported.push({ userId: record.userId, before, after: prior.record.rating });
        } else {
          const sideBefore = current.get(record.userId)?.sideRatings[sideOf(record.userId)];
          written.push({ record, before: change.before, ...(sideBefore ? { sideBefore } : {}) });
          reported.push(change);
        }
      }
      await Promise.all([
        ...written.map(({ record, before, sideBefore }) =>
          this.#players.set(playerKey(guildId, season, record.userId), {
            record,
            last: { debateId: debate.id, before, ...(sideBefore ? { sideBefore } : {}) },
          }),
        ),
        this.#countSides(guildId, debate, names),
        ...(written.length > 0 ? [this.#indexFinished(guildId, season, debate, result)] : []),
      ]);
      this.#boards.recorded(
        guildId,
        season,
        written.map((w) => w.record),
      );
      return reported;
    });
  }

  async #countSides(guildId: string, debate: Debate, names?: ReadonlyMap<string, string>): Promise<void> {
    const keys = debate.debaters.map((d) => historyKey(guildId, d.userId));
    const histories = await this.#histories.getMany(keys);
    await Promise.all(
      debate.debaters.map((debater, index) => {
        const history = histories[index] ?? { sides: {}, counted: [] };
        if (history.counted.includes(debate.id)) return undefined;
        const name = cleanName(names?.get(debater.userId)) ?? history.displayName;
        return this.#histories.set(historyKey(guildId, debater.userId), {
          sides: { ...history.sides, [debater.side]: (history.sides[debater.side] ?? 0) + 1 },
          counted: [debate.id, ...history.counted].slice(0, COUNTED_KEPT),
          ...(name === undefined ? {} : { displayName: name }),
        });
      }),
    );
  }

  /** Remembers a newly rated debate in the guild's bounded index of finished debates. */
  async #indexFinished(guildId: string, season: number, debate: Debate, result: Result): Promise<void> {
    const debates = (await this.#finished.get(guildId))?.debates ?? [];
    if (debates.some((d) => d.debateId === debate.id)) return;
    const entry: FinishedDebate = {
      debateId: debate.id,
      season,
      motionId: debate.motionId,
      winner: result.winner ?? 'draw',
      at: result.finishedAt,
    };
    await this.#finished.set(guildId, { debates: [entry, ...debates].slice(0, FINISHED_KEPT) });
  }

  setDisplayName(guildId: string, userId: string, name: string): Promise<void> {
    const clean = cleanName(name);
    if (clean === undefined) return Promise.resolve();
    return this.queue.run(guildId, async () => {
      const key = historyKey(guildId, userId);
      const history = (await this.#histories.get(key)) ?? { sides: {}, counted: [] };
      if (history.displayName === clean) return;
      await this.#histories.set(key, { ...history, displayName: clean });
    });
  }

  async displayNames(guildId: string, userIds: readonly string[]): Promise<Map<string, string>> {
    const histories = await this.#histories.getMany(userIds.map((id) => historyKey(guildId, id)));
    const out = new Map<string, string>();
    for (const [index, userId] of userIds.entries()) {
      const name = histories[index]?.displayName;
      if (name !== undefined) out.set(userId, name);
    }
    return out;
  }

  async recentDebates(guildId: string): Promise<readonly FinishedDebate[]> {
    return (await this.#finished.get(guildId))?.debates ?? [];
  }

  leaderboard(
    guildId: string,
    season: number,
    options: { side?: string; page?: number } = {},
  ): Promise<LeaderboardPage> {
    return this.#boards.page(guildId, season, options.side, options.page ?? 1);
  }

  rank(guildId: string, season: number, userId: string, side?: string): Promise<number | undefined> {
    return this.#boards.rank(guildId, season, userId, side);
  }

  async sideHistory(guildId: string, userId: string): Promise<Record<string, number>> {
    return { ...(await this.#histories.get(historyKey(guildId, userId)))?.sides };
  }

  setOptOut(guildId: string, userId: string, optOut: boolean): Promise<void> {
    return this.queue.run(guildId, async () => {
      const users = (await this.#optOuts.get(guildId))?.users ?? [];
      if (users.includes(userId) !== optOut) {
        const next = optOut ? [...users, userId] : users.filter((id) => id !== userId);
        await this.#optOuts.set(guildId, { users: next });
      }
      await this.#boards.optedOut(guildId, userId, optOut);
    });
  }

  async isOptedOut(guildId: string, userId: string): Promise<boolean> {
    return ((await this.#optOuts.get(guildId))?.users ?? []).includes(userId);
  }
}

import { applyResult, type PlayerRecord, type RatedChange } from '../debate/player-record.js';
import { displayRating, type SkillRating } from '../debate/ratings.js';
import type { Debate, Result } from '../debate/types.js';
import { Collection, type StoreContext } from './collection.js';
import type { GuildQueue } from './guild-queue.js';
import { Leaderboards } from './leaderboard/leaderboards.js';
import {
  COUNTED_KEPT,
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

const displayChange = (before: SkillRating, after: SkillRating) =>
  displayRating(after) - displayRating(before);

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
  readonly #boards: Leaderboards;

  constructor(
    context: StoreContext,
    private readonly queue: GuildQueue,
    options: { maxCachedSeasons?: number } = {},
  ) {
    this.#players = new Collection(context, 'players', '', playerCodec);
    this.#histories = new Collection(context, 'histories', '', historyCodec);
    this.#optOuts = new Collection(context, 'guilds', 'optouts:', optOutsCodec);
    this.#boards = new Leaderboards(this.#players, this.#optOuts, options.maxCachedSeasons);
  }

  async get(guildId: string, season: number, userId: string): Promise<PlayerRecord | undefined> {
    return (await this.#players.get(playerKey(guildId, season, userId)))?.record;
  }

  recordResult(guildId: string, season: number, debate: Debate, result: Result): Promise<RatedChange[]> {
    return this.queue.run(guildId, async () => {
      const userIds = debate.debaters.map((d) => d.userId);
      const stored = new Map<string, StoredPlayer>();
      const found = await this.#players.getMany(userIds.map((id) => playerKey(guildId, season, id)));
      for (const player of found) if (player) stored.set(player.record.userId, player);
      const current = new Map([...stored].map(([id, player]) => [id, player.record]));
      const { records, changes } = applyResult(debate, result, current, displayChange);
      if (records.length === 0) return [];

      const reported: RatedChange[] = [];
      const written: { record: PlayerRecord; before: SkillRating }[] = [];
      for (const record of records) {
        const prior = stored.get(record.userId);
        const change = changes.find((c) => c.userId === record.userId);
        if (!change) continue;
        if (prior?.record.recent.some((r) => r.debateId === debate.id)) {
          const before = prior.last?.debateId === debate.id ? prior.last.before : prior.record.rating;
          reported.push({ userId: record.userId, before, after: prior.record.rating });
        } else {
          written.push({ record, before: change.before });
          reported.push(change);
        }
      }
      await Promise.all([
        ...written.map(({ record, before }) =>
          this.#players.set(playerKey(guildId, season, record.userId), {
            record,
            last: { debateId: debate.id, before },
          }),
        ),
        this.#countSides(guildId, debate),
      ]);
      this.#boards.recorded(
        guildId,
        season,
        written.map((w) => w.record),
      );
      return reported;
    });
  }

  async #countSides(guildId: string, debate: Debate): Promise<void> {
    const keys = debate.debaters.map((d) => historyKey(guildId, d.userId));
    const histories = await this.#histories.getMany(keys);
    await Promise.all(
      debate.debaters.map((debater, index) => {
        const history = histories[index] ?? { sides: {}, counted: [] };
        if (history.counted.includes(debate.id)) return undefined;
        return this.#histories.set(historyKey(guildId, debater.userId), {
          sides: { ...history.sides, [debater.side]: (history.sides[debater.side] ?? 0) + 1 },
          counted: [debate.id, ...history.counted].slice(0, COUNTED_KEPT),
        });
      }),
    );
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

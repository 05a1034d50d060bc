import type { PlayerRecord } from '../../debate/player-record.js';
import { displayRating, isProvisional } from '../../debate/ratings.js';
import type { Collection } from '../collection.js';
import { type OptOuts, playerKey, type StoredPlayer, seasonPrefix } from '../shapes.js';
import type { LeaderboardEntry, LeaderboardPage } from '../types.js';
import { type Ranked, Ranking } from './ranking.js';

export const PAGE_SIZE = 10;

/** The rankings of one guild's season: overall and per side, with the guild's opted-out members. */
interface SeasonBoards {
  readonly overall: Ranking;
  readonly sides: Map<string, Ranking>;
  readonly optedOut: Set<string>;
  /** Players shown but not yet ranked (overall), with their rated debates so far. */
  readonly provisional: Map<string, number>;
}

/** Provisional players listed under a page, most debates first. */
const PROVISIONAL_SHOWN = 10;

interface Cached {
  readonly building: Promise<SeasonBoards>;
  readonly startedAt: number;
  boards?: SeasonBoards;
  /** Records written while the build was reading: applied to it when it is done. */
  readonly writtenMeanwhile: PlayerRecord[];
  /** An opt-out changed while the build was reading: the build is dropped once done, and rebuilt on next use. */
  stale?: boolean;
  /** A rebuild of a stale season is under way (only with a max age). */
  refreshing?: boolean;
}

/** Where a record stands on each board: its displayed rating, or undefined when it is not ranked there. */
const placements = (record: PlayerRecord, optedOut: boolean): Map<string | undefined, number | undefined> => {
  const out = new Map<string | undefined, number | undefined>();
  out.set(
    undefined,
    optedOut || isProvisional(record.overall.debates) ? undefined : displayRating(record.rating),
  );
  for (const [side, rating] of Object.entries(record.sideRatings)) {
    const debates = record.bySide[side]?.debates ?? 0;
    out.set(side, optedOut || isProvisional(debates) ? undefined : displayRating(rating));
  }
  return out;
};

/**
 * The leaderboards, served from memory. A guild's season is read from the store once, on first
 * use, and sorted (see Ranking); after that every recorded result and opt-out updates the cached
 * rankings in place, which is correct because this process owns all of the guild's writes and
 * they all pass through here. Pages then cost a slice plus one read of ten records, not a scan.
 *
 * Builds run beside the guild's write queue (a slow scan must not hold up moves): a result written
 * while a build reads the store is kept and applied to the build when it is done (placing a record
 * is idempotent), so it is never lost between the two. The least recently used seasons
 * are dropped beyond `maxSeasons`; the store still has everything, so a dropped season is rebuilt.
 */
export class Leaderboards {
  readonly #cache = new Map<string, Cached>();

  constructor(
    private readonly players: Collection<StoredPlayer>,
    private readonly optOuts: Collection<OptOuts>,
    private readonly maxSeasons = 64,
    /** Rebuild a season once its build is this old (for a process that does not own the writes). */
    private readonly maxAgeMs?: number,
  ) {}

  async page(
    guildId: string,
    season: number,
    side: string | undefined,
    page: number,
  ): Promise<LeaderboardPage> {
    const boards = await this.#boards(guildId, season);
    const ranking = side === undefined ? boards.overall : boards.sides.get(side);
    const total = ranking?.size ?? 0;
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const current = Number.isFinite(page) ? Math.min(Math.max(1, Math.floor(page)), pages) : 1;
    const slice = ranking?.slice((current - 1) * PAGE_SIZE, PAGE_SIZE) ?? [];
    const stored = await this.players.getMany(slice.map((e) => playerKey(guildId, season, e.userId)));
    const entries: LeaderboardEntry[] = [];
    for (const [index, entry] of slice.entries()) {
      const record = stored[index]?.record;
      if (record) entries.push({ userId: entry.userId, rank: entry.rank, rating: entry.rating, record });
    }
    // The provisional list belongs to the overall board; side boards rank by side only.
    const provisional = [...(side === undefined ? boards.provisional : [])]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, PROVISIONAL_SHOWN)
      .map(([userId, debates]) => ({ userId, debates }));
    return { entries, total, page: current, pages, provisional };
  }

  async rank(guildId: string, season: number, userId: string, side?: string): Promise<number | undefined> {
    const boards = await this.#boards(guildId, season);
    return (side === undefined ? boards.overall : boards.sides.get(side))?.rank(userId);
  }

  /** Keeps a built season in step with records just written. Call it inside the guild's queue. */
  recorded(guildId: string, season: number, records: readonly PlayerRecord[]): void {
    const entry = this.#cache.get(cacheKey(guildId, season));
    if (!entry) return; // not built: a build reads it from the store
    if (!entry.boards) entry.writtenMeanwhile.push(...records);
    else for (const record of records) place(entry.boards, record);
  }

  /** Keeps built seasons in step with an opt-out change. Call it inside the guild's queue. */
  async optedOut(guildId: string, userId: string, optOut: boolean): Promise<void> {
    const built = [...this.#cache].filter(([key]) => key.startsWith(`${guildId}:`));
    for (const [key, entry] of built) {
      const { boards } = entry;
      if (!boards) {
        entry.stale = true;
        continue;
      }
      if (optOut) boards.optedOut.add(userId);
      else boards.optedOut.delete(userId);
      const season = Number(key.slice(guildId.length + 1));
      const stored = await this.players.get(playerKey(guildId, season, userId));
      if (stored) place(boards, stored.record);
    }
  }

  #boards(guildId: string, season: number): Promise<SeasonBoards> {
    const key = cacheKey(guildId, season);
    const stale = (c: Cached) =>
      this.maxAgeMs !== undefined && c.boards !== undefined && Date.now() - c.startedAt > this.maxAgeMs;
    const cached = this.#cache.get(key);
    if (cached) {
      // Most recently used last: the eviction below drops from the front.
      this.#cache.delete(key);
      this.#cache.set(key, cached);
      // A stale season is served as it was while its rebuild runs: a page never waits for a scan.
      if (stale(cached) && !cached.refreshing) this.#refresh(key, guildId, season, cached);
      return cached.building;
    }
    const entry: Cached = {
      building: this.#build(guildId, season).then((boards) => {
        for (const record of entry.writtenMeanwhile.splice(0)) place(boards, record);
        return boards;
      }),
      startedAt: Date.now(),
      writtenMeanwhile: [],
    };
    this.#cache.delete(key);
    this.#cache.set(key, entry);
    entry.building.then(
      (boards) => {
        entry.boards = boards;
        if (entry.stale && this.#cache.get(key) === entry) this.#cache.delete(key);
      },
      () => {
        if (this.#cache.get(key) === entry) this.#cache.delete(key);
      },
    );
    for (const oldest of this.#cache.keys()) {
      if (this.#cache.size <= this.maxSeasons) break;
      this.#cache.delete(oldest);
    }
    return entry.building;
  }

  #refresh(key: string, guildId: string, season: number, cached: Cached): void {
    cached.refreshing = true;
    const startedAt = Date.now();
    this.#build(guildId, season).then(
      (boards) => {
        if (this.#cache.get(key) === cached)
          this.#cache.set(key, {
            building: Promise.resolve(boards),
            startedAt,
            boards,
            writtenMeanwhile: [],
          });
      },
      () => {
        cached.refreshing = false;
      },
    );
  }

  async #build(guildId: string, season: number): Promise<SeasonBoards> {
    const optedOut = new Set((await this.optOuts.get(guildId))?.users ?? []);
    const lists = new Map<string | undefined, Ranked[]>();
    const provisional = new Map<string, number>();
    for await (const page of this.players.scan(seasonPrefix(guildId, season))) {
      for (const [, { record }] of page) {
        if (!optedOut.has(record.userId) && isProvisional(record.overall.debates))
          provisional.set(record.userId, record.overall.debates);
        for (const [board, rating] of placements(record, optedOut.has(record.userId))) {
          if (rating === undefined) continue;
          const list = lists.get(board) ?? [];
          if (list.length === 0) lists.set(board, list);
          list.push({ userId: record.userId, rating });
        }
      }
    }
    const boards: SeasonBoards = { overall: new Ranking(), sides: new Map(), optedOut, provisional };
    for (const [board, list] of lists) {
      const ranking = board === undefined ? boards.overall : new Ranking();
      ranking.load(list);
      if (board !== undefined) boards.sides.set(board, ranking);
    }
    return boards;
  }
}

const cacheKey = (guildId: string, season: number) => `${guildId}:${season}`;

const place = (boards: SeasonBoards, record: PlayerRecord) => {
  if (!boards.optedOut.has(record.userId) && isProvisional(record.overall.debates))
    boards.provisional.set(record.userId, record.overall.debates);
  else boards.provisional.delete(record.userId);
  for (const [board, rating] of placements(record, boards.optedOut.has(record.userId))) {
    let ranking = board === undefined ? boards.overall : boards.sides.get(board);
    if (!ranking) {
      if (rating === undefined) continue;
      ranking = new Ranking();
      if (board !== undefined) boards.sides.set(board, ranking);
    }
    if (rating === undefined) ranking.remove(record.userId);
    else ranking.set(record.userId, rating);
  }
};

import { addResult, emptyTally, type MotionTally } from '../debate/motion-stats.js';
import { Collection, type StoreContext } from './collection.js';
import type { GuildQueue } from './guild-queue.js';
import {
  COUNTED_KEPT,
  configCodec,
  DEFAULT_CONFIG,
  type MotionTallies,
  motionsCodec,
  type SeasonList,
  seasonsCodec,
} from './shapes.js';
import type { GuildConfig, GuildRepository, Season } from './types.js';

/** Guild settings, seasons and motion tallies. Writes run in the guild's queue. */
export class KeyvGuildRepository implements GuildRepository {
  readonly #configs: Collection<GuildConfig>;
  readonly #seasons: Collection<SeasonList>;
  readonly #motions: Collection<MotionTallies>;

  constructor(
    context: StoreContext,
    private readonly queue: GuildQueue,
    /** The time season 1 starts at, on a guild's first use. */
    private readonly now: () => number,
  ) {
    this.#configs = new Collection(context, 'guilds', 'config:', configCodec);
    this.#seasons = new Collection(context, 'guilds', 'seasons:', seasonsCodec);
    this.#motions = new Collection(context, 'guilds', 'motions:', motionsCodec);
  }

  async config(guildId: string): Promise<GuildConfig> {
    return (await this.#configs.get(guildId)) ?? DEFAULT_CONFIG;
  }

  saveConfig(guildId: string, config: GuildConfig): Promise<void> {
    return this.queue.run(guildId, () => this.#configs.set(guildId, config));
  }

  async currentSeason(guildId: string): Promise<Season> {
    const seasons = await this.seasons(guildId);
    const current = seasons[seasons.length - 1];
    if (!current) throw new Error('a guild always has a season');
    return current;
  }

  async seasons(guildId: string): Promise<readonly Season[]> {
    const found = (await this.#seasons.get(guildId))?.seasons ?? [];
    return found.length > 0 ? found : this.queue.run(guildId, () => this.#ensureSeasons(guildId));
  }

  newSeason(guildId: string, now: number): Promise<Season> {
    return this.queue.run(guildId, async () => {
      const seasons = await this.#ensureSeasons(guildId);
      const last = seasons[seasons.length - 1];
      const next: Season = { number: (last?.number ?? 0) + 1, startedAt: now };
      const ended = seasons.map((s) => (s === last ? { ...s, endedAt: now } : s));
      await this.#seasons.set(guildId, { seasons: [...ended, next] });
      return next;
    });
  }

  async motionTallies(guildId: string): Promise<Record<string, MotionTally>> {
    return { ...(await this.#motions.get(guildId))?.tallies };
  }

  recordMotionResult(guildId: string, motionId: string, winner: string, debateId?: string): Promise<void> {
    return this.queue.run(guildId, async () => {
      const stored = (await this.#motions.get(guildId)) ?? { tallies: {}, counted: [] };
      if (debateId !== undefined && stored.counted.includes(debateId)) return;
      const tally = addResult(stored.tallies[motionId] ?? emptyTally(), winner);
      await this.#motions.set(guildId, {
        tallies: { ...stored.tallies, [motionId]: tally },
        counted:
          debateId === undefined ? stored.counted : [debateId, ...stored.counted].slice(0, COUNTED_KEPT),
      });
    });
  }

  /** Season 1 begins at a guild's first use. Runs in the guild's queue. */
  async #ensureSeasons(guildId: string): Promise<readonly Season[]> {
    const found = (await this.#seasons.get(guildId))?.seasons ?? [];
    if (found.length > 0) return found;
    const first = [{ number: 1, startedAt: this.now() }];
    await this.#seasons.set(guildId, { seasons: first });
    return first;
  }
}

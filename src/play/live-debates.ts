import { FINISHED_PHASES } from '../debate/types.js';
import type { DebateRepository, StoredDebate } from '../store/types.js';
import { venueOf } from '../store/venue.js';

const isLive = (stored: StoredDebate) => !FINISHED_PHASES.includes(stored.state.phase);
const hasOutbox = (stored: StoredDebate) => (stored.meta.outbox?.length ?? 0) > 0;

/** A cached debate with no move for this long is dropped from memory (it stays in the store). */
export const IDLE_EVICT_MS = 30 * 60_000;

/**
 * The live debates of the guilds this process owns, held in memory write-through.
 *
 * One process owns a guild's writes (a shard owns its guilds), so what this process last wrote is
 * the newest value there is: reads come from memory, and every change is written to the store
 * before it is put here (and before anyone is told it happened). A debate leaves memory when it is
 * finished and its announcements are posted, or after IDLE_EVICT_MS without a move; it is read back
 * from the store on the next use. On start the guilds' live debates are loaded in one pass
 * (`loadGuild`), after which "no debate in this channel" is known without a store read.
 */
export class LiveDebates {
  readonly #debates = new Map<string, { stored: StoredDebate; touched: number }>();
  readonly #byChannel = new Map<string, string>();
  /** Guilds whose every live debate is in memory (loaded on start and none evicted since). */
  readonly #complete = new Set<string>();

  constructor(
    private readonly repository: DebateRepository,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The debate, from memory or else from the store.
   * @throws StoreUnavailableError when it has to be read and the store cannot answer
   */
  async get(debateId: string): Promise<StoredDebate | undefined> {
    const cached = this.#debates.get(debateId);
    if (cached) {
      cached.touched = this.now();
      return cached.stored;
    }
    const stored = await this.repository.get(debateId);
    if (stored) this.#remember(stored);
    return stored;
  }

  /**
   * The live debate in a channel or thread (its venue: see src/store/venue.ts), if any.
   * @throws StoreUnavailableError when memory cannot say and the store cannot answer
   */
  async inChannel(channelId: string, guildId: string | null): Promise<StoredDebate | undefined> {
    const id = this.#byChannel.get(channelId);
    const cached = id ? this.#debates.get(id) : undefined;
    if (cached && isLive(cached.stored) && venueOf(cached.stored) === channelId) {
      cached.touched = this.now();
      return cached.stored;
    }
    if (guildId && this.#complete.has(guildId)) return undefined;
    const stored = await this.repository.activeDebateInChannel(channelId);
    if (stored) this.#remember(stored);
    return stored;
  }

  /** Puts what was just written (never an older value over a newer one: see `#remember`). */
  written(stored: StoredDebate): void {
    this.#put(stored);
  }

  /** Puts the guild's live debates read on start, and marks the guild as wholly in memory. */
  loadGuild(guildId: string, debates: readonly StoredDebate[]): void {
    for (const stored of debates) this.#remember(stored);
    this.#complete.add(guildId);
  }

  /** Drops debates that are over (with nothing left to post) or idle. */
  sweep(): void {
    const cutoff = this.now() - IDLE_EVICT_MS;
    for (const [id, entry] of this.#debates) {
      const done = !isLive(entry.stored) && !hasOutbox(entry.stored);
      if (!done && entry.touched > cutoff) continue;
      if (!done) this.#complete.delete(entry.stored.state.guildId);
      this.#drop(id, entry.stored);
    }
  }

  get size(): number {
    return this.#debates.size;
  }

  /** A value read from the store: kept unless memory already has this debate (memory is newer). */
  #remember(stored: StoredDebate) {
    const cached = this.#debates.get(stored.state.id);
    if (cached && cached.stored.log.length >= stored.log.length) return;
    this.#put(stored);
  }

  #put(stored: StoredDebate) {
    const { id, channelId } = stored.state;
    const venue = venueOf(stored);
    this.#debates.set(id, { stored, touched: this.now() });
    // Moved into its thread: the channel it opened in no longer holds it.
    if (venue !== channelId) this.#forget(channelId, id);
    if (isLive(stored)) this.#byChannel.set(venue, id);
    else this.#forget(venue, id);
  }

  #drop(id: string, stored: StoredDebate) {
    this.#debates.delete(id);
    this.#forget(venueOf(stored), id);
    this.#forget(stored.state.channelId, id);
  }

  #forget(channelId: string, id: string) {
    if (this.#byChannel.get(channelId) === id) this.#byChannel.delete(channelId);
  }
}

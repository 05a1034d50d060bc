import { type Debate, FINISHED_PHASES } from '../debate/types.js';
import { Collection, type StoreContext } from './collection.js';
import type { GuildQueue } from './guild-queue.js';
import {
  type ChannelIndex,
  channelIndexCodec,
  debateCodec,
  type LiveIndex,
  liveIndexCodec,
} from './shapes.js';
import type { DebateMeta, DebateRepository, PendingTimer, Resumable, StoredDebate } from './types.js';
import { venueOf } from './venue.js';

const isLive = (state: Debate) => !FINISHED_PHASES.includes(state.phase);
/** Kept in the guild's live index while it runs, or while it still has announcements to post. */
const needsAttention = (debate: StoredDebate) =>
  isLive(debate.state) || (debate.meta.outbox?.length ?? 0) > 0;

/**
 * Debates and the two indexes derived from them.
 *
 * Atomicity: a debate's state, its event log and its meta are ONE value (one SQLite row, one Redis
 * string), so a crash or an outage in the middle of a save leaves the old debate or the new one,
 * never a state without its event or the reverse.
 *
 * The indexes (channel -> active debate, guild -> live debates) are separate values and can
 * disagree with the debates after a crash. They are made to err on one side only, and every read
 * checks them against the debates:
 * - an entry is added BEFORE the debate value that needs it is written, and removed AFTER the
 *   debate value says it is finished. So an index may name a debate that does not exist or is over,
 *   but a live debate is never missing from its indexes (which would let a second debate open in
 *   its channel, or lose its deadline on restart).
 * - activeInChannel and pendingTimers read the debates the indexes name; an entry whose debate is
 *   missing or finished, or has moved into a thread of its own (its venue is no longer that
 *   channel), is treated as absent, and removed (inside the guild's queue, re-checked there, so a
 *   concurrent save is never undone).
 * - a debate that moves into a thread is indexed under the thread before the save that records the
 *   thread, and its entry under the parent channel is removed after it.
 * - the live index holds ids only: pendingTimers takes each timer from the debate value itself. A
 *   copy of the timer in the index could lag behind the debate after a failed write, and the
 *   scheduler would then fire a stale key (ignored by the engine) and never the real deadline.
 */
export class KeyvDebateRepository implements DebateRepository {
  readonly #debates: Collection<StoredDebate>;
  readonly #channels: Collection<ChannelIndex>;
  readonly #live: Collection<LiveIndex>;
  /**
   * Live debates whose index entries this process has written since it started, with the venue they
   * were indexed under: saves skip them until the venue changes (the debate moved into a thread).
   */
  readonly #indexed = new Map<string, string>();

  constructor(
    context: StoreContext,
    private readonly queue: GuildQueue,
  ) {
    this.#debates = new Collection(context, 'debates', '', debateCodec);
    this.#channels = new Collection(context, 'indexes', 'channel:', channelIndexCodec);
    this.#live = new Collection(context, 'indexes', 'live:', liveIndexCodec);
  }

  get(debateId: string): Promise<StoredDebate | undefined> {
    return this.#debates.get(debateId);
  }

  async activeInChannel(channelId: string): Promise<string | undefined> {
    return (await this.activeDebateInChannel(channelId))?.state.id;
  }

  async activeDebateInChannel(channelId: string): Promise<StoredDebate | undefined> {
    const entry = await this.#channels.get(channelId);
    if (!entry) return undefined;
    const heldHere = (debate: StoredDebate | undefined): boolean =>
      debate !== undefined && isLive(debate.state) && venueOf(debate) === channelId;
    const debate = await this.#debates.get(entry.debateId);
    if (debate && heldHere(debate)) return debate;
    await this.queue.run(entry.guildId, async () => {
      const again = await this.#channels.get(channelId);
      if (again?.debateId !== entry.debateId) return;
      const now = await this.#debates.get(entry.debateId);
      if (heldHere(now)) return;
      await this.#channels.delete(channelId);
      if (!now || !isLive(now.state)) this.#indexed.delete(entry.debateId);
    });
    return undefined;
  }

  save(debate: StoredDebate): Promise<void> {
    const { state } = debate;
    return this.queue.run(state.guildId, async () => {
      const live = isLive(state);
      const venue = venueOf(debate);
      if (live && this.#indexed.get(state.id) !== venue) {
        await this.#channels.set(venue, { debateId: state.id, guildId: state.guildId });
        await this.#updateLive(state.guildId, (ids) => (ids.includes(state.id) ? ids : [...ids, state.id]));
      }
      if (!live && needsAttention(debate))
        await this.#updateLive(state.guildId, (ids) => (ids.includes(state.id) ? ids : [...ids, state.id]));
      await this.#debates.set(state.id, debate);
      if (live) {
        // Moved into its thread: the channel it opened in is free for another lobby.
        if (this.#indexed.get(state.id) !== venue && venue !== state.channelId)
          await this.#dropEntry(state.channelId, state.id);
        this.#indexed.set(state.id, venue);
        return;
      }
      this.#indexed.delete(state.id);
      await this.#dropEntry(state.channelId, state.id);
      if (venue !== state.channelId) await this.#dropEntry(venue, state.id);
      if (!needsAttention(debate))
        await this.#updateLive(state.guildId, (ids) => ids.filter((id) => id !== state.id));
    });
  }

  async saveMeta(debateId: string, meta: Partial<DebateMeta>): Promise<void> {
    const found = await this.#debates.get(debateId);
    if (!found) return;
    await this.queue.run(found.state.guildId, async () => {
      const current = await this.#debates.get(debateId);
      if (current) await this.#debates.set(debateId, { ...current, meta: { ...current.meta, ...meta } });
    });
  }

  async ackOutbox(debateId: string, seqs: readonly number[]): Promise<void> {
    if (seqs.length === 0) return;
    const found = await this.#debates.get(debateId);
    if (!found) return;
    await this.queue.run(found.state.guildId, async () => {
      const current = await this.#debates.get(debateId);
      if (!current?.meta.outbox) return;
      const outbox = current.meta.outbox.filter((entry) => !seqs.includes(entry.seq));
      const { outbox: _posted, ...rest } = current.meta;
      const updated: StoredDebate = { ...current, meta: outbox.length > 0 ? { ...rest, outbox } : rest };
      await this.#debates.set(debateId, updated);
      if (!needsAttention(updated))
        await this.#updateLive(current.state.guildId, (ids) => ids.filter((id) => id !== debateId));
    });
  }

  async withOutbox(guildIds: Iterable<string>): Promise<StoredDebate[]> {
    return (await this.resumable(guildIds)).outboxes;
  }

  async resumable(guildIds: Iterable<string>): Promise<Resumable> {
    const perGuild = await Promise.all([...new Set(guildIds)].map((guildId) => this.#pendingIn(guildId)));
    return {
      timers: perGuild.flatMap((g) => g.timers),
      outboxes: perGuild.flatMap((g) => g.outboxes),
      debates: perGuild.flatMap((g) => g.debates),
    };
  }

  async pendingTimers(guildIds: Iterable<string>): Promise<PendingTimer[]> {
    return (await this.resumable(guildIds)).timers;
  }

  async #pendingIn(guildId: string): Promise<Resumable> {
    const ids = (await this.#live.get(guildId))?.debateIds ?? [];
    const debates = await this.#debates.getMany(ids);
    const pending: PendingTimer[] = [];
    const outboxes: StoredDebate[] = [];
    const kept: StoredDebate[] = [];
    const stale: string[] = [];
    for (const [index, debateId] of ids.entries()) {
      const debate = debates[index];
      const state = debate?.state;
      if (!debate || !state || !needsAttention(debate)) {
        stale.push(debateId);
        continue;
      }
      kept.push(debate);
      if (isLive(state) && state.timer)
        pending.push({ debateId, guildId, timer: state.timer, version: debate.log.length });
      if ((debate.meta.outbox?.length ?? 0) > 0) outboxes.push(debate);
    }
    if (stale.length > 0) {
      await this.queue.run(guildId, async () => {
        const recheck = await this.#debates.getMany(stale);
        const gone = stale.filter((_, index) => {
          const debate = recheck[index];
          return !debate || !needsAttention(debate);
        });
        await this.#updateLive(guildId, (current) => current.filter((id) => !gone.includes(id)));
      });
    }
    return { timers: pending, outboxes, debates: kept };
  }

  /** Removes a channel's index entry if it still names this debate. */
  async #dropEntry(channelId: string, debateId: string): Promise<void> {
    const entry = await this.#channels.get(channelId);
    if (entry?.debateId === debateId) await this.#channels.delete(channelId);
  }

  async #updateLive(guildId: string, change: (ids: readonly string[]) => readonly string[]): Promise<void> {
    const ids = (await this.#live.get(guildId))?.debateIds ?? [];
    const next = change(ids);
    if (next === ids || (next.length === ids.length && next.every((id, i) => id === ids[i]))) return;
    if (next.length === 0) await this.#live.delete(guildId);
    else await this.#live.set(guildId, { debateIds: next });
  }
}

import type { Clock } from '../clock.js';
import type { Deck } from '../content/deck.js';
import type { RatedChange } from '../debate/player-record.js';
import type { Refusal } from '../debate/refusals.js';
import { type DebateEvent, type Effect, FINISHED_PHASES } from '../debate/types.js';
import type { Logger } from '../logger.js';
import type { TimerClock } from '../scheduler/clock.js';
import { createScheduler, type Scheduler } from '../scheduler/scheduler.js';
import type { PendingTimer, Store, StoredDebate } from '../store/types.js';
import { applyDebateEvent, type DebateSource, type StoreRefusal } from './apply-move.js';
import { LiveDebates } from './live-debates.js';
import { Outbox } from './outbox.js';
import type { Announcing } from './ports.js';

/** A move the engine (or the store) refused: nothing was written. Its code is for tests and logs. */
export class MoveRefused extends Error {
  constructor(readonly refusal: Refusal | StoreRefusal) {
    super(refusal.message);
    this.name = 'MoveRefused';
  }
}

export interface Moved {
  /** The debate as saved (unchanged when the move changed nothing). */
  readonly stored: StoredDebate;
  readonly effects: readonly Effect[];
  readonly changes: readonly RatedChange[];
  /** The log index of this move (to wait for its announcements), or undefined when nothing was written. */
  readonly seq: number | undefined;
}

export interface PlayOptions {
  readonly store: Store;
  readonly deck: Deck;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly announce: Announcing;
  /** The scheduler's time (tests pass a fake). */
  readonly timerClock?: TimerClock;
  readonly deliveryBackoff?: readonly number[];
}

const SWEEP_MS = 5 * 60_000;

/**
 * The application layer: every move (a slash command, a button, a form, a deadline, a restart) takes
 * one path. It goes through the guild's write queue to the engine; what the engine accepts is saved
 * as one value (state, log, outbox) and put in memory; the debate's deadline is then armed from what
 * was stored, never from the effects, and its announcements leave the outbox only once posted.
 */
export interface Play {
  /**
   * Applies a move to a debate of `guildId` (for `open`, the debate named in the event).
   * @throws MoveRefused when the engine or the store refuses it (nothing written)
   * @throws StoreUnavailableError when the store cannot answer (nothing written)
   */
  move(guildId: string, debateId: string, event: DebateEvent): Promise<Moved>;
  /** A debate of this guild, from memory when it is live here; undefined for another guild's. */
  debate(guildId: string, debateId: string): Promise<StoredDebate | undefined>;
  /** The live debate in a channel. */
  inChannel(channelId: string, guildId: string | null): Promise<StoredDebate | undefined>;
  /** On start (and when a guild is added): load the guilds' live debates, arm their deadlines, post what a crash left. */
  resume(guildIds: readonly string[]): Promise<{ timers: number; outboxes: number }>;
  /** Resolves true once the announcements of the move at `seq` are posted, false after `timeoutMs`. */
  whenPosted(debateId: string, seq: number, timeoutMs: number): Promise<boolean>;
  readonly scheduler: Scheduler;
  readonly live: LiveDebates;
  /** Stops deadlines and deliveries (what is unposted stays in the outbox for the next start). */
  stop(): Promise<void>;
}

export const createPlay = (options: PlayOptions): Play => {
  const { store, deck, clock, logger } = options;
  const live = new LiveDebates(store.debates, () => clock.now());
  const outbox = new Outbox({
    store,
    live,
    announce: options.announce,
    logger: logger.child({ component: 'outbox' }),
    ...(options.deliveryBackoff ? { backoff: options.deliveryBackoff } : {}),
  });

  /**
   * The heap holds what the store holds: the stored timer, at the stored version. Armed outside the
   * queue's hold, so the Node timer it sets (which keeps its async context) fires into the queue.
   */
  const arm = (stored: StoredDebate) =>
    store.detached(() => {
      const { state } = stored;
      const version = stored.log.length;
      if (state.timer && !FINISHED_PHASES.includes(state.phase))
        scheduler.arm({ debateId: state.id, guildId: state.guildId, timer: state.timer, version });
      else scheduler.disarm(state.id, version);
    });

  /** What a move tells the layer after its write, inside the guild's queue: so arms land in write order. */
  const source: DebateSource = {
    get: (debateId) => live.get(debateId),
    inChannel: (channelId, guildId) => live.inChannel(channelId, guildId),
    written(stored) {
      live.written(stored);
      arm(stored);
      if ((stored.meta.outbox?.length ?? 0) > 0) outbox.kick(stored.state.id);
    },
  };

  const move = async (guildId: string, debateId: string, event: DebateEvent): Promise<Moved> => {
    const outcome = await applyDebateEvent(store, deck, guildId, debateId, event, clock.now(), source);
    if (!outcome.ok) throw new MoveRefused(outcome.refusal);
    // An event that changed nothing was not written: the log's last event is then an earlier one.
    const changed = outcome.stored.log.at(-1)?.event === event;
    logger.debug(
      { guildId, debateId, event: event.type, changed, phase: outcome.stored.state.phase },
      'move',
    );
    return {
      stored: outcome.stored,
      effects: outcome.transition.effects,
      changes: outcome.changes,
      seq: changed ? outcome.stored.log.length - 1 : undefined,
    };
  };

  /** A deadline: applied like any move; one that changed nothing re-arms from the stored state, so the heap heals. */
  const fire = async (pending: PendingTimer) => {
    try {
      const moved = await move(pending.guildId, pending.debateId, { type: 'timer', key: pending.timer.key });
      if (moved.seq === undefined && moved.stored.state.timer?.key !== pending.timer.key) arm(moved.stored);
    } catch (error) {
      // Its debate is gone (or in another guild): it would be refused again, so drop it rather than retry.
      if (!(error instanceof MoveRefused)) throw error;
      logger.warn(
        { debateId: pending.debateId, key: pending.timer.key, reason: error.message },
        'timer dropped',
      );
    }
  };

  const scheduler = createScheduler({
    fire,
    logger,
    ...(options.timerClock ? { clock: options.timerClock } : {}),
  });
  const sweeper = setInterval(() => live.sweep(), SWEEP_MS);
  sweeper.unref();

  return {
    move,
    async debate(guildId, debateId) {
      const stored = await live.get(debateId);
      return stored?.state.guildId === guildId ? stored : undefined;
    },
    inChannel: (channelId, guildId) => live.inChannel(channelId, guildId),
    async resume(guildIds) {
      const { debates } = await store.debates.resumable(guildIds);
      const byGuild = new Map<string, StoredDebate[]>(guildIds.map((id) => [id, []]));
      for (const stored of debates) byGuild.get(stored.state.guildId)?.push(stored);
      let timers = 0;
      let outboxes = 0;
      for (const [guildId, list] of byGuild) {
        live.loadGuild(guildId, list);
        for (const read of list) {
          // Memory may already hold a newer value (a move landed while this was read): arm from that.
          const stored = (await live.get(read.state.id)) ?? read;
          arm(stored);
          if (stored.state.timer && !FINISHED_PHASES.includes(stored.state.phase)) timers++;
          if ((stored.meta.outbox?.length ?? 0) > 0) {
            outboxes++;
            outbox.kick(stored.state.id);
          }
        }
      }
      return { timers, outboxes };
    },
    whenPosted: (debateId, seq, timeoutMs) => outbox.whenPosted(debateId, seq, timeoutMs),
    scheduler,
    live,
    async stop() {
      clearInterval(sweeper);
      await scheduler.stop();
      await outbox.stop();
    },
  };
};

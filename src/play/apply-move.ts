import type { Deck } from '../content/deck.js';
import { apply } from '../debate/engine.js';
import type { RatedChange } from '../debate/player-record.js';
import type { Refusal } from '../debate/refusals.js';
import type { DebateEvent, Effect, Result, Transition } from '../debate/types.js';
import type { OutboxEntry, Store, StoredDebate } from '../store/types.js';
import type { LiveDebates } from './live-debates.js';

/** Where a move reads its debate and tells what it wrote: the live debates in memory, or the store alone. */
export type DebateSource = Pick<LiveDebates, 'get' | 'inChannel' | 'written'>;

/** Reads straight from the store (tools and tests that run without the bot's memory). */
export const storeSource = (store: Store): DebateSource => ({
  get: (debateId) => store.debates.get(debateId),
  inChannel: (channelId) => store.debates.activeDebateInChannel(channelId),
  written: () => undefined,
});

/** Refusals that only the store can know about, in the engine's { code, message } shape. */
export type StoreRefusal =
  | { readonly code: 'channelBusy'; readonly message: string; readonly debateId: string }
  | { readonly code: 'unknownDebate'; readonly message: string };

export const channelBusy = (debateId: string): StoreRefusal => ({
  code: 'channelBusy',
  message: 'This channel already has a debate: see /debate status, or ask its host to cancel it first.',
  debateId,
});

export const unknownDebate = (): StoreRefusal => ({
  code: 'unknownDebate',
  message: 'This debate no longer exists; it may have been in another server.',
});

export type Accepted = Extract<Transition, { ok: true }>;

export type Applied =
  | {
      readonly ok: true;
      readonly transition: Accepted;
      /** The debate as saved (the one before, unchanged, when the event changed nothing). */
      readonly stored: StoredDebate;
      /** Rating changes, when the event finished a rated debate. */
      readonly changes: readonly RatedChange[];
    }
  | { readonly ok: false; readonly refusal: Refusal | StoreRefusal };

const resultOf = (effects: readonly Effect[]): Result | undefined => {
  for (const effect of effects) if (effect.type === 'result') return effect.result;
  return undefined;
};

/**
 * Applies one event to a debate as one step of the guild's write queue: read (from memory when the
 * debate is live here), run the engine, record the result if the debate just finished, save state +
 * log + the announcements to post (the outbox) + any rating changes as one value.
 *
 * Order within the step: the result (ratings, side counts, motion tally) is recorded before the
 * debate is saved, and each of those records is idempotent per debate. So when the store fails
 * part-way, the debate is still in its old state, the caller gets StoreUnavailableError, and the
 * same event applied again (a retried deadline, a repeated click) finishes the job without rating
 * anyone twice; the debate never shows as finished with its result unrecorded.
 *
 * An event that changes nothing (a stale or repeated deadline) is not written, so it does not
 * grow the log. `debateId` is ignored for `open`, whose event carries the id.
 */
export const applyDebateEvent = (
  store: Store,
  deck: Deck,
  guildId: string,
  debateId: string,
  event: DebateEvent,
  now: number,
  source: DebateSource = storeSource(store),
): Promise<Applied> =>
  store.inGuildQueue(guildId, async (): Promise<Applied> => {
    let before: StoredDebate | undefined;
    if (event.type === 'open') {
      if (event.guildId !== guildId)
        throw new Error(`an open event for guild ${event.guildId} queued in ${guildId}`);
      const busy = await source.inChannel(event.channelId, guildId);
      if (busy !== undefined) return { ok: false, refusal: channelBusy(busy.state.id) };
      if (await source.get(event.id)) throw new Error(`debate id ${event.id} is already taken`);
    } else {
      before = await source.get(debateId);
      if (!before || before.state.guildId !== guildId) return { ok: false, refusal: unknownDebate() };
    }

    const transition = apply(deck, before?.state, event, now);
    if (!transition.ok) return transition;
    if (before && transition.state === before.state)
      return { ok: true, transition, stored: before, changes: [] };

    const { state } = transition;
    let changes: readonly RatedChange[] = [];
    const result = resultOf(transition.effects);
    if (result?.rated) {
      const season = await store.guilds.currentSeason(guildId);
      changes = await store.players.recordResult(guildId, season.number, state, result);
    }
    if (result && state.practice) await store.practice.record(guildId, state, result);
    // Practice against Steelman says nothing about how a motion splits between members.
    if (result?.winner !== undefined && !state.practice)
      await store.guilds.recordMotionResult(guildId, state.motionId, result.winner, state.id);

    const seq = before?.log.length ?? 0;
    const announced: OutboxEntry[] = transition.effects
      .flatMap((effect) => (effect.type === 'announce' ? [effect.announcement] : []))
      .map((announcement, n) => ({ seq, n, announcement }));
    const meta = before?.meta ?? {};
    const stored: StoredDebate = {
      state,
      log: [...(before?.log ?? []), { event, at: now }],
      meta: {
        ...meta,
        ...(announced.length > 0 ? { outbox: [...(meta.outbox ?? []), ...announced] } : {}),
        ...(changes.length > 0 ? { ratingChanges: changes } : {}),
      },
    };
    await store.debates.save(stored);
    source.written(stored);
    return { ok: true, transition, stored, changes };
  });

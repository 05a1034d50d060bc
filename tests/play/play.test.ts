import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { createPlay, MoveRefused, type Play } from '../../src/play/play.js';
import { type Announcing, PostFailed } from '../../src/play/ports.js';
import type { OutboxEntry, Resumable, Store, StoredDebate } from '../../src/store/types.js';
import { FakeClock } from '../scheduler/fake-clock.js';
import { useBackend } from '../store/backends.js';
import { actor, deck, GUILD, openEvent, step, T0 } from '../store/drive.js';

const silent = createLogger('silent');

/** A Discord that records what was posted, drops a repeated nonce (as enforce_nonce does) and can refuse posts. */
class FakeDiscord implements Announcing {
  readonly posted: { kind: string; nonce: string; changes: number }[] = [];
  readonly nonces = new Set<string>();
  attempts = 0;
  /** Answers for the next attempts, in order: 'ok', a retryable failure, a 429 or a permanent failure. */
  script: ('ok' | 'fail' | '429' | 'gone')[] = [];

  async deliver(stored: StoredDebate, entry: OutboxEntry, nonce: (k: number) => string) {
    this.attempts++;
    const next = this.script.shift() ?? 'ok';
    if (next === 'fail') throw new PostFailed('503', false);
    if (next === '429') throw new PostFailed('rate limited', false, 5);
    if (next === 'gone') throw new PostFailed('unknown channel', true);
    const key = nonce(0);
    if (!this.nonces.has(key)) {
      this.nonces.add(key);
      this.posted.push({
        kind: entry.announcement.kind,
        nonce: key,
        changes: stored.meta.ratingChanges?.length ?? 0,
      });
    }
    return entry.announcement.kind === 'lobby-opened' ? { lobbyMessageId: `msg-${key}` } : undefined;
  }
}

/** The store with its resume read held open until `release` is called, as a slow store on start would. */
const holdingResume = (store: Store) => {
  let release = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  let read: Resumable | undefined;
  const debates = new Proxy(store.debates, {
    get(target, prop) {
      if (prop === 'resumable')
        return async (guildIds: string[]) => {
          read = await target.resumable(guildIds);
          await gate;
          return read;
        };
      const value = Reflect.get(target, prop);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { store: { ...store, debates } as Store, release, wasRead: () => read !== undefined };
};

const playOn = (store: Store, discord: Announcing, clock = new FakeClock(T0)) =>
  createPlay({
    store,
    deck,
    clock,
    logger: silent,
    announce: discord,
    timerClock: clock,
    deliveryBackoff: [1, 1, 1],
  });

const until = async (condition: () => boolean, what: string) => {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((r) => setTimeout(r, 2));
  if (!condition()) expect.fail(`timed out waiting for ${what}`);
};

describe('the application layer (src/play) on a real SQLite store', () => {
  const harness = useBackend('sqlite');
  const plays: Play[] = [];
  const started = (play: Play) => {
    plays.push(play);
    return play;
  };

  /** A lobby with both sides seated, written straight to the store (as an earlier process left it). */
  const seatedLobby = async (store: Store, id: string) => {
    await step(store, id, openEvent(id, { hostId: 'alice' }), T0);
    await step(store, id, { type: 'join', actor: actor('alice'), side: 'lecun' }, T0 + 1);
    await step(store, id, { type: 'join', actor: actor('bob'), side: 'scaling' }, T0 + 2);
  };

  it('given the resume read on start is held open while a move lands, then the heap keeps the move’s deadline, not the stale one read before it', async () => {
    const store = await harness.open();
    await seatedLobby(store, 'd1');
    const held = holdingResume(store);
    const play = started(playOn(held.store, new FakeDiscord()));

    const resuming = play.resume([GUILD]);
    await until(held.wasRead, 'the resume read');
    // The read saw the lobby's deadline; meanwhile the host begins: the deadline is now prep's.
    await play.move(GUILD, 'd1', { type: 'begin', actor: actor('alice') });
    expect(play.scheduler.pending('d1')?.timer.key).toBe('prep');
    held.release();
    await resuming;

    expect(play.scheduler.pending('d1')?.timer.key).toBe('prep');
    expect((await store.debates.get('d1'))?.state.timer?.key).toBe('prep');
    await Promise.all(plays.splice(0).map((p) => p.stop()));
  });

  it('given two moves whose arms land out of order, then the older version never replaces the newer', async () => {
    const store = await harness.open();
    await seatedLobby(store, 'd1');
    const play = started(playOn(store, new FakeDiscord()));
    const moved = await play.move(GUILD, 'd1', { type: 'begin', actor: actor('alice') });
    const before = (await store.debates.get('d1')) as StoredDebate;
    // What a late arm from an earlier step would look like: the lobby's timer at an older version.
    play.scheduler.arm({
      debateId: 'd1',
      guildId: GUILD,
      timer: { key: 'lobby', at: T0 + 900_000 },
      version: (moved.seq ?? 0) - 1,
    });
    expect(play.scheduler.pending('d1')?.timer).toEqual(before.state.timer);
    await Promise.all(plays.splice(0).map((p) => p.stop()));
  });

  it('given a stale deadline fires and changes nothing, then the heap re-arms from the stored state', async () => {
    const store = await harness.open();
    await seatedLobby(store, 'd1');
    const clock = new FakeClock(T0 + 10);
    const play = started(playOn(store, new FakeDiscord(), clock));
    await play.move(GUILD, 'd1', { type: 'begin', actor: actor('alice') });
    // Something armed a key the debate no longer has (no version: always taken), due now.
    play.scheduler.arm({ debateId: 'd1', guildId: GUILD, timer: { key: 'lobby', at: T0 } });
    await clock.advance(0);
    await until(() => play.scheduler.pending('d1')?.timer.key === 'prep', 'the prep deadline re-armed');
    expect((await store.debates.get('d1'))?.state.phase).toBe('prep');
    await Promise.all(plays.splice(0).map((p) => p.stop()));
  });

  it('given Discord refuses posts (503, then 429), then the announcements stay in the outbox until accepted, each posted once', async () => {
    const store = await harness.open();
    const discord = new FakeDiscord();
    discord.script = ['fail', '429', 'fail'];
    const play = started(playOn(store, discord));
    const opened = await play.move(GUILD, 'd1', openEvent('d1', { hostId: 'alice' }));
    expect(await play.whenPosted('d1', opened.seq ?? 0, 2000)).toBe(true);
    expect(discord.attempts).toBe(4);
    expect(discord.posted.map((p) => p.kind)).toEqual(['lobby-opened']);
    const stored = await store.debates.get('d1');
    expect(stored?.meta.outbox ?? []).toEqual([]);
    expect(stored?.meta.lobbyMessageId).toBe(`msg-${discord.posted[0]?.nonce}`);
    await Promise.all(plays.splice(0).map((p) => p.stop()));
  });

  it('given a post that can never succeed (channel gone), then it is dropped rather than retried forever', async () => {
    const store = await harness.open();
    const discord = new FakeDiscord();
    discord.script = ['gone'];
    const play = started(playOn(store, discord));
    const opened = await play.move(GUILD, 'd1', openEvent('d1'));
    expect(await play.whenPosted('d1', opened.seq ?? 0, 2000)).toBe(true);
    expect(discord.attempts).toBe(1);
    expect((await store.debates.get('d1'))?.meta.outbox ?? []).toEqual([]);
    await Promise.all(plays.splice(0).map((p) => p.stop()));
  });

  it('given a crash after a rated result is stored but before its card is posted, then the card posted after the restart has the rating changes', async () => {
    const store = await harness.open();
    await seatedLobby(store, 'd1');
    const down = new FakeDiscord();
    down.script = Array(1000).fill('fail');
    const first = started(playOn(store, down));
    await first.move(GUILD, 'd1', { type: 'begin', actor: actor('alice') });
    await first.move(GUILD, 'd1', { type: 'forfeit', actor: actor('bob') });
    await first.stop(); // the "crash": nothing was ever posted
    expect(
      (await store.debates.get('d1'))?.meta.outbox?.some((e) => e.announcement.kind === 'finished'),
    ).toBe(true);

    const discord = new FakeDiscord();
    const second = started(playOn(store, discord));
    await second.resume([GUILD]);
    await until(() => discord.posted.some((p) => p.kind === 'finished'), 'the result card');
    expect(discord.posted.find((p) => p.kind === 'finished')?.changes).toBe(2);
    await Promise.all(plays.splice(0).map((p) => p.stop()));
  });

  it('given a refused move, then it throws MoveRefused with the engine’s code and writes nothing', async () => {
    const store = await harness.open();
    await seatedLobby(store, 'd1');
    const play = started(playOn(store, new FakeDiscord()));
    const before = await store.debates.get('d1');
    const refusal = await play
      .move(GUILD, 'd1', { type: 'begin', actor: actor('bob') })
      .catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(MoveRefused);
    expect((refusal as MoveRefused).refusal.code).toBe('hostOnly');
    expect(await store.debates.get('d1')).toEqual(before);
    await Promise.all(plays.splice(0).map((p) => p.stop()));
  });

  it('given a live debate in memory, then status-like reads cost no store read', async () => {
    const store = await harness.open();
    await seatedLobby(store, 'd1');
    let reads = 0;
    const counting = new Proxy(store.debates, {
      get(target, prop) {
        const value = Reflect.get(target, prop);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          if (prop === 'get' || prop === 'activeDebateInChannel') reads++;
          return value.apply(target, args);
        };
      },
    });
    const play = started(playOn({ ...store, debates: counting }, new FakeDiscord()));
    await play.resume([GUILD]);
    reads = 0;
    expect((await play.inChannel('chan-d1', GUILD))?.state.id).toBe('d1');
    expect(await play.inChannel('chan-elsewhere', GUILD)).toBeUndefined();
    expect((await play.debate(GUILD, 'd1'))?.state.id).toBe('d1');
    await play.move(GUILD, 'd1', { type: 'begin', actor: actor('alice') });
    expect(reads).toBe(0);
    await Promise.all(plays.splice(0).map((p) => p.stop()));
  });
});

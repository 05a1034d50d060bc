import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { createPlay } from '../../src/play/play.js';
import { type Announcing, type Delivered, withLiveMessages } from '../../src/play/ports.js';
import type { OutboxEntry, StoredDebate } from '../../src/store/types.js';
import { FakeClock } from '../scheduler/fake-clock.js';
import { useBackend } from '../store/backends.js';
import { actor, deck, GUILD, openEvent, T0 } from '../store/drive.js';

/** A Discord whose posts take on roles (as src/discord/live-buttons.ts does), recording the meta it was shown. */
class RoleDiscord implements Announcing {
  readonly seen: (Readonly<Record<string, string>> | undefined)[] = [];
  async deliver(stored: StoredDebate, entry: OutboxEntry): Promise<Delivered | undefined> {
    this.seen.push(stored.meta.liveMessages);
    if (entry.announcement.kind === 'lobby-opened')
      return { lobbyMessageId: 'card', liveMessages: { first: 'm1' } };
    if (entry.announcement.kind === 'lobby-changed') return { liveMessages: { first: null, second: 'm2' } };
    return undefined;
  }
}

describe('the live messages kept by the outbox', () => {
  const harness = useBackend('sqlite');

  it('given changes to live messages, then null forgets a role and an id sets it', () => {
    expect(withLiveMessages({ a: '1', b: '2' }, { a: null, c: '3' })).toEqual({ b: '2', c: '3' });
    expect(withLiveMessages(undefined, {})).toEqual({});
  });

  it('given posts that take on and retire roles, then the stored meta follows them and the next delivery sees them', async () => {
    const store = await harness.open();
    const discord = new RoleDiscord();
    const clock = new FakeClock(T0);
    const play = createPlay({
      store,
      deck,
      clock,
      logger: createLogger('silent'),
      announce: discord,
      timerClock: clock,
      deliveryBackoff: [1],
    });
    const opened = await play.move(GUILD, 'd1', openEvent('d1', { hostId: 'alice' }));
    expect(await play.whenPosted('d1', opened.seq ?? 0, 2000)).toBe(true);
    expect((await store.debates.get('d1'))?.meta.liveMessages).toEqual({ first: 'm1' });
    const joined = await play.move(GUILD, 'd1', { type: 'join', actor: actor('alice'), side: 'lecun' });
    expect(await play.whenPosted('d1', joined.seq ?? 0, 2000)).toBe(true);
    expect(discord.seen.at(-1)).toEqual({ first: 'm1' });
    const stored = await store.debates.get('d1');
    expect(stored?.meta.liveMessages).toEqual({ second: 'm2' });
    expect(stored?.meta.lobbyMessageId).toBe('card');
    await play.stop();
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Codec } from '../../src/store/codec.js';
import { channelIndexCodec, liveIndexCodec } from '../../src/store/shapes.js';
import { StoreUnavailableError } from '../../src/store/types.js';
import { BACKENDS, useBackend } from './backends.js';
import { actor, begun, GUILD, openEvent, step, T0 } from './drive.js';
import { openRaw, type Raw } from './raw.js';

describe.each(BACKENDS)('debate repository on %s', (backend) => {
  const harness = useBackend(backend);
  const raws: Raw[] = [];
  const raw = async (target: Parameters<typeof openRaw>[0]) => {
    const opened = await openRaw(target);
    raws.push(opened);
    return opened;
  };
  afterEach(async () => {
    await Promise.all(raws.splice(0).map((r) => r.close()));
  });

  it('given a saved debate, then get returns it as saved, and an unknown id returns undefined', async () => {
    const store = await harness.open();
    const { stored } = await begun(store, 'd1');
    expect(await store.debates.get('d1')).toEqual(stored);
    expect(await store.debates.get('unknown')).toBeUndefined();
  });

  it('given saveMeta, then only the meta changes, merged into what was there', async () => {
    const store = await harness.open();
    const { stored } = await begun(store, 'd1');
    await store.debates.saveMeta('d1', { lobbyMessageId: '123456789012345678' });
    expect(await store.debates.get('d1')).toEqual({
      ...stored,
      meta: { ...stored.meta, lobbyMessageId: '123456789012345678' },
    });
    await store.debates.saveMeta('unknown', { lobbyMessageId: '1' });
    expect(await store.debates.get('unknown')).toBeUndefined();
  });

  it('given a new store on the same data (a restart), then it reads the same debates, channels and deadlines', async () => {
    const target = await harness.fresh();
    const first = await harness.open({}, target);
    const { stored } = await begun(first, 'd1');
    await step(first, 'd2', openEvent('d2', { channelId: 'c2' }), T0);
    await first.close();
    const second = await harness.open({}, target);
    expect(await second.debates.get('d1')).toEqual(stored);
    expect(await second.debates.activeInChannel('c2')).toBe('d2');
    const pending = await second.debates.pendingTimers([GUILD, 'other-guild']);
    expect(pending.sort((a, b) => a.debateId.localeCompare(b.debateId))).toEqual([
      // The version is the stored log's length: what the scheduler compares arms by.
      { debateId: 'd1', guildId: GUILD, timer: { key: 'prep', at: T0 + 3 + 60_000 }, version: 4 },
      { debateId: 'd2', guildId: GUILD, timer: { key: 'lobby', at: T0 + 900_000 }, version: 1 },
    ]);
  });

  it('given a channel index left pointing at a debate that was never written (a crash), then the channel is free and the entry is removed', async () => {
    const target = await harness.fresh();
    const store = await harness.open({}, target);
    const planted = await raw(target);
    const channels = planted.collection('indexes', 'channel:', channelIndexCodec);
    await channels.set('c1', { debateId: 'ghost', guildId: GUILD });
    expect(await store.debates.activeInChannel('c1')).toBeUndefined();
    expect(await channels.get('c1')).toBeUndefined();
    await step(store, 'd1', openEvent('d1', { channelId: 'c1' }), T0);
    expect(await store.debates.activeInChannel('c1')).toBe('d1');
  });

  it('given a channel index left pointing at a finished debate, then the channel is free', async () => {
    const target = await harness.fresh();
    const store = await harness.open({}, target);
    await step(store, 'd1', openEvent('d1', { channelId: 'c1', hostId: 'host' }), T0);
    await step(store, 'd1', { type: 'cancel', actor: actor('host') }, T0 + 1);
    const planted = await raw(target);
    const channels = planted.collection('indexes', 'channel:', channelIndexCodec);
    await channels.set('c1', { debateId: 'd1', guildId: GUILD });
    expect(await store.debates.activeInChannel('c1')).toBeUndefined();
    expect(await channels.get('c1')).toBeUndefined();
  });

  it('given a debate that moved into its thread, then the thread holds it and its channel is free for another, across a restart, until it finishes', async () => {
    const target = await harness.fresh();
    const store = await harness.open({}, target);
    const { stored } = await begun(store, 'd1', undefined, T0, { channelId: 'c1' });
    await store.inGuildQueue(GUILD, () =>
      store.debates.save({ ...stored, meta: { ...stored.meta, threadId: 't1' } }),
    );
    expect(await store.debates.activeInChannel('t1')).toBe('d1');
    expect(await store.debates.activeInChannel('c1')).toBeUndefined();
    await step(store, 'd2', openEvent('d2', { channelId: 'c1' }), T0 + 5);
    expect(await store.debates.activeInChannel('c1')).toBe('d2');

    const restarted = await harness.open({}, target);
    expect(await restarted.debates.activeInChannel('t1')).toBe('d1');
    expect(await restarted.debates.activeInChannel('c1')).toBe('d2');
    await step(restarted, 'd1', { type: 'cancel', actor: { userId: 'mod', manager: true } }, T0 + 10);
    expect(await restarted.debates.activeInChannel('t1')).toBeUndefined();
    expect(await restarted.debates.activeInChannel('c1')).toBe('d2');
  });

  it('given a channel index left naming a debate that has since moved into its thread (a crash), then the channel is free and the entry is removed', async () => {
    const target = await harness.fresh();
    const store = await harness.open({}, target);
    const { stored } = await begun(store, 'd1', undefined, T0, { channelId: 'c1' });
    await store.inGuildQueue(GUILD, () =>
      store.debates.save({ ...stored, meta: { ...stored.meta, threadId: 't1' } }),
    );
    const planted = await raw(target);
    const channels = planted.collection('indexes', 'channel:', channelIndexCodec);
    await channels.set('c1', { debateId: 'd1', guildId: GUILD });
    expect(await store.debates.activeInChannel('c1')).toBeUndefined();
    expect(await channels.get('c1')).toBeUndefined();
    expect(await store.debates.activeInChannel('t1')).toBe('d1');
  });

  it('given the live index naming missing and finished debates, then pendingTimers skips and removes them', async () => {
    const target = await harness.fresh();
    const store = await harness.open({}, target);
    await step(store, 'live', openEvent('live', { channelId: 'c1' }), T0);
    await step(store, 'over', openEvent('over', { channelId: 'c2', hostId: 'host' }), T0);
    await step(store, 'over', { type: 'cancel', actor: actor('host') }, T0 + 1);
    await store.debates.ackOutbox('over', [0, 1]);
    const planted = await raw(target);
    const live = planted.collection('indexes', 'live:', liveIndexCodec);
    await live.set(GUILD, { debateIds: ['live', 'over', 'ghost'] });
    const pending = await store.debates.pendingTimers([GUILD]);
    expect(pending.map((p) => p.debateId)).toEqual(['live']);
    expect(await live.get(GUILD)).toEqual({ debateIds: ['live'] });
  });

  it('given moves whose announcements were never posted (a crash), then withOutbox returns them until acked, even once finished', async () => {
    const store = await harness.open();
    await step(store, 'over', openEvent('over', { channelId: 'c2', hostId: 'host' }), T0);
    await step(store, 'over', { type: 'cancel', actor: actor('host') }, T0 + 1);
    const [pending] = await store.debates.withOutbox([GUILD]);
    expect(pending?.meta.outbox?.map((entry) => [entry.seq, entry.announcement.kind])).toEqual([
      [0, 'lobby-opened'],
      [1, 'cancelled'],
    ]);
    expect(await store.debates.activeInChannel('c2')).toBeUndefined();
    await store.debates.ackOutbox('over', [0]);
    expect((await store.debates.withOutbox([GUILD]))[0]?.meta.outbox?.map((e) => e.seq)).toEqual([1]);
    await store.debates.ackOutbox('over', [1]);
    expect(await store.debates.withOutbox([GUILD])).toEqual([]);
    expect((await store.debates.get('over'))?.meta).toEqual({});
  });

  it('given a value written by a newer release, then reading it fails with StoreUnavailableError', async () => {
    const target = await harness.fresh();
    const store = await harness.open({}, target);
    const planted = await raw(target);
    await planted.backend.namespace('debates').set('future', { v: 99, state: {}, log: [], meta: {} });
    await expect(store.debates.get('future')).rejects.toBeInstanceOf(StoreUnavailableError);
  });

  it('given a value stored in an older version of its shape, then it is migrated when read', async () => {
    const target = await harness.fresh();
    const planted = await raw(target);
    interface V1 {
      readonly name: string;
    }
    interface V2 {
      readonly first: string;
      readonly last: string;
    }
    const v1: Codec<V1> = {
      name: 'person',
      version: 1,
      schema: z.object({ name: z.string() }),
      migrations: {},
    };
    const v2: Codec<V2> = {
      name: 'person',
      version: 2,
      schema: z.object({ first: z.string(), last: z.string() }),
      migrations: {
        1: (old) => {
          const [first = '', ...rest] = String(old.name).split(' ');
          return { first, last: rest.join(' ') };
        },
      },
    };
    await planted.collection('guilds', 'person:', v1).set('p1', { name: 'Yann LeCun' });
    const upgraded = planted.collection('guilds', 'person:', v2);
    expect(await upgraded.get('p1')).toEqual({ first: 'Yann', last: 'LeCun' });
    // Written back in the new shape on the next save.
    await upgraded.set('p1', { first: 'Yann', last: 'LeCun' });
    expect(await planted.backend.namespace('guilds').get('person:p1')).toEqual({
      v: 2,
      first: 'Yann',
      last: 'LeCun',
    });
  });
});

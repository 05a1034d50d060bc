import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient } from '@keyv/redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { type Store, StoreUnavailableError } from '../../src/store/types.js';
import { BACKENDS, useBackend } from './backends.js';
import { GUILD, openEvent, step, T0 } from './drive.js';
import { finished } from './results.js';

/** Every read and write of the contract, once. */
const everyCall = (store: Store) => [
  store.debates.get('d'),
  store.debates.activeInChannel('c'),
  store.debates.save({ state: finished('x', 'a', 'b', 'lecun').debate, log: [], meta: {} }),
  store.debates.saveMeta('d', {}),
  store.debates.pendingTimers([GUILD]),
  store.players.get(GUILD, 1, 'u'),
  store.players.leaderboard(GUILD, 1),
  store.players.rank(GUILD, 1, 'u'),
  store.players.sideHistory(GUILD, 'u'),
  store.players.setOptOut(GUILD, 'u', true),
  store.players.isOptedOut(GUILD, 'u'),
  store.guilds.config(GUILD),
  store.guilds.saveConfig(GUILD, {
    debateChannels: [],
    lobbyMinutes: 1,
    leaderboard: true,
    images: true,
    resultImage: false,
    web: false,
    practice: true,
    threads: true,
  }),
  store.guilds.currentSeason(GUILD),
  store.guilds.seasons(GUILD),
  store.guilds.newSeason(GUILD, T0),
  store.guilds.motionTallies(GUILD),
  store.guilds.recordMotionResult(GUILD, 'M01', 'lecun'),
];

/** Retries until the store answers again; bounded. */
const eventually = async <T>(attempt: () => Promise<T>, timeoutMs = 10_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
};

describe.each(BACKENDS)('store failures on %s', (backend) => {
  const harness = useBackend(backend);

  it('given a closed store, then every call fails with StoreUnavailableError', async () => {
    const store = await harness.open();
    await store.close();
    const results = await Promise.allSettled(everyCall(store));
    for (const result of results) {
      expect(result.status).toBe('rejected');
      if (result.status === 'rejected') expect(result.reason).toBeInstanceOf(StoreUnavailableError);
    }
  });
});

describe('sqlite files', () => {
  let folder = '';
  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'steelman-sqlite-'));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('given a path whose folders do not exist, then they are created on first start', async () => {
    const store = await openStore({ kind: 'sqlite', path: path.join(folder, 'a', 'b', 'steelman.sqlite') });
    await store.guilds.saveConfig(GUILD, {
      debateChannels: [],
      lobbyMinutes: 5,
      leaderboard: true,
      images: true,
      resultImage: false,
      web: false,
      practice: true,
      threads: true,
    });
    expect((await store.guilds.config(GUILD)).lobbyMinutes).toBe(5);
    await store.close();
  });

  it('given a path that cannot be a database, then openStore fails with StoreUnavailableError', async () => {
    await expect(openStore({ kind: 'sqlite', path: folder })).rejects.toBeInstanceOf(StoreUnavailableError);
  });
});

describe.runIf(BACKENDS.includes('redis'))('redis outages', () => {
  const harness = useBackend('redis');

  it('given redis is not reachable at start, then openStore fails fast with StoreUnavailableError', async () => {
    const started = Date.now();
    await expect(
      openStore({ kind: 'redis', url: 'redis://127.0.0.1:1' }, { redisTimeouts: { connectMs: 1000 } }),
    ).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(Date.now() - started).toBeLessThan(2500);
  });

  it('given a database number in the URL, then the data goes to that database', async () => {
    const { redis } = harness;
    if (!redis) throw new Error('no redis');
    await harness.fresh();
    const store = await harness.open({}, { kind: 'redis', url: `${redis.url}/3` });
    await store.guilds.saveConfig(GUILD, {
      debateChannels: [],
      lobbyMinutes: 7,
      leaderboard: true,
      images: true,
      resultImage: false,
      web: false,
      practice: true,
      threads: true,
    });
    const client = createClient({ url: `${redis.url}/3`, socket: { reconnectStrategy: false } });
    client.on('error', () => undefined);
    await client.connect();
    expect(await client.dbSize()).toBe(1);
    await client.select(0);
    expect(await client.dbSize()).toBe(0);
    await client.close();
  });

  it('given redis hanging without answering, then calls fail within the deadline, and work again once it answers', async () => {
    const { redis } = harness;
    if (!redis) throw new Error('no redis');
    const store = await harness.open({ redisTimeouts: { commandMs: 500 } });
    await store.guilds.saveConfig(GUILD, {
      debateChannels: [],
      lobbyMinutes: 3,
      leaderboard: true,
      images: true,
      resultImage: false,
      web: false,
      practice: true,
      threads: true,
    });
    redis.pause();
    try {
      const started = Date.now();
      await expect(store.guilds.config(GUILD)).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.players.sideHistory(GUILD, 'u')).rejects.toBeInstanceOf(StoreUnavailableError);
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      redis.resume();
    }
    expect((await eventually(() => store.guilds.config(GUILD))).lobbyMinutes).toBe(3);
  });

  it('given redis killed mid-run, then calls fail fast with StoreUnavailableError, and the same store works again once redis is back', async () => {
    const { redis } = harness;
    if (!redis) throw new Error('no redis');
    const store = await harness.open();
    await step(store, 'before', openEvent('before', { channelId: 'c1' }), T0);

    await redis.kill();
    const started = Date.now();
    const results = await Promise.allSettled(everyCall(store));
    expect(Date.now() - started).toBeLessThan(2500);
    for (const result of results) {
      expect(result.status).toBe('rejected');
      if (result.status === 'rejected') expect(result.reason).toBeInstanceOf(StoreUnavailableError);
    }

    await redis.restart();
    // The server came back empty (nothing is persisted in tests): the store must simply work again.
    await eventually(() =>
      store.guilds.saveConfig(GUILD, {
        debateChannels: [],
        lobbyMinutes: 9,
        leaderboard: true,
        images: true,
        resultImage: false,
        web: false,
        practice: true,
        threads: true,
      }),
    );
    expect((await store.guilds.config(GUILD)).lobbyMinutes).toBe(9);
    const after = await step(store, 'after', openEvent('after', { channelId: 'c2' }), T0 + 1);
    expect(after.stored.state.phase).toBe('lobby');
    expect(await store.debates.activeInChannel('c2')).toBe('after');
  });
});

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient } from '@keyv/redis';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { StoreTarget } from '../../src/config.js';
import { type OpenStoreOptions, openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/types.js';
import { type RedisServer, redisSkipReason, startRedis } from '../support/redis.js';

/**
 * The store tests run once per backend: a real SQLite file in a temp folder, and a real
 * redis-server started for the test file. Without redis-server the Redis half is skipped loudly
 * (and fails under REQUIRE_REDIS=1).
 */
export type BackendName = 'sqlite' | 'redis';
export const BACKENDS: readonly BackendName[] = redisSkipReason() ? ['sqlite'] : ['sqlite', 'redis'];

export interface Harness {
  /** A target with no data in it. */
  fresh(): Promise<StoreTarget>;
  /** Opens a store on a fresh target (or the given one); it is closed after the test. */
  open(options?: OpenStoreOptions, target?: StoreTarget): Promise<Store>;
  /** The Redis server, for outage tests. */
  readonly redis: RedisServer | undefined;
}

const flush = async (url: string) => {
  const client = createClient({ url, socket: { connectTimeout: 2000, reconnectStrategy: false } });
  client.on('error', () => undefined);
  await client.connect();
  await client.flushAll();
  await client.close();
};

/** Registers the hooks of one backend in the enclosing describe. */
export const useBackend = (name: BackendName): Harness => {
  let folder = '';
  let files = 0;
  let redis: RedisServer | undefined;
  const opened: Store[] = [];

  beforeAll(async () => {
    if (name === 'sqlite') folder = await mkdtemp(path.join(tmpdir(), 'steelman-store-'));
    else redis = await startRedis();
  });
  afterEach(async () => {
    await Promise.allSettled(opened.splice(0).map((store) => store.close()));
  });
  afterAll(async () => {
    if (folder) await rm(folder, { recursive: true, force: true });
    await redis?.stop();
  });

  const harness: Harness = {
    async fresh() {
      if (name === 'sqlite')
        return { kind: 'sqlite', path: path.join(folder, `store-${++files}`, 'steelman.sqlite') };
      if (!redis) throw new Error('redis-server did not start');
      await flush(redis.url);
      return { kind: 'redis', url: redis.url };
    },
    async open(options, target) {
      const store = await openStore(target ?? (await harness.fresh()), options);
      opened.push(store);
      return store;
    },
    get redis() {
      return redis;
    },
  };
  return harness;
};

import type { StoreTarget } from '../../src/config.js';
import type { Backend } from '../../src/store/backend/backend.js';
import { openRedisBackend } from '../../src/store/backend/redis.js';
import { openSqliteBackend } from '../../src/store/backend/sqlite.js';
import type { Codec } from '../../src/store/codec.js';
import { Collection } from '../../src/store/collection.js';
import { NAMESPACES } from '../../src/store/shapes.js';

/**
 * A second, low-level connection to a store's data, for tests that must plant what a crash or an
 * older release would have left behind.
 */
export interface Raw {
  readonly backend: Backend;
  collection<T extends object>(space: string, prefix: string, codec: Codec<T>): Collection<T>;
  close(): Promise<void>;
}

export const openRaw = async (target: StoreTarget): Promise<Raw> => {
  const backend =
    target.kind === 'sqlite'
      ? await openSqliteBackend(target.path, NAMESPACES)
      : await openRedisBackend(target.url, NAMESPACES, { commandMs: 2000, connectMs: 2000 });
  const context = { backend, logger: undefined, isClosed: () => false };
  return {
    backend,
    collection: (space, prefix, codec) => new Collection(context, space, prefix, codec),
    close: () => backend.close(),
  };
};

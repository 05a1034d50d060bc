import { Keyv, type KeyvStoreAdapter } from 'keyv';
import type { Logger } from 'pino';

/**
 * What the repositories need from a storage engine: a keyv per namespace, each over its own
 * adapter instance (an adapter shared across namespaces makes clear() and iterator() reach into
 * the others), and a scan of the keys under a prefix, which keyv's iterator cannot do (it walks a
 * whole namespace, every guild at once).
 */
export interface Backend {
  readonly kind: 'sqlite' | 'redis';
  /** The keyv of one namespace. Calling it twice with the same name returns the same keyv. */
  namespace(name: string): Keyv;
  /** Pages of [key without namespace, stored value] for the keys that start with `prefix`. */
  scan(name: string, prefix: string): AsyncIterable<ReadonlyArray<readonly [string, unknown]>>;
  /** Closes every connection; the backend is unusable afterwards. */
  close(): Promise<void>;
}

/** Values are plain data, so native JSON is enough and several times faster than keyv's default. */
export const keyvOptions = {
  serialize: (data: unknown) => JSON.stringify(data),
  deserialize: (text: string) => JSON.parse(text),
  // keyv 5 swallows adapter errors unless told otherwise: a failed write must not look like success.
  throwOnErrors: true,
} as const;

export const newKeyv = (name: string, adapter: KeyvStoreAdapter, useKeyPrefix: boolean): Keyv =>
  new Keyv({ store: adapter, namespace: name, useKeyPrefix, ...keyvOptions });

/**
 * keyv, its adapters and the Redis client report trouble as 'error' events, and an EventEmitter
 * without a listener turns one into a crash. Every emitter gets this listener; during an outage
 * the same error repeats every reconnect attempt, so it is logged at most once a minute.
 */
export const errorListener = (logger: Logger | undefined, source: string) => {
  let lastLogged = 0;
  let suppressed = 0;
  return (error: unknown) => {
    const now = Date.now();
    if (now - lastLogged < 60_000) {
      suppressed++;
      return;
    }
    lastLogged = now;
    const err =
      error instanceof Error ? { name: error.name, message: error.message } : { message: String(error) };
    logger?.warn({ source, err, suppressed }, 'store connection error');
    suppressed = 0;
  };
};

import KeyvRedis, { createClient } from '@keyv/redis';
import type { Keyv } from 'keyv';
import type { Logger } from 'pino';
import { type Backend, errorListener, newKeyv } from './backend.js';

export interface RedisTimeouts {
  /** How long a command may take before it fails (the server hangs, the network drops packets). */
  readonly commandMs: number;
  /** How long opening a connection may take. */
  readonly connectMs: number;
}

const SEPARATOR = '::';
const SCAN_COUNT = 1000;
const glob = (text: string) => text.replace(/[*?[\]\\]/g, (c) => `\\${c}`);

/**
 * Redis through @keyv/redis, tuned to fail fast and heal by itself:
 * - one client (one connection), shared by one KeyvRedis adapter per namespace;
 * - the client reconnects in the background, forever, every 2 s at most;
 * - meanwhile commands are refused at once (no offline queue) rather than held until the server is
 *   back, so a caller never waits on a dead server, and the same Store works again as soon as the
 *   client has reconnected;
 * - a server that is connected but does not answer (hung, or packets dropped) is caught by the
 *   repositories' own deadline (StoreContext.operationMs): the client's command timeout stops
 *   counting once a command is written.
 * The URL (it may hold a password) is handed to the client and never logged.
 */
export const openRedisBackend = async (
  url: string,
  names: readonly string[],
  timeouts: RedisTimeouts,
  logger?: Logger,
): Promise<Backend> => {
  const onError = errorListener(logger, 'redis');
  const client = (() => {
    try {
      return createClient({
        url,
        disableOfflineQueue: true,
        commandOptions: { timeout: timeouts.commandMs },
        socket: {
          connectTimeout: timeouts.connectMs,
          reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 2000),
        },
      });
    } catch {
      // The parser's own error carries the URL (and so the password) in its fields: drop it.
      throw new Error('the redis URL cannot be parsed; expected redis://[user:password@]host:port[/db]');
    }
  })();
  client.on('error', onError);
  let lastError = '';
  client.on('error', (error: unknown) => {
    lastError = error instanceof Error ? error.message : String(error);
  });
  let wasDown = false;
  client.on('reconnecting', () => {
    if (!wasDown) logger?.warn({ source: 'redis' }, 'store connection lost, reconnecting');
    wasDown = true;
  });
  client.on('ready', () => {
    if (wasDown) logger?.info({ source: 'redis' }, 'store connection restored');
    wasDown = false;
  });

  const connecting = client.connect();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      connecting,
      new Promise((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new Error(
                `redis is not ready after ${timeouts.connectMs} ms${lastError ? ` (last error: ${lastError})` : ''}`,
              ),
            ),
          timeouts.connectMs,
        );
      }),
    ]);
  } catch (error) {
    connecting.catch(() => undefined);
    if (client.isOpen) client.destroy();
    throw error;
  } finally {
    clearTimeout(timer);
  }

  const spaces = new Map<string, Keyv>();
  for (const name of names) {
    const adapter = new KeyvRedis(client, {
      namespace: name,
      keyPrefixSeparator: SEPARATOR,
      throwOnErrors: true,
      throwOnConnectError: true,
      connectionTimeout: timeouts.connectMs,
    });
    adapter.on('error', onError);
    // The adapter prefixes keys with its namespace itself; keyv must not add a second prefix.
    const keyv = newKeyv(name, adapter, false);
    keyv.on('error', onError);
    spaces.set(name, keyv);
  }
  const space = (name: string) => {
    const found = spaces.get(name);
    if (!found) throw new Error(`no namespace "${name}" was opened`);
    return found;
  };

  return {
    kind: 'redis',
    namespace: space,
    async *scan(name, prefix) {
      const keyv = space(name);
      const head = `${name}${SEPARATOR}`;
      let cursor = '0';
      do {
        const reply = await client.scan(cursor, { MATCH: `${glob(head + prefix)}*`, COUNT: SCAN_COUNT });
        cursor = String(reply.cursor);
        if (reply.keys.length === 0) continue;
        const values = await client.mGet(reply.keys);
        const page: (readonly [string, unknown])[] = [];
        for (const [index, key] of reply.keys.entries()) {
          const raw = values[index];
          if (typeof raw !== 'string') continue;
          const data = await keyv.deserializeData<unknown>(raw);
          page.push([key.slice(head.length), data?.value]);
        }
        yield page;
      } while (cursor !== '0');
    },
    async close() {
      // By now the store has drained its own queue: whatever the client still waits on was
      // abandoned after its deadline. A graceful close() would wait for those replies (forever, if
      // the server hangs), so the connection is simply dropped; acknowledged writes are already safe.
      if (client.isOpen) client.destroy();
    },
  };
};

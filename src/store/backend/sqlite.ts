import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { KeyvSqlite } from '@keyv/sqlite';
import type { Keyv } from 'keyv';
import type { Logger } from 'pino';
import { type Backend, errorListener, newKeyv } from './backend.js';

const TABLE = 'keyv';
const SCAN_PAGE = 1000;

/**
 * @keyv/sqlite's getMany pairs each key with its row by a linear search of the rows: quadratic in
 * the batch, which dominated re-arming 10,000 debates on restart. The same query, paired by a Map.
 */
class SqliteAdapter extends KeyvSqlite {
  override async getMany<Value>(keys: string[]) {
    const rows = (await this.query(
      `SELECT key, value FROM ${TABLE} WHERE key IN (SELECT value FROM json_each(?))`,
      JSON.stringify(keys),
    )) as { key: string; value: Value }[];
    const byKey = new Map(rows.map((row) => [row.key, row.value]));
    return keys.map((key) => byKey.get(key));
  }
}

/**
 * SQLite through @keyv/sqlite. Each namespace's adapter opens its own connection to the one file;
 * WAL lets them read while another writes, and busy_timeout makes a writer wait its turn instead
 * of failing. synchronous=NORMAL in WAL mode still commits each value atomically (a crash loses at
 * most the last commits, never half of one), without an fsync per write.
 */
export const openSqliteBackend = async (
  file: string,
  names: readonly string[],
  logger?: Logger,
): Promise<Backend> => {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  const onError = errorListener(logger, 'sqlite');
  const adapters = new Map<string, { adapter: KeyvSqlite; keyv: Keyv }>();
  const connecting: Promise<unknown>[] = [];
  for (const name of names) {
    const adapter = new SqliteAdapter({ uri: `sqlite://${file}`, table: TABLE, busyTimeout: 5000 });
    adapter.on('error', onError);
    // Querying at once attaches a handler to the adapter's connection promise: a file that cannot be
    // opened fails openStore instead of becoming an unhandled rejection.
    connecting.push(adapter.query('PRAGMA synchronous=NORMAL'));
    const keyv = newKeyv(name, adapter, true);
    keyv.on('error', onError);
    adapters.set(name, { adapter, keyv });
  }
  const disconnect = () =>
    Promise.allSettled([...adapters.values()].map(({ adapter }) => adapter.disconnect())).then(
      () => undefined,
    );
  const failed = (await Promise.allSettled(connecting)).find((r) => r.status === 'rejected');
  if (failed) {
    await disconnect();
    throw failed.reason;
  }
  await [...adapters.values()][0]?.adapter.query('PRAGMA journal_mode=WAL');
  const space = (name: string) => {
    const found = adapters.get(name);
    if (!found) throw new Error(`no namespace "${name}" was opened`);
    return found;
  };

  return {
    kind: 'sqlite',
    namespace: (name) => space(name).keyv,
    async *scan(name, prefix) {
      const { adapter, keyv } = space(name);
      const from = `${name}:${prefix}`;
      // Keys sort as text, so the keys under a prefix are one range of the primary key's index.
      const to = `${from}\uffff`;
      let after = '';
      for (;;) {
        const rows: unknown = after
          ? await adapter.query(
              `SELECT key, value FROM ${TABLE} WHERE key > ? AND key < ? ORDER BY key LIMIT ?`,
              after,
              to,
              SCAN_PAGE,
            )
          : await adapter.query(
              `SELECT key, value FROM ${TABLE} WHERE key >= ? AND key < ? ORDER BY key LIMIT ?`,
              from,
              to,
              SCAN_PAGE,
            );
        if (!Array.isArray(rows) || rows.length === 0) return;
        const page: (readonly [string, unknown])[] = [];
        for (const row of rows as { key: string; value: string }[]) {
          const data = await keyv.deserializeData<unknown>(row.value);
          page.push([row.key.slice(name.length + 1), data?.value]);
          after = row.key;
        }
        yield page;
        if (rows.length < SCAN_PAGE) return;
      }
    },
    close: disconnect,
  };
};

import type { Keyv } from 'keyv';
import type { Logger } from 'pino';
import type { Backend } from './backend/backend.js';
import { type Codec, decode, encode, UnreadableValueError } from './codec.js';
import { StoreUnavailableError } from './types.js';

/** Shared by every collection of a store: whether it is closed, and where to log. */
export interface StoreContext {
  readonly backend: Backend;
  readonly logger: Logger | undefined;
  readonly isClosed: () => boolean;
  /**
   * How long one operation may take before it counts as failed. Redis needs this: its client's
   * command timeout only covers the wait before a command is sent, so a server that accepts the
   * command and then hangs would hold the caller (and the guild's queue) forever.
   */
  readonly operationMs?: number;
}

/**
 * Runs one storage operation: any failure (a keyv or driver error, a timeout, an unreadable value,
 * a closed store) becomes the one StoreUnavailableError the rest of the bot knows how to answer.
 */
export const guard = async <T>(context: StoreContext, operation: () => Promise<T>): Promise<T> => {
  if (context.isClosed()) throw new StoreUnavailableError(new Error('the store is closed'));
  try {
    const running = operation();
    return await (context.operationMs === undefined ? running : withDeadline(running, context.operationMs));
  } catch (error) {
    throw unavailable(context, error);
  }
};

const withDeadline = <T>(running: Promise<T>, ms: number): Promise<T> => {
  // The abandoned operation may still fail later; that must not become an unhandled rejection.
  running.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from the store within ${ms} ms`)), ms);
  });
  return Promise.race([running, expired]).finally(() => clearTimeout(timer));
};

const unavailable = (context: StoreContext, error: unknown): StoreUnavailableError => {
  if (error instanceof StoreUnavailableError) return error;
  if (error instanceof UnreadableValueError) context.logger?.error({ err: error }, 'unreadable stored value');
  return new StoreUnavailableError(error);
};

/**
 * One kind of value under a key prefix of a keyv namespace, e.g. the guild configs
 * ('guilds' namespace, 'config:' prefix). Values are versioned on write and migrated and parsed on read.
 */
export class Collection<T extends object> {
  readonly #keyv: Keyv;

  constructor(
    private readonly context: StoreContext,
    private readonly space: string,
    private readonly prefix: string,
    private readonly codec: Codec<T>,
  ) {
    this.#keyv = context.backend.namespace(space);
  }

  #decode(key: string, raw: unknown): T | undefined {
    return raw === undefined || raw === null ? undefined : decode(this.codec, `${this.space}:${key}`, raw);
  }

  get(key: string): Promise<T | undefined> {
    return guard(this.context, async () => this.#decode(key, await this.#keyv.get(this.prefix + key)));
  }

  /** Values in the order of `keys`, undefined where absent. */
  getMany(keys: readonly string[]): Promise<(T | undefined)[]> {
    return guard(this.context, async () => {
      if (keys.length === 0) return [];
      const raw = await this.#keyv.getMany<unknown>(keys.map((key) => this.prefix + key));
      return keys.map((key, index) => this.#decode(key, raw[index]));
    });
  }

  set(key: string, value: T): Promise<void> {
    return guard(this.context, async () => {
      await this.#keyv.set(this.prefix + key, encode(this.codec, value));
    });
  }

  delete(key: string): Promise<void> {
    return guard(this.context, async () => {
      await this.#keyv.delete(this.prefix + key);
    });
  }

  /** Every value whose key starts with `prefix` (after this collection's own prefix), page by page. */
  async *scan(prefix: string): AsyncIterable<ReadonlyArray<readonly [string, T]>> {
    const pages = this.context.backend.scan(this.space, this.prefix + prefix)[Symbol.asyncIterator]();
    for (;;) {
      const next = await guard(this.context, () => pages.next());
      if (next.done) return;
      const page: (readonly [string, T])[] = [];
      for (const [fullKey, raw] of next.value) {
        const key = fullKey.slice(this.prefix.length);
        let decoded: T | undefined;
        try {
          decoded = this.#decode(key, raw);
        } catch (error) {
          throw unavailable(this.context, error);
        }
        if (decoded !== undefined) page.push([key, decoded]);
      }
      yield page;
    }
  }
}

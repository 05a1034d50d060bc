import type { Logger } from 'pino';
import type { StoreTarget } from '../config.js';
import type { Backend } from './backend/backend.js';
import { openRedisBackend, type RedisTimeouts } from './backend/redis.js';
import { openSqliteBackend } from './backend/sqlite.js';
import type { StoreContext } from './collection.js';
import { KeyvDebateRepository } from './debate-repository.js';
import { GuildQueue } from './guild-queue.js';
import { KeyvGuildRepository } from './guild-repository.js';
import { KeyvMemberSettingsRepository } from './member-settings.js';
import { KeyvPlayerRepository } from './player-repository.js';
import { KeyvPracticeRepository } from './practice-repository.js';
import { NAMESPACES } from './shapes.js';
import { type Store, StoreUnavailableError } from './types.js';

export interface OpenStoreOptions {
  readonly logger?: Logger;
  /** Where a guild's first season gets its start time (default Date.now). */
  readonly now?: () => number;
  /** Redis only: how long a command or a connection attempt may take (default 2000 ms each). */
  readonly redisTimeouts?: Partial<RedisTimeouts>;
  /** Guild seasons whose leaderboards stay in memory (default 64). */
  readonly maxCachedSeasons?: number;
  /**
   * Rebuild a cached leaderboard from the store once it is this old. Unset (the bot): never, since
   * the process owns every write. A separate reader (`npm run web`) sets it to see the bot's writes.
   */
  readonly leaderboardMaxAgeMs?: number;
}

/**
 * Opens the store: SQLite (the file and its folder are created on first start) or Redis
 * (redis:// or rediss://, optional /DB). Fails with StoreUnavailableError when the store cannot be
 * reached now; once open, an outage fails calls with the same error and heals by itself.
 */
export const openStore = async (target: StoreTarget, options: OpenStoreOptions = {}): Promise<Store> => {
  const logger = options.logger?.child({ component: 'store', backend: target.kind });
  const timeouts: RedisTimeouts = { commandMs: 2000, connectMs: 2000, ...options.redisTimeouts };
  let backend: Backend;
  try {
    backend =
      target.kind === 'sqlite'
        ? await openSqliteBackend(target.path, NAMESPACES, logger)
        : await openRedisBackend(target.url, NAMESPACES, timeouts, logger);
  } catch (error) {
    throw new StoreUnavailableError(error);
  }
  logger?.info(target.kind === 'sqlite' ? { path: target.path } : {}, 'store open');

  let closed = false;
  const context: StoreContext = {
    backend,
    logger,
    isClosed: () => closed,
    // SQLite waits for locks itself (busy_timeout) and cannot hang on a network.
    operationMs: target.kind === 'redis' ? timeouts.commandMs : undefined,
  };
  const queue = new GuildQueue();
  return {
    debates: new KeyvDebateRepository(context, queue),
    players: new KeyvPlayerRepository(context, queue, {
      maxCachedSeasons: options.maxCachedSeasons,
      leaderboardMaxAgeMs: options.leaderboardMaxAgeMs,
    }),
    guilds: new KeyvGuildRepository(context, queue, options.now ?? Date.now),
    practice: new KeyvPracticeRepository(context, queue),
    members: new KeyvMemberSettingsRepository(context),
    inGuildQueue: (guildId, task) => queue.run(guildId, task),
    detached: (fn) => queue.detached(fn),
    async close() {
      if (closed) return;
      await queue.drain();
      closed = true;
      await backend.close();
      logger?.info({}, 'store closed');
    },
  };
};

/**
 * The composition root: config -> store -> deck -> client -> scheduler. Nothing else lives here.
 */
import { randomInt } from 'node:crypto';
import { loadCommands } from '../commands/index.js';
import { systemClock } from './clock.js';
import { ConfigError, parseConfig, readEnvironment } from './config.js';
import { loadDeck } from './content/load.js';
import { DataError } from './content/problems.js';
import { buildSearch } from './content/search.js';
import type { AppContext } from './context.js';
import { attachBot, fireTimer } from './discord/bot.js';
import { createClient } from './discord/client.js';
import { createLogger } from './logger.js';
import { createScheduler } from './scheduler/scheduler.js';
import { openStore } from './store/open-store.js';
import { StoreUnavailableError } from './store/types.js';

const fail = (message: string): never => {
  process.stderr.write(`${message}\n`);
  process.exit(1);
};

const config = (() => {
  try {
    return parseConfig(readEnvironment());
  } catch (error) {
    if (error instanceof ConfigError) return fail(error.message);
    throw error;
  }
})();
const logger = createLogger(config.LOG_LEVEL);
process.on('unhandledRejection', (err) => logger.error({ err }, 'unhandled rejection'));

const deck = await loadDeck(config.DATA_DIR).catch((error: unknown) =>
  error instanceof DataError ? fail(error.message) : Promise.reject(error),
);
const store = await openStore(config.STORE_URL, { logger }).catch((error: unknown) =>
  error instanceof StoreUnavailableError
    ? fail(
        `Steelman cannot open its store (STORE_URL, ${config.STORE_URL.kind}): ${error.message}. Is it running and reachable?`,
      )
    : Promise.reject(error),
);
const client = createClient(config.DISCORD_API_URL);
const ctx: AppContext = {
  config,
  store,
  deck,
  search: buildSearch(deck),
  clock: systemClock,
  logger,
  seed: () => randomInt(0, 2 ** 32),
  scheduler: createScheduler({
    fire: (pending) => fireTimer(ctx, client, pending),
    logger,
  }),
};
const bot = attachBot(client, ctx, loadCommands());

let stopping = false;
const shutdown = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  const force = setTimeout(() => process.exit(0), 4500);
  force.unref();
  bot.stopAccepting();
  await ctx.scheduler.stop();
  await store.close().catch((err: unknown) => logger.warn({ err }, 'store did not close cleanly'));
  await client.destroy().catch(() => undefined);
  process.exit(0);
};
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));

await client.login(config.DISCORD_TOKEN);

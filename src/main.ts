/**
 * The composition root: config -> store -> deck -> client -> scheduler (src/run-bot.ts), or, with
 * SHARDS / SHARD_IDS, a ShardingManager whose shard processes each run this same file.
 */
import { ConfigError, parseConfig, readEnvironment, wantsShardingManager } from './config.js';
import { createLogger } from './logger.js';
import { runBot, StartError } from './run-bot.js';
import { runShardingManager } from './sharding.js';

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

let stopping = false;
let running: { stop(): Promise<void> } | undefined;
const shutdown = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  setTimeout(() => process.exit(0), 4500).unref();
  await running?.stop();
  process.exit(0);
};
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));

try {
  running = wantsShardingManager(config)
    ? await runShardingManager(config, logger)
    : await runBot(config, logger);
  if (stopping) await running.stop();
} catch (error) {
  if (error instanceof StartError) fail(error.message);
  throw error;
}

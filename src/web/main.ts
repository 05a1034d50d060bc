/**
 * `npm run web`: the web leaderboard on its own, against the bot's store (STORE_URL, DATA_DIR,
 * WEB_PORT from the same environment or .env). It writes nothing; it rebuilds a leaderboard from
 * the store once it is 30 s old (serving the old one meanwhile), since the bot records the results.
 */
import { ConfigError, parseConfig, readEnvironment } from '../config.js';
import { loadDeck } from '../content/load.js';
import { createLogger } from '../logger.js';
import { openStore } from '../store/open-store.js';
import { startWeb } from './start.js';

const LEADERBOARD_MAX_AGE_MS = 30_000;

const config = (() => {
  try {
    return parseConfig(readEnvironment());
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
})();
if (config.WEB_PORT === undefined) {
  process.stderr.write('npm run web needs WEB_PORT (e.g. WEB_PORT=8080).\n');
  process.exit(1);
}
const logger = createLogger(config.LOG_LEVEL);
const deck = await loadDeck(config.DATA_DIR);
const store = await openStore(config.STORE_URL, { logger, leaderboardMaxAgeMs: LEADERBOARD_MAX_AGE_MS });
const web = await startWeb(config, { store, deck, logger });

const stop = async () => {
  await web?.close();
  await store.close();
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());

import { randomInt } from 'node:crypto';
import { loadCommands } from '../commands/index.js';
import { systemClock } from './clock.js';
import { type Config, isShardProcess } from './config.js';
import { loadDeck } from './content/load.js';
import { DataError } from './content/problems.js';
import { buildSearch } from './content/search.js';
import type { AppContext } from './context.js';
import { preloadScoring } from './debate/scoring.js';
import { discordAnnouncer } from './discord/announce.js';
import { attachBot } from './discord/bot.js';
import { createClient } from './discord/client.js';
import { trackGateway } from './discord/gateway-health.js';
import type { Logger } from './logger.js';
import { createPlay } from './play/play.js';
import { openStore } from './store/open-store.js';
import { StoreUnavailableError } from './store/types.js';
import { startWeb } from './web/start.js';

/** A start-up problem the operator must fix: printed as it is, without a stack trace. */
export class StartError extends Error {}

/**
 * One bot process (or one shard of it): store -> deck -> client -> scheduler, then log in.
 * Resolves with a `stop` that stops taking interactions, finishes queued writes and closes everything.
 */
export const runBot = async (config: Config, logger: Logger) => {
  const deck = await loadDeck(config.DATA_DIR).catch((error: unknown) => {
    throw error instanceof DataError ? new StartError(error.message) : error;
  });
  // The automatic rubric's language model and the deck's word weights, built once, before any debate.
  const modelStarted = performance.now();
  preloadScoring(deck);
  logger.info({ ms: Math.round(performance.now() - modelStarted) }, 'language model loaded');
  const store = await openStore(config.STORE_URL, { logger }).catch((error: unknown) => {
    throw error instanceof StoreUnavailableError
      ? new StartError(
          `Steelman cannot open its store (STORE_URL, ${config.STORE_URL.kind}): ${error.message}. Is it running and reachable?`,
        )
      : error;
  });
  const client = createClient(config.DISCORD_API_URL);
  const ctx: AppContext = {
    config,
    store,
    deck,
    search: buildSearch(deck),
    clock: systemClock,
    logger,
    seed: () => randomInt(0, 2 ** 32),
    play: createPlay({
      store,
      deck,
      clock: systemClock,
      logger,
      announce: discordAnnouncer(client, deck, store),
    }),
  };
  const bot = attachBot(client, ctx, loadCommands());
  // Shard processes share one WEB_PORT: under the ShardingManager the site runs as `npm run web`.
  const web = isShardProcess(process.env)
    ? undefined
    : await startWeb(config, { store, deck, logger, gateway: trackGateway(client) }).catch(
        async (error: unknown) => {
          await store.close().catch(() => undefined);
          throw new StartError(
            `Steelman cannot serve the web leaderboard on WEB_PORT ${config.WEB_PORT}: ${error instanceof Error ? error.message : String(error)}`,
          );
        },
      );
  await client.login(config.DISCORD_TOKEN);
  return {
    ctx,
    async stop() {
      bot.stopAccepting();
      await web?.close();
      await ctx.play.stop();
      await store.close().catch((err: unknown) => logger.warn({ err }, 'store did not close cleanly'));
      await client.destroy().catch(() => undefined);
    },
  };
};

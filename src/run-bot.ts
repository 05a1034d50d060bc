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
import { attachBot, holdInteractions } from './discord/bot.js';
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
 * One bot process (or one shard of it). The gateway connection starts first and runs while the
 * deck, the store and the language model load, so a restart is down for as little as it can be;
 * interactions that arrive before the bot is wired are held and answered once it is.
 * Resolves with a `stop` that stops taking interactions, finishes queued writes and closes everything.
 */
export const runBot = async (config: Config, logger: Logger) => {
  const client = createClient(config.DISCORD_API_URL);
  const gateway = trackGateway(client);
  const early = holdInteractions(client);
  const loggingIn = client.login(config.DISCORD_TOKEN).then(
    () => undefined,
    (error: unknown) => error,
  );
  const fail = async (error: StartError) => {
    await client.destroy().catch(() => undefined);
    return error;
  };
  const deck = await loadDeck(config.DATA_DIR).catch(async (error: unknown) => {
    throw error instanceof DataError ? await fail(new StartError(error.message)) : error;
  });
  const store = await openStore(config.STORE_URL, { logger }).catch(async (error: unknown) => {
    throw error instanceof StoreUnavailableError
      ? await fail(
          new StartError(
            `Steelman cannot open its store (STORE_URL, ${config.STORE_URL.kind}): ${error.message}. Is it running and reachable?`,
          ),
        )
      : error;
  });
  // The automatic rubric's language model and the deck's word weights, built once, before any debate.
  const modelStarted = performance.now();
  preloadScoring(deck);
  logger.info({ ms: Math.round(performance.now() - modelStarted) }, 'language model loaded');
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
  const bot = attachBot(client, ctx, loadCommands(), early);
  // Shard processes share one WEB_PORT: under the ShardingManager the site runs as `npm run web`.
  const web = isShardProcess(process.env)
    ? undefined
    : await startWeb(config, { store, deck, logger, gateway }).catch(async (error: unknown) => {
        await store.close().catch(() => undefined);
        throw await fail(
          new StartError(
            `Steelman cannot serve the web leaderboard on WEB_PORT ${config.WEB_PORT}: ${error instanceof Error ? error.message : String(error)}`,
          ),
        );
      });
  const loginFailed = await loggingIn;
  if (loginFailed) {
    await web?.close();
    await ctx.play.stop();
    await store.close().catch(() => undefined);
    throw loginFailed;
  }
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

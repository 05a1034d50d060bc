import type { Config } from '../config.js';
import type { Deck } from '../content/deck.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/types.js';
import type { WebServer } from './server.js';

/**
 * Starts the web leaderboard when WEB_PORT is set (else resolves undefined). Member and debate
 * handles are keyed by the bot token, so links stay the same across restarts (and change with it).
 * @throws Error when WEB_PORT cannot be bound.
 */
export const startWeb = async (
  config: Config,
  parts: { store: Store; deck: Deck; logger: Logger; gateway?: () => boolean },
): Promise<WebServer | undefined> => {
  if (config.WEB_PORT === undefined) return undefined;
  // Loaded only where the site is served: the HTTP framework costs a bot without WEB_PORT nothing.
  const [{ createWebApp }, { Handles }, { startWebServer }] = await Promise.all([
    import('./app.js'),
    import('./handles.js'),
    import('./server.js'),
  ]);
  const app = createWebApp({
    store: parts.store,
    deck: parts.deck,
    handles: new Handles(config.DISCORD_TOKEN),
    logger: parts.logger,
    ...(parts.gateway ? { gateway: parts.gateway } : {}),
  });
  const server = await startWebServer(app, config.WEB_PORT, config.WEB_HOST);
  parts.logger.info(
    { port: server.port, host: config.WEB_HOST ?? 'all interfaces' },
    'web leaderboard listening',
  );
  return server;
};

import { Client, GatewayIntentBits, Options, Partials } from 'discord.js';

/**
 * The discord.js client. Only the Guilds intent: slash commands and components need no message
 * content. Allowed mentions default to nobody, so even a message that forgot to set them cannot ping.
 * With `apiUrl` (DISCORD_API_URL) REST goes to a Discord-compatible server, whose /gateway/bot
 * then names the gateway.
 */
export const createClient = (apiUrl: string | undefined, shards?: { ids: number[]; count: number }) =>
  new Client({
    intents: [GatewayIntentBits.Guilds],
    partials: [Partials.Channel],
    allowedMentions: { parse: [] },
    // The bot edits its lobby cards by id and every click carries its message: a message cache would
    // only hold every post of every live debate in memory (about 8 KiB a debate).
    makeCache: Options.cacheWithLimits({ ...Options.DefaultMakeCacheSettings, MessageManager: 0 }),
    ...(apiUrl ? { rest: { api: apiUrl } } : {}),
    ...(shards ? { shards: shards.ids, shardCount: shards.count } : {}),
  });

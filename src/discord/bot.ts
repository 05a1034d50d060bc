import { type Client, Events } from 'discord.js';
import type { AppContext } from '../context.js';
import type { Command } from './command.js';
import { respondPrivately } from './respond.js';
import { createRouter } from './router.js';
import { TEXT } from './text.js';

const ARM_RETRY_MS = 5000;

/**
 * Wires the client to the router and the application layer. The live debates of the guilds this
 * process (or shard) owns are loaded, their deadlines armed and their unposted announcements sent,
 * on ready and whenever it joins or regains a guild.
 */
export const attachBot = (client: Client, ctx: AppContext, commands: ReadonlyMap<string, Command>) => {
  const route = createRouter(commands, ctx);
  let accepting = true;
  client.on(Events.InteractionCreate, (interaction) => {
    if (accepting) void route(interaction);
    else if (interaction.isRepliable())
      // Shutting down: say so rather than leave Discord's "interaction failed".
      void respondPrivately(interaction, TEXT.restarting).catch(() => undefined);
  });
  /** Reads the guilds' live debates back from the store; while the store is down, tries again. */
  const resume = async (guildIds: string[]): Promise<void> => {
    try {
      const { timers, outboxes } = await ctx.play.resume(guildIds);
      if (!accepting) return;
      ctx.logger.info(
        { shards: client.shard?.ids ?? [0], guilds: guildIds.length, timers, outboxes },
        'deadlines armed',
      );
    } catch (err) {
      if (!accepting) return;
      ctx.logger.error({ err, retryInMs: ARM_RETRY_MS }, 'could not read the deadlines; trying again');
      setTimeout(() => void resume(guildIds), ARM_RETRY_MS).unref();
    }
  };
  client.once(Events.ClientReady, (ready) => {
    ctx.logger.info({ user: ready.user.tag, guilds: ready.guilds.cache.size }, 'ready');
    void resume([...ready.guilds.cache.keys()]);
  });
  client.on(Events.GuildCreate, (guild) => {
    if (client.isReady()) void resume([guild.id]);
  });
  return {
    /** Stop taking interactions; queued writes still finish. */
    stopAccepting() {
      accepting = false;
    },
  };
};

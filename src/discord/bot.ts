import { type Client, Events, type Interaction } from 'discord.js';
import type { AppContext } from '../context.js';
import type { Command } from './command.js';
import { respondPrivately } from './respond.js';
import { createRouter } from './router.js';
import { TEXT } from './text.js';

const ARM_RETRY_MS = 5000;

/** Interactions that reached the client before the bot was wired, to be routed once it is. */
export interface HeldInteractions {
  release(route: (interaction: Interaction) => void): void;
}

/**
 * Holds the interactions that arrive while the bot is still loading (the gateway connects in
 * parallel with the deck and the store): without a listener discord.js would drop them, and
 * Discord would show "This interaction failed".
 */
export const holdInteractions = (client: Client): HeldInteractions => {
  const held: Interaction[] = [];
  const hold = (interaction: Interaction) => held.push(interaction);
  client.on(Events.InteractionCreate, hold);
  return {
    release(route) {
      client.off(Events.InteractionCreate, hold);
      for (const interaction of held.splice(0)) route(interaction);
    },
  };
};

/**
 * Wires the client to the router and the application layer. The live debates of the guilds this
 * process (or shard) owns are loaded, their deadlines armed and their unposted announcements sent,
 * on ready and whenever it joins or regains a guild.
 */
export const attachBot = (
  client: Client,
  ctx: AppContext,
  commands: ReadonlyMap<string, Command>,
  early?: HeldInteractions,
) => {
  const route = createRouter(commands, ctx);
  let accepting = true;
  const onInteraction = (interaction: Interaction) => {
    if (accepting) void route(interaction);
    else if (interaction.isRepliable())
      // Shutting down: say so rather than leave Discord's "interaction failed".
      void respondPrivately(interaction, TEXT.restarting).catch(() => undefined);
  };
  client.on(Events.InteractionCreate, onInteraction);
  early?.release(onInteraction);
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
  const onReady = (ready: Client<true>) => {
    ctx.logger.info({ user: ready.user.tag, guilds: ready.guilds.cache.size }, 'ready');
    void resume([...ready.guilds.cache.keys()]);
  };
  // The gateway may have connected while the bot was loading.
  if (client.isReady()) onReady(client);
  else client.once(Events.ClientReady, onReady);
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

import { type Client, Events } from 'discord.js';
import type { AppContext } from '../context.js';
import type { PendingTimer } from '../store/types.js';
import type { Command } from './command.js';
import { act, carryOut } from './debate-actions.js';
import { createRouter } from './router.js';

/** A timer fired: apply it as an event (the engine ignores a stale one), then carry out its effects. */
export const fireTimer = async (ctx: AppContext, client: Client, pending: PendingTimer) => {
  const applied = await act(ctx, pending.guildId, pending.debateId, {
    type: 'timer',
    key: pending.timer.key,
  });
  await carryOut(ctx, client, applied);
};

/**
 * Wires the client to the router and the scheduler. Deadlines are armed for the guilds this
 * process (or shard) owns, on ready and whenever it joins or regains a guild.
 */
export const attachBot = (client: Client, ctx: AppContext, commands: ReadonlyMap<string, Command>) => {
  const route = createRouter(commands, ctx);
  let accepting = true;
  client.on(Events.InteractionCreate, (interaction) => {
    if (!accepting) return;
    void route(interaction);
  });
  const armGuilds = async (guildIds: string[]) => {
    const timers = await ctx.store.debates.pendingTimers(guildIds);
    for (const pending of timers) ctx.scheduler.arm(pending);
    ctx.logger.info({ guilds: guildIds.length, timers: timers.length }, 'deadlines armed');
  };
  client.once(Events.ClientReady, (ready) => {
    ctx.logger.info({ user: ready.user.tag, guilds: ready.guilds.cache.size }, 'ready');
    armGuilds([...ready.guilds.cache.keys()]).catch((err) =>
      ctx.logger.error({ err }, 'could not arm deadlines'),
    );
  });
  client.on(Events.GuildCreate, (guild) => {
    if (!client.isReady()) return;
    armGuilds([guild.id]).catch((err) =>
      ctx.logger.error({ err, guildId: guild.id }, 'could not arm deadlines'),
    );
  });
  return {
    /** Stop taking interactions; queued writes still finish. */
    stopAccepting() {
      accepting = false;
    },
  };
};

import { type Client, Events, MessageFlags } from 'discord.js';
import type { AppContext } from '../context.js';
import type { PendingTimer } from '../store/types.js';
import type { Command } from './command.js';
import { act, carryOut, deliverOutbox } from './debate-actions.js';
import { createRouter } from './router.js';
import { TEXT } from './text.js';
import { UserError } from './user-error.js';

/** A timer fired: apply it as an event (the engine ignores a stale one), then carry out its effects. */
export const fireTimer = async (ctx: AppContext, client: Client, pending: PendingTimer) => {
  try {
    const applied = await act(ctx, pending.guildId, pending.debateId, {
      type: 'timer',
      key: pending.timer.key,
    });
    await carryOut(ctx, client, applied);
  } catch (error) {
    // A refused timer (its debate is gone) would be refused again: drop it rather than retry.
    if (!(error instanceof UserError)) throw error;
    ctx.logger.warn(
      { debateId: pending.debateId, key: pending.timer.key, reason: error.message },
      'timer dropped',
    );
  }
};

const ARM_RETRY_MS = 5000;

/**
 * Wires the client to the router and the scheduler. Deadlines are armed for the guilds this
 * process (or shard) owns, on ready and whenever it joins or regains a guild.
 */
export const attachBot = (client: Client, ctx: AppContext, commands: ReadonlyMap<string, Command>) => {
  const route = createRouter(commands, ctx);
  let accepting = true;
  client.on(Events.InteractionCreate, (interaction) => {
    if (accepting) void route(interaction);
    else if (interaction.isRepliable())
      // Shutting down: say so rather than leave Discord's "interaction failed".
      void interaction
        .reply({ content: TEXT.restarting, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } })
        .catch(() => undefined);
  });
  /** Reads the guilds' pending deadlines back from the store; while the store is down, tries again. */
  const armGuilds = async (guildIds: string[]): Promise<void> => {
    try {
      const { timers, outboxes } = await ctx.store.debates.resumable(guildIds);
      if (!accepting) return; // shutting down: the scheduler is stopped and stays so
      ctx.scheduler.start(timers);
      for (const stored of outboxes) await deliverOutbox(ctx, client, stored);
      ctx.logger.info(
        { shards: client.shard?.ids ?? [0], guilds: guildIds.length, timers: timers.length },
        'deadlines armed',
      );
    } catch (err) {
      if (!accepting) return;
      ctx.logger.error({ err, retryInMs: ARM_RETRY_MS }, 'could not read the deadlines; trying again');
      setTimeout(() => void armGuilds(guildIds), ARM_RETRY_MS).unref();
    }
  };
  client.once(Events.ClientReady, (ready) => {
    ctx.logger.info({ user: ready.user.tag, guilds: ready.guilds.cache.size }, 'ready');
    void armGuilds([...ready.guilds.cache.keys()]);
  });
  client.on(Events.GuildCreate, (guild) => {
    if (client.isReady()) void armGuilds([guild.id]);
  });
  return {
    /** Stop taking interactions; queued writes still finish. */
    stopAccepting() {
      accepting = false;
    },
  };
};

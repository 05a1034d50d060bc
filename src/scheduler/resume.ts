import type { DebateRepository } from '../store/types.js';
import type { Scheduler } from './scheduler.js';

/**
 * On start (or when a shard gains guilds): reads back the deadlines of every live debate of these
 * guilds and arms them. One that passed while the bot was down fires at once. Returns how many.
 * Throws StoreUnavailableError when the store cannot be read; the caller retries.
 */
export const resumeDeadlines = async (
  scheduler: Scheduler,
  debates: Pick<DebateRepository, 'pendingTimers'>,
  guildIds: Iterable<string>,
): Promise<number> => {
  const pending = await debates.pendingTimers(guildIds);
  scheduler.start(pending);
  return pending.length;
};

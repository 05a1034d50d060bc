import type { StoreTarget } from '../config.js';
import { addResult, emptyTally, type MotionTally } from '../debate/motion-stats.js';
import type { Backend } from './backend/backend.js';
import { openRedisBackend } from './backend/redis.js';
import { openSqliteBackend } from './backend/sqlite.js';
import { Collection } from './collection.js';
import { motionsCodec, NAMESPACES } from './shapes.js';

/**
 * Every guild's motion tallies summed into one, for `npm run data:audit`: a read-only scan, outside
 * the bot's repositories because the bot only ever reads one guild's tallies at a time.
 * @throws StoreUnavailableError when the store cannot be read.
 */
export const readAllMotionTallies = async (target: StoreTarget): Promise<Record<string, MotionTally>> => {
  const backend: Backend =
    target.kind === 'sqlite'
      ? await openSqliteBackend(target.path, NAMESPACES)
      : await openRedisBackend(target.url, NAMESPACES, { commandMs: 2000, connectMs: 2000 });
  let closed = false;
  const motions = new Collection(
    { backend, logger: undefined, isClosed: () => closed, operationMs: 5000 },
    'guilds',
    'motions:',
    motionsCodec,
  );
  const sum: Record<string, MotionTally> = {};
  try {
    for await (const page of motions.scan(''))
      for (const [, { tallies }] of page)
        for (const [motionId, tally] of Object.entries(tallies)) sum[motionId] = merge(sum[motionId], tally);
  } finally {
    closed = true;
    await backend.close();
  }
  return sum;
};

const merge = (into: MotionTally | undefined, tally: MotionTally): MotionTally => {
  let merged = into ?? emptyTally();
  for (const [side, wins] of Object.entries(tally.wins))
    for (let i = 0; i < wins; i++) merged = addResult(merged, side);
  return { ...merged, draws: merged.draws + tally.draws };
};

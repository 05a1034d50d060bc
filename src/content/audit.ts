/**
 * `npm run data:audit`: per motion, each side's on-topic cards and, when the store given by
 * STORE_URL exists, how often each side has won it (the χ² of /motion stats). Exits 1 when a
 * motion is short of on-topic cards, so hands could not be dealt to fit it.
 */
import { existsSync } from 'node:fs';
import { loadDataDir, parseStoreUrl, readEnvironment } from '../config.js';
import type { MotionTally } from '../debate/motion-stats.js';
import { readAllMotionTallies } from '../store/all-motion-tallies.js';
import { auditRows, renderAudit } from './audit-table.js';
import { loadDeck } from './load.js';
import { DataError } from './problems.js';

const env = readEnvironment();
const dataDir = loadDataDir(env);

const readTallies = async (): Promise<Record<string, MotionTally> | string> => {
  const target = parseStoreUrl(env.STORE_URL || 'sqlite://var/steelman.sqlite');
  if (typeof target === 'string') return `STORE_URL: ${target}`;
  if (target.kind === 'sqlite' && !existsSync(target.path))
    return `no store at ${target.path} yet: card counts only`;
  try {
    return await readAllMotionTallies(target);
  } catch {
    return 'the store could not be read: card counts only';
  }
};

try {
  const deck = await loadDeck(dataDir, { onTopic: false });
  const tallies = await readTallies();
  const rows = auditRows(deck, typeof tallies === 'string' ? undefined : tallies);
  console.log(renderAudit(deck, rows, typeof tallies !== 'string'));
  if (typeof tallies === 'string') console.log(`\n${tallies}`);
  const short = rows.filter((row) => row.short).map((row) => row.motionId);
  if (short.length > 0) {
    console.error(`\nshort of on-topic cards: ${short.join(', ')}`);
    process.exitCode = 1;
  }
} catch (error) {
  if (!(error instanceof DataError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}

/**
 * Profiles the three bots of the interaction benchmark during its measured phase only:
 *   npx tsx bench/profile-interactions.ts /tmp/prof
 * writes <pid>.cpuprofile for each bot into the folder (open them in Chrome DevTools, or summarise
 * them by function) and prints which pid is which.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { measureInteractions } from './interactions.js';
import { percentile } from './stats.js';

const dir = path.resolve(process.argv[2] ?? 'var/profiles');
await mkdir(dir, { recursive: true });
process.env.BENCH_BOT_NODE_OPTIONS =
  `${process.env.BENCH_BOT_NODE_OPTIONS ?? ''} --import ./bench/cpu-profile.mjs`.trim();
process.env.BENCH_CPU_PROF_DIR = dir;
process.env.BENCH_CPU_PROF_ON_SIGNAL = '1';
let pids: readonly number[] = [];
const runs = await measureInteractions({
  beforeMeasuring: (started) => {
    pids = started;
    for (const pid of started) process.kill(pid, 'SIGUSR2');
  },
});
const names = ['Steelman on SQLite', 'Steelman on Redis', 'floor (bare bot)'];
for (const [i, c] of [runs.sqlite, runs.redis, runs.floor].entries()) {
  const ms = c.samples.map((s) => s.ms);
  console.log(
    `${names[i]}: pid ${pids[i]}, p50 ${percentile(ms, 50).toFixed(2)} ms, CPU ${(c.cpu / ms.length).toFixed(2)} ms per interaction → ${path.join(dir, `${pids[i]}.cpuprofile`)}`,
  );
}

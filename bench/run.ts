/**
 * `npm run bench`: every benchmark in one run. Prints the tables and writes them, with the machine's
 * core count and Node version, to bench/results.md. Figures, not pass/fail.
 */
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import { benchDeck } from './deck.js';
import { benchEngine } from './engine.js';
import { benchLeaderboard } from './leaderboard.js';

const sections: [string, () => Promise<string>][] = [
  ['Engine', benchEngine],
  ['Deck: load, validate, search', benchDeck],
  ['Leaderboard (SQLite)', benchLeaderboard],
];

const started = Date.now();
const parts = [
  '# Steelman benchmarks',
  '',
  `${new Date().toISOString()} · ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown cpu'}) · Node ${process.version} · ${os.platform()} ${os.arch()}`,
];
for (const [title, run] of sections) {
  process.stdout.write(`\n## ${title}\n\n`);
  const body = await run();
  process.stdout.write(`${body}\n`);
  parts.push('', `## ${title}`, '', body);
}
parts.push('', `Whole run: ${((Date.now() - started) / 1000).toFixed(0)} s.`, '');
await writeFile(new URL('./results.md', import.meta.url), parts.join('\n'));
process.stdout.write(`\nWritten to bench/results.md (${((Date.now() - started) / 1000).toFixed(0)} s).\n`);

/**
 * `npm run bench`: every benchmark in one run. Prints the tables and writes them, with the machine's
 * core count and Node version, to bench/results.md. Figures, not pass/fail.
 * `npm run bench -- rubric` runs only the sections whose title contains the word, and writes nothing.
 */
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import { benchCapacity } from './capacity.js';
import { benchDeck } from './deck.js';
import { benchEngine } from './engine.js';
import { benchInteractions } from './interactions.js';
import { benchLeaderboard } from './leaderboard.js';
import { benchPictures } from './pictures.js';
import { benchRestart } from './restart.js';
import { benchRubric } from './rubric.js';

const sections: [string, () => Promise<string>][] = [
  ['Engine', benchEngine],
  ['Automatic rubric: language model load, scoring a standard debate', benchRubric],
  ['Deck: load, validate, search', benchDeck],
  ['Leaderboard (SQLite)', benchLeaderboard],
  ['Pictures and the web leaderboard', benchPictures],
  ['Interaction round trip (100 live debates; SQLite, Redis, and the bare-bot floor)', benchInteractions],
  ['Capacity: memory at 100 / 1,000 live debates; deadline lateness', benchCapacity],
  ['Restart: ready → every deadline re-armed', benchRestart],
];

const started = Date.now();
const parts = [
  '# Steelman benchmarks',
  '',
  `${new Date().toISOString()} · ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown cpu'}) · Node ${process.version} · ${os.platform()} ${os.arch()} · 1-minute load average at the start ${(os.loadavg()[0] ?? 0).toFixed(1)}`,
];
const only = process.argv[2]?.toLowerCase();
for (const [title, run] of sections.filter(([t]) => !only || t.toLowerCase().includes(only))) {
  process.stdout.write(`\n## ${title}\n\n`);
  const sectionStarted = Date.now();
  const body = await run();
  const took = `_${((Date.now() - sectionStarted) / 1000).toFixed(0)} s; load average ${(os.loadavg()[0] ?? 0).toFixed(1)} at its end._`;
  process.stdout.write(`${body}\n\n${took}\n`);
  parts.push('', `## ${title}`, '', body, '', took);
}
parts.push('', `Whole run: ${((Date.now() - started) / 1000).toFixed(0)} s.`, '');
if (only) process.stdout.write(`\nOnly "${only}": bench/results.md left as it was.\n`);
else {
  await writeFile(new URL('./results.md', import.meta.url), parts.join('\n'));
  process.stdout.write(`\nWritten to bench/results.md (${((Date.now() - started) / 1000).toFixed(0)} s).\n`);
}

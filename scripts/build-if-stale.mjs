// `npm start` runs this first: it compiles the TypeScript only when a source is newer than the last
// build, so a restart does not pay for a recompile (the bot then starts with `exec node`, so a
// SIGTERM to the started process reaches the bot itself).
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
// tsc leaves its own build info untouched when nothing changed, so the time of a build is kept here.
const stamp = path.join(root, 'dist', '.built-at');
const sources = ['src', 'commands', 'tsconfig.json', 'tsconfig.build.json', 'package.json'];

const newest = (entry) => {
  const full = path.join(root, entry);
  const stats = statSync(full, { throwIfNoEntry: false });
  if (!stats) return 0;
  if (!stats.isDirectory()) return stats.mtimeMs;
  let latest = stats.mtimeMs;
  for (const child of readdirSync(full)) latest = Math.max(latest, newest(path.join(entry, child)));
  return latest;
};

const built = statSync(stamp, { throwIfNoEntry: false })?.mtimeMs ?? 0;
// `npm run build` (--always) compiles whatever the stamp says.
if (process.argv.includes('--always') || Math.max(...sources.map(newest)) > built) {
  const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], {
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
}

import { spawnSync } from 'node:child_process';
import path from 'node:path';

/**
 * Builds dist/ once before any test file runs: the end-to-end tests start the bot exactly as
 * `npm start` does (`node dist/src/main.js`), so they test what self-hosters run.
 */
export default function buildOnce() {
  const root = path.resolve(import.meta.dirname, '..');
  const result = spawnSync(process.execPath, ['scripts/build-if-stale.mjs', '--always'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`the build failed:\n${result.stdout}${result.stderr}`);
}

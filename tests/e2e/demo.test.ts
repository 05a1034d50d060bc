import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

/** `npm run demo` is a new user's first look: it must play through, as the README says. */
describe('the demo', () => {
  it('given the shipped deck, then the scripted debate runs in its thread to a result, and the practice round to its own', async () => {
    // The suite's global setup has built dist/; this runs the script the npm script runs after its build.
    const { stdout } = await run(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/demo.ts'], {
      cwd: ROOT,
      timeout: 120_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    expect(stdout).toContain('the debate goes on in a thread started from the lobby card');
    expect(stdout).toMatch(/🏆 .* wins/);
    expect(stdout).toContain('[The full result, scores and coaching](https://discord.com/channels/');
    expect(stdout).toContain('How the rating is made');
    expect(stdout).toContain('/stats (the practice record, apart from the rated one)');
  }, 150_000);
});

import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Bot, startWorld, type World } from './harness.js';

/**
 * `npm start` as a process manager or a container runs it: no recompile when dist/ is up to date,
 * and the bot is exec'd, so a SIGTERM to the process npm started (or to npm) stops the bot cleanly.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');

const npmStart = (world: World) => {
  const child = spawn('npm', ['start', '--silent'], {
    cwd: ROOT,
    env: Bot.env(world),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  return { child, output: () => output };
};

const waitFor = async (probe: () => boolean, what: string, ms = 20_000) => {
  const deadline = Date.now() + ms;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

/** The pid of npm's child: the shell of the start script, which exec'd into node. */
const childOf = (parent: ChildProcess): number => {
  const children = readFileSync(`/proc/${parent.pid}/task/${parent.pid}/children`, 'utf8')
    .trim()
    .split(/\s+/);
  const pid = Number(children[0]);
  if (!pid) throw new Error('npm start has no child process');
  return pid;
};

const exited = async (child: ChildProcess) => {
  const started = Date.now();
  const [code, signal] = (await once(child, 'exit')) as [number | null, string | null];
  return { code, signal, ms: Date.now() - started };
};

describe('npm start and SIGTERM', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld();
  }, 30_000);
  afterAll(async () => {
    await world?.close();
  });

  it('given dist/ is up to date, when SIGTERM reaches the process npm started, then it is the bot itself (exec), it does not recompile, and it exits 0 within 5 s', async () => {
    const started = Date.now();
    const run = npmStart(world);
    await waitFor(() => run.output().includes('"msg":"deadlines armed"'), 'the bot to be ready');
    // No compile step before connecting: a recompile alone takes several seconds on this machine.
    expect(run.output()).not.toMatch(/error TS|tsc/);
    const pid = childOf(run.child);
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    expect(cmdline.some((arg) => arg.endsWith('dist/src/main.js'))).toBe(true);
    expect(cmdline[0]).not.toMatch(/(^|\/)sh$/);

    process.kill(pid, 'SIGTERM');
    const end = await exited(run.child);
    expect(end.code).toBe(0);
    expect(end.ms).toBeLessThan(5000);
    expect(run.output()).toContain('"msg":"shutting down"');
    expect(Date.now() - started).toBeLessThan(20_000);
  }, 30_000);

  it('given the bot under npm start, when npm itself gets SIGTERM, then the bot exits 0 within 5 s', async () => {
    const run = npmStart(world);
    await waitFor(() => run.output().includes('"msg":"deadlines armed"'), 'the bot to be ready');
    run.child.kill('SIGTERM');
    const end = await exited(run.child);
    expect(end.code).toBe(0);
    expect(end.ms).toBeLessThan(5000);
  }, 30_000);
});

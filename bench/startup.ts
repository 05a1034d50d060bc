/**
 * Start-up: spawn → READY. How long from spawning the process to a bot that can take interactions:
 * - Steelman as `npm start` runs it after its build check: `node dist/src/main.js` against the
 *   double, SQLite store, the shipped deck (data/), timed to its "ready" log line (discord.js
 *   ClientReady) and to its "deadlines armed" line (its live debates read back and their deadlines
 *   armed: from then on it is fully up; the store is empty here, see bench/restart.ts for 1,000s);
 * - the floor: the bare discord.js bot (bench/bare-bot.ts), compiled to plain JavaScript as dist/
 *   is (TypeScript's transpileModule, so no tsx loader in its start), to its ClientReady line;
 * - `npm start` itself, with dist/ up to date: npm, then `node scripts/build-if-stale.mjs`, then
 *   `exec node dist/src/main.js`, to "deadlines armed";
 * - for scale, the build check alone and a bare `node -e 0`.
 * Times are taken in this process (performance.now() from spawn() to the line on the child's
 * stdout). The kinds are started in turns, RUNS rounds after one warm-up round that is not counted
 * (it creates the SQLite file and warms the page cache), all against one double.
 * Run alone: npx tsx bench/startup.ts
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { Bot, FAKE_TOKEN, type World } from '../tests/e2e/harness.js';
import { percentile, table } from './stats.js';
import { startBenchWorld, track } from './world.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const RUNS = 5;
const TIMEOUT_MS = 60_000;

/** bench/bare-bot.ts as plain JavaScript, beside node_modules so that `discord.js` resolves as from bench/. */
const compileBareBot = async (): Promise<string> => {
  const source = await readFile(path.join(ROOT, 'bench', 'bare-bot.ts'), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 },
  });
  const dir = path.join(ROOT, 'node_modules', '.cache', 'steelman-bench');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, 'bare-bot.mjs');
  await writeFile(file, outputText);
  return file;
};

interface Timed {
  /** ms from spawn() to the first stdout/stderr line matching each pattern. */
  readonly at: Record<string, number>;
  /** The lines the child printed (its pino log, for Steelman). */
  readonly lines: readonly string[];
  /** Date.now() at spawn, for the log lines' own `time`. */
  readonly spawnedAt: number;
}

/**
 * Spawns `command`, waits for a line matching every pattern (the last one ends the wait), then stops
 * it by pid (its process group's, with `group`: npm's children), SIGTERM then SIGKILL after 10 s.
 * With no pattern, waits for it to exit with code 0 (`at.exit`).
 */
const timeTo = async (
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  patterns: Record<string, RegExp>,
  group = false,
): Promise<Timed> => {
  const at: Record<string, number> = {};
  const lines: string[] = [];
  const spawnedAt = Date.now();
  const started = performance.now();
  const child: ChildProcess = spawn(command, args, {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: group,
  });
  track(child);
  const names = Object.keys(patterns);
  let partial = '';
  const done = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(
          new Error(`${command} ${args.join(' ')}: not ready within ${TIMEOUT_MS} ms:\n${lines.join('\n')}`),
        ),
      TIMEOUT_MS,
    );
    const onData = (chunk: Buffer) => {
      const now = performance.now() - started;
      const parts = (partial + chunk.toString('utf8')).split('\n');
      partial = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        for (const name of names)
          if (at[name] === undefined && (patterns[name] as RegExp).test(line)) at[name] = now;
      }
      if (names.every((name) => at[name] !== undefined)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (names.length === 0 && code === 0) {
        at.exit = performance.now() - started;
        resolve();
      }
      reject(
        new Error(
          `${command} ${args.join(' ')} exited (${code ?? signal}) before it was ready:\n${lines.join('\n')}`,
        ),
      );
    });
  });
  try {
    await done;
  } finally {
    await stop(child, group);
  }
  return { at, lines, spawnedAt };
};

const stop = async (child: ChildProcess, group: boolean) => {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const pid = child.pid;
  const exited = once(child, 'exit');
  const kill = (signal: NodeJS.Signals) => {
    try {
      process.kill(group ? -pid : pid, signal);
    } catch {
      // already gone
    }
  };
  kill('SIGTERM');
  const timer = setTimeout(() => kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
  // npm's children: make sure none outlives it.
  if (group) kill('SIGKILL');
};

/** ms from spawn to the pino line `msg`, by the line's own `time` (ms resolution). */
const logAt = (run: Timed, msg: string): number => {
  for (const line of run.lines) {
    if (!line.startsWith('{')) continue;
    try {
      const parsed = JSON.parse(line) as { msg?: string; time?: number };
      if (parsed.msg === msg && parsed.time !== undefined) return parsed.time - run.spawnedAt;
    } catch {
      // not a log line
    }
  }
  return Number.NaN;
};

const botEnv = (world: World): NodeJS.ProcessEnv => ({
  ...Bot.env(world),
  // The shipped deck, as `npm start` loads it by default.
  DATA_DIR: path.join(ROOT, 'data'),
});

export interface StartupRuns {
  readonly bare: number[];
  readonly ready: number[];
  readonly armed: number[];
  /** From the bot's own log: spawn → "store open" (modules loaded, deck loaded and indexed, store open). */
  readonly storeOpen: number[];
  readonly npmStart: number[];
  readonly buildCheck: number[];
  readonly node: number[];
  /** Per step of the bot's start, each run's ms (bench/startup-imports.mjs). */
  readonly steps: Record<string, number[]>;
  /** True when a timed `npm start` rebuilt dist/ (a source changed meanwhile): its time is then not a restart's. */
  rebuilt: boolean;
}

const builtAt = async () =>
  (await stat(path.join(ROOT, 'dist', '.built-at')).catch(() => undefined))?.mtimeMs;

export const measureStartup = async (): Promise<StartupRuns> => {
  const bareBot = await compileBareBot();
  // dist/ up to date before `npm start` is timed (`npm run bench` has just built it anyway).
  const check = spawnSync(process.execPath, ['scripts/build-if-stale.mjs'], { cwd: ROOT, encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`the build check failed:\n${check.stdout}${check.stderr}`);
  const bw = await startBenchWorld(10, 20);
  const runs: StartupRuns = {
    bare: [],
    ready: [],
    armed: [],
    storeOpen: [],
    npmStart: [],
    buildCheck: [],
    node: [],
    steps: {},
    rebuilt: false,
  };
  try {
    const bareEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DISCORD_TOKEN: FAKE_TOKEN,
      DISCORD_API_URL: bw.world.double.apiUrl,
    };
    for (let round = -1; round < RUNS; round++) {
      const keep = round >= 0;
      const bare = await timeTo(process.execPath, [bareBot], bareEnv, { ready: /bare bot ready/ });
      const bot = await timeTo(process.execPath, ['dist/src/main.js'], botEnv(bw.world), {
        ready: /"msg":"ready"/,
        armed: /"msg":"deadlines armed"/,
      });
      const before = await builtAt();
      const npm = await timeTo(
        'npm',
        ['start'],
        botEnv(bw.world),
        { armed: /"msg":"deadlines armed"/ },
        true,
      );
      if ((await builtAt()) !== before) runs.rebuilt = true;
      const buildCheck = await timeTo(
        process.execPath,
        ['scripts/build-if-stale.mjs'],
        { PATH: process.env.PATH, HOME: process.env.HOME },
        {},
      );
      const node = await timeTo(process.execPath, ['-e', '0'], {}, {});
      const steps = await timeTo(
        process.execPath,
        ['bench/startup-imports.mjs', path.join(bw.world.tempDir, 'imports.sqlite')],
        { PATH: process.env.PATH, HOME: process.env.HOME },
        { laps: /^\{/ },
      );
      if (!keep) continue;
      const laps = JSON.parse(steps.lines.find((l) => l.startsWith('{')) ?? '{}') as Record<string, number>;
      for (const [step, ms] of Object.entries(laps)) {
        const list = runs.steps[step] ?? [];
        list.push(ms);
        runs.steps[step] = list;
      }
      runs.bare.push(bare.at.ready as number);
      runs.ready.push(bot.at.ready as number);
      runs.armed.push(bot.at.armed as number);
      runs.storeOpen.push(logAt(bot, 'store open'));
      runs.npmStart.push(npm.at.armed as number);
      runs.buildCheck.push(buildCheck.at.exit as number);
      runs.node.push(node.at.exit as number);
    }
    return runs;
  } finally {
    await bw.world.close();
  }
};

const f0 = (n: number) => (Number.isFinite(n) ? `${n.toFixed(0)} ms` : '–');
const median = (values: readonly number[]) => percentile(values, 50);

export async function benchStartup(): Promise<string> {
  const load = os.loadavg()[0] ?? 0;
  const runs = await measureStartup();
  const row = (what: string, values: readonly number[]) => [
    what,
    values.map((v) => v.toFixed(0)).join(', '),
    f0(median(values)),
    f0(Math.max(...values)),
    `${(median(values) / median(runs.bare)).toFixed(2)}×`,
  ];
  const times = median(runs.armed) / median(runs.bare);
  return [
    `Spawn → READY, ${RUNS} runs of each after one warm-up round, started in turns against one double (one guild, 10 channels); ms from spawn() to the line on the child's stdout. Steelman: \`node dist/src/main.js\`, SQLite store (empty), the shipped deck; the floor: bench/bare-bot.ts compiled to plain JavaScript (\`node bare-bot.mjs\`), to discord.js ClientReady. 1-minute load average ${load.toFixed(1)} at the start (${os.cpus().length} cores).`,
    '',
    table(
      ['process', 'each run, ms', 'median', 'max', 'median ÷ floor'],
      [
        row('floor: bare discord.js bot, spawn → ClientReady', runs.bare),
        row('Steelman, spawn → "store open" (its own log: modules, deck, store)', runs.storeOpen),
        row('Steelman, spawn → "ready" (ClientReady)', runs.ready),
        row('**Steelman, spawn → "deadlines armed"**', runs.armed),
        row('`npm start` (dist/ up to date), spawn → "deadlines armed"', runs.npmStart),
        row(
          'the build check alone (`node scripts/build-if-stale.mjs`, nothing to build), spawn → exit',
          runs.buildCheck,
        ),
        row('`node -e 0` (Node itself), spawn → exit', runs.node),
      ],
    ),
    '',
    `Where the bot's start goes (bench/startup-imports.mjs, one fresh \`node\` per run: each import in turn, a module shared with an earlier one counted there, then what src/run-bot.ts does before logging in), median of ${RUNS} runs:`,
    '',
    table(
      ['step', 'median', 'each run, ms'],
      Object.entries(runs.steps).map(([step, values]) => [
        step,
        f0(median(values)),
        values.map((v) => v.toFixed(0)).join(', '),
      ]),
    ),
    '',
    `- Goal: Steelman spawn → deadlines armed ≤ 1.5× the bare bot's spawn → ClientReady: ${times.toFixed(2)}× (${f0(median(runs.armed))} vs ${f0(median(runs.bare))} median; ${times <= 1.5 ? 'met' : 'missed'}).`,
    `- \`npm start\` adds ${f0(median(runs.npmStart) - median(runs.armed))} (median) to the bot's own start: npm itself, a shell, and the build check.${runs.rebuilt ? " **A timed `npm start` rebuilt dist/ (a source changed during the run): its times are not a restart's.**" : ''}`,
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(await benchStartup());
}

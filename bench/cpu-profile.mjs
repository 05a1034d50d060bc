/**
 * Profiling aid for the benchmarks (Node 20 refuses --cpu-prof in NODE_OPTIONS): preload with
 * BENCH_BOT_NODE_OPTIONS="--import ./bench/cpu-profile.mjs" and BENCH_CPU_PROF_DIR=/some/dir; the
 * bot's CPU profile is written there, as <pid>.cpuprofile, when it exits. With
 * BENCH_CPU_PROF_ON_SIGNAL=1 profiling starts only when the process gets SIGUSR2 (e.g. sent by
 * bench/profile-interactions.ts when the measured phase begins).
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import path from 'node:path';

const dir = process.env.BENCH_CPU_PROF_DIR ?? '.';
const session = new Session();
session.connect();
session.post('Profiler.enable');
session.post('Profiler.setSamplingInterval', { interval: 200 });
if (process.env.BENCH_CPU_PROF_ON_SIGNAL === '1')
  process.once('SIGUSR2', () => session.post('Profiler.start'));
else session.post('Profiler.start');
process.once('exit', () => {
  session.post('Profiler.stop', (error, result) => {
    if (!error) writeFileSync(path.join(dir, `${process.pid}.cpuprofile`), JSON.stringify(result.profile));
  });
});

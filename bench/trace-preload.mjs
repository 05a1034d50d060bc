/**
 * Diagnostic aid: preload with BENCH_BOT_NODE_OPTIONS="--import ./bench/trace-preload.mjs" and
 * BENCH_TRACE_DIR=/some/dir. Records, per interaction, the time from discord.js emitting
 * interactionCreate to the callback request being created (the bot's own handler time), and writes
 * them to <dir>/<pid>.trace.json on exit.
 */
import diagnostics from 'node:diagnostics_channel';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { Client } from 'discord.js';

const started = new Map();
const gcs = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcs.push({ at: e.startTime, ms: e.duration, kind: e.detail?.kind });
}).observe({ entryTypes: ['gc'] });
const rows = [];
const kindOf = (i) =>
  i.isAutocomplete()
    ? 'autocomplete'
    : i.isChatInputCommand()
      ? `/${i.commandName} ${i.options.getSubcommand(false) ?? ''}`
      : ((i.customId ?? '').split(':')[1] ?? 'other');
const emit = Client.prototype.emit;
Client.prototype.emit = function (event, ...args) {
  if (event === 'interactionCreate')
    started.set(args[0].id, { at: performance.now(), kind: kindOf(args[0]) });
  return emit.call(this, event, ...args);
};
diagnostics.subscribe('undici:request:create', ({ request }) => {
  const id = /\/interactions\/(\d+)\/[^/]+\/callback/.exec(request.path)?.[1];
  const start = id && started.get(id);
  if (!start) return;
  started.delete(id);
  rows.push({ kind: start.kind, at: start.at, ms: performance.now() - start.at });
});
process.once('exit', () => {
  writeFileSync(
    path.join(process.env.BENCH_TRACE_DIR ?? '.', `${process.pid}.trace.json`),
    JSON.stringify({ rows, gcs }),
  );
});

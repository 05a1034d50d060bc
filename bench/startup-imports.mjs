// Where Steelman's start goes, step by step in one fresh process (run by bench/startup.ts): each
// dependency's import (a module shared with an earlier one counts there), then the rest of dist/,
// the deck, its search index and the store, as src/run-bot.ts does them. Prints one JSON line.
// Usage: node bench/startup-imports.mjs <sqlite file>
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const started = performance.now();
const laps = {};
let last = started;
const lap = (name) => {
  const now = performance.now();
  laps[name] = now - last;
  last = now;
};
await import('discord.js');
lap('discord.js');
await import('zod');
lap('zod');
await import('pino');
lap('pino');
await import('openskill');
lap('openskill');
await import('@keyv/sqlite');
lap('@keyv/sqlite (sqlite3)');
await import('keyv');
await import('minisearch');
lap('keyv, minisearch');
await import('@napi-rs/canvas');
lap('@napi-rs/canvas (result images)');
await import('hono');
await import('@hono/node-server');
lap('hono (web leaderboard)');
await import(path.join(root, 'dist/src/run-bot.js'));
lap("Steelman's own modules (dist/)");
const { loadDeck } = await import(path.join(root, 'dist/src/content/load.js'));
const deck = await loadDeck(path.join(root, 'data'));
lap('deck: load + validate');
const { buildSearch } = await import(path.join(root, 'dist/src/content/search.js'));
buildSearch(deck);
lap('deck: search index');
const { openStore } = await import(path.join(root, 'dist/src/store/open-store.js'));
const store = await openStore({
  kind: 'sqlite',
  path: process.argv[2] ?? path.join(root, 'var', 'startup.sqlite'),
});
lap('store: open SQLite');
await store.close();
process.stdout.write(`${JSON.stringify(laps)}\n`);

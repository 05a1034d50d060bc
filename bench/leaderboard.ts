/**
 * Leaderboard benchmark on SQLite: the one-off build of a season's rankings, a page of ten, a
 * player's rank, and the update after a result, at 1k / 10k / 50k rated players.
 * Run: npx tsx bench/leaderboard.ts   (prints a Markdown table)
 * Targets: page p50 <= 5 ms and recordResult p50 <= 5 ms at 50,000 players.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Deck } from '../src/content/deck.js';
import { loadDeck } from '../src/content/load.js';
import { apply } from '../src/debate/engine.js';
import type { PlayerRecord } from '../src/debate/player-record.js';
import type { Debate, DebateEvent, Result } from '../src/debate/types.js';
import { openSqliteBackend } from '../src/store/backend/sqlite.js';
import { Collection } from '../src/store/collection.js';
import { openStore } from '../src/store/open-store.js';
import { NAMESPACES, playerCodec, playerKey } from '../src/store/shapes.js';

export const GUILD = '100000000000000001';
export const SEASON = 1;
const SIZES = [1_000, 10_000, 50_000] as const;
const SAMPLES = 300;

/** A deterministic generator, so every run measures the same data. */
const random = (() => {
  let seed = 20240601;
  return () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
})();
const pick = (n: number) => Math.floor(random() * n);
export const userId = (i: number) => String(200000000000000000n + BigInt(i));

const tally = (debates: number) => {
  const wins = pick(debates + 1);
  const draws = pick(debates - wins + 1);
  return { debates, wins, draws, losses: debates - wins - draws };
};

const playerRecord = (id: string): PlayerRecord => {
  const lecun = 3 + pick(30);
  const scaling = pick(30);
  const rating = () => ({ mu: 15 + random() * 20, sigma: 2 + random() * 6 });
  return {
    userId: id,
    rating: rating(),
    sideRatings: scaling > 0 ? { lecun: rating(), scaling: rating() } : { lecun: rating() },
    overall: tally(lecun + scaling),
    bySide: scaling > 0 ? { lecun: tally(lecun), scaling: tally(scaling) } : { lecun: tally(lecun) },
    criteria: { argument: { sum: 3 * lecun, count: lecun }, evidence: { sum: 2 * lecun, count: lecun } },
    recent: Array.from({ length: 5 }, (_, i) => ({
      debateId: `old-${id}-${i}`,
      motionId: 'M01',
      side: 'lecun',
      outcome: 'win' as const,
      total: 60,
      ratingChange: 12,
      at: 1_700_000_000_000 - i,
    })),
  };
};

/** Writes n players straight into the store's players namespace, as recorded results would have. */
export const seed = async (file: string, n: number) => {
  const backend = await openSqliteBackend(file, NAMESPACES);
  const players = new Collection(
    { backend, logger: undefined, isClosed: () => false },
    'players',
    '',
    playerCodec,
  );
  for (let start = 0; start < n; start += 500) {
    const batch = Array.from({ length: Math.min(500, n - start) }, (_, i) => userId(start + i));
    await Promise.all(
      batch.map((id) => players.set(playerKey(GUILD, SEASON, id), { record: playerRecord(id) })),
    );
  }
  await backend.close();
};

/** One finished debate from the real engine and deck, to relabel for each measured result. */
const finishedTemplate = (deck: Deck): { state: Debate; result: Result } => {
  const motion = deck.motions[0];
  const format = deck.formats.find((f) => f.sizes.includes('1v1'));
  if (!motion || !format) throw new Error('the deck needs a motion and a 1v1 format');
  const [lecun, scaling] = deck.sides;
  const events: DebateEvent[] = [
    {
      type: 'open',
      id: 'template',
      guildId: GUILD,
      channelId: 'c',
      hostId: 'a',
      motionId: motion.id,
      formatId: format.id,
      mode: 'text',
      size: '1v1',
      seed: 1,
      lobbySeconds: 900,
    },
    { type: 'join', actor: { userId: 'a' }, side: lecun.id },
    { type: 'join', actor: { userId: 'b' }, side: scaling.id },
    { type: 'begin', actor: { userId: 'a' } },
    { type: 'forfeit', actor: { userId: 'b' } },
  ];
  let state: Debate | undefined;
  for (const event of events) {
    const step = apply(deck, state, event, 1_700_000_000_000);
    if (!step.ok) throw new Error(`${event.type}: ${step.refusal.message}`);
    state = step.state;
  }
  if (!state?.result) throw new Error('the template debate did not finish');
  return { state, result: state.result };
};

const percentile = (samples: number[], p: number) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};

const time = async (run: () => Promise<unknown>): Promise<number> => {
  const started = performance.now();
  await run();
  return performance.now() - started;
};

const sample = async (run: (i: number) => Promise<unknown>): Promise<number[]> => {
  const out: number[] = [];
  for (let i = 0; i < SAMPLES; i++) out.push(await time(() => run(i)));
  return out;
};

interface Row {
  readonly players: number;
  readonly seedMs: number;
  readonly buildMs: number;
  readonly page: number[];
  readonly sidePage: number[];
  readonly rank: number[];
  readonly record: number[];
}

const measure = async (folder: string, deck: Deck, n: number): Promise<Row> => {
  const file = path.join(folder, `bench-${n}.sqlite`);
  const seedMs = await time(() => seed(file, n));
  const store = await openStore({ kind: 'sqlite', path: file });
  try {
    const buildMs = await time(() => store.players.leaderboard(GUILD, SEASON));
    const pages = Math.ceil(n / 10);
    const page = await sample(() => store.players.leaderboard(GUILD, SEASON, { page: 1 + pick(pages) }));
    const sidePage = await sample(() =>
      store.players.leaderboard(GUILD, SEASON, { side: 'scaling', page: 1 + pick(pages / 2) }),
    );
    const rank = await sample(() => store.players.rank(GUILD, SEASON, userId(pick(n))));
    const template = finishedTemplate(deck);
    const [lecun, scaling] = deck.sides;
    const record = await sample((i) => {
      const a = userId(pick(n));
      const b = userId((Number(BigInt(a) - 200000000000000000n) + 1 + pick(n - 1)) % n);
      const state: Debate = {
        ...template.state,
        id: `bench-${i}`,
        debaters: [
          { userId: a, side: lecun.id },
          { userId: b, side: scaling.id },
        ],
      };
      const result: Result = {
        ...template.result,
        winner: random() < 0.5 ? lecun.id : scaling.id,
        scores: template.result.scores.map((s) => ({ ...s, userId: s.userId === 'a' ? a : b })),
      };
      return store.players.recordResult(GUILD, SEASON, state, result);
    });
    return { players: n, seedMs, buildMs, page, sidePage, rank, record };
  } finally {
    await store.close();
  }
};

const ms = (value: number) => value.toFixed(value < 0.1 ? 3 : value < 10 ? 2 : 0);

export async function benchLeaderboard(): Promise<string> {
  const deck = await loadDeck(fileURLToPath(new URL('../data', import.meta.url)));
  const folder = await mkdtemp(path.join(tmpdir(), 'steelman-bench-'));
  const rows: Row[] = [];
  try {
    for (const n of SIZES) rows.push(await measure(folder, deck, n));
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
  const lines = [
    `Leaderboard on SQLite (${SAMPLES} samples each; times in ms; p50 / p95)`,
    '',
    '| rated players | one-off build | page of ten | side page | rank lookup | recordResult (2 players) | seeding |',
    '|---:|---:|---:|---:|---:|---:|---:|',
    ...rows
      .map((r) =>
        [
          r.players.toLocaleString('en'),
          ms(r.buildMs),
          `${ms(percentile(r.page, 50))} / ${ms(percentile(r.page, 95))}`,
          `${ms(percentile(r.sidePage, 50))} / ${ms(percentile(r.sidePage, 95))}`,
          `${ms(percentile(r.rank, 50))} / ${ms(percentile(r.rank, 95))}`,
          `${ms(percentile(r.record, 50))} / ${ms(percentile(r.record, 95))}`,
          ms(r.seedMs),
        ].join(' | '),
      )
      .map((cells) => `| ${cells} |`),
  ];
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(await benchLeaderboard());
}

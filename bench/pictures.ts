/**
 * Pictures and the web page: the time to draw a rank card and a result image, and to serve a web
 * leaderboard page (and a member profile) at 50,000 rated players on SQLite, in process through
 * the app and over HTTP on loopback, with the page cache off (every request rendered).
 * Run: npx tsx bench/pictures.ts   Goals: card <= 50 ms; leaderboard page p50 <= 10 ms at 50,000.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Hono } from 'hono';
import { loadDeck } from '../src/content/load.js';
import { newPlayerRecord, type PlayerRecord } from '../src/debate/player-record.js';
import type { Debate, Result } from '../src/debate/types.js';
import { drawRankCard, rankCardData } from '../src/images/rank-card.js';
import { drawResultImage } from '../src/images/result-image.js';
import { openStore } from '../src/store/open-store.js';
import { DEFAULT_CONFIG } from '../src/store/shapes.js';
import { createWebApp } from '../src/web/app.js';
import { Handles } from '../src/web/handles.js';
import { startWebServer } from '../src/web/server.js';
import { GUILD, seed, userId } from './leaderboard.js';
import { ms, percentile, table, timeEach } from './stats.js';

const PLAYERS = 50_000;
const SAMPLES = 300;

/** One request through the app, body read: what a visitor waits for, less the socket. */
const body = async (app: Hono, url: string) => (await app.request(url)).text();

const cell = (samples: number[]) => `${ms(percentile(samples, 50))} / ${ms(percentile(samples, 95))}`;

export async function benchPictures(): Promise<string> {
  const deck = await loadDeck(fileURLToPath(new URL('../data', import.meta.url)));
  const record: PlayerRecord = {
    ...newPlayerRecord('1'),
    overall: { debates: 40, wins: 22, losses: 15, draws: 3 },
    bySide: {
      lecun: { debates: 25, wins: 15, losses: 8, draws: 2 },
      scaling: { debates: 15, wins: 7, losses: 7, draws: 1 },
    },
    criteria: Object.fromEntries(deck.rubric.map((c, i) => [c.id, { sum: 100 + i * 13, count: 40 }])),
    ratingHistory: Array.from({ length: 100 }, (_, i) => ({
      debateId: `d${i}`,
      at: i,
      rating: 1000 + i * 3,
    })),
  };
  const card = await timeEach(50, () =>
    drawRankCard(rankCardData(deck, { name: 'A debater with a long name', season: 3, rank: 12 }, record)),
  );
  const scores = (side: string, userId: string) => ({
    userId,
    side,
    total: 64.5,
    criteria: deck.rubric.map((c) => ({
      criterionId: c.id,
      score: 3.5,
      reason: '',
      by: 'automatic' as const,
    })),
    coaching: [],
  });
  const result: Result = {
    winner: deck.sides[0].id,
    decidedBy: 'automatic',
    rated: true,
    votes: {},
    crowd: {},
    finishedAt: 0,
    sideTotals: { [deck.sides[0].id]: 64.5, [deck.sides[1].id]: 58 },
    scores: [scores(deck.sides[0].id, 'a'), scores(deck.sides[1].id, 'b')],
  };
  const state = { id: '1', motionId: deck.motions[0]?.id ?? 'M01' } as Debate;
  const resultImage = await timeEach(50, () => drawResultImage(deck, state, result));

  const folder = await mkdtemp(path.join(tmpdir(), 'steelman-bench-web-'));
  try {
    const file = path.join(folder, 'web.sqlite');
    const seeded = performance.now();
    await seed(file, PLAYERS);
    const seedMs = performance.now() - seeded;
    const store = await openStore({ kind: 'sqlite', path: file });
    try {
      await store.guilds.saveConfig(GUILD, { ...DEFAULT_CONFIG, web: true });
      const handles = new Handles('bench');
      const app = createWebApp({ store, deck, handles, cacheMs: 0 });
      const cached = createWebApp({ store, deck, handles });
      const built = performance.now();
      await app.request(`/g/${GUILD}`);
      const buildMs = performance.now() - built;
      const pages = PLAYERS / 10;
      const page = (i: number) => `/g/${GUILD}?page=${1 + ((i * 7919) % pages)}`;
      const inProcess = await timeEach(SAMPLES, (i) => body(app, page(i)));
      const side = await timeEach(SAMPLES, (i) =>
        body(app, `/g/${GUILD}?side=scaling&page=${1 + ((i * 31) % 1000)}`),
      );
      const profile = await timeEach(SAMPLES, (i) =>
        body(app, `/g/${GUILD}/members/${handles.seal('member', GUILD, userId((i * 104729) % PLAYERS))}`),
      );
      await cached.request(`/g/${GUILD}`);
      const hit = await timeEach(SAMPLES, () => body(cached, `/g/${GUILD}`));
      const server = await startWebServer(app, 0, '127.0.0.1');
      let http: number[] = [];
      try {
        http = await timeEach(SAMPLES, (i) =>
          fetch(`http://127.0.0.1:${server.port}${page(i)}`).then((r) => r.text()),
        );
      } finally {
        await server.close();
      }
      return [
        `Drawing (50 each; p50 / p95): rank card ${cell(card)} (goal ≤ 50 ms) · result image (1v1) ${cell(resultImage)}`,
        '',
        `Web leaderboard at ${PLAYERS.toLocaleString('en')} rated players on SQLite (${SAMPLES} requests each, page cache off unless said; p50 / p95; seeding ${(seedMs / 1000).toFixed(0)} s; first page with the one-off leaderboard build ${ms(buildMs, 0)})`,
        '',
        table(
          ['request', 'time'],
          [
            ['leaderboard page, random page, in process (app.request)', cell(inProcess)],
            ['leaderboard page over HTTP on loopback', cell(http)],
            ['side leaderboard page, in process', cell(side)],
            ['member profile (rating chart), in process', cell(profile)],
            ['leaderboard page, from the page cache', cell(hit)],
          ],
        ),
      ].join('\n');
    } finally {
      await store.close();
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(await benchPictures());
}

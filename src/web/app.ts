import { type Context, Hono } from 'hono';
import type { Deck } from '../content/deck.js';
import type { Logger } from '../logger.js';
import { type Store, StoreUnavailableError } from '../store/types.js';
import { type CachedPage, PageCache } from './cache.js';
import type { Handles } from './handles.js';
import { recentDebatesPage, transcriptPage } from './pages/debates.js';
import { indexPage } from './pages/layout.js';
import { leaderboardPage } from './pages/leaderboard.js';
import { motionsPage } from './pages/motions.js';
import { profilePage } from './pages/profile.js';
import { type OpenGuild, Site } from './site.js';

export interface WebDeps {
  readonly store: Store;
  readonly deck: Deck;
  readonly handles: Handles;
  /** Whether the Discord gateway is connected; absent when this process has no gateway (`npm run web`). */
  readonly gateway?: () => boolean;
  readonly logger?: Logger;
  /** How long a rendered page is served again (default 5 s). */
  readonly cacheMs?: number;
  /** How long /healthz waits for the store (default 1 s). */
  readonly healthTimeoutMs?: number;
}

const NOT_FOUND: CachedPage = { status: 404, body: 'Not found' };
const HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Content-Security-Policy':
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'",
};

/** A positive whole number from a query value, `fallback` when absent, undefined when malformed. */
const whole = (value: string | undefined, fallback: number): number | undefined => {
  if (value === undefined || value === '') return fallback;
  return /^\d{1,6}$/.test(value) && Number(value) >= 1 ? Number(value) : undefined;
};

/**
 * The read-only web leaderboard: GET routes only. Every page of a server that has not opted in
 * (or does not exist) is the same plain 404, so the site does not tell which servers use the bot.
 */
export const createWebApp = (deps: WebDeps): Hono => {
  const { store, deck } = deps;
  const site = new Site(store, deck, deps.handles);
  const cache = new PageCache(deps.cacheMs ?? 5000);
  const app = new Hono();

  app.use('*', async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(HEADERS)) c.res.headers.set(name, value);
  });

  const send = (c: Context, page: CachedPage) =>
    page.status === 200
      ? c.html(page.body, 200, {
          'Cache-Control': `public, max-age=${Math.ceil((deps.cacheMs ?? 5000) / 1000)}`,
        })
      : c.text(page.body, page.status as 404, { 'Cache-Control': 'no-store' });

  /** Renders a server's page once per few seconds; `render` answers undefined for a 404. */
  const page =
    (render: (c: Context, guild: OpenGuild) => Promise<string | undefined>) =>
    async (c: Context): Promise<Response> => {
      const url = new URL(c.req.url);
      const key = url.pathname + url.search;
      const hit = cache.get(key);
      if (hit) return send(c, hit);
      const guild = await site.guild(c.req.param('guild') ?? '');
      const body = guild ? await render(c, guild) : undefined;
      const rendered = body === undefined ? NOT_FOUND : { status: 200, body };
      cache.set(key, rendered);
      return send(c, rendered);
    };

  const seasonOf = (c: Context, guild: OpenGuild) => {
    const season = whole(c.req.query('season'), guild.current);
    return season !== undefined && guild.seasons.includes(season) ? season : undefined;
  };

  app.get('/healthz', async (c) => {
    const gateway = deps.gateway ? (deps.gateway() ? 'connected' : 'disconnected') : 'not in this process';
    const storeOk = await Promise.race([
      store.guilds.config('0').then(
        () => true,
        () => false,
      ),
      new Promise<boolean>((resolve) =>
        setTimeout(() => resolve(false), deps.healthTimeoutMs ?? 1000).unref(),
      ),
    ]);
    const healthy = storeOk && gateway !== 'disconnected';
    return c.json({ gateway, store: storeOk ? 'ok' : 'unavailable' }, healthy ? 200 : 503, {
      'Cache-Control': 'no-store',
    });
  });

  app.get('/', (c) => c.html(indexPage()));

  app.get(
    '/g/:guild',
    page(async (c, guild) => {
      const season = seasonOf(c, guild);
      const sideId = c.req.query('side');
      const side = sideId === undefined ? undefined : deck.sides.find((s) => s.id === sideId);
      const pageNumber = whole(c.req.query('page'), 1);
      if (season === undefined || pageNumber === undefined || (sideId !== undefined && !side))
        return undefined;
      const board = await store.players.leaderboard(guild.guildId, season, {
        side: side?.id,
        page: pageNumber,
      });
      const people = await site.people(guild.guildId, [
        ...board.entries.map((e) => e.userId),
        ...board.provisional.map((p) => p.userId),
      ]);
      return leaderboardPage({
        guildId: guild.guildId,
        sides: deck.sides,
        seasons: guild.seasons,
        season,
        currentSeason: guild.current,
        side,
        board,
        people,
      });
    }),
  );

  app.get(
    '/g/:guild/members/:handle',
    page(async (c, guild) => {
      const season = seasonOf(c, guild);
      if (season === undefined) return undefined;
      const handle = c.req.param('handle') ?? '';
      const member = await site.member(guild.guildId, handle, season);
      if (!member) return undefined;
      return profilePage(deck, {
        guildId: guild.guildId,
        name: member.name,
        path: `/g/${guild.guildId}/members/${handle}`,
        seasons: guild.seasons,
        season,
        currentSeason: guild.current,
        record: member.record,
        rank: member.rank,
        debateLink: (id) => site.debatePath(guild.guildId, id),
      });
    }),
  );

  app.get(
    '/g/:guild/debates',
    page(async (_c, guild) =>
      recentDebatesPage(deck, guild.guildId, await site.recentDebates(guild.guildId)),
    ),
  );

  app.get(
    '/g/:guild/debates/:handle',
    page(async (c, guild) => {
      const found = await site.transcript(guild.guildId, c.req.param('handle') ?? '');
      return found && transcriptPage(deck, guild.guildId, found.state.motionId, found.markdown);
    }),
  );

  app.get(
    '/g/:guild/motions',
    page(async (_c, guild) =>
      motionsPage(deck, guild.guildId, await store.guilds.motionTallies(guild.guildId)),
    ),
  );

  app.notFound((c) => send(c, NOT_FOUND));
  app.onError((error, c) => {
    if (error instanceof StoreUnavailableError)
      return c.text('The store is unavailable; try again shortly.', 503, { 'Cache-Control': 'no-store' });
    deps.logger?.error({ err: error, path: c.req.path }, 'web page failed');
    return c.text('Something went wrong.', 500, { 'Cache-Control': 'no-store' });
  });
  return app;
};

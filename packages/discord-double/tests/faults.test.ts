import {
  type DiscordDouble,
  FaultInjector,
  type FaultRule,
  seededRandom,
  startDiscordDouble,
} from '@steelman/discord-double';
import { Client, HTTPError, RateLimitError, REST, type TextChannel } from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../src/rest-routes.js';

/**
 * Fault injection: chosen routes answer 5xx or 429 at a seeded rate, before their handler runs (so
 * nothing changes), first over raw HTTP, then through discord.js's own REST retries.
 */

const TOKEN = 'fake-token-for-tests';
const POST_MESSAGE = 'POST /channels/:channel/messages';

describe('fault rules', () => {
  const decisions = (rule: FaultRule, n: number) => {
    const faults = new FaultInjector(ROUTES, () => 0);
    faults.set(rule);
    return Array.from(
      { length: n },
      (_, id) =>
        faults.decide({
          id,
          method: 'POST',
          route: '/channels/:channelId/messages',
          path: '/channels/1/messages',
        })?.status ?? 200,
    );
  };

  it('given the same seed, then the same requests fail with the same statuses; another seed differs', () => {
    const rule: FaultRule = { route: POST_MESSAGE, rate: 0.3, statuses: [500, 503, 429], seed: 42 };
    const first = decisions(rule, 200);
    expect(decisions(rule, 200)).toEqual(first);
    expect(decisions({ ...rule, seed: 43 }, 200)).not.toEqual(first);
    const failed = first.filter((s) => s !== 200);
    expect(failed.length).toBeGreaterThan(40);
    expect(failed.length).toBeLessThan(80);
    expect(new Set(failed)).toEqual(new Set([500, 503, 429]));
  });

  it('given rate 0 or 1, then nothing or everything fails; a limit stops after that many faults', () => {
    expect(decisions({ route: POST_MESSAGE, rate: 0 }, 50).every((s) => s === 200)).toBe(true);
    expect(decisions({ route: POST_MESSAGE, rate: 1 }, 50).every((s) => s === 500)).toBe(true);
    expect(decisions({ route: POST_MESSAGE, rate: 1, statuses: [502], limit: 2 }, 5)).toEqual([
      502, 502, 200, 200, 200,
    ]);
  });

  it('given a rule for another route or method, then this route is untouched; "*" matches every route', () => {
    expect(decisions({ route: 'PATCH /channels/:c/messages/:m', rate: 1 }, 5).every((s) => s === 200)).toBe(
      true,
    );
    expect(decisions({ route: '*', rate: 1 }, 5).every((s) => s === 500)).toBe(true);
  });

  it('given a malformed rule or a route the double does not serve, then set() throws and says why', () => {
    const faults = new FaultInjector(ROUTES, () => 0);
    expect(() => faults.set({ route: 'POST /channels/:id/message', rate: 1 })).toThrow(/matches no route/);
    expect(() => faults.set({ route: '/channels/:id/messages', rate: 1 })).toThrow(/METHOD \/path/);
    expect(() => faults.set({ route: POST_MESSAGE, rate: 1.5 })).toThrow(/between 0 and 1/);
    // @ts-expect-error: 404 is not a fault status
    expect(() => faults.set({ route: POST_MESSAGE, rate: 1, statuses: [404] })).toThrow(/statuses/);
    expect(faults.rules).toEqual([]);
  });

  it('given seededRandom, then it is deterministic and in [0, 1)', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const values = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(values);
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
  });
});

describe('the double injecting faults', () => {
  let double: DiscordDouble;
  let channel: string;
  let message: string;

  const api = (method: string, path: string, body?: unknown) =>
    fetch(`${double.apiUrl}/v10${path}`, {
      method,
      headers: { Authorization: `Bot ${TOKEN}`, 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  beforeAll(async () => {
    double = await startDiscordDouble({
      faults: { route: 'GET /channels/:channel', rate: 1, statuses: [502] },
    });
    channel = double.addGuild({ name: 'Faulty' }).channel('general').id;
    const response = await api('POST', `/channels/${channel}/messages`, { content: 'original' });
    message = ((await response.json()) as { id: string }).id;
  });

  afterAll(() => double?.stop());

  afterEach(() => {
    double.faults.clear();
    double.faults.resetCounts();
  });

  it('given faults passed at start, then they are in force from the first request', async () => {
    const response = await api('GET', `/channels/${channel}`);
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({ message: '502: Bad Gateway', code: 0 });
  });

  it('given 429 on message creation, then it answers as Discord does and creates nothing', async () => {
    double.faults.set({ route: POST_MESSAGE, rate: 1, statuses: [429], retryAfterMs: 1500 });
    const before = double.channelMessages(channel).length;
    const response = await api('POST', `/channels/${channel}/messages`, { content: 'limited' });
    expect(response.status).toBe(429);
    expect(await response.json()).toEqual({
      message: 'You are being rate limited.',
      retry_after: 1.5,
      global: false,
    });
    expect(response.headers.get('retry-after')).toBe('1.5');
    expect(response.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(response.headers.get('x-ratelimit-reset-after')).toBe('1.5');
    expect(response.headers.get('x-ratelimit-scope')).toBe('user');
    expect(response.headers.get('x-ratelimit-bucket')).toMatch(/\S+/);
    expect(response.headers.has('x-ratelimit-global')).toBe(false);
    expect(Number(response.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
    expect(double.channelMessages(channel)).toHaveLength(before);
    const recorded = double.requestsTo('POST', '/channels/:channelId/messages').at(-1);
    expect(recorded).toMatchObject({ status: 429, fault: 429 });
    expect(double.faults.counts()).toEqual({
      total: 1,
      byRoute: { 'POST /channels/:channelId/messages': 1 },
      byStatus: { 429: 1 },
    });
  });

  it('given 5xx on message edits, then the edit is not applied; once cleared at run time, it is', async () => {
    double.faults.set({ route: 'PATCH /channels/:channel/messages/:message', rate: 1, statuses: [500, 503] });
    const failed = await api('PATCH', `/channels/${channel}/messages/${message}`, { content: 'edited' });
    expect([500, 503]).toContain(failed.status);
    expect(double.message(message)?.content).toBe('original');
    double.faults.clear('PATCH /channels/:c/messages/:m');
    const edited = await api('PATCH', `/channels/${channel}/messages/${message}`, { content: 'edited' });
    expect(edited.status).toBe(200);
    expect(double.message(message)?.content).toBe('edited');
    expect(double.faults.injected).toHaveLength(1);
    expect(double.faults.injected[0]).toMatchObject({
      method: 'PATCH',
      rule: 'PATCH /channels/:channel/messages/:message',
    });
  });

  it('given a 5xx, when the same enforced nonce is sent again (and again), then exactly one message exists', async () => {
    double.faults.set({ route: POST_MESSAGE, rate: 1, statuses: [503], limit: 1 });
    const send = () =>
      api('POST', `/channels/${channel}/messages`, {
        content: 'once',
        nonce: 'retry-1',
        enforce_nonce: true,
      });
    const first = await send();
    expect(first.status).toBe(503);
    const second = await send();
    const third = await send();
    expect(second.status).toBe(200);
    expect(((await third.json()) as { id: string }).id).toBe(((await second.json()) as { id: string }).id);
    expect(double.channelMessages(channel).filter((m) => m.content === 'once')).toHaveLength(1);
  });
});

describe('discord.js REST retries against injected faults', () => {
  let double: DiscordDouble;
  let client: Client;
  let channel: TextChannel;

  beforeAll(async () => {
    double = await startDiscordDouble();
    const id = double.addGuild({ name: 'Retries' }).channel('general').id;
    client = new Client({ intents: ['Guilds'], rest: { api: double.apiUrl } });
    await client.login(TOKEN);
    channel = (await client.channels.fetch(id)) as TextChannel;
  });

  afterAll(async () => {
    await client?.destroy();
    await double?.stop();
  });

  afterEach(() => {
    double.faults.clear();
    double.faults.resetCounts();
  });

  const posts = () => double.requestsTo('POST', '/channels/:channelId/messages');

  it('given every message creation fails with 500, then discord.js tries 4 times (retries: 3) and rejects with HTTPError; nothing was created', async () => {
    double.faults.set({ route: POST_MESSAGE, rate: 1, statuses: [500] });
    const before = posts().length;
    const error: unknown = await channel.send('doomed').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HTTPError);
    expect((error as HTTPError).status).toBe(500);
    expect(posts().length - before).toBe(4);
    expect(double.faults.counts().total).toBe(4);
    expect(double.channelMessages(channel.id).filter((m) => m.content === 'doomed')).toEqual([]);
  });

  it('given 30% of message creations fail with 500, 503 or 429 (seed 42), then discord.js retries and every send succeeds, each message once', async () => {
    double.faults.set({
      route: POST_MESSAGE,
      rate: 0.3,
      statuses: [500, 503, 429],
      seed: 42,
      retryAfterMs: 50,
    });
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => channel.send(`m${i}`)));
    const sent = results.filter((r) => r.status === 'fulfilled').length;
    expect(sent).toBe(20);
    const { total, byStatus } = double.faults.counts();
    expect(total).toBeGreaterThan(0);
    expect(Object.keys(byStatus).length).toBeGreaterThan(1);
    const texts = double.channelMessages(channel.id).map((m) => m.content);
    for (let i = 0; i < 20; i++) expect(texts.filter((t) => t === `m${i}`)).toHaveLength(1);
  });

  it('given one 429, then discord.js waits Retry-After and sends again', async () => {
    double.faults.set({ route: POST_MESSAGE, rate: 1, statuses: [429], retryAfterMs: 300, limit: 1 });
    const started = Date.now();
    const sent = await channel.send('patient');
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(double.message(sent.id)?.content).toBe('patient');
    expect(double.faults.counts().byStatus).toEqual({ 429: 1 });
  });

  it("given a client with rejectOnRateLimit, then a 429 rejects with a RateLimitError that carries Discord's fields", async () => {
    const strict = new REST({ api: double.apiUrl, rejectOnRateLimit: () => true }).setToken(TOKEN);
    try {
      double.faults.set({ route: POST_MESSAGE, rate: 1, statuses: [429], retryAfterMs: 2000 });
      const error: unknown = await strict
        .post(`/channels/${channel.id}/messages`, { body: { content: 'limited' } })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RateLimitError);
      // discord.js adds its 50 ms offset to Retry-After.
      expect(error).toMatchObject({ global: false, scope: 'user', retryAfter: 2050, method: 'POST' });
    } finally {
      strict.clearHashSweeper();
      strict.clearHandlerSweeper();
    }
  });

  it('given a 5xx on the first attempt, when discord.js retries with the same enforced nonce, then exactly one message is created', async () => {
    double.faults.set({ route: POST_MESSAGE, rate: 1, statuses: [502], limit: 1 });
    const sent = await channel.send({ content: 'exactly once', nonce: 'nonce-42', enforceNonce: true });
    expect(double.faults.counts().total).toBe(1);
    const again = await channel.send({ content: 'exactly once', nonce: 'nonce-42', enforceNonce: true });
    expect(again.id).toBe(sent.id);
    expect(double.channelMessages(channel.id).filter((m) => m.content === 'exactly once')).toHaveLength(1);
  });
});

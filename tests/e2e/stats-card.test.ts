import { createServer } from 'node:net';
import type { DoubleUser } from '@steelman/discord-double';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodedSize, pngSize } from '../images/png.js';
import { confirmed, privately, speechText, Table } from './flows.js';
import { type Bot, embedText, startWorldWithBot, stopWorldWithBot, type World } from './harness.js';

/**
 * The pictures and the web page through the real client: a rated debate, then /stats returns the
 * rank card as a PNG attachment (text still there), and the bot's own web server shows the
 * server's leaderboard once a moderator turns it on.
 */
let world: World;
let bot: Bot;
let alice: DoubleUser;
let bob: DoubleUser;
let mod: DoubleUser;
let port = 0;

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

beforeAll(async () => {
  port = await freePort();
  ({ world, bot } = await startWorldWithBot(
    { channels: ['debates', 'lounge'] },
    { env: { WEB_PORT: String(port), WEB_HOST: '127.0.0.1' } },
  ));
  alice = world.user('alice');
  bob = world.user('bob');
  mod = world.user('mod');
}, 60_000);

afterAll(() => stopWorldWithBot(world, bot));

const site = (path: string) => fetch(`http://127.0.0.1:${port}${path}`);

describe('the rank card and the web leaderboard, end to end', () => {
  it('given a rated debate, when the winner uses /stats, then the reply carries the rank card PNG and the text', async () => {
    const table = await Table.open(world, alice, 'debates', { motion: 'M01', format: 'quick' });
    await table.seat(alice, 'lecun');
    await table.seat(bob, 'scaling');
    const begun = await table.begin();
    await table.readyAll(begun, [alice, bob]);
    await table.speak(alice, 0, speechText('alice, before bob concedes'));
    await table.turn(1);
    await confirmed(bob, bob.slash(table.channel, 'debate', { subcommand: 'forfeit' }));
    await table.result();

    const stats = await privately(alice.slash(table.channel, 'stats', {}));
    expect(embedText(stats)).toContain('provisional');
    expect(embedText(stats)).toContain('1W 0L 0D');
    const [card] = stats.attachments;
    expect(card?.filename).toBe('rank-card.png');
    expect(card?.description).toMatch(/^Rank card, season 1: rating \d+/);
    expect(stats.embeds[0]?.image).toMatchObject({ url: 'attachment://rank-card.png' });
    if (!card) throw new Error('no attachment');
    expect(card.size).toBe(card.bytes.length);
    expect(pngSize(card.bytes)).toEqual({ width: 800, height: 480 });
    expect(await decodedSize(card.bytes)).toEqual({ width: 800, height: 480 });
    expect(bot.errors()).toEqual([]);
  }, 60_000);

  it('given a server that has not opted in, then its page is a 404; once a moderator turns web on, the page lists its members by name', async () => {
    const guild = world.guild.id;
    expect((await site(`/g/${guild}`)).status).toBe(404);
    const health = await site('/healthz');
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ gateway: 'connected', store: 'ok' });

    await privately(
      mod.slash(world.channel('lounge'), 'config', {
        subcommand: 'set',
        options: { key: 'web', value: 'on' },
      }),
    );
    // bob is named once the bot sees him (here through /leaderboard); results do not carry names yet.
    await (await bob.slash(world.channel('lounge'), 'leaderboard', {})).response();
    // Pages are cached for a few seconds, the 404 above included.
    let page = await site(`/g/${guild}`);
    for (let i = 0; i < 40 && page.status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 250));
      page = await site(`/g/${guild}`);
    }
    expect(page.status).toBe(200);
    const body = await page.text();
    expect(body).toContain('Not ranked yet');
    expect(body).toContain('>alice</a>');
    expect(body).toContain('>bob</a>');
    expect(body).not.toContain(alice.id);
    expect(body).not.toContain(bob.id);
  }, 30_000);

  it('given images turned off, then /stats answers in text only', async () => {
    await privately(
      mod.slash(world.channel('lounge'), 'config', {
        subcommand: 'set',
        options: { key: 'images', value: 'off' },
      }),
    );
    const stats = await privately(alice.slash(world.channel('lounge'), 'stats', {}));
    expect(stats.attachments).toEqual([]);
    expect(embedText(stats)).toContain('1W 0L 0D');
    expect(bot.errors()).toEqual([]);
  });
});

import { CallbackType, type InteractionHandle } from '@steelman/discord-double';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RedisServer, redisSkipReason, startRedis } from '../support/redis.js';
import { type SlowProxy, startSlowProxy } from '../support/slow-proxy.js';
import { Table } from './flows.js';
import { Bot, eventually, MEMBERS, startWorld, type World } from './harness.js';

/**
 * A store that answers, but late: every Redis answer held 1.5 s (a congested link, an overloaded
 * server). Every interaction must still get a first answer within Discord's 3 s, then its real outcome.
 */
const redisSkip = redisSkipReason();
const FULL = /^(Both sides are full\. You can still join as a judge\.|The .+ side is full\.)$/;

describe.skipIf(redisSkip !== undefined)('a store that answers 1.5 s late', () => {
  let redis: RedisServer;
  let proxy: SlowProxy;
  let world: World;
  let bot: Bot;

  beforeAll(async () => {
    redis = await startRedis();
    proxy = await startSlowProxy(redis.port, 0);
    world = await startWorld({ channels: ['debates'] });
    await Bot.deployCommands(world);
    bot = await Bot.start(world, { storeUrl: proxy.url });
  }, 60_000);

  afterAll(async () => {
    await bot?.stop();
    await proxy?.close();
    await redis?.stop();
    await world?.close();
  });

  it('given ten members pressing join at once on a 2v2 lobby, then each gets a first answer inside 3 s, then the outcome; the card ends showing exactly who was seated', async () => {
    const table = await Table.open(world, world.user('sam'), 'debates', {
      motion: 'M01',
      format: 'team',
      size: '2v2',
    });
    proxy.delayMs = 1500;
    const joiners = MEMBERS.filter((name) => name !== 'sam')
      .slice(0, 10)
      .map((name) => world.user(name));
    const handles: InteractionHandle[] = await Promise.all(joiners.map((user) => table.join(user, 'auto')));
    const first = await Promise.all(handles.map((h) => h.reply(10_000)));
    for (const handle of handles) expect(handle.roundTripMs).toBeLessThan(3000);
    // Queued behind each other on a slow store: deferred (the card's buttons defer as an update).
    expect(first.filter((a) => a.type === CallbackType.DeferredMessageUpdate).length).toBeGreaterThan(0);

    // Then the real outcome: a seat shows on the card; a refusal comes privately.
    const refusals = await eventually(
      () => {
        const told = handles.map((h) => h.followUps().find((m) => FULL.test(m.content)));
        return told.filter(Boolean).length === 6 ? told : undefined;
      },
      40_000,
      'six members told the sides are full',
    );
    const seatedIds = joiners.filter((_, i) => !refusals[i]).map((u) => u.id);
    expect(seatedIds).toHaveLength(4);
    for (const told of refusals.filter(Boolean)) expect(told?.ephemeral).toBe(true);
    const card = await eventually(
      () => {
        const now = table.seated();
        const shown = [...now.lecun, ...now.scaling].sort();
        return shown.join() === [...seatedIds].sort().join() ? now : undefined;
      },
      20_000,
      'the lobby card to show the four seated members',
    );
    expect(card.lecun).toHaveLength(2);
    expect(card.scaling).toHaveLength(2);
    proxy.delayMs = 0;
    expect(bot.errors()).toEqual([]);
  }, 90_000);
});

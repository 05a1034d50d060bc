import type { DoubleUser } from '@steelman/discord-double';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RedisServer, redisSkipReason, startRedis } from '../support/redis.js';
import { lobbyCardOf } from './flows.js';
import { Bot, buttonId, embedText, eventually, startWorld, type World } from './harness.js';

/**
 * Sharded Steelman on one Redis: two shard processes under discord.js's ShardingManager, guilds
 * split between them; one shard killed with -9 mid-debate comes back and its debate goes on.
 */
const skip = redisSkipReason();
let redis: RedisServer;
let world: World;
let bot: Bot;

const armedLines = (shard: number) =>
  bot.logs.filter((l) => l.includes('"msg":"deadlines armed"') && l.includes(`"shards":[${shard}]`));
const pidOf = (line: string) => Number(/"pid":(\d+)/.exec(line)?.[1]);

beforeAll(async () => {
  if (skip) return;
  redis = await startRedis();
  world = await startWorld({
    guilds: [
      { name: 'Club A', shard: [0, 2] },
      { name: 'Club B', shard: [1, 2] },
    ],
  });
  await Bot.deployCommands(world);
  bot = await Bot.start(world, { storeUrl: redis.url, env: { SHARDS: '2' } });
  await eventually(
    () => (armedLines(0).length > 0 && armedLines(1).length > 0 ? true : undefined),
    30_000,
    'both shards ready',
  );
}, 90_000);

afterAll(async () => {
  await bot?.stop();
  await world?.close();
  await redis?.stop();
});

/** Opens a quick debate in a guild's #debates, seats two members, begins, skips prep. */
const openDebate = async (guildIndex: number, a: DoubleUser, b: DoubleUser) => {
  const guild = world.guilds[guildIndex];
  if (!guild) throw new Error('no guild');
  const channel = guild.channel('debates').id;
  const lobby = await lobbyCardOf(
    world,
    channel,
    a.slash(channel, 'debate', { subcommand: 'start', options: { motion: 'M01', format: 'quick' } }),
  );
  await (await a.click(lobby, buttonId(lobby, /:join:\d+:lecun$/))).reply();
  await (await b.click(lobby, buttonId(lobby, /:join:\d+:scaling$/))).reply();
  await (await a.click(lobby, buttonId(lobby, /:begin:/))).reply();
  // Begin moved the debate into a thread started from the lobby card (it has the card's id).
  const thread = lobby.id;
  const begun = await world.double.waitForMessage(
    thread,
    (m) => m.content.includes('the debate has begun'),
    5000,
  );
  await (await a.click(begun, buttonId(begun, /:ready:/))).reply();
  await (await b.click(begun, buttonId(begun, /:ready:/))).reply();
  return thread;
};

const speak = async (channel: string, turn: number, speaker: DoubleUser) => {
  const turns = () => world.double.channelMessages(channel).filter((m) => m.content.startsWith('🎤'));
  const announcement = await eventually(() => turns()[turn], 10_000, `turn ${turn + 1} in ${channel}`);
  expect(announcement.content).toContain(`<@${speaker.id}>`);
  const modal = await (await speaker.click(announcement, buttonId(announcement, /:speak:/))).modal();
  const reply = await (
    await speaker.submitModal(modal, {
      speech: `First, a speech for turn ${turn + 1}. Therefore my side wins.`,
    })
  ).response();
  expect(reply.ephemeral).toBe(true);
};

const resultIn = (channel: string) =>
  world.double.waitForMessage(
    channel,
    (m) => m.embeds.some((e) => /win|draw|No decision/.test(String(e.title))),
    10_000,
  );

describe.skipIf(skip !== undefined)('two shards on one Redis', () => {
  it('given debates in guilds on both shards, when one shard is killed mid-debate, then it comes back and both debates finish with the right standings', async () => {
    const [alice, bob, carol, dave] = [
      world.user('alice'),
      world.user('bob'),
      world.user('carol'),
      world.user('dave'),
    ];
    const inA = await openDebate(0, alice, bob);
    const inB = await openDebate(1, carol, dave);
    await speak(inA, 0, alice);
    await speak(inB, 0, carol);

    const [before] = armedLines(1);
    if (!before) throw new Error('shard 1 never armed');
    process.kill(pidOf(before), 'SIGKILL');
    // Shard 0 carries on while shard 1 is down.
    await speak(inA, 1, bob);
    const back = await eventually(
      () => armedLines(1).find((l) => pidOf(l) !== pidOf(before)),
      30_000,
      'shard 1 back',
    );
    expect(back).toMatch(/"timers":1/);

    for (const [turn, who] of [
      [1, dave],
      [2, carol],
      [3, dave],
    ] as const)
      await speak(inB, turn, who);
    for (const [turn, who] of [
      [2, alice],
      [3, bob],
    ] as const)
      await speak(inA, turn, who);
    expect(embedText(await resultIn(inA))).toContain('Decided by the automatic rubric');
    expect(embedText(await resultIn(inB))).toContain('Decided by the automatic rubric');

    const statsOf = async (user: DoubleUser, guildIndex: number) =>
      embedText(
        await (
          await user.slash(world.guilds[guildIndex]?.channel('debates').id ?? '', 'stats', {})
        ).response(),
      );
    expect(await statsOf(alice, 0)).toMatch(/[01]W [01]L [01]D/);
    expect(await statsOf(carol, 1)).toMatch(/[01]W [01]L [01]D/);
    expect(await statsOf(alice, 1)).toContain('no rated debate');
    expect(await statsOf(carol, 0)).toContain('no rated debate');
    expect(bot.errors()).toEqual([]);
  }, 120_000);

  it('given the manager gets SIGTERM, then it and its shards exit 0 within 5 s', async () => {
    const { code, ms } = await bot.stop();
    expect(code).toBe(0);
    expect(ms).toBeLessThan(5000);
  }, 20_000);
});

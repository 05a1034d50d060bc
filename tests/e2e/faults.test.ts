import { CallbackType, type DoubleMessage, type DoubleUser } from '@steelman/discord-double';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RedisServer, redisSkipReason, startRedis } from '../support/redis.js';
import { privately, speechText, Table } from './flows.js';
import { Bot, buttonId, embedText, FAKE_TOKEN, startWorld, type World } from './harness.js';

/**
 * Faults, as players see them (PRODUCT.md: "Every step survives a restart of the bot"): kill -9 and
 * SIGTERM mid-debate, a deadline that passes while the bot is down, a dropped gateway connection,
 * and a Redis store that stops answering and comes back.
 */
const STORE_DOWN = 'Storage is unavailable right now, so nothing was changed. Please try again in a moment.';

/** The unix second of the `<t:…:R>` deadline in a message. */
const deadlineOf = (message: DoubleMessage | string): number => {
  const text = typeof message === 'string' ? message : message.content;
  const match = /<t:(\d+):R>/.exec(text);
  if (!match?.[1]) throw new Error(`no <t:…:R> deadline in ${JSON.stringify(text)}`);
  return Number(match[1]);
};

const statusText = async (user: DoubleUser, channel: string) =>
  embedText(await privately(user.slash(channel, 'debate', { subcommand: 'status' })));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Presses Speak on `announcement` and submits `text` through the form; resolves with the private ack. */
const speakOn = async (speaker: DoubleUser, announcement: DoubleMessage, text: string) => {
  const modal = await (await speaker.click(announcement, buttonId(announcement, /:speak:/))).modal();
  return privately(speaker.submitModal(modal, { speech: text }));
};

describe('restarts on the same SQLite store', () => {
  let world: World;
  const bots: Bot[] = [];
  let bot: Bot;
  let alice: DoubleUser;
  let bob: DoubleUser;
  let quick: Table;
  let snap: Table;

  const startBot = async () => {
    bot = await Bot.start(world);
    bots.push(bot);
    return bot;
  };

  beforeAll(async () => {
    world = await startWorld();
    await Bot.deployCommands(world);
    await startBot();
    alice = world.user('alice');
    bob = world.user('bob');
  }, 60_000);

  afterAll(async () => {
    for (const b of bots) await b.stop();
    await world?.close();
  });

  it('given turn 2 under way, when the bot is killed (kill -9) and started again, then the same speaker has the same deadline and their Speak button still works', async () => {
    quick = await Table.open(world, alice, 'debates', { motion: 'M01', format: 'quick' });
    await quick.seat(alice, 'lecun');
    await quick.seat(bob, 'scaling');
    await quick.readyAll(await quick.begin(), [alice, bob]);
    await quick.speak(alice, 0, speechText('before the crash'));
    const turn2 = await quick.turn(1);
    expect(turn2.content).toContain(`<@${bob.id}>`);
    const deadline = deadlineOf(turn2);
    expect(await statusText(bob, quick.channel)).toContain(`Turn 2 of 4: <@${bob.id}>`);
    // Mid-turn with nothing in flight: the bot has had time to note its announcements as posted.
    await sleep(500);

    await bot.crash();
    await startBot();

    const status = await statusText(alice, quick.channel);
    expect(status).toContain(`Turn 2 of 4: <@${bob.id}>`);
    expect(deadlineOf(status)).toBe(deadline);
    // The turn was neither announced again nor cut short.
    expect(quick.turns()).toHaveLength(2);
    expect(quick.messages().filter((m) => m.content.startsWith('⏱️'))).toEqual([]);

    // The turn message posted by the killed process still works for its speaker.
    const text = speechText('after the crash');
    await speakOn(bob, turn2, text);
    const posted = await quick.waitFor(
      (m) => m.content.startsWith('🗣️') && embedText(m).includes('after the crash'),
      "bob's speech",
    );
    expect(posted.content).toContain(`<@${bob.id}>`);
    expect((await quick.turn(2)).content).toContain(`<@${alice.id}>`);
  });

  it('given a snap turn whose deadline passes while the bot is down, when it starts again, then the turn is recorded as missed at once and the next turn gets its full time', async () => {
    const carol = world.user('carol');
    const dave = world.user('dave');
    snap = await Table.open(world, carol, 'lounge', { motion: 'M01', format: 'snap' });
    await snap.seat(carol, 'lecun');
    await snap.seat(dave, 'scaling');
    await snap.begin();
    const turn1 = await snap.turn(0);
    await bot.crash();
    expect(turn1.content).toContain(`<@${carol.id}>`);

    // The 5-second turn (its 2-second bell too) runs out while nothing is running.
    const deadline = deadlineOf(turn1);
    await sleep(Math.max(0, (deadline + 1) * 1000 + 300 - Date.now()));
    expect(snap.messages().filter((m) => /^(⏱️|🔔)/.test(m.content))).toEqual([]);

    const startedAt = Date.now();
    await startBot();
    const armedAt = Date.now();
    const missed = await snap.waitFor((m) => m.content.startsWith('⏱️'), 'the missed turn', 2000);
    // At once: within a second of the new process arming its deadlines.
    expect(missed.createdAt - armedAt).toBeLessThan(1000);
    expect(missed.content).toBe(`⏱️ <@${carol.id}> missed their constructive: time ran out.`);
    // Found by speaker, not by position: announcements are delivered at least once, so a kill right
    // after posting (before the bot noted it as posted) may post carol's turn again on start.
    const turn2 = await snap.waitFor(
      (m) => m.content.startsWith('🎤') && m.content.includes(dave.id),
      "dave's turn",
      2000,
    );
    // Full time from now, not what was left of it at the old deadline.
    expect(deadlineOf(turn2) * 1000).toBeGreaterThan(startedAt + 4000);
    expect(deadlineOf(turn2) * 1000).toBeLessThanOrEqual(Date.now() + 5000);
    // The late bell was folded into the end rather than rung after the fact; one missed record.
    expect(snap.messages().filter((m) => m.content.startsWith('🔔'))).toEqual([]);
    expect(snap.messages().filter((m) => m.content.startsWith('⏱️'))).toHaveLength(1);
  });

  it('given live debates, when the bot gets SIGTERM, then it exits 0 within 5 s and the debates go on after the next start', async () => {
    const channel = quick.channel;
    const before = await statusText(alice, channel);
    expect(before).toContain(`Turn 3 of 4: <@${alice.id}>`);

    const stopped = await bot.stop('SIGTERM');
    expect(stopped.code).toBe(0);
    expect(stopped.ms).toBeLessThan(5000);
    await startBot();

    const after = await statusText(alice, channel);
    expect(after).toContain(`Turn 3 of 4: <@${alice.id}>`);
    expect(deadlineOf(after)).toBe(deadlineOf(before));
    await speakOn(alice, await quick.turn(2), speechText('after a clean stop'));
    expect((await quick.turn(3)).content).toContain(`<@${bob.id}>`);
  });

  it('given the gateway closes with 4000, when a member runs /debate status meanwhile, then the bot resumes and answers it', async () => {
    const channel = quick.channel;
    await world.double.dropConnection(0, 4000);
    expect(world.double.isConnected(0)).toBe(false);
    const handle = await bob.slash(channel, 'debate', { subcommand: 'status' });
    // Sent while the bot had no socket: it waits in the session for the resume.
    expect(handle.record.dispatchedPerf).toBeNull();
    expect(await world.double.waitForReconnect(0, 5000)).toBe('resumed');
    const reply = await handle.response();
    expect(reply.ephemeral).toBe(true);
    expect(embedText(reply)).toContain(`Turn 4 of 4: <@${bob.id}>`);

    // The debate runs to its result after two restarts and a resume.
    await speakOn(bob, await quick.turn(3), speechText('the last word'));
    expect(embedText(await quick.result())).toContain('Decided by the automatic rubric');
  });

  it('given the snap debate left running across the SIGTERM, then its last turn ran out and it finished; no process logged an error or the token', async () => {
    const dave = world.user('dave');
    const missed = await snap.waitFor(
      (m) => m.content.startsWith('⏱️') && m.content.includes(dave.id),
      "dave's missed turn",
      8000,
    );
    expect(missed.content).toContain('time ran out');
    await snap.result(3000);
    for (const b of bots) {
      expect(b.logs.filter((l) => l.includes(FAKE_TOKEN))).toEqual([]);
      expect(b.errors()).toEqual([]);
    }
    expect(bot.alive).toBe(true);
  }, 15_000);
});

const redisSkip = redisSkipReason();

describe.skipIf(redisSkip !== undefined)('a Redis store that stops answering mid-debate', () => {
  let redis: RedisServer;
  let world: World;
  let bot: Bot;
  let table: Table;
  let turn1: DoubleMessage;

  beforeAll(async () => {
    redis = await startRedis();
    world = await startWorld();
    await Bot.deployCommands(world);
    bot = await Bot.start(world, { storeUrl: redis.url });
    const alice = world.user('alice');
    const bob = world.user('bob');
    table = await Table.open(world, alice, 'debates', { motion: 'M01', format: 'quick' });
    await table.seat(alice, 'lecun');
    await table.seat(bob, 'scaling');
    await table.readyAll(await table.begin(), [alice, bob]);
    turn1 = await table.turn(0);
  }, 60_000);

  afterAll(async () => {
    redis?.resume();
    await bot?.stop();
    await redis?.stop();
    await world?.close();
  });

  it('given redis-server frozen (SIGSTOP), when members click and run commands, then each gets a first answer inside 3 s: reads from memory, writes refused with "nothing was changed"; on SIGCONT the same click works without a restart', async () => {
    const alice = world.user('alice');
    const bob = world.user('bob');
    const channel = table.channel;
    // Alice opened her speech form while the store still answered.
    const form = await (await alice.click(turn1, buttonId(turn1, /:speak:/))).modal();
    const written = speechText('written while the store was away');
    redis.pause();
    try {
      const [click, status, stats, submitted] = await Promise.all([
        alice.click(turn1, buttonId(turn1, /:speak:/)),
        bob.slash(channel, 'debate', { subcommand: 'status' }),
        bob.slash(channel, 'stats', {}),
        alice.submitModal(form, { speech: written }),
      ]);
      // The live debate is in memory: its form and its status need no store.
      expect((await click.reply()).type).toBe(CallbackType.Modal);
      expect(embedText(await privately(status))).toContain(`<@${alice.id}>`);
      // What needs the store is deferred in time, then refused once the store's deadline (2 s) passes.
      for (const handle of [stats, submitted]) {
        const reply = await privately(handle);
        expect(reply.content).toContain(STORE_DOWN);
      }
      for (const handle of [click, status, stats, submitted]) expect(handle.roundTripMs).toBeLessThan(3000);
      expect((await submitted.reply()).type).toBe(CallbackType.DeferredChannelMessageWithSource);
      // A form keeps nothing once submitted: the speech comes back to its author.
      const handedBack = await submitted.response();
      expect(handedBack.content).toContain('Your text is attached so nothing is lost.');
      expect(handedBack.attachments[0]?.text()).toBe(written);
      expect(bot.alive).toBe(true);
    } finally {
      redis.resume();
    }
    expect(table.speeches()).toEqual([]);

    await speakOn(alice, turn1, speechText('once the store is back'));
    await table.waitFor((m) => m.content.startsWith('🗣️'), 'the speech');
    expect((await table.turn(1)).content).toContain(`<@${bob.id}>`);
    expect(bot.alive).toBe(true);
  });

  it('given redis-server killed, then a command is refused at once; started again, the same bot reconnects by itself', async () => {
    const bob = world.user('bob');
    const channel = world.channel('debates');
    await redis.kill();
    const handle = await bob.slash(channel, 'stats', {});
    expect((await privately(handle)).content).toBe(STORE_DOWN);
    // No connection: refused without waiting out the store's deadline.
    expect(handle.roundTripMs).toBeLessThan(1000);
    expect(bot.alive).toBe(true);

    // Started again, the same bot reconnects by itself: what needs the store answers again.
    await redis.restart();
    const deadline = Date.now() + 8000;
    let answer: DoubleMessage | undefined;
    while (Date.now() < deadline) {
      answer = await privately(bob.slash(channel, 'stats', {}));
      if (answer.content !== STORE_DOWN) break;
      await sleep(250);
    }
    expect(answer?.content).not.toBe(STORE_DOWN);
    expect(embedText(answer as DoubleMessage)).toMatch(/Overall|no rated debate/);
    expect(bot.alive).toBe(true);
    expect(bot.logs.filter((l) => l.includes(FAKE_TOKEN))).toEqual([]);
    expect(bot.errors()).toEqual([]);
  }, 15_000);
});

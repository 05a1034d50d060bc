import type { DoubleUser } from '@steelman/discord-double';
import { PermissionFlagsBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmed, privately, speechText, Table } from './flows.js';
import { Bot, embedText, eventually, startWorld, stopWorldWithBot, type World } from './harness.js';

/**
 * A thread per debate: on Begin a debate moves into a thread started from its lobby card, where its
 * turns, speeches and result are posted and its commands are typed; the channel is then free for
 * another debate, and hears the result in brief. Without thread permission, or with `threads off`,
 * the debate runs in its channel as before.
 */
let world: World;
let bot: Bot;
let mod: DoubleUser;

beforeAll(async () => {
  world = await startWorld({ channels: ['debates', 'plain', 'lounge'] });
  // A channel where the bot may post but not start threads.
  world.double.addChannel(world.guild.id, {
    name: 'no-threads',
    overwrites: [{ role: world.guild.botRoleId, deny: PermissionFlagsBits.CreatePublicThreads }],
  });
  await Bot.deployCommands(world);
  bot = await Bot.start(world);
  mod = world.user('mod');
}, 60_000);

afterAll(() => stopWorldWithBot(world, bot));

const status = async (user: DoubleUser, channel: string) =>
  embedText(await privately(user.slash(channel, 'debate', { subcommand: 'status' })));

/** Seats two debaters and begins; resolves with the "the debate has begun" message. */
const begin = async (table: Table, lecun: DoubleUser, scaling: DoubleUser) => {
  await table.seat(lecun, 'lecun');
  await table.seat(scaling, 'scaling');
  return table.begin();
};

describe('a thread per debate', () => {
  it('given a debate begun in a channel, then it runs in a thread from its lobby card while a second debate opens and runs in the same channel, each thread acting on its own debate', async () => {
    const [alice, bob, carol, dave] = (['alice', 'bob', 'carol', 'dave'] as const).map((n) => world.user(n));
    if (!alice || !bob || !carol || !dave) throw new Error('members missing');
    const debates = world.channel('debates');

    const first = await Table.open(world, alice, 'debates', { motion: 'M01', format: 'quick' });
    const begun = await begin(first, alice, bob);
    // The thread was started from the lobby card, so it has the card's id; the card stays in the channel.
    expect(first.channel).toBe(first.card.id);
    const thread = world.double.channel(first.card.id);
    expect(thread.parentId).toBe(debates);
    expect(thread.name).toMatch(/^Debate: This house believes/);
    expect(thread.thread?.memberIds).toEqual(expect.arrayContaining([alice.id, bob.id]));
    expect(begun.channelId).toBe(thread.id);
    expect(
      world.double.channelMessages(debates).some((m) => m.content.includes('the debate has begun')),
    ).toBe(false);

    // The channel is free: a second debate opens there and moves into a thread of its own.
    const second = await Table.open(world, carol, 'debates', { motion: 'M02', format: 'quick' });
    await begin(second, carol, dave);
    expect(second.channel).toBe(second.card.id);
    expect(world.double.threads(debates).map((t) => t.id)).toEqual(
      expect.arrayContaining([first.card.id, second.card.id]),
    );

    // Commands typed in a thread act on its debate; the channel itself holds none now.
    const motion = (id: string) => String(world.double.message(id)?.embeds[0]?.description ?? '');
    expect(await status(alice, first.channel)).toContain('Prep');
    expect(await status(alice, first.channel)).not.toContain(motion(second.card.id).slice(0, 40));
    expect(await status(carol, second.channel)).not.toContain(motion(first.card.id).slice(0, 40));
    expect(await status(carol, debates)).toContain('There is no debate in this channel');

    // The first debate plays out in its thread: prep, a speech, a forfeit typed there.
    await first.readyAll(begun, [alice, bob]);
    const speech = await first.speak(alice, 0, speechText('alice, in the thread'));
    expect(speech.channelId).toBe(first.channel);
    const conceded = await confirmed(bob, bob.slash(first.channel, 'debate', { subcommand: 'forfeit' }));
    expect(conceded.content).toBe('You have forfeited. The other side wins.');
    const result = await first.result();
    expect(result.channelId).toBe(first.channel);

    // The channel hears it in brief: the winner, the motion, the debaters, a link to the card.
    const summary = await eventually(
      () =>
        world.double
          .channelMessages(debates)
          .find((m) => embedText(m).includes(`/channels/${world.guild.id}/${first.channel}/${result.id}`)),
      5000,
      'the result summary in the channel',
    );
    expect(summary.embeds[0]?.title).toBe(result.embeds[0]?.title);
    expect(embedText(summary)).toContain(`<@${alice.id}>`);
    expect(summary.mentions).toEqual([]);

    // The second debate is untouched, and a moderator cancels it from its thread.
    expect(await status(dave, second.channel)).toContain('Prep');
    const cancelled = await confirmed(mod, mod.slash(second.channel, 'debate', { subcommand: 'cancel' }));
    expect(cancelled.content).toBe('The debate is cancelled. Nothing is rated.');
    const notice = await second.waitFor((m) => m.content.startsWith('🛑'), 'the cancel notice');
    expect(notice.channelId).toBe(second.channel);
    expect(bot.errors()).toEqual([]);
  }, 60_000);

  it('given a channel where the bot may not start threads, then the debate runs in the channel and keeps it busy', async () => {
    const [erin, frank, gus] = (['erin', 'frank', 'gus'] as const).map((n) => world.user(n));
    if (!erin || !frank || !gus) throw new Error('members missing');
    const table = await Table.open(world, erin, 'no-threads', { motion: 'M01', format: 'quick' });
    const begun = await begin(table, erin, frank);
    expect(begun.channelId).toBe(table.home);
    expect(table.channel).toBe(table.home);
    expect(world.double.threads(table.home)).toEqual([]);
    expect(await status(erin, table.home)).toContain('Prep');
    const busy = await privately(
      gus.slash(table.home, 'debate', { subcommand: 'start', options: { format: 'quick' } }),
    );
    expect(busy.content).toContain('This channel already has a debate');
    await confirmed(mod, mod.slash(table.home, 'debate', { subcommand: 'cancel' }));
  }, 60_000);

  it('given threads switched off, then /config shows it and a debate runs in its channel; switched on again, the next one has its thread', async () => {
    const [hana, judy] = (['hana', 'judy'] as const).map((n) => world.user(n));
    if (!hana || !judy) throw new Error('members missing');
    const lounge = world.channel('lounge');
    const off = await privately(
      mod.slash(lounge, 'config', { subcommand: 'set', options: { key: 'threads', value: 'off' } }),
    );
    expect(embedText(off)).toContain('off (debates run in the channel)');

    const inChannel = await Table.open(world, hana, 'plain', { motion: 'M01', format: 'quick' });
    const begun = await begin(inChannel, hana, judy);
    expect(begun.channelId).toBe(inChannel.home);
    expect(world.double.threads(inChannel.home)).toEqual([]);
    await confirmed(mod, mod.slash(inChannel.home, 'debate', { subcommand: 'cancel' }));

    const on = await privately(
      mod.slash(lounge, 'config', { subcommand: 'set', options: { key: 'threads', value: 'on' } }),
    );
    expect(embedText(on)).toContain('on (a thread per debate)');
    const threaded = await Table.open(world, hana, 'plain', { motion: 'M01', format: 'quick' });
    const again = await begin(threaded, hana, judy);
    expect(again.channelId).toBe(threaded.card.id);
    await confirmed(mod, mod.slash(threaded.channel, 'debate', { subcommand: 'cancel' }));
  }, 60_000);

  it('given Discord failing after the thread was made, then the retry finds that thread: one thread, one turn order', async () => {
    const [jim, sam] = (['jim', 'sam'] as const).map((n) => world.user(n));
    if (!jim || !sam) throw new Error('members missing');
    const table = await Table.open(world, jim, 'plain', { motion: 'M01', format: 'quick' });
    // Adding the debaters to the new thread fails (past discord.js's own three retries of a 500): the
    // delivery that made the thread fails, and the outbox tries it again.
    world.double.faults.set({ route: 'PUT /channels/:channel/thread-members/:user', rate: 1, limit: 4 });
    try {
      await begin(table, jim, sam);
    } finally {
      world.double.faults.clear();
    }
    expect(world.double.faults.injected.length).toBe(4);
    expect(world.double.threads(table.home).filter((t) => t.id === table.card.id)).toHaveLength(1);
    expect(table.messages().filter((m) => m.content.includes('the debate has begun'))).toHaveLength(1);
    // Asked twice to start it from the card: the second answer (160004) named the thread already made.
    const asked = world.double
      .requestsTo('POST', '/channels/:channelId/messages/:messageId/threads')
      .filter((r) => r.params.messageId === table.card.id);
    expect(asked).toHaveLength(2);
    await confirmed(mod, mod.slash(table.channel, 'debate', { subcommand: 'cancel' }));
  }, 60_000);
});

import type { DoubleMessage, DoubleUser } from '@steelman/discord-double';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { privately, speechText, Table } from './flows.js';
import {
  type Bot,
  buttonId,
  embedText,
  eventually,
  startWorldWithBot,
  stopWorldWithBot,
  type World,
} from './harness.js';

/**
 * Correspondence debates through the real client, on `corr-snap` (tests/e2e/harness.ts): the
 * correspondence format's shape with eight-second speeches and bells 6 s and 3 s before the end.
 */
let world: World;
let bot: Bot;
let alice: DoubleUser;
let bob: DoubleUser;

beforeAll(async () => {
  ({ world, bot } = await startWorldWithBot({
    channels: ['letters', 'closed-dms', 'votes', 'lounge', 'desk', 'study'],
  }));
  alice = world.user('alice');
  bob = world.user('bob');
}, 60_000);

afterAll(() => stopWorldWithBot(world, bot));

const remind = async (user: DoubleUser, where: 'dm' | 'channel' | 'off') => {
  const reply = await privately(
    user.slash(world.channel('lounge'), 'debate', { subcommand: 'remind', options: { where } }),
  );
  expect(reply.content).toMatch(where === 'dm' ? /direct message/ : where === 'off' ? /off/ : /mention you/);
};

const reminders = (messages: DoubleMessage[]) => messages.filter((m) => m.content.startsWith('⏰'));

describe('correspondence reminders', () => {
  it('given alice chose DMs and bob the channel, then alice is reminded by DM at each bell and bob by a mention that notifies him alone', async () => {
    await remind(alice, 'dm');
    await remind(bob, 'channel');
    const table = await Table.open(world, alice, 'letters', { motion: 'M01', format: 'corr-snap' });
    await table.seat(alice, 'lecun');
    await table.seat(bob, 'scaling');
    await table.begin();

    const dms = await eventually(
      () => {
        const got = reminders(alice.privateMessages()).filter((m) => !m.ephemeral);
        return got.length >= 2 ? got : undefined;
      },
      9000,
      'two DM reminders for alice',
    );
    expect(dms[0]?.content).toMatch(/^⏰ A reminder: your \*\*.+Constructive\*\* in <#\d+> is due in 6 s/);
    expect(dms[1]?.content).toContain('due in 3 s');
    expect(reminders(table.messages())).toEqual([]);

    const missed = await table.waitFor((m) => m.content.startsWith('⏱️'), 'alice’s turn to run out', 6000);
    expect(missed.content).toContain(`<@${alice.id}>`);
    const second = await table.turn(1);
    const ping = await table.waitFor(
      (m) => m.content.startsWith('⏰') && m.id > second.id,
      'bob’s channel reminder',
      6000,
    );
    expect(ping.content).toMatch(
      new RegExp(`^⏰ <@${bob.id}>, a reminder: your \\*\\*.+Constructive\\*\\* is due in 6 s`),
    );
    expect(ping.mentions).toEqual([bob.id]);
    await table.speak(bob, 1, speechText('scaling'));
    await table.result(8000);
  }, 40_000);

  it('given a member who chose DMs but closed them, then the reminder falls back to a mention in the channel', async () => {
    const gus = world.user('gus');
    const hana = world.user('hana');
    world.double.addMember(world.guild.id, { username: 'gus', dmsOpen: false });
    await remind(gus, 'dm');
    const table = await Table.open(world, gus, 'closed-dms', { motion: 'M01', format: 'corr-snap' });
    await table.seat(gus, 'lecun');
    await table.seat(hana, 'scaling');
    await table.begin();
    const fallback = await table.waitFor((m) => m.content.startsWith('⏰'), 'the fallback reminder', 9000);
    expect(fallback.content).toContain(`<@${gus.id}>`);
    expect(fallback.mentions).toEqual([gus.id]);
    expect(reminders(gus.privateMessages()).filter((m) => !m.ephemeral)).toEqual([]);
  }, 40_000);

  it('given judging:community, then after the last speech members vote with reasons, a short reason and a debater’s vote are refused privately, and the majority decides on the result card and in the transcript', async () => {
    const erin = world.user('erin');
    const frank = world.user('frank');
    const [judy, jim, sam] = [world.user('judy'), world.user('jim'), world.user('sam')];
    const table = await Table.open(world, erin, 'votes', {
      motion: 'M01',
      format: 'corr-snap',
      judging: 'community',
    });
    await table.seat(erin, 'lecun');
    await table.seat(frank, 'scaling');
    await table.begin();
    await table.speak(erin, 0, speechText('lecun'));
    await table.speak(frank, 1, speechText('scaling'));
    const voting = await table.waitFor((m) => m.content.startsWith('🗳️'), 'the voting window');
    expect(voting.content).toContain('Community voting is open');
    expect(voting.mentions).toEqual([]);
    const voteButton = (choice: string) => buttonId(voting, new RegExp(`:vote:\\d+:${choice}$`));

    // A debater may not vote: refused at the button, privately.
    const refused = await privately(frank.click(voting, voteButton('scaling')));
    expect(refused.content).toMatch(/debating in this debate/);

    // The form asks Discord for 150 characters at least; a reason padded out with blanks gets past
    // that, and the bot refuses it privately (not counted).
    const form = await (await judy.click(voting, voteButton('lecun'))).modal();
    expect(form.field('reason')?.minLength).toBe(150);
    const short = await privately(judy.submitModal(form, { reason: `LeCun won.${' '.repeat(150)}` }));
    expect(short.content).toMatch(/at least 150 characters/);

    const because = (side: string) =>
      `${side} carried it for me: the constructive set out a mechanism, the rebuttal answered the strongest card head on, and the closing weighed the two worlds rather than restating them.`;
    for (const [voter, choice] of [
      [judy, 'lecun'],
      [jim, 'lecun'],
      [sam, 'scaling'],
    ] as const) {
      const modal = await (await voter.click(voting, voteButton(choice))).modal();
      const ok = await privately(voter.submitModal(modal, { reason: because(choice) }));
      expect(ok.content).toMatch(/Your vote for .+ is in/);
    }

    const result = await table.result(15_000);
    const card = embedText(result);
    expect(card).toContain('Decided by community vote (2–1');
    expect(card).toContain('lecun carried it for me');
    expect(card).toContain(`<@${judy.id}>`);
    expect(result.mentions).toEqual([]);

    const transcript = await (await sam.click(result, buttonId(result, /:transcript:/))).response();
    const file = world.double.attachments(transcript.id)[0];
    expect(file?.text()).toContain('## Community votes');
    expect(file?.text()).toContain(because('scaling'));
  }, 60_000);

  it('given a correspondence speech in three parts, then it is posted in full, split cleanly across messages', async () => {
    const hana = world.user('hana');
    const judy = world.user('judy');
    const table = await Table.open(world, hana, 'lounge', { motion: 'M01', format: 'corr-snap' });
    await table.seat(hana, 'lecun');
    await table.seat(judy, 'scaling');
    await table.begin();
    const turn = await table.turn(0);
    expect(turn.embeds[0]?.description).toContain('up to 10,000 characters');
    const modal = await (await hana.click(turn, buttonId(turn, /:speak:/))).modal();
    expect(modal.field('speech-3')).toBeDefined();
    const part = (n: number, length = 3600) =>
      `Part ${n}. ${speechText('lecun')} `
        .repeat(Math.ceil(length / 200))
        .slice(0, length)
        .trim();
    await privately(
      hana.submitModal(modal, { speech: part(1), 'speech-2': part(2), 'speech-3': part(3, 1800) }),
    );
    const posts = await eventually(
      () => {
        const got = table.speeches();
        return got.length >= 3 ? got : undefined;
      },
      6000,
      'the speech in three posts',
    );
    const text = posts.map((m) => String(m.embeds[0]?.description ?? '')).join('\n\n');
    for (const p of [part(1), part(2), part(3, 1800)])
      expect(text.replace(/\s+/g, ' ')).toContain(p.replace(/\s+/g, ' '));
    expect(posts[1]?.content).toContain('continued (2 of 3)');
    for (const post of posts) expect(post.mentions).toEqual([]);
  }, 40_000);

  it('given a member in two debates in different channels, then /debate mine lists both with whose turn it is and the deadline', async () => {
    const carol = world.user('carol');
    const dave = world.user('dave');
    const sam = world.user('sam');
    const first = await Table.open(world, carol, 'desk', { motion: 'M01', format: 'corr-snap' });
    await first.seat(carol, 'lecun');
    await first.seat(dave, 'scaling');
    await first.begin();
    await first.turn(0);
    const second = await Table.open(world, sam, 'study', { motion: 'M01', format: 'standard' });
    await second.seat(sam, 'lecun');
    await second.seat(carol, 'scaling');
    await second.begin();

    const mine = await privately(carol.slash(world.channel('lounge'), 'debate', { subcommand: 'mine' }));
    const text = embedText(mine);
    // Each is where it is held: the thread it moved into on Begin.
    expect(text).toContain(`<#${first.channel}>`);
    expect(text).toContain(`<#${second.channel}>`);
    expect(first.channel).not.toBe(world.channel('desk'));
    expect(text).toMatch(/turn 1 of 2: \*\*your turn\*\*.+due <t:\d+:R>/);
    expect(text).toMatch(/prep, the first speech starts <t:\d+:R>/);
    expect(
      text.indexOf('desk') === -1 ||
        text.indexOf(world.channel('desk')) < text.indexOf(world.channel('study')),
    ).toBe(true);
    expect(mine.mentions).toEqual([]);
    const none = await privately(
      world.user('frank').slash(world.channel('lounge'), 'debate', { subcommand: 'mine' }),
    );
    expect(none.content).toContain('no debate under way');
  }, 40_000);
});

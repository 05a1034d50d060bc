import type { DoubleUser } from '@steelman/discord-double';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmed, type OpenOptions, privately, Table } from './flows.js';
import {
  Bot,
  buttonId,
  buttonIds,
  embedText,
  startWorldWithBot,
  stopWorldWithBot,
  type World,
} from './harness.js';

let world: World;
let bot: Bot;

beforeAll(async () => {
  ({ world, bot } = await startWorldWithBot({
    // A voice channel beside the text ones (the double takes channel specs; the harness types names).
    channels: ['controls', 'prep', 'seats', { name: 'Voice Hall', type: 'voice' }] as unknown as string[],
  }));
}, 60_000);

afterAll(() => stopWorldWithBot(world, bot));

const deadlines = (text: string) => [...text.matchAll(/<t:(\d+):R>/g)].map((m) => Number(m[1]));
const status = async (user: DoubleUser, table: Table) =>
  embedText(await privately(user.slash(table.channel, 'debate', { subcommand: 'status' })));

describe('pause and resume', () => {
  it('given a live speech, when the host pauses, the bot restarts, and the host resumes, then it stays paused with the same time left and the deadline moves by the pause', async () => {
    const [alice, bob, carol] = (['alice', 'bob', 'carol'] as const).map((n) => world.user(n)) as [
      DoubleUser,
      DoubleUser,
      DoubleUser,
    ];
    const voice = world.channel('Voice Hall');
    const table = await Table.open(world, alice, 'controls', {
      motion: 'M01',
      format: 'quick',
      voice,
    } as OpenOptions);
    expect(embedText(table.card)).toContain('live mode');
    expect(embedText(table.card)).toContain(`🔊 Meet in <#${voice}>`);
    await table.seat(alice, 'lecun');
    await table.seat(bob, 'scaling');
    await table.readyAll(await table.begin(), [alice, bob]);
    const turn = await table.turn(0);
    const [endsAt] = deadlines(turn.content);
    expect(endsAt).toBeGreaterThan(0);

    // Only the host (or Manage Server) may pause.
    const notHost = await privately(bob.slash(table.channel, 'debate', { subcommand: 'pause' }));
    expect(notHost.content).toContain('Only the host or a moderator');
    const paused = await privately(alice.slash(table.channel, 'debate', { subcommand: 'pause' }));
    expect(paused.content).toContain('Paused');
    const pausedAt = Date.now();
    const signal = await table.waitFor((m) => m.content.startsWith('⏸️'), 'the paused signal');
    expect(signal.mentions).toEqual([]);
    const before = await status(carol, table);
    expect(before).toMatch(/⏸️ Paused .*, with \d:\d\d left/);
    expect(before).toContain(`🔊 Voice: <#${voice}>`);

    // A restart: the debate comes back paused, with the same time left, and nothing fires.
    await bot.stop();
    bot = await Bot.start(world);
    const after = await status(carol, table);
    expect(/with (\d:\d\d) left/.exec(after)?.[1]).toBe(/with (\d:\d\d) left/.exec(before)?.[1]);
    const refused = await privately(alice.click(turn, buttonId(turn, /:done:/)));
    expect(refused.content).toContain('The debate is paused');

    await new Promise((r) => setTimeout(r, 1500));
    await privately(alice.slash(table.channel, 'debate', { subcommand: 'resume' }));
    const pausedFor = (Date.now() - pausedAt) / 1000;
    const resumed = await table.waitFor((m) => m.content.startsWith('▶️'), 'the resumed signal');
    expect(resumed.mentions).toEqual([alice.id]);
    const [newEnd] = deadlines(resumed.content);
    // The deadline moved by the pause (whole seconds on Discord's timestamps; the test's own clock is a bound).
    expect((newEnd ?? 0) - (endsAt ?? 0)).toBeGreaterThanOrEqual(Math.floor(pausedFor) - 2);
    expect((newEnd ?? 0) - (endsAt ?? 0)).toBeLessThanOrEqual(Math.ceil(pausedFor) + 1);
    expect(await status(carol, table)).not.toContain('Paused');

    // Extra time, then the speaker ends the turn as usual.
    const extended = await privately(
      alice.slash(table.channel, 'debate', { subcommand: 'extend', options: { seconds: 30 } }),
    );
    expect(extended.content).toContain('30 more seconds');
    const plus = await table.waitFor((m) => m.content.startsWith('⏱️ +0:30'), 'the extension signal');
    expect(deadlines(plus.content)[0]).toBe((newEnd ?? 0) + 30);
    const done = await privately(alice.click(turn, buttonId(turn, /:done:/)));
    expect(done.content).toBe('Turn ended.');
    await table.turn(1);

    // The transcript writes the controls down.
    // A forfeit asks a private Confirm / Keep first.
    await confirmed(alice, alice.slash(table.channel, 'debate', { subcommand: 'forfeit' }));
    const result = await table.result();
    const reply = await privately(alice.click(result, buttonId(result, /:transcript:/)));
    const transcript = world.double.attachments(reply.id)[0]?.text() ?? '';
    expect(transcript).toContain('## Host controls, prep and points of information');
    expect(transcript).toMatch(/turn 1 · alice paused/);
    expect(transcript).toMatch(/turn 1 · alice resumed after \d:\d\d/);
    expect(transcript).toMatch(/turn 1 · alice gave extra time: \+0:30/);
    expect(bot.errors()).toEqual([]);
  }, 60_000);
});

describe('prep pools', () => {
  it('given Lincoln-Douglas live, when the speaker takes prep and ends it, then their pool is charged, the other side cannot, and the turn cards show what is left', async () => {
    const [dave, erin] = (['dave', 'erin'] as const).map((n) => world.user(n)) as [DoubleUser, DoubleUser];
    const table = await Table.open(world, dave, 'prep', {
      motion: 'M01',
      format: 'lincoln-douglas',
      mode: 'live',
    });
    await table.seat(dave, 'lecun');
    await table.seat(erin, 'scaling');
    await table.readyAll(await table.begin(), [dave, erin]);
    const turn = await table.turn(0);
    expect(embedText(turn)).toContain('Prep left: 🌍');
    expect(embedText(turn)).toMatch(/4:00 · .*4:00/);
    const prepButton = buttonId(turn, /:prep:/);

    const notYours = await privately(erin.click(turn, prepButton));
    expect(notYours.content).toContain('Only the side about to speak can take prep now.');
    const taken = await privately(dave.click(turn, prepButton));
    expect(taken.content).toContain('taking prep');
    const signal = await table.waitFor(
      (m) => m.content.startsWith('🧠') && m.content.includes('takes prep'),
      'prep taken',
    );
    expect(await status(erin, table)).toContain('is taking prep');
    const doneWhilePrep = await privately(dave.click(turn, buttonId(turn, /:done:/)));
    expect(doneWhilePrep.content).toContain('taking prep');

    await new Promise((r) => setTimeout(r, 2200));
    const ended = await privately(dave.click(signal, buttonId(signal, /:prep-end:/)));
    expect(ended.content).toContain('Prep ended');
    const over = await table.waitFor((m) => m.content.includes('prep is over'), 'prep over');
    expect(over.content).toMatch(/0:0[2-4] used, 3:5[6-8] left/);
    expect(over.mentions).toEqual([dave.id]);
    const now = await status(erin, table);
    expect(now).toMatch(/Prep left: .*3:5[6-8] · .*4:00/);

    await privately(dave.click(turn, buttonId(turn, /:done:/)));
    const next = await table.turn(1);
    expect(embedText(next)).toMatch(/Prep left: .*3:5[6-8] · .*4:00/);
    expect(buttonIds(next).some((id) => /:prep:\d+:1$/.test(id))).toBe(true);
    expect(bot.errors()).toEqual([]);
  }, 60_000);
});

describe('replace', () => {
  it('given a debater who left, when the host replaces them, then a newcomer takes the seat with a button and gives the next speech', async () => {
    const [gus, hana, judy] = (['gus', 'hana', 'judy'] as const).map((n) => world.user(n)) as [
      DoubleUser,
      DoubleUser,
      DoubleUser,
    ];
    const table = await Table.open(world, gus, 'seats', { motion: 'M01', format: 'quick', mode: 'live' });
    await table.seat(gus, 'lecun');
    await table.seat(hana, 'scaling');
    await table.readyAll(await table.begin(), [gus, hana]);
    await table.pass(gus, 0);
    await table.turn(1);
    const opened = await privately(
      gus.slash(table.channel, 'debate', { subcommand: 'replace', options: { user: hana.id } }),
    );
    expect(opened.content).toContain('The seat is open');
    const seat = await table.waitFor((m) => m.content.startsWith('🪑'), 'the open seat');
    expect(seat.mentions).toEqual([]);
    const took = await privately(judy.click(seat, buttonId(seat, /:join:\d+:scaling$/)));
    expect(took.content).toContain('Scaling');
    const taken = await table.waitFor(
      (m) => m.content.includes('takes') && m.content.startsWith('🪑'),
      'seat taken',
    );
    expect(taken.mentions).toEqual([judy.id]);
    expect(taken.content).toContain('It is your turn now');
    const turn = await table.turn(1);
    const done = await privately(judy.click(turn, buttonId(turn, /:done:/)));
    expect(done.content).toBe('Turn ended.');
    const third = await table.turn(2);
    expect(third.mentions).toEqual([gus.id]);
    expect(bot.errors()).toEqual([]);
  }, 60_000);
});

import type { DoubleMessage, DoubleUser } from '@steelman/discord-double';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { privately, speechText, Table } from './flows.js';
import { type Bot, eventually, startWorldWithBot, stopWorldWithBot, type World } from './harness.js';

/**
 * Correspondence debates through the real client, on `corr-snap` (tests/e2e/harness.ts): the
 * correspondence format's shape with eight-second speeches and bells 6 s and 3 s before the end.
 */
let world: World;
let bot: Bot;
let alice: DoubleUser;
let bob: DoubleUser;

beforeAll(async () => {
  ({ world, bot } = await startWorldWithBot({ channels: ['letters', 'closed-dms', 'votes', 'lounge'] }));
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
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { privately, speechText, staleClick, Table } from './flows.js';
import {
  type Bot,
  buttonId,
  buttonIds,
  embedText,
  startWorldWithBot,
  stopWorldWithBot,
  type World,
} from './harness.js';

/**
 * Fair results (issue 11), through the real client: a speech whose form was opened before the
 * deadline still counts when it is sent after it (the grace, 20 s by default; the `snap` test format
 * has five-second speeches), and a host who debates cannot cancel a begun debate away.
 */
let world: World;
let bot: Bot;

beforeAll(async () => {
  ({ world, bot } = await startWorldWithBot({ channels: ['grace', 'cancel-host', 'cancel-lobby'] }));
}, 60_000);

afterAll(() => stopWorldWithBot(world, bot));

const status = async (user: ReturnType<World['user']>, channel: string) =>
  embedText(await privately(user.slash(channel, 'debate', { subcommand: 'status' })));

describe('the grace for late speech forms', () => {
  it('given the form opened before the deadline, when the speech is sent after it, then it is posted and the next turn starts after it', async () => {
    const [alice, bob] = [world.user('alice'), world.user('bob')];
    const table = await Table.open(world, alice, 'grace', { motion: 'M01', format: 'snap' });
    await table.seat(alice, 'lecun');
    await table.seat(bob, 'scaling');
    await table.begin();
    const turn = await table.turn(0);
    // The turn card tells the speaker the rule.
    expect(embedText(turn)).toContain('A form opened before the deadline is accepted for 20 s after it.');
    const modal = await (await alice.click(turn, buttonId(turn, /:speak:/))).modal();

    // The deadline passes while alice types: the turn is held, not ended.
    const held = await table.waitFor((m) => m.content.startsWith('⏳'), 'the grace notice', 9000);
    expect(held.content).toContain(`<@${alice.id}> opened their speech form in time`);
    expect(held.mentions).toEqual([]);
    const heldUntil = Number(/<t:(\d+):R>/.exec(held.content)?.[1]) * 1000;
    expect(heldUntil - held.createdAt).toBeGreaterThan(15_000);
    expect(await status(bob, table.channel)).toContain(`Turn 1 of 2: <@${alice.id}>`);

    const text = speechText('alice, typing past the deadline');
    const answer = await privately(alice.submitModal(modal, { speech: text }));
    expect(answer.content).toBe('Your speech is posted.');
    const posted = await table.waitFor(
      (m) => m.content.startsWith('🗣️') && embedText(m).includes(text.slice(0, 60)),
      'the late speech',
    );
    expect(posted.createdAt).toBeGreaterThan(held.createdAt);
    const next = await table.turn(1);
    expect(next.content).toContain(`<@${bob.id}>`);
    expect(next.createdAt).toBeGreaterThanOrEqual(posted.createdAt);
    // Alice's turn was never recorded as missed.
    expect(table.messages().filter((m) => m.content.startsWith('⏱️') && m.content.includes(alice.id))).toEqual(
      [],
    );

    // Bob never opens his form: his turn ends at its deadline, with no grace.
    const missed = await table.waitFor(
      (m) => m.content.startsWith('⏱️') && m.content.includes(bob.id),
      "bob's missed turn",
      9000,
    );
    expect(missed.createdAt - next.createdAt).toBeLessThan(9000);
    expect(table.messages().filter((m) => m.content.startsWith('⏳'))).toHaveLength(1);
    expect(bot.errors()).toEqual([]);
  }, 40_000);
});

describe('cancel after Begin', () => {
  it('given a host who debates (even with Manage Server), when they cancel after Begin, then it is refused privately, asks nothing and changes nothing', async () => {
    const [mod, dave] = [world.user('mod'), world.user('dave')];
    const table = await Table.open(world, mod, 'cancel-host', { motion: 'M01', format: 'quick' });
    await table.seat(mod, 'lecun');
    await table.seat(dave, 'scaling');
    const lobby = table.lobby();
    const begun = await table.begin();
    await table.readyAll(begun, [mod, dave]);
    await table.turn(0);
    const before = await status(dave, table.channel);

    const refused = await privately(mod.slash(table.channel, 'debate', { subcommand: 'cancel' }));
    expect(refused.content).toBe(
      'You are debating in this debate, so you cannot cancel it: a moderator (Manage Server) who is not debating can. To concede, use /debate forfeit. Nothing was changed.',
    );
    expect(buttonIds(refused)).toEqual([]);
    // A client still showing the lobby card's Cancel button gets the same rule.
    const stale = await privately(staleClick(world, mod, lobby, buttonId(lobby, /:cancel:/)));
    expect(stale.content).toBe(refused.content);

    expect(await status(dave, table.channel)).toBe(before);
    expect(table.messages().some((m) => m.content.startsWith('🛑'))).toBe(false);
    await table.speak(mod, 0, speechText('the host argues on, the cancel refused'));
  });

  it('given a host who is not debating and has no Manage Server, when they cancel after Begin, then they are told only a moderator can', async () => {
    const [carol, erin, frank] = [world.user('carol'), world.user('erin'), world.user('frank')];
    const table = await Table.open(world, carol, 'cancel-lobby', { motion: 'M01', format: 'quick' });
    await table.seat(erin, 'lecun');
    await table.seat(frank, 'scaling');
    const begun = await table.begin();
    await table.readyAll(begun, [erin, frank]);
    await table.turn(0);
    const refused = await privately(carol.slash(table.channel, 'debate', { subcommand: 'cancel' }));
    expect(refused.content).toBe(
      'This debate has begun: only a moderator (Manage Server) who is not debating in it can cancel it now. Nothing was changed.',
    );
    expect(await status(erin, table.channel)).toContain(`Turn 1 of 4: <@${erin.id}>`);
    expect(bot.errors()).toEqual([]);
  });
});

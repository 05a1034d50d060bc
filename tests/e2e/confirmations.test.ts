import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmed, privately, speechText, Table } from './flows.js';
import {
  type Bot,
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
    channels: ['confirm-forfeit', 'confirm-pass', 'confirm-cancel'],
  }));
}, 60_000);

afterAll(() => stopWorldWithBot(world, bot));

const status = async (user: ReturnType<World['user']>, channel: string) =>
  embedText(await privately(user.slash(channel, 'debate', { subcommand: 'status' })));

/** Opens a 1v1 quick text debate between alice (lecun, opens) and bob, up to the first turn. */
const underWay = async (channelName: string) => {
  const [alice, bob] = [world.user('alice'), world.user('bob')];
  const table = await Table.open(world, alice, channelName, { motion: 'M01', format: 'quick' });
  await table.seat(alice, 'lecun');
  await table.seat(bob, 'scaling');
  const begun = await table.begin();
  await table.readyAll(begun, [alice, bob]);
  await table.turn(0);
  return { table, alice, bob };
};

describe('what cannot be undone asks first', () => {
  it('given /debate forfeit, when the debater presses Keep, then nothing changes; when they confirm, the other side wins', async () => {
    const { table, bob } = await underWay('confirm-forfeit');
    const before = await status(bob, table.channel);
    const question = await privately(bob.slash(table.channel, 'debate', { subcommand: 'forfeit' }));
    expect(question.content).toContain('Forfeit this debate?');
    expect(buttonIds(question).some((id) => id.startsWith('s1:confirm:'))).toBe(true);
    const kept = await privately(bob.click(question, 's1:keep'));
    expect(kept.content).toBe('Kept: nothing changed.');
    expect(buttonIds(kept)).toEqual([]);
    expect(await status(bob, table.channel)).toBe(before);

    const conceded = await confirmed(bob, bob.slash(table.channel, 'debate', { subcommand: 'forfeit' }));
    expect(conceded.content).toBe('You have forfeited. The other side wins.');
    expect(embedText(await table.result())).toContain(`Decided by forfeit: <@${bob.id}> conceded.`);
  });

  it('given the speaker presses Pass, when they keep, then the turn goes on; when they confirm, it ends', async () => {
    const { table, alice } = await underWay('confirm-pass');
    const turn = await table.turn(0);
    const question = await privately(alice.click(turn, buttonId(turn, /:done:/)));
    expect(question.content).toContain('Pass this turn without a speech?');
    await confirmed(alice, alice.click(turn, buttonId(turn, /:done:/)), 'keep');
    expect(await status(alice, table.channel)).toContain(`Turn 1 of 4: <@${alice.id}>`);
    expect(table.messages().filter((m) => m.content.startsWith('⏭️'))).toEqual([]);

    // A speech still goes in after a kept Pass; the next Pass, confirmed, ends the turn.
    await table.speak(alice, 0, speechText('alice speaks after keeping her turn'));
    await table.pass(world.user('bob'), 1);
    await table.waitFor((m) => m.content.startsWith('⏭️'), 'the passed turn');
  });

  it('given a moderator cancels a begun debate, when they keep, then it goes on; when they confirm, it is cancelled', async () => {
    const { table, alice, bob } = await underWay('confirm-cancel');
    const mod = world.user('mod');
    // A cancel the engine would refuse asks nothing: the refusal comes at once.
    const refused = await privately(bob.slash(table.channel, 'debate', { subcommand: 'cancel' }));
    expect(refused.content).toContain('You are debating in this debate, so you cannot cancel it');
    expect(buttonIds(refused)).toEqual([]);
    await confirmed(mod, mod.slash(table.channel, 'debate', { subcommand: 'cancel' }), 'keep');
    expect(await status(alice, table.channel)).toContain('Turn 1 of 4');
    const cancelled = await confirmed(mod, mod.slash(table.channel, 'debate', { subcommand: 'cancel' }));
    expect(cancelled.content).toBe('The debate is cancelled. Nothing is rated.');
    await table.waitFor((m) => m.content.startsWith('🛑'), 'the cancel notice');
  });

  it('given /season new, when the moderator keeps, then the season stays; when they confirm, a new one begins', async () => {
    const mod = world.user('mod');
    const channel = world.channel('confirm-forfeit');
    const question = await privately(mod.slash(channel, 'season', { subcommand: 'new' }));
    expect(question.content).toContain('Season 1 ends');
    const kept = await privately(mod.click(question, 's1:keep'));
    expect(kept.content).toBe('Kept: nothing changed.');
    const started = await confirmed(mod, mod.slash(channel, 'season', { subcommand: 'new' }));
    expect(started.content).toContain('Season 2 has begun');
    const next = await privately(mod.slash(channel, 'season', { subcommand: 'new' }));
    expect(next.content).toContain('Season 2 ends');
    expect(bot.errors()).toEqual([]);
  });
});

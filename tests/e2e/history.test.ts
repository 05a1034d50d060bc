import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmed, privately, speechText, Table } from './flows.js';
import { Bot, embedText, startWorldWithBot, stopWorldWithBot, type World } from './harness.js';

let world: World;
let bot: Bot;

beforeAll(async () => {
  ({ world, bot } = await startWorldWithBot({ channels: ['history-a', 'history-b'] }));
}, 60_000);

afterAll(() => stopWorldWithBot(world, bot));

describe('/debate history and /debate transcript', () => {
  it('given two finished debates, after a restart, then history lists them (by member too) with links, and transcript returns either by id', async () => {
    const [alice, bob, carol] = [world.user('alice'), world.user('bob'), world.user('carol')];
    // One by forfeit in one channel, one spoken to its result in another.
    const first = await Table.open(world, alice, 'history-a', { motion: 'M01', format: 'quick' });
    await first.seat(alice, 'lecun');
    await first.seat(bob, 'scaling');
    await first.begin();
    await confirmed(bob, bob.slash(first.channel, 'debate', { subcommand: 'forfeit' }));
    const firstResult = await first.result();

    const second = await Table.open(world, carol, 'history-b', { motion: 'M01', format: 'quick' });
    await second.seat(carol, 'lecun');
    await second.seat(bob, 'scaling');
    const begun = await second.begin();
    await second.readyAll(begun, [carol, bob]);
    for (const [turn, speaker] of [carol, bob, carol, bob].entries())
      await second.speak(speaker, turn, speechText(`history turn ${turn + 1}`));
    const secondResult = await second.result();

    await bot.stop();
    bot = await Bot.start(world);

    const all = await privately(alice.slash(first.channel, 'debate', { subcommand: 'history' }));
    const text = embedText(all);
    expect(text).toContain('Past debates of this server');
    expect(text.indexOf(`id \`${second.debateId}\``)).toBeLessThan(text.indexOf(`id \`${first.debateId}\``));
    expect(text).toContain(`/channels/${world.guild.id}/${first.channel}/${firstResult.id}`);
    expect(text).toContain(`/channels/${world.guild.id}/${second.channel}/${secondResult.id}`);
    expect(text).toContain('won by forfeit');
    expect(all.mentions).toEqual([]);

    const carols = await privately(
      alice.slash(first.channel, 'debate', { subcommand: 'history', options: { user: carol.id } }),
    );
    expect(embedText(carols)).toContain(second.debateId);
    expect(embedText(carols)).not.toContain(first.debateId);

    const choices = await alice.autocomplete(first.channel, 'debate', {
      subcommand: 'transcript',
      focused: 'id',
      value: '',
    });
    expect(choices.map((c) => c.value)).toEqual([second.debateId, first.debateId]);

    const file = await privately(
      carol.slash(second.channel, 'debate', { subcommand: 'transcript', options: { id: first.debateId } }),
    );
    expect(file.attachments[0]?.filename).toBe(`steelman-${first.debateId}.md`);
    const unknown = await privately(
      carol.slash(second.channel, 'debate', { subcommand: 'transcript', options: { id: '12345' } }),
    );
    expect(unknown.content).toContain('There is no debate `12345` in this server');
    expect(bot.errors()).toEqual([]);
  });
});

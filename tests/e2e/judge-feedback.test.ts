import type { DoubleMessage, DoubleUser } from '@steelman/discord-double';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { privately, submitBallot, Table } from './flows.js';
import { type Bot, buttonId, startWorldWithBot, stopWorldWithBot, type World } from './harness.js';

let world: World;
let bot: Bot;

beforeAll(async () => {
  ({ world, bot } = await startWorldWithBot({ channels: ['feedback-1v1', 'feedback-2v2'] }));
}, 60_000);

afterAll(() => stopWorldWithBot(world, bot));

const users = <const N extends readonly Parameters<World['user']>[0][]>(...names: N) =>
  names.map((n) => world.user(n)) as { [K in keyof N]: DoubleUser };

const judgingMessage = (table: Table) =>
  table.waitFor((m) => m.content.startsWith('⚖️'), 'the judging message');

type Field = { name: string; value: string };
const cardFields = (result: DoubleMessage) => (result.embeds[0]?.fields ?? []) as Field[];
const debaterField = (result: DoubleMessage, user: DoubleUser) => {
  const field = cardFields(result).find((f) => f.value.startsWith(`<@${user.id}>`));
  if (!field) throw new Error(`no field for ${user.username}`);
  return field;
};

const transcriptOf = async (user: DoubleUser, result: DoubleMessage) => {
  const reply = await privately(user.click(result, buttonId(result, /:transcript:/)));
  return world.double.attachments(reply.id)[0]?.text() ?? '';
};

/** Judges' text long enough that the card must cut it: numbered words, so a cut is visible. */
const longText = (label: string, words: number) =>
  `${label}: ${Array.from({ length: words }, (_, i) => `w${i}`).join(' ')}.`;

describe('judges write feedback', () => {
  it('given two judges writing a reason and notes on the ballot, then the result card shows them attributed and cut with the mark, and the transcript has them whole', async () => {
    const [alice, bob, judy, jim, sam] = users('alice', 'bob', 'judy', 'jim', 'sam');
    const table = await Table.open(world, alice, 'feedback-1v1', { motion: 'M01', format: 'quick' });
    await table.seat(alice, 'lecun');
    await table.seat(bob, 'scaling');
    for (const judge of [judy, jim])
      await privately(judge.slash(table.channel, 'debate', { subcommand: 'judge' }));
    const begun = await table.begin();
    await table.readyAll(begun, [alice, bob]);
    for (const [turn, speaker] of [alice, bob, alice, bob].entries()) await table.pass(speaker, turn);

    const judging = await judgingMessage(table);
    expect(judging.content).toContain('a reason for decision and a note to each debater if you like');

    // A refused ballot with long feedback comes back whole, as a file: Discord's 2,000 characters would not hold it.
    const longReason = longText('Jim’s reason', 400);
    const refused = await submitBallot(
      jim,
      judging,
      { [alice.id]: '2 2 2', [bob.id]: '4 4 4\nTidy.' },
      `lecun\n${longReason}`,
    );
    expect(refused.modal.fields.map((f) => f.style)).toEqual([2, 2, 2]);
    expect(refused.reply.content).toContain('fewer points than the other side');
    expect(refused.reply.content).toContain('attached');
    expect(world.double.attachments(refused.reply.id)[0]?.text()).toContain(longReason);

    // Judy: a note to each debater below the scores, a reason below the winner; @everyone in it pings nobody.
    const judyBallot = await submitBallot(
      judy,
      judging,
      {
        [alice.id]: '4 4 4\nClear framing of the grounding question.',
        [bob.id]: '3 3 3 — answer the world-model point head on. @everyone',
      },
      'World models\nAlice carried the grounding clash and Bob never answered it.',
    );
    expect(judyBallot.reply.content).toContain('Your ballot is in');
    // Resubmission: the form comes back with the feedback where the judge wrote it.
    const reopened = await (await judy.click(judging, buttonId(judging, /:ballot:/))).modal();
    expect(reopened.field(`score-${bob.id}`)?.value).toBe(
      '3 3 3\nanswer the world-model point head on. @everyone',
    );
    expect(reopened.field('winner')?.value).toBe(
      'lecun\nAlice carried the grounding clash and Bob never answered it.',
    );

    // Jim: a long reason and a long note to Alice, nothing for Bob.
    const longNote = longText('Jim to Alice', 180);
    await submitBallot(
      jim,
      judging,
      { [alice.id]: `5 4 4\n${longNote}`, [bob.id]: '3 3 3' },
      `lecun\n${longReason}`,
    );

    const result = await table.result();
    expect(result.mentions).toEqual([]);
    const reasons = cardFields(result).find((f) => f.name === '⚖️ Reasons for decision');
    expect(reasons?.value).toContain(
      `<@${judy.id}> → 🌍 World models (LeCun): Alice carried the grounding clash and Bob never answered it.`,
    );
    expect(reasons?.value).toMatch(
      new RegExp(
        `<@${jim.id}> → 🌍 World models \\(LeCun\\): Jim’s reason: w0 w1 .*… \\(full text in the transcript\\)$`,
      ),
    );
    const aliceField = debaterField(result, alice).value;
    expect(aliceField).toContain(`🗒️ <@${judy.id}>: Clear framing of the grounding question.`);
    expect(aliceField).toMatch(
      new RegExp(`🗒️ <@${jim.id}>: Jim to Alice: w0 .*… \\(full text in the transcript\\)`),
    );
    const bobField = debaterField(result, bob).value;
    expect(bobField).toContain(`🗒️ <@${judy.id}>: answer the world-model point head on. @everyone`);
    expect(bobField).not.toContain(`<@${jim.id}>`);

    const markdown = await transcriptOf(sam, result);
    expect(markdown).toContain("## Judges' feedback");
    expect(markdown).toContain(
      '### judy (for World models (LeCun))\n\n**Reason for decision:**\n\nAlice carried the grounding clash and Bob never answered it.',
    );
    expect(markdown).toContain(
      '**Note to alice (World models (LeCun)):**\n\nClear framing of the grounding question.',
    );
    expect(markdown).toContain(
      `### jim (for World models (LeCun))\n\n**Reason for decision:**\n\n${longReason}`,
    );
    expect(markdown).toContain(`**Note to alice (World models (LeCun)):**\n\n${longNote}`);
    expect(bot.errors()).toEqual([]);
  });

  it('given a 2v2, when the judge fills all five fields with scores, notes and a reason, then every debater reads their note on the card', async () => {
    const [erin, frank, gus, hana, sam] = users('erin', 'frank', 'gus', 'hana', 'sam');
    const table = await Table.open(world, erin, 'feedback-2v2', {
      motion: 'M01',
      format: 'team',
      size: '2v2',
    });
    await table.seatTeams([erin, gus], [frank, hana]);
    await privately(sam.slash(table.channel, 'debate', { subcommand: 'judge' }));
    const begun = await table.begin();
    await table.readyAll(begun, [erin, frank, gus, hana]);
    for (const [turn, speaker] of [erin, frank, gus, hana, erin, frank, gus, hana].entries())
      await table.pass(speaker, turn);
    const judging = await judgingMessage(table);
    const ballot = await submitBallot(
      sam,
      judging,
      Object.fromEntries([erin, frank, gus, hana].map((d) => [d.id, `3 3 3\nA note for ${d.username}.`])),
      'draw\nNeither side answered the other.',
    );
    expect(ballot.modal.fields).toHaveLength(5);
    const result = await table.result();
    for (const d of [erin, frank, gus, hana])
      expect(debaterField(result, d).value).toContain(`🗒️ <@${sam.id}>: A note for ${d.username}.`);
    expect(cardFields(result)).toContainEqual({
      name: '⚖️ Reason for decision',
      value: `<@${sam.id}> → 🤝 Draw: Neither side answered the other.`,
    });
    expect(result.mentions).toEqual([]);
    expect(bot.errors()).toEqual([]);
  });
});

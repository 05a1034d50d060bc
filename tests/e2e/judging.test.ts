import type { DoubleMessage, DoubleUser } from '@steelman/discord-double';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { motionText, privately, speechText, submitBallot, Table } from './flows.js';
import {
  type Bot,
  buttonId,
  buttonIds,
  embedText,
  eventually,
  startWorldWithBot,
  stopWorldWithBot,
  type World,
} from './harness.js';

let world: World;
let bot: Bot;

beforeAll(async () => {
  ({ world, bot } = await startWorldWithBot({ channels: ['split', 'draw-vote', 'team-judged'] }));
}, 60_000);

afterAll(() => stopWorldWithBot(world, bot));

const users = <const N extends readonly Parameters<World['user']>[0][]>(...names: N) =>
  names.map((n) => world.user(n)) as { [K in keyof N]: DoubleUser };

const judgingMessage = (table: Table) =>
  table.waitFor((m) => m.content.startsWith('⚖️'), 'the judging message');

/** Fields of the result card, keyed by the debater they score. */
const scoreField = (result: DoubleMessage, user: DoubleUser) => {
  const fields = (result.embeds[0]?.fields ?? []) as { name: string; value: string }[];
  const field = fields.find((f) => f.value.includes(`<@${user.id}>`));
  if (!field) throw new Error(`no score field for ${user.username}: ${embedText(result)}`);
  return field;
};

describe('judges decide a debate', () => {
  let split: Table;
  let result: DoubleMessage;
  const spoken: string[] = [];

  it('given two judges who split their votes, after a refused low-point ballot and a resubmission, then the debate is a draw decided by the judges, with the crowd tally shown', async () => {
    const [alice, bob, judy, jim, sam, hana, erin] = users(
      'alice',
      'bob',
      'judy',
      'jim',
      'sam',
      'hana',
      'erin',
    );
    split = await Table.open(world, alice, 'split', { motion: 'M01', format: 'quick' });
    await split.seat(alice, 'lecun');
    await split.seat(bob, 'scaling');

    // Judges: one by the lobby button (the card shows them), one by /debate judge (private).
    const byButton = await judy.click(split.lobby(), buttonId(split.lobby(), /:judge:/));
    await byButton.reply();
    const judgedByCommand = await privately(jim.slash(split.channel, 'debate', { subcommand: 'judge' }));
    expect(judgedByCommand.content).toContain('You are a judge');
    // A debater cannot also judge.
    const debaterJudging = await privately(alice.click(split.lobby(), buttonId(split.lobby(), /:judge:/)));
    expect(debaterJudging.content).toContain('a debater cannot also judge');
    const judgesField = () =>
      ((split.lobby().embeds[0]?.fields ?? []) as { name: string; value: string }[]).find(
        (f) => f.name === 'Judges',
      )?.value ?? '';
    await eventually(
      () => (judgesField().includes(`<@${jim.id}>`) ? true : undefined),
      5000,
      'both judges on the card',
    );
    expect(judgesField()).toContain(`<@${judy.id}>`);

    const begun = await split.begin();
    await split.readyAll(begun, [alice, bob]);

    // Crowd votes on the first turn: spectators are counted, debaters and judges are refused privately.
    const first = await split.turn(0);
    const crowd = (side: string) => buttonId(first, new RegExp(`:crowd:\\d+:${side}$`));
    const hanaVote = await privately(hana.click(first, crowd('scaling')));
    expect(hanaVote.content).toContain('Your crowd vote for Scaling');
    await privately(erin.click(first, crowd('lecun')));
    const debaterVote = await privately(alice.click(first, crowd('lecun')));
    expect(debaterVote.content).toBe('Debaters and judges cannot vote for the crowd favourite.');
    const judgeVote = await privately(judy.click(first, crowd('scaling')));
    expect(judgeVote.content).toBe('Debaters and judges cannot vote for the crowd favourite.');

    for (const [turn, speaker] of [alice, bob, alice, bob].entries()) {
      const text = speechText(`split turn ${turn + 1} by ${speaker.username}`);
      spoken.push(text);
      await split.speak(speaker, turn, text);
    }

    // The judging message pings exactly the judges and carries the ballot and crowd buttons.
    const judging = await judgingMessage(split);
    expect(new Set(judging.mentions)).toEqual(new Set([judy.id, jim.id]));
    expect(judging.mentions).toHaveLength(2);
    expect(judging.content).toMatch(/Judging closes <t:\d+:R>/);
    expect(buttonIds(judging).some((id) => /^s1:ballot:\d+$/.test(id))).toBe(true);
    // Erin changes her crowd vote on the judging message: one vote per person.
    await privately(erin.click(judging, buttonId(judging, /:crowd:\d+:scaling$/)));
    await privately(sam.click(judging, buttonId(judging, /:crowd:\d+:lecun$/)));
    // Only judges get a ballot.
    const notJudge = await privately(sam.click(judging, buttonId(judging, /:ballot:/)));
    expect(notJudge.content).toBe('Only the judges of this debate can submit a ballot.');

    // The ballot form: one field per debater (judged criteria in rubric order) and the winner.
    const lowPoint = await submitBallot(judy, judging, { [alice.id]: '2 2 2', [bob.id]: '4 4 4' }, 'lecun');
    expect(lowPoint.modal.title).toBe('Your ballot');
    expect(lowPoint.modal.fields.map((f) => f.customId)).toEqual([
      `score-${alice.id}`,
      `score-${bob.id}`,
      'winner',
    ]);
    expect(lowPoint.modal.field(`score-${alice.id}`)?.label).toContain('alice');
    expect(lowPoint.modal.field(`score-${alice.id}`)?.placeholder).toContain('Argument, Evidence, Rebuttal');
    expect(lowPoint.modal.field(`score-${alice.id}`)?.value).toBeNull();
    expect(lowPoint.reply.content).toContain('fewer points than the other side');

    const accepted = await submitBallot(judy, judging, { [alice.id]: '4 4 4', [bob.id]: '3,3,3' }, 'lecun');
    expect(accepted.reply.content).toContain('Your ballot is in. You can resubmit it');
    // Resubmission: the form comes back prefilled; judy changes her mind.
    const changed = await submitBallot(judy, judging, { [alice.id]: '3 3 3', [bob.id]: '444' }, 'scaling');
    expect(changed.modal.field(`score-${alice.id}`)?.value).toBe('4 4 4');
    expect(changed.modal.field(`score-${bob.id}`)?.value).toBe('3 3 3');
    expect(changed.modal.field('winner')?.value).toBe('lecun');
    expect(changed.reply.content).toContain('Your ballot is in');
    const status = await privately(sam.slash(split.channel, 'debate', { subcommand: 'status' }));
    expect(embedText(status)).toContain('Judging: 1 of 2 ballots in');
    expect(split.messages().some((m) => m.embeds.some((e) => /^(🏆|🤝|📝)/.test(String(e.title))))).toBe(
      false,
    );

    await submitBallot(jim, judging, { [alice.id]: '4 5 4', [bob.id]: '3 3 3' }, 'lecun');
    result = await split.result();
    const text = embedText(result);
    expect(String(result.embeds[0]?.title)).toBe('🤝 A draw');
    expect(text).toContain('Decided by the judges (1–1).');
    expect(text).toContain('Crowd favourite (shown, not decisive): 🌍 1 · 📈 2');
    const aliceField = scoreField(result, alice);
    expect(aliceField.value).toContain('Argument **3.5**: mean of 2 judges');
    expect(aliceField.value).toContain('Evidence **4**: mean of 2 judges');
    expect(aliceField.value).toContain('Rebuttal **3.5**: mean of 2 judges');
    expect(aliceField.value).toContain('Discipline **5**: 2 of 2 speeches delivered');
    expect(aliceField.value).toMatch(/_Coaching \(automatic\): Argument \d, Evidence \d, Rebuttal \d_/);
    expect(aliceField.name).toMatch(/71\.9 \/ 100 · rating 1000 → \d+/);
    expect(scoreField(result, bob).name).toMatch(/68\.1 \/ 100 · rating 1000 → \d+/);
    expect(result.mentions).toEqual([]);
    expect(bot.errors()).toEqual([]);
  });

  it('given the finished debate, when a spectator presses Transcript, then they privately get a Markdown file with the motion, every speech and the result', async () => {
    const hana = world.user('hana');
    const reply = await privately(hana.click(result, buttonId(result, /:transcript:/)));
    expect(reply.content).toContain(`Transcript of debate ${split.debateId}`);
    const [file] = world.double.attachments(reply.id);
    expect(file?.filename).toBe(`steelman-${split.debateId}.md`);
    const markdown = file?.text() ?? '';
    expect(markdown.startsWith(`# Steelman debate ${split.debateId}\n`)).toBe(true);
    expect(markdown).toContain(`**Motion M01:** ${motionText(world, 'M01')}`);
    expect(markdown).toContain('- **World models (LeCun)** (for the motion): alice');
    expect(markdown).toContain('- **Scaling (next-token LLMs)**: bob');
    expect(markdown).toContain('- **Judges:** judy, jim');
    expect(markdown).toContain('### 1. World models (LeCun) · Constructive · alice (3:00)');
    expect(markdown).toContain('### 4. Scaling (next-token LLMs) · Rebuttal · bob (2:00)');
    for (const text of spoken) expect(markdown).toContain(text);
    expect(markdown).toContain('## Result\n\nA draw.');
    expect(markdown).toContain('- **alice** (World models (LeCun)): 71.9 / 100');
    expect(markdown).toContain('  - Argument: 3.5 (mean of 2 judges)');
    expect(bot.errors()).toEqual([]);
  });

  it('given one judge for a side and one for a draw, then there is no majority and the debate is a draw', async () => {
    const [carol, dave, judy, jim] = users('carol', 'dave', 'judy', 'jim');
    const table = await Table.open(world, carol, 'draw-vote', { motion: 'M01', format: 'quick' });
    await table.seat(carol, 'lecun');
    await table.seat(dave, 'scaling');
    for (const judge of [judy, jim])
      await privately(judge.slash(table.channel, 'debate', { subcommand: 'judge' }));
    const begun = await table.begin();
    await table.readyAll(begun, [carol, dave]);
    for (const [turn, speaker] of [carol, dave, carol, dave].entries()) await table.pass(speaker, turn);
    const judging = await judgingMessage(table);
    // A draw is allowed whatever the points.
    await submitBallot(judy, judging, { [carol.id]: '2 3 2', [dave.id]: '3 3 3' }, 'draw');
    await submitBallot(jim, judging, { [carol.id]: '5 4 4', [dave.id]: '3 3 3' }, 'lecun');
    const result = await table.result();
    expect(String(result.embeds[0]?.title)).toBe('🤝 A draw');
    expect(embedText(result)).toContain('Decided by the judges (1–0, 1 for a draw).');
    expect(scoreField(result, carol).value).toContain('Discipline **1**: 0 of 2 speeches delivered');
    expect(bot.errors()).toEqual([]);
  });

  it('given a 2v2 with one judge, when the judge fills the five-field ballot, then the judge decides and all four are rated', async () => {
    const [erin, frank, gus, hana, sam] = users('erin', 'frank', 'gus', 'hana', 'sam');
    const table = await Table.open(world, erin, 'team-judged', {
      motion: 'M01',
      format: 'team',
      size: '2v2',
    });
    await table.seatTeams([erin, gus], [frank, hana]);
    await (await sam.click(table.lobby(), buttonId(table.lobby(), /:judge:/))).reply();
    const begun = await table.begin();
    await table.readyAll(begun, [erin, frank, gus, hana]);
    for (const [turn, speaker] of [erin, frank, gus, hana, erin, frank, gus, hana].entries())
      await table.pass(speaker, turn);
    const judging = await judgingMessage(table);
    expect(judging.mentions).toEqual([sam.id]);
    const ballot = await submitBallot(
      sam,
      judging,
      { [erin.id]: '4 4 3', [gus.id]: '3 4 4', [frank.id]: '2 3 3', [hana.id]: '3 2 2' },
      'World models',
    );
    expect(ballot.modal.fields).toHaveLength(5);
    const result = await table.result();
    const text = embedText(result);
    expect(String(result.embeds[0]?.title)).toBe('🏆 🌍 World models (LeCun) wins');
    expect(text).toContain('Decided by the judge.');
    for (const d of [erin, frank, gus, hana]) {
      const field = scoreField(result, d);
      expect(field.name).toMatch(/rating 1000 → \d+/);
      expect(field.value).toContain('Argument');
      expect(field.value).toContain(': the judge');
    }
    expect(scoreField(result, erin).name).toMatch(/\(\+\d+\)/);
    expect(scoreField(result, frank).name).toMatch(/\(-\d+\)/);
    expect(bot.errors()).toEqual([]);
  });
});

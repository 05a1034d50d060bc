import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { privately } from './flows.js';
import {
  type Bot,
  buttonId,
  embedText,
  eventually,
  startWorldWithBot,
  stopWorldWithBot,
  type World,
} from './harness.js';

let world: World;
let bot: Bot;

beforeAll(async () => {
  ({ world, bot } = await startWorldWithBot());
}, 60_000);

afterAll(() => stopWorldWithBot(world, bot));

const SPEECHES = [
  'Scaling laws still hold: each larger model trained on more data and compute keeps improving on reasoning benchmarks, because compute buys capability. ' +
    'The cost of training falls every year, which means energy and money will not stop the next generation of models. ' +
    'Chain of thought lets a model plan step by step, so next-token prediction is not a dead end for reasoning.',
  'My opponent says scaling hits a wall of cost, but the cost of compute keeps falling, so the wall moves. ' +
    'Emergent abilities appear at scale that nobody trained for, which means the trend points to reasoning, and that outweighs one critic.',
];

describe('a practice debate against Steelman through the real client', () => {
  it('given /practice start at champion, when the member debates to the result, then Steelman speaks, answers what the member wrote, and nothing is rated', async () => {
    const channel = world.channel('debates');
    const alice = world.user('alice');
    const board = async () => embedText(await (await alice.slash(channel, 'leaderboard', {})).response());
    const before = await board();

    const started = await privately(
      alice.slash(channel, 'practice', {
        subcommand: 'start',
        options: { motion: 'M01', side: 'scaling', format: 'quick', level: 'champion' },
      }),
    );
    expect(embedText(started)).toContain('Practice begun at champion level');

    // A second practice debate of hers, elsewhere, is refused privately.
    const again = await privately(
      alice.slash(world.channel('lounge'), 'practice', {
        subcommand: 'start',
        options: { motion: 'M01' },
      }),
    );
    expect(embedText(again)).toContain('already have a practice debate');

    const begun = await world.double.waitForMessage(
      channel,
      (m) => m.content.includes('the debate has begun'),
      5000,
    );
    await (await alice.click(begun, buttonId(begun, /:ready:/))).reply();

    const speeches = () => world.double.channelMessages(channel).filter((m) => m.content.startsWith('🗣️'));
    const turns = () =>
      world.double
        .channelMessages(channel)
        .filter((m) => m.content.startsWith('🎤') && m.content.includes(alice.id));
    // The motion is affirmed by LeCun's side: Steelman opens.
    const opening = await eventually(() => speeches()[0], 5000, 'Steelman’s opening');
    expect(opening.content).toContain('Steelman');
    expect(opening.mentions).toEqual([]);
    expect(embedText(opening)).toMatch(/\[L\d{2}\]/);

    for (const [i, speech] of SPEECHES.entries()) {
      const turn = await eventually(() => turns()[i], 5000, `alice's turn ${i + 1}`);
      const modal = await (await alice.click(turn, buttonId(turn, /:speak:/))).modal();
      await (await alice.submitModal(modal, { speech })).response();
      if (i === 0) {
        const rebuttal = await eventually(() => speeches()[2], 5000, 'Steelman’s rebuttal');
        expect(rebuttal.content).toContain('Steelman');
        // It quotes her strongest claim and answers it with a card of its own side.
        expect(embedText(rebuttal)).toContain("'Scaling laws still hold");
        expect(embedText(rebuttal)).toMatch(/\[L\d{2}\]/);
      }
    }

    const result = await world.double.waitForMessage(
      channel,
      (m) => m.embeds.some((e) => /win|draw|No decision/.test(String(e.title))),
      5000,
    );
    const text = embedText(result);
    expect(text).toContain('Steelman');
    expect(text).toContain('Practice');
    expect(text).not.toMatch(/rating 1000 →/);
    expect(text).toContain('never answered');

    // Unrated: the leaderboard is as it was.
    expect(await board()).toEqual(before);
    const stats = embedText(await privately(alice.slash(channel, 'stats', {})));
    expect(stats).toMatch(/Practice/);
    expect(bot.errors()).toEqual([]);
  }, 60_000);

  it('given a practice debate under way, when the member runs /practice stop, then it ends unrated and a new one can start', async () => {
    const channel = world.channel('general');
    const bob = world.user('bob');
    await privately(bob.slash(channel, 'practice', { subcommand: 'start', options: { level: 'novice' } }));
    const stopped = await privately(bob.slash(channel, 'practice', { subcommand: 'stop' }));
    expect(embedText(stopped)).toContain('Nothing is rated');
    const none = await privately(bob.slash(channel, 'practice', { subcommand: 'stop' }));
    expect(embedText(none)).toContain('no practice debate');
    const restarted = await privately(bob.slash(channel, 'practice', { subcommand: 'start', options: {} }));
    expect(embedText(restarted)).toContain('Practice begun');
    expect(bot.errors()).toEqual([]);
  }, 60_000);

  it('given two /practice start at the same instant in two channels, then exactly one practice debate begins', async () => {
    const carol = world.user('carol');
    const answers = await Promise.all(
      [world.channel('debates'), world.channel('lounge')].map((channel) =>
        privately(carol.slash(channel, 'practice', { subcommand: 'start', options: { level: 'novice' } })),
      ),
    );
    const texts = answers.map(embedText);
    expect(texts.filter((t) => t.includes('Practice begun'))).toHaveLength(1);
    expect(
      texts.filter((t) => /being started in another channel|already have a practice debate/.test(t)),
    ).toHaveLength(1);
    await privately(carol.slash(world.channel('debates'), 'practice', { subcommand: 'stop' }));
    expect(bot.errors()).toEqual([]);
  }, 60_000);

  it('given novice and then club, when the member plays each through, then each reaches its result and /stats counts a practice debate per level', async () => {
    const channel = world.channel('lounge');
    const carol = world.user('carol');
    for (const level of ['novice', 'club'] as const) {
      const before = world.double.channelMessages(channel).length;
      const fresh = () => world.double.channelMessages(channel).slice(before);
      await privately(
        carol.slash(channel, 'practice', {
          subcommand: 'start',
          options: { motion: 'M01', side: 'lecun', format: 'quick', level },
        }),
      );
      const begun = await eventually(
        () => fresh().find((m) => m.content.includes('the debate has begun')),
        5000,
        `${level} begun`,
      );
      await (await carol.click(begun, buttonId(begun, /:ready:/))).reply();
      // Carol argues LeCun's side, which the motion is for: she opens, Steelman answers.
      for (const [i, speech] of SPEECHES.entries()) {
        const turn = await eventually(
          () => fresh().filter((m) => m.content.startsWith('🎤') && m.content.includes(carol.id))[i],
          5000,
          `${level} turn ${i + 1}`,
        );
        const modal = await (await carol.click(turn, buttonId(turn, /:speak:/))).modal();
        await (await carol.submitModal(modal, { speech })).response();
      }
      const result = await eventually(
        () => fresh().find((m) => m.embeds.some((e) => /win|draw|No decision/.test(String(e.title)))),
        5000,
        `${level} result`,
      );
      expect(embedText(result)).toContain(`Practice against Steelman (${level} level)`);
    }
    const stats = embedText(await privately(carol.slash(channel, 'stats', {})));
    expect(stats).toMatch(/novice: \d+W \d+L \d+D · club: \d+W \d+L \d+D/);
    expect(bot.errors()).toEqual([]);
  }, 60_000);
});

import type { DoubleMessage, DoubleUser } from '@steelman/discord-double';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lobbyCardOf } from './flows.js';
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

const speechFor = (turn: number, card: string) =>
  `First, the motion asks whether next-token prediction is a dead end for reasoning [${card}]. ` +
  `Second, because a model that only predicts tokens has no world model, it cannot plan; therefore it cannot reason. ` +
  `My opponent said scaling fixes this, however scaling has not produced planning. Turn ${turn}. `.repeat(3) +
  'In conclusion, the evidence favours my side.';

/** Reads the player's private hand and returns its first card id. */
const firstCardInHand = async (user: DoubleUser, channel: string) => {
  const handle = await user.slash(channel, 'evidence', { subcommand: 'hand' });
  const reply = await handle.response();
  expect(reply.ephemeral).toBe(true);
  const match = /\[([LS]\d{2,4})\]/.exec(embedText(reply));
  if (!match?.[1]) throw new Error(`no card in the hand: ${embedText(reply)}`);
  return match[1];
};

describe('a whole 1v1 text debate through the real client', () => {
  it('given two members, when they debate from /debate start to the result, then every step is visible and the result is rated', async () => {
    const channel = world.channel('debates');
    const alice = world.user('alice');
    const bob = world.user('bob');

    // Lobby
    const start = await alice.slash(channel, 'debate', {
      subcommand: 'start',
      options: { motion: 'M01', format: 'quick' },
    });
    const lobby = await lobbyCardOf(world, channel, start);
    expect(embedText(lobby)).toContain('dead end for machine reasoning');
    expect(embedText(lobby)).toContain('Lunch-break quick');

    // Sides: the lobby card is updated in place
    await (await alice.click(lobby, buttonId(lobby, /:join:\d+:lecun$/))).reply();
    await (await bob.click(lobby, buttonId(lobby, /:join:\d+:scaling$/))).reply();
    const seated = world.double.message(lobby.id);
    expect(seated && embedText(seated)).toContain(`<@${alice.id}>`);
    expect(seated && embedText(seated)).toContain(`<@${bob.id}>`);

    // Begin: the debate moves into a thread started from the lobby card (it has the card's id), where
    // the turn order is posted; prep; both ready
    await (await alice.click(lobby, buttonId(lobby, /:begin:/))).reply();
    const thread = lobby.id;
    const begun = await world.double.waitForMessage(
      thread,
      (m) => m.content.includes('the debate has begun'),
      5000,
    );
    expect(embedText(begun)).toContain('Turn order');
    const turnMessages = () => world.double.channelMessages(thread).filter((m) => m.content.startsWith('🎤'));
    await (await alice.click(begun, buttonId(begun, /:ready:/))).reply();
    await (await bob.click(begun, buttonId(begun, /:ready:/))).reply();

    const cards = {
      [alice.id]: await firstCardInHand(alice, thread),
      [bob.id]: await firstCardInHand(bob, thread),
    };
    // Four speeches, alternating, the side for the motion (lecun) first
    const order = [alice, bob, alice, bob];
    for (const [turn, speaker] of order.entries()) {
      const announcement: DoubleMessage = await eventually(
        () => turnMessages()[turn],
        5000,
        `turn ${turn + 1}`,
      );
      expect(announcement.content).toContain(`<@${speaker.id}>`);
      expect(announcement.mentions).toEqual([speaker.id]);
      expect(announcement.content).toMatch(/<t:\d+:R>/);
      const speak = await speaker.click(announcement, buttonId(announcement, /:speak:/));
      const modal = await speak.modal();
      const submitted = await speaker.submitModal(modal, {
        speech: speechFor(turn, cards[speaker.id] ?? 'L01'),
      });
      const ack = await submitted.response();
      expect(ack.ephemeral).toBe(true);
      const posted = await eventually(
        () => world.double.channelMessages(thread).filter((m) => m.content.startsWith('🗣️'))[turn],
        5000,
        `speech ${turn + 1}`,
      );
      expect(posted.content).toContain(`<@${speaker.id}>`);
      expect(embedText(posted)).toContain(`[${cards[speaker.id]}]`);
      expect(posted.mentions).toEqual([]);
    }

    // Result card, with a transcript
    const result = await world.double.waitForMessage(
      thread,
      (m) => m.embeds.some((e) => /win|draw|No decision/.test(String(e.title))),
      5000,
    );
    // The channel hears the outcome in brief, with a link to the card in the thread
    const summary = await world.double.waitForMessage(
      channel,
      (m) => embedText(m).includes(`/channels/${world.guild.id}/${thread}/${result.id}`),
      5000,
    );
    expect(summary.embeds[0]?.title).toBe(result.embeds[0]?.title);
    const text = embedText(result);
    expect(text).toContain('Decided by the automatic rubric');
    expect(text).toMatch(/Argument \*\*\d/);
    expect(text).toMatch(/rating 1000 → \d+/);
    const transcript = await (await bob.click(result, buttonId(result, /:transcript:/))).response();
    expect(transcript.ephemeral).toBe(true);
    expect(transcript.attachments[0]?.filename).toMatch(/\.md$/);

    // Stats: one rated debate, provisional
    const stats = await (await alice.slash(channel, 'stats', {})).response();
    expect(embedText(stats)).toContain('provisional');
    expect(embedText(stats)).toMatch(/1W|1L|1D/);
    expect(bot.errors()).toEqual([]);
  }, 60_000);
});

import type { FaultRule } from '@steelman/discord-double';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { privately, speechText, Table } from './flows.js';
import { type Bot, buttonId, embedText, startWorldWithBot, stopWorldWithBot, type World } from './harness.js';

/**
 * Discord failing posts: 30 % of the channel's message posts and edits answered with 5xx or 429
 * (from a seed), and once a burst longer than discord.js's own retries. No announcement may be lost,
 * none shown twice, and nobody told "posted" before it is.
 */
const SEED = Number(process.env.FAULT_SEED ?? 7);

let world: World;
let bot: Bot;

beforeAll(async () => {
  ({ world, bot } = await startWorldWithBot({ channels: ['debates'] }));
}, 60_000);

afterAll(async () => {
  world?.double.faults.clear();
  await stopWorldWithBot(world, bot);
});

describe(`a Discord that refuses 30 % of posts (seed ${SEED})`, () => {
  it('given a whole quick debate, then every announcement is posted exactly once and each speaker hears "posted" only once it is', async () => {
    const alice = world.user('alice');
    const bob = world.user('bob');
    const posts: FaultRule = {
      route: 'POST /channels/:channel/messages',
      rate: 0.3,
      statuses: [500, 502, 503, 429],
      seed: SEED,
    };
    world.double.faults.set([
      posts,
      {
        route: 'PATCH /channels/:channel/messages/:message',
        rate: 0.3,
        statuses: [500, 503, 429],
        seed: SEED + 1,
      },
    ]);
    const table = await Table.open(world, alice, 'debates', { motion: 'M01', format: 'quick' });
    await table.seat(alice, 'lecun');
    await table.seat(bob, 'scaling');
    await table.readyAll(await table.begin(), [alice, bob]);

    const order = [alice, bob, alice, bob];
    for (const [turn, speaker] of order.entries()) {
      if (turn === 2)
        // A burst longer than discord.js's four attempts: the outbox must carry the post over it.
        world.double.faults.set({
          route: 'POST /channels/:channel/messages',
          rate: 1,
          statuses: [503],
          limit: 6,
        });
      const text = speechText(`speech ${turn + 1}`);
      const announcement = await table.turn(turn);
      const modal = await (await speaker.click(announcement, buttonId(announcement, /:speak:/))).modal();
      const answer = await privately(speaker.submitModal(modal, { speech: text }));
      const shown = table.speeches().filter((m) => embedText(m).includes(text.slice(0, 60)));
      // Told "posted" only when it is in the channel; else told it is on its way (and it then comes).
      if (answer.content === 'Your speech is posted.') expect(shown).toHaveLength(1);
      else expect(answer.content).toContain('it will appear in the channel');
      await table.waitFor((m) => embedText(m).includes(text.slice(0, 60)), `speech ${turn + 1}`, 20_000);
      if (turn === 2) world.double.faults.set(posts);
    }
    const result = await table.result();
    expect(embedText(result)).toMatch(/rating \d+ → \d+/);
    await new Promise((r) => setTimeout(r, 1000)); // a duplicate would show by now

    const counts = world.double.faults.counts();
    expect(counts.total).toBeGreaterThan(5);
    expect(table.turns()).toHaveLength(4);
    expect(table.speeches()).toHaveLength(4);
    // The result card in the debate's thread (the channel gets its summary, checked apart).
    const results = table
      .messages()
      .filter((m) => m.channelId === table.channel && m.embeds.some((e) => /win|draw/.test(String(e.title))));
    expect(results).toHaveLength(1);
    const begun = table.messages().filter((m) => m.content.includes('the debate has begun'));
    expect(begun).toHaveLength(1);
    expect(
      world.double.channelMessages(table.home).filter((m) => /^Debate M01/.test(String(m.embeds[0]?.title))),
    ).toHaveLength(1);
    expect(bot.errors()).toEqual([]);
  }, 120_000);
});

import type { DoubleUser } from '@steelman/discord-double';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mentionedIds, privately, speechText, Table } from './flows.js';
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
  ({ world, bot } = await startWorldWithBot({ channels: ['team', 'live'] }));
}, 60_000);

afterAll(() => stopWorldWithBot(world, bot));

/** A card id from the player's private hand. */
const cardInHand = async (user: DoubleUser, channel: string) => {
  const reply = await privately(user.slash(channel, 'evidence', { subcommand: 'hand' }));
  const id = /\[([LS]\d{2,4})\]/.exec(embedText(reply))?.[1];
  if (!id) throw new Error(`no card in ${user.username}'s hand: ${embedText(reply)}`);
  return id;
};

describe('a 2v2 team debate', () => {
  it('given four debaters seated by buttons and /debate join, when the 8 speeches are given in order, then the result scores all four, totals each side and rates everyone', async () => {
    const [alice, bob, carol, dave] = (['alice', 'bob', 'carol', 'dave'] as const).map((n) =>
      world.user(n),
    ) as [DoubleUser, DoubleUser, DoubleUser, DoubleUser];
    const table = await Table.open(world, alice, 'team', { motion: 'M01', format: 'team', size: '2v2' });
    expect(embedText(table.card)).toContain('2v2');
    expect(embedText(table.card)).toContain('_open seat_ · _open seat_');

    // Seats: speaker 1 of each side joins first (buttons), speaker 2 by /debate join.
    await table.seat(alice, 'lecun');
    await table.seat(bob, 'scaling');
    const carolJoined = await privately(
      carol.slash(table.channel, 'debate', { subcommand: 'join', options: { side: 'lecun' } }),
    );
    expect(carolJoined.content).toContain('LeCun');
    const daveJoined = await privately(
      dave.slash(table.channel, 'debate', { subcommand: 'join', options: { side: 'scaling' } }),
    );
    expect(daveJoined.content).toContain('Scaling');
    // A /debate join answers privately, then edits the card.
    await eventually(
      () => (table.seated().scaling.length === 2 ? true : undefined),
      5000,
      'the card to show four debaters',
    );
    expect(table.seated()).toEqual({ lecun: [alice.id, carol.id], scaling: [bob.id, dave.id] });
    expect(embedText(table.lobby())).not.toContain('_open seat_');

    // Begin: the turn order names all eight speeches; everyone is pinged once.
    const begun = await table.begin();
    expect(new Set(begun.mentions)).toEqual(new Set([alice.id, bob.id, carol.id, dave.id]));
    const order = [alice, bob, carol, dave, alice, bob, carol, dave];
    const orderLines = String(begun.embeds[0]?.description).split('\n');
    expect(orderLines).toHaveLength(8);
    for (const [i, speaker] of order.entries()) expect(orderLines[i]).toContain(`<@${speaker.id}>`);
    expect(embedText(begun)).toContain('Prep');

    // Prep: three Ready are not enough; the fourth starts the first speech.
    await table.readyAll(begun, [alice, bob, carol]);
    await new Promise((r) => setTimeout(r, 150));
    expect(table.turns()).toHaveLength(0);
    await table.readyAll(begun, [dave]);

    const cards = new Map<string, string>();
    for (const d of [alice, bob, carol, dave]) cards.set(d.id, await cardInHand(d, table.channel));
    expect(cards.get(alice.id)).toMatch(/^L/);
    expect(cards.get(bob.id)).toMatch(/^S/);

    for (const [turn, speaker] of order.entries()) {
      const announcement = await table.turn(turn);
      expect(embedText(announcement)).toContain(`Turn ${turn + 1} of 8`);
      const posted = await table.speak(
        speaker,
        turn,
        speechText(`turn ${turn + 1} by ${speaker.username}`, cards.get(speaker.id)),
      );
      expect(posted.content).toContain(`<@${speaker.id}>`);
      expect(posted.mentions).toEqual([]);
      expect(embedText(posted)).toContain(`[${cards.get(speaker.id)}]`);
    }
    expect(table.speeches()).toHaveLength(8);

    const result = await table.result();
    const text = embedText(result);
    expect(text).toContain('Decided by the automatic rubric');
    const all = (result.embeds[0]?.fields ?? []) as { name: string; value: string }[];
    // One score field per debater; the coaching fields (one per debater too, room allowing) follow them.
    const fields = all.filter((f) => !f.name.startsWith('📝 Coaching'));
    expect(fields).toHaveLength(4);
    expect(all.length).toBeLessThanOrEqual(8);
    const totals = new Map<string, number>();
    for (const d of [alice, bob, carol, dave]) {
      const field = fields.find((f) => f.value.includes(`<@${d.id}>`));
      expect(field, `a score field for ${d.username}`).toBeDefined();
      expect(field?.name).toMatch(/rating 1000 → \d+ \([+-]\d+\)/);
      expect(field?.value).toMatch(/Argument \*\*\d/);
      expect(field?.value).toMatch(/Discipline \*\*5\*\*: 2 of 2 speeches delivered/);
      totals.set(d.id, Number(/· ([\d.]+) \/ 100/.exec(field?.name ?? '')?.[1]));
    }
    // Side totals are the mean of each side's debaters.
    const sideTotal = (side: RegExp) => Number(new RegExp(`${side.source}[^\\d]*([\\d.]+)`).exec(text)?.[1]);
    const lecun = sideTotal(/Side totals: 🌍 World models \(LeCun\)/);
    const scaling = sideTotal(/📈 Scaling \(next-token LLMs\)/);
    const mean = (a: string, b: string) =>
      Math.round((((totals.get(a) ?? 0) + (totals.get(b) ?? 0)) / 2) * 10) / 10;
    expect(lecun).toBeCloseTo(mean(alice.id, carol.id), 1);
    expect(scaling).toBeCloseTo(mean(bob.id, dave.id), 1);
    const headline = String(result.embeds[0]?.title);
    if (lecun > scaling) expect(headline).toContain('World models');
    else if (scaling > lecun) expect(headline).toContain('Scaling');
    else expect(headline).toContain('draw');
    expect(result.mentions).toEqual([]);

    // Everyone's stats now hold one rated debate.
    for (const d of [alice, bob, carol, dave]) {
      const stats = await privately(d.slash(table.channel, 'stats', {}));
      expect(embedText(stats)).toMatch(/provisional/);
      expect(embedText(stats)).toMatch(/Overall\n(1W 0L|0W 1L|0W 0L 1D)/);
    }
    expect(bot.errors()).toEqual([]);
  }, 30_000);
});

describe('a live-mode debate', () => {
  it('given mode live, when each speaker presses Done, then turns carry Done (no Speak) and the result is an unrated practice round', async () => {
    const erin = world.user('erin');
    const frank = world.user('frank');
    const sam = world.user('sam');
    // M02 is affirmed by the scaling side, so scaling opens.
    const table = await Table.open(world, erin, 'live', { motion: 'M02', format: 'quick', mode: 'live' });
    expect(embedText(table.card)).toContain('live mode');
    await table.seat(erin, 'scaling');
    await table.seat(frank, 'lecun');
    const begun = await table.begin();
    await table.readyAll(begun, [erin, frank]);

    const order = [erin, frank, erin, frank];
    for (const [turn, speaker] of order.entries()) {
      const announcement = await table.turn(turn);
      expect(announcement.mentions).toEqual([speaker.id]);
      expect(embedText(announcement)).toContain('Speak in voice now; press **Done**');
      const ids = buttonIds(announcement);
      expect(ids.some((id) => id.includes(':speak:'))).toBe(false);
      expect(ids.some((id) => id.includes(':done:'))).toBe(true);
      // The crowd buttons ride on the first turn only.
      expect(ids.some((id) => id.includes(':crowd:'))).toBe(turn === 0);
      if (turn === 0) {
        const other = order[1] as DoubleUser;
        const notYours = await privately(other.click(announcement, buttonId(announcement, /:done:/)));
        expect(notYours.content).toContain(`It is <@${speaker.id}>'s turn, not yours.`);
        const noForm = await privately(speaker.slash(table.channel, 'debate', { subcommand: 'speak' }));
        expect(noForm.content).toContain('live mode');
        await privately(sam.click(announcement, buttonId(announcement, /:crowd:\d+:lecun$/)));
      }
      const done = await privately(speaker.click(announcement, buttonId(announcement, /:done:/)));
      expect(done.content).toBe('Turn ended.');
      const over = await table.waitFor(
        (m) =>
          m.content.startsWith('✅') && m.content.includes(`<@${speaker.id}>`) && table.turns().length > turn,
        `the end of turn ${turn + 1}`,
      );
      expect(over.content).toContain('(ended early)');
      expect(over.mentions).toEqual([]);
    }

    const result = await table.result();
    const text = embedText(result);
    expect(String(result.embeds[0]?.title)).toBe('📝 No decision');
    expect(text).toContain('A live debate with no judge ballot: a practice round, not rated.');
    expect(text).not.toContain('rating 1000');
    expect(text).toContain('Crowd favourite (shown, not decisive): 🌍 1 · 📈 0');
    for (const d of [erin, frank]) {
      const stats = await privately(d.slash(table.channel, 'stats', {}));
      expect(stats.content).toContain('has no rated debate');
      expect(mentionedIds(stats.content)).toEqual([d.id]);
    }
    // The channel is free again once the debate is over.
    const status = await privately(erin.slash(table.channel, 'debate', { subcommand: 'status' }));
    expect(status.content).toContain('no debate in this channel');
    expect(bot.errors()).toEqual([]);
  }, 30_000);
});

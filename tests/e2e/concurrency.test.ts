import { CallbackType, type DoubleUser } from '@steelman/discord-double';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mentionedIds, motionText, privately, type Side, speechText, Table } from './flows.js';
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
  ({ world, bot } = await startWorldWithBot({ channels: ['east', 'west', 'race'] }));
}, 60_000);

afterAll(() => stopWorldWithBot(world, bot));

describe('debates side by side', () => {
  it('given two debates in two channels, when their moves interleave, then each finishes with its own players and results', async () => {
    const [alice, bob, carol, dave, erin] = (['alice', 'bob', 'carol', 'dave', 'erin'] as const).map((n) =>
      world.user(n),
    ) as [DoubleUser, DoubleUser, DoubleUser, DoubleUser, DoubleUser];
    const [east, west] = await Promise.all([
      Table.open(world, alice, 'east', { motion: 'M01', format: 'quick' }),
      Table.open(world, carol, 'west', { motion: 'M02', format: 'quick' }),
    ]);
    expect(east.debateId).not.toBe(west.debateId);

    // A second debate in a busy channel is refused privately; the first one is untouched.
    const busy = await privately(
      erin.slash(east.channel, 'debate', { subcommand: 'start', options: { motion: 'M03' } }),
    );
    expect(busy.content).toContain('This channel already has a debate');
    expect(world.double.channelMessages(east.channel)).toHaveLength(1);

    await Promise.all([east.seat(alice, 'lecun'), west.seat(carol, 'lecun')]);
    await Promise.all([east.seat(bob, 'scaling'), west.seat(dave, 'scaling')]);
    const [eastBegun, westBegun] = await Promise.all([east.begin(), west.begin()]);
    await Promise.all([east.readyAll(eastBegun, [alice, bob]), west.readyAll(westBegun, [dave, carol])]);

    // M01: lecun opens; M02: scaling opens (the order is mirrored).
    const eastOrder = [alice, bob, alice, bob];
    const westOrder = [dave, carol, dave, carol];
    for (let turn = 0; turn < 4; turn++) {
      const eastSpeaker = eastOrder[turn] as DoubleUser;
      const westSpeaker = westOrder[turn] as DoubleUser;
      await Promise.all([
        east.speak(eastSpeaker, turn, speechText(`east ${turn + 1} by ${eastSpeaker.username}`)),
        west.speak(westSpeaker, turn, speechText(`west ${turn + 1} by ${westSpeaker.username}`)),
      ]);
    }
    const [eastResult, westResult] = await Promise.all([east.result(), west.result()]);
    expect(embedText(eastResult)).toContain(motionText(world, 'M01'));
    expect(embedText(westResult)).toContain(motionText(world, 'M02'));
    expect(new Set(mentionedIds(embedText(eastResult)))).toEqual(new Set([alice.id, bob.id]));
    expect(new Set(mentionedIds(embedText(westResult)))).toEqual(new Set([carol.id, dave.id]));

    // Nothing of one debate leaked into the other channel.
    for (const [table, outsiders] of [
      [east, [carol.id, dave.id]],
      [west, [alice.id, bob.id]],
    ] as const) {
      const texts = world.double.channelMessages(table.channel).map(embedText).join('\n');
      for (const id of outsiders) expect(texts).not.toContain(id);
      expect(table.speeches()).toHaveLength(4);
      expect(table.speeches().every((m) => embedText(m).includes(table === east ? 'east' : 'west'))).toBe(
        true,
      );
    }
    for (const d of [alice, bob, carol, dave]) {
      const stats = await privately(d.slash(east.channel, 'stats', {}));
      expect(embedText(stats)).toMatch(/Overall\n(1W 0L 0D|0W 1L 0D|0W 0L 1D)/);
    }

    // Once finished, the channel takes a new debate.
    const again = await Table.open(world, erin, 'east', { motion: 'M03', format: 'quick' });
    const cancelled = await erin.click(again.lobby(), buttonId(again.lobby(), /:cancel:/));
    expect((await cancelled.reply()).type).toBe(CallbackType.UpdateMessage);
    expect(embedText(again.lobby())).toContain('Cancelled.');
    expect(bot.errors()).toEqual([]);
  }, 30_000);
});

describe('a rush on the seats', () => {
  it('given a 2v2 lobby, when eight members press join at the same moment, then exactly four are seated, two per side, and the rest are told privately', async () => {
    const mod = world.user('mod');
    const table = await Table.open(world, mod, 'race', { motion: 'M01', format: 'team', size: '2v2' });
    const picks: [DoubleUser, Side | 'auto'][] = [
      [world.user('alice'), 'auto'],
      [world.user('erin'), 'lecun'],
      [world.user('gus'), 'scaling'],
      [world.user('bob'), 'auto'],
      [world.user('frank'), 'lecun'],
      [world.user('hana'), 'scaling'],
      [world.user('carol'), 'auto'],
      [world.user('dave'), 'auto'],
    ];
    const handles = await Promise.all(picks.map(([user, side]) => table.join(user, side)));
    const answers = await Promise.all(handles.map((h) => h.reply()));

    const seatedIds = picks
      .filter((_, i) => answers[i]?.type === CallbackType.UpdateMessage)
      .map(([u]) => u.id);
    const refused = handles.filter((_, i) => answers[i]?.type !== CallbackType.UpdateMessage);
    expect(seatedIds).toHaveLength(4);
    expect(refused).toHaveLength(4);
    for (const handle of refused) {
      const reply = await handle.response();
      expect(reply.ephemeral).toBe(true);
      expect(reply.content).toMatch(
        /^(Both sides are full\. You can still join as a judge\.|The (World models \(LeCun\)|Scaling \(next-token LLMs\)) side is full\.)$/,
      );
    }
    // Those who asked for a side and got a seat got that side.
    const seats = await eventually(
      () => {
        const now = table.seated();
        return now.lecun.length + now.scaling.length === 4 ? now : undefined;
      },
      5000,
      'the card to show four debaters',
    );
    await new Promise((r) => setTimeout(r, 200));
    const settled = table.seated();
    expect(settled).toEqual(seats);
    expect(settled.lecun).toHaveLength(2);
    expect(settled.scaling).toHaveLength(2);
    expect(new Set([...settled.lecun, ...settled.scaling])).toEqual(new Set(seatedIds));
    for (const [user, side] of picks)
      if (side !== 'auto' && seatedIds.includes(user.id)) expect(settled[side]).toContain(user.id);
    expect(embedText(table.lobby())).not.toContain('_open seat_');

    // The seats the card shows are the seats the debate has.
    const status = await privately(mod.slash(table.channel, 'debate', { subcommand: 'status' }));
    for (const id of seatedIds) expect(embedText(status)).toContain(`<@${id}>`);
    expect(embedText(status)).toContain('Lobby: 4 debater(s)');
    expect(bot.errors()).toEqual([]);
  }, 20_000);
});

describe('answering in time', () => {
  it("given every interaction the debates above sent, then each got its first answer within Discord's 3 s", () => {
    const latencies = world.double.interactionLatencies();
    expect(latencies.length).toBeGreaterThan(20);
    expect(world.double.slowInteractions()).toEqual([]);
    expect(latencies.filter((l) => l.firstCallbackMs === null)).toEqual([]);
  });
});

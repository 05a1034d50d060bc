import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DoubleUser } from '@steelman/discord-double';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { privately, Table } from './flows.js';
import { Bot, buttonId, buttonIds, embedText, startWorld, stopWorldWithBot, type World } from './harness.js';

let world: World;
let bot: Bot;

/** The shipped deck plus a parliamentary format short enough to wait out: 20-s speeches, 5 s protected at each end. */
beforeAll(async () => {
  world = await startWorld({ channels: ['poi'] });
  const file = path.join(world.dataDir, 'formats.json');
  const data = JSON.parse(await readFile(file, 'utf8')) as { formats: Record<string, unknown>[] };
  const speech = (side: string) => ({
    side,
    kind: 'constructive',
    seconds: 20,
    textSeconds: 20,
    bells: [],
    words: { min: 2, max: 300 },
  });
  data.formats.push({
    id: 'snap-parl',
    name: 'Snap parliamentary (tests)',
    description: 'Twenty-second speeches with five seconds protected at each end.',
    sizes: ['1v1'],
    prepSeconds: 0,
    handSize: 3,
    draws: 0,
    judgingSeconds: 10,
    protectedSeconds: 5,
    speeches: [speech('lecun'), speech('scaling')],
  });
  await writeFile(file, JSON.stringify(data));
  await Bot.deployCommands(world);
  bot = await Bot.start(world);
}, 60_000);

afterAll(() => stopWorldWithBot(world, bot));

describe('points of information', () => {
  it('given a live speech with protected time, when the other side presses POI before, during and after the window, then only the press in the window reaches the speaker, who declines it', async () => {
    const [alice, bob] = (['alice', 'bob'] as const).map((n) => world.user(n)) as [DoubleUser, DoubleUser];
    const table = await Table.open(world, alice, 'poi', { motion: 'M01', format: 'snap-parl', mode: 'live' });
    await table.seat(alice, 'lecun');
    await table.seat(bob, 'scaling');
    await table.begin();
    const turn = await table.turn(0);
    expect(embedText(turn)).toContain(
      '🛡️ Protected time: no points of information in the first and last 5 s.',
    );
    const poi = buttonId(turn, /:poi:\d+:0$/);

    const early = await privately(bob.click(turn, poi));
    expect(early.content).toContain('Protected time');
    const own = await privately(alice.click(turn, poi));
    expect(own.content).toContain('offered by the other side');

    const opened = await table.waitFor((m) => m.content.startsWith('🟢'), 'points open', 10_000);
    expect(opened.mentions).toEqual([]);
    const status = await privately(bob.slash(table.channel, 'debate', { subcommand: 'status' }));
    expect(embedText(status)).toContain('✋ Points of information open');
    const offered = await privately(bob.click(opened, buttonId(opened, /:poi:\d+:0$/)));
    expect(offered.content).toContain('point of information is offered');
    const signal = await table.waitFor((m) => m.content.includes('POI offered by'), 'the POI signal');
    expect(signal.content).toBe(
      `✋ <@${alice.id}>: POI offered by <@${bob.id}> (📈 Scaling (next-token LLMs)).`,
    );
    expect(signal.mentions).toEqual([alice.id]);
    const notSpeaker = await privately(bob.click(signal, buttonId(signal, /:poi-answer:.*:decline$/)));
    expect(notSpeaker.content).toContain(`It is <@${alice.id}>'s turn`);
    const declined = await privately(alice.click(signal, buttonId(signal, /:poi-answer:.*:decline$/)));
    expect(declined.content).toBe('You declined the point.');
    const answered = await table.waitFor((m) => m.content.includes('declined the point from'), 'the answer');
    expect(answered.mentions).toEqual([]);

    const closed = await table.waitFor((m) => m.content.startsWith('🔴'), 'points closed', 15_000);
    expect(closed.content).toContain('5 s left');
    const late = await privately(bob.click(turn, poi));
    expect(late.content).toContain('Protected time');

    await privately(alice.click(turn, buttonId(turn, /:done:/)));
    const next = await table.turn(1);
    expect(buttonIds(next).some((id) => /:poi:\d+:1$/.test(id))).toBe(true);
    expect(bot.errors()).toEqual([]);
  }, 60_000);
});

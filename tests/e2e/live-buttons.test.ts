import type { DoubleMessage } from '@steelman/discord-double';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { privately, speechText, submitBallot, Table } from './flows.js';
import {
  type Bot,
  buttonIds,
  eventually,
  startWorldWithBot,
  stopWorldWithBot,
  type World,
} from './harness.js';

let world: World;
let bot: Bot;

beforeAll(async () => {
  ({ world, bot } = await startWorldWithBot({ channels: ['live-buttons', 'live-cancel'] }));
}, 60_000);

afterAll(() => stopWorldWithBot(world, bot));

/** The message as it is now in the double. */
const now = (message: DoubleMessage) => {
  const current = world.double.message(message.id);
  if (!current) throw new Error(`message ${message.id} is gone`);
  return current;
};

/** Waits until the message's buttons are exactly those matching `expected` (none when empty). */
const buttonsBecome = (message: DoubleMessage, expected: RegExp[], what: string) =>
  eventually(
    () => {
      const ids = buttonIds(now(message));
      return ids.length === expected.length && expected.every((re) => ids.some((id) => re.test(id)))
        ? ids
        : undefined;
    },
    5000,
    what,
  );

describe('only live buttons', () => {
  it("given a judged text debate, when each turn and then judging ends, then that turn's buttons go (the lobby's at Begin, Ready at the first turn, the crowd row at judging, the ballot at the result)", async () => {
    const [alice, bob, judy] = [world.user('alice'), world.user('bob'), world.user('judy')];
    const table = await Table.open(world, alice, 'live-buttons', { motion: 'M01', format: 'quick' });
    await table.seat(alice, 'lecun');
    await table.seat(bob, 'scaling');
    await (
      await judy.click(table.lobby(), buttonIds(table.lobby()).find((id) => id.includes(':judge:')) ?? '')
    ).reply();
    expect(buttonIds(table.lobby()).length).toBeGreaterThan(0);

    const begun = await table.begin();
    await buttonsBecome(table.card, [], 'the lobby card without buttons once begun');
    expect(buttonIds(begun).some((id) => id.includes(':ready:'))).toBe(true);
    await table.readyAll(begun, [alice, bob]);

    const first = await table.turn(0);
    await buttonsBecome(begun, [], 'the begun message without Hand and Ready once the first turn starts');
    expect(buttonIds(now(first)).some((id) => id.includes(':speak:'))).toBe(true);

    await table.speak(alice, 0, speechText('live buttons turn 1'));
    // The first turn keeps only the crowd row (crowd votes run until judging).
    await buttonsBecome(
      first,
      [/:crowd:\d+:lecun$/, /:crowd:\d+:scaling$/],
      'turn 1 keeping only the crowd row',
    );

    const second = await table.turn(1);
    await table.speak(bob, 1, speechText('live buttons turn 2'));
    await buttonsBecome(second, [], 'turn 2 without buttons once it ended');
    // A click on what is gone is impossible in the client: the double refuses it too.
    await expect(bob.click(now(second), `s1:speak:${table.debateId}:1`)).rejects.toThrow(/no component/);

    await table.speak(alice, 2, speechText('live buttons turn 3'));
    await table.speak(bob, 3, speechText('live buttons turn 4'));
    const judging = await table.waitFor((m) => m.content.startsWith('⚖️'), 'the judging message');
    await buttonsBecome(first, [], 'the crowd row of turn 1 gone once judging opens');
    for (const index of [2, 3])
      await buttonsBecome(await table.turn(index), [], `turn ${index + 1} without buttons`);
    expect(buttonIds(now(judging)).some((id) => id.includes(':ballot:'))).toBe(true);

    await submitBallot(judy, judging, { [alice.id]: '4 4 4', [bob.id]: '3 3 3' }, 'lecun');
    const result = await table.result();
    await buttonsBecome(judging, [], 'the ballot gone once judging ends');
    expect(buttonIds(result).some((id) => id.includes(':transcript:'))).toBe(true);
  });

  it('given a debate cancelled mid-turn by a moderator, then the turn under way loses its buttons', async () => {
    const [alice, bob, mod] = [world.user('alice'), world.user('bob'), world.user('mod')];
    const table = await Table.open(world, alice, 'live-cancel', { motion: 'M01', format: 'quick' });
    await table.seat(alice, 'lecun');
    await table.seat(bob, 'scaling');
    const begun = await table.begin();
    await table.readyAll(begun, [alice, bob]);
    const first = await table.turn(0);
    expect(buttonIds(now(first)).length).toBeGreaterThan(0);
    await cancelByMod(table, mod);
    await buttonsBecome(first, [], 'the turn under way without buttons once cancelled');
  });
});

/** A moderator cancels the debate, confirming when asked. */
const cancelByMod = async (table: Table, mod: ReturnType<World['user']>) => {
  const answer = await privately(mod.slash(table.channel, 'debate', { subcommand: 'cancel' }));
  const confirm = buttonIds(answer).find((id) => id.includes(':confirm:'));
  if (confirm) await privately(mod.click(answer, confirm));
};

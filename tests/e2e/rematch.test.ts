import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmed, privately, Table } from './flows.js';
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
  ({ world, bot } = await startWorldWithBot({ channels: ['rematch'] }));
}, 60_000);

afterAll(() => stopWorldWithBot(world, bot));

describe('rematch', () => {
  it('given a finished debate, when a debater presses Rematch, then a new lobby opens with the same motion, format and people, sides swapped', async () => {
    const [alice, bob, judy, erin] = [
      world.user('alice'),
      world.user('bob'),
      world.user('judy'),
      world.user('erin'),
    ];
    const table = await Table.open(world, alice, 'rematch', { motion: 'M02', format: 'quick' });
    await table.seat(alice, 'lecun');
    await table.seat(bob, 'scaling');
    await (await judy.click(table.lobby(), buttonId(table.lobby(), /:judge:/))).reply();
    await table.begin();
    await confirmed(bob, bob.slash(table.channel, 'debate', { subcommand: 'forfeit' }));
    const result = await table.result();
    const rematchId = buttonId(result, /^s1:rematch:/);

    const outsider = await privately(erin.click(result, rematchId));
    expect(outsider.content).toBe('Only the debaters and the host of this debate can start its rematch.');

    const answer = await privately(bob.click(result, rematchId));
    expect(answer.content).toContain('Rematch: a new lobby');
    const card = await eventually(
      () =>
        world.double
          // The rematch opens its lobby in the channel the first debate opened in, not in its thread.
          .channelMessages(table.home)
          .find(
            (m) =>
              m.id !== table.card.id &&
              buttonIds(m).some((id) => id.startsWith('s1:join:') && !id.includes(table.debateId)),
          ),
      5000,
      'the rematch lobby card',
    );
    const seated = () => {
      const now = world.double.message(card.id);
      const fields = (now?.embeds[0]?.fields ?? []) as { name: string; value: string }[];
      const side = (re: RegExp) => fields.find((f) => re.test(f.name))?.value ?? '';
      return {
        lecun: side(/LeCun/),
        scaling: side(/Scaling/),
        judges: side(/^Judges$/),
        setup: side(/^Setup$/),
      };
    };
    await eventually(
      () => (seated().lecun.includes(bob.id) && seated().judges.includes(judy.id) ? true : undefined),
      5000,
      'everyone seated again',
    );
    expect(seated().lecun).toContain(`<@${bob.id}>`);
    expect(seated().scaling).toContain(`<@${alice.id}>`);
    expect(seated().setup).toContain('Lunch-break quick');
    expect(seated().setup).toContain(`host <@${alice.id}>`);
    expect(embedText(world.double.message(card.id) ?? card)).toContain(
      String(table.card.embeds[0]?.description),
    );
    // The host begins it as usual.
    expect(buttonIds(world.double.message(card.id) ?? card).some((id) => id.startsWith('s1:begin:'))).toBe(
      true,
    );
    expect(bot.errors()).toEqual([]);
  });
});

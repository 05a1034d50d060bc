import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { privately } from './flows.js';
import { type Bot, embedText, startWorldWithBot, stopWorldWithBot, type World } from './harness.js';

let world: World;
let bot: Bot;

beforeAll(async () => {
  ({ world, bot } = await startWorldWithBot({ channels: ['general', 'debates', 'lounge'] }));
}, 60_000);

afterAll(() => stopWorldWithBot(world, bot));

describe("/config with Discord's pickers", () => {
  it('given the role and channel pickers, then the judge role and the debate channels are set without typing an id', async () => {
    const mod = world.user('mod');
    const general = world.channel('general');
    const [debates, lounge] = [world.channel('debates'), world.channel('lounge')];
    const judges = world.guild.role('Judges');

    const role = await privately(
      mod.slash(general, 'config', { subcommand: 'set', options: { key: 'judge-role', role: judges.id } }),
    );
    expect(embedText(role)).toContain(`<@&${judges.id}>`);

    const one = await privately(
      mod.slash(general, 'config', {
        subcommand: 'set',
        options: { key: 'debate-channels', channel: debates },
      }),
    );
    expect(embedText(one)).toContain(`<#${debates}>`);
    const two = await privately(
      mod.slash(general, 'config', { subcommand: 'channels', options: { add: lounge } }),
    );
    expect(embedText(two)).toContain(`<#${debates}>`);
    expect(embedText(two)).toContain(`<#${lounge}>`);
    const removed = await privately(
      mod.slash(general, 'config', { subcommand: 'channels', options: { remove: debates } }),
    );
    expect(embedText(removed)).not.toContain(`<#${debates}>`);
    expect(embedText(removed)).toContain(`<#${lounge}>`);

    // A debate channel list now holds only lounge: a lobby elsewhere is refused.
    const elsewhere = await privately(mod.slash(debates, 'debate', { subcommand: 'start', options: {} }));
    expect(elsewhere.content).toContain(`<#${lounge}>`);

    const missing = await privately(
      mod.slash(general, 'config', { subcommand: 'set', options: { key: 'judge-role' } }),
    );
    expect(missing.content).toContain('Pick the role with the `role` option');
    expect(bot.errors()).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { privately, staleClick } from './flows.js';
import { type Bot, embedText, startWorldWithBot, stopWorldWithBot, type World } from './harness.js';

let world: World;
let bot: Bot;

beforeAll(async () => {
  ({ world, bot } = await startWorldWithBot({ channels: ['standings'] }));
}, 60_000);

afterAll(() => stopWorldWithBot(world, bot));

describe('private leaderboard paging and combined options', () => {
  it('given a posted /leaderboard, when a member clicks a page button, then they get that page privately and the shared message stays as posted', async () => {
    const [alice, bob] = [world.user('alice'), world.user('bob')];
    const channel = world.channel('standings');
    const shared = await (await alice.slash(channel, 'leaderboard', {})).response();
    expect(shared.ephemeral).toBe(false);
    const before = world.double.message(shared.id);
    // Page buttons show once there are two pages; the click is sent as a client sends it.
    const click = `s1:board:${world.guild.id}:1:lecun:1`;
    const page = await privately(staleClick(world, bob, shared, click));
    expect(String(page.embeds[0]?.title)).toContain('best 🌍 World models (LeCun) advocates');
    const after = world.double.message(shared.id);
    expect(after?.editedAt ?? null).toBe(before?.editedAt ?? null);
    expect(after && embedText(after)).toBe(before && embedText(before));
    expect(String(after?.embeds[0]?.title)).not.toContain('advocates');
    // A click on the private page turns that page in place (it is the clicker's own).
    const turned = await privately(staleClick(world, bob, page, `s1:board:${world.guild.id}:1:all:1`));
    expect(turned.id).toBe(page.id);
    expect(String(turned.embeds[0]?.title)).not.toContain('advocates');
  });

  it('given listed with side and season, then the opt-out is kept and the board asked for comes with it, privately', async () => {
    const carol = world.user('carol');
    const channel = world.channel('standings');
    const both = await privately(
      carol.slash(channel, 'leaderboard', { options: { listed: false, side: 'scaling', season: 1 } }),
    );
    expect(both.content).toBe('You are now hidden from the leaderboard.');
    expect(String(both.embeds[0]?.title)).toContain('season 1 · best 📈 Scaling');
    const alone = await privately(carol.slash(channel, 'leaderboard', { options: { listed: true } }));
    expect(alone.content).toBe('You are listed on the leaderboard again.');
    expect(alone.embeds).toEqual([]);
    expect(bot.errors()).toEqual([]);
  });
});

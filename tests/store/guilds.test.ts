import { describe, expect, it } from 'vitest';
import { BACKENDS, useBackend } from './backends.js';
import { GUILD, T0 } from './drive.js';

describe.each(BACKENDS)('guild repository on %s', (backend) => {
  const harness = useBackend(backend);

  it('given a guild never configured, then it gets the defaults', async () => {
    const store = await harness.open();
    expect(await store.guilds.config(GUILD)).toEqual({
      debateChannels: [],
      lobbyMinutes: 15,
      leaderboard: true,
      images: true,
      resultImage: false,
      web: false,
      practice: true,
      threads: true,
    });
  });

  it('given a saved config, then it reads back as saved, per guild', async () => {
    const store = await harness.open();
    const config = {
      defaultFormat: 'standard',
      judgeRoleId: '300000000000000001',
      debateChannels: ['400000000000000001', '400000000000000002'],
      lobbyMinutes: 30,
      leaderboard: false,
      images: false,
      resultImage: true,
      web: true,
      practice: false,
      threads: false,
    };
    await store.guilds.saveConfig(GUILD, config);
    expect(await store.guilds.config(GUILD)).toEqual(config);
    expect((await store.guilds.config('other')).lobbyMinutes).toBe(15);
  });

  it('given a config saved before images and web existed, then it reads with their defaults', async () => {
    const store = await harness.open();
    await store.guilds.saveConfig(GUILD, {
      debateChannels: [],
      lobbyMinutes: 20,
      leaderboard: true,
    } as never);
    expect(await store.guilds.config(GUILD)).toMatchObject({
      lobbyMinutes: 20,
      images: true,
      resultImage: false,
      web: false,
      threads: true,
    });
  });

  it('given a guild first used, then it is in season 1 from that moment', async () => {
    const store = await harness.open({ now: () => T0 });
    expect(await store.guilds.currentSeason(GUILD)).toEqual({ number: 1, startedAt: T0 });
    expect(await store.guilds.seasons(GUILD)).toEqual([{ number: 1, startedAt: T0 }]);
  });

  it('given a new season, then the old one ends and stays readable', async () => {
    const store = await harness.open({ now: () => T0 });
    const second = await store.guilds.newSeason(GUILD, T0 + 1000);
    const third = await store.guilds.newSeason(GUILD, T0 + 2000);
    expect(second).toEqual({ number: 2, startedAt: T0 + 1000 });
    expect(third).toEqual({ number: 3, startedAt: T0 + 2000 });
    expect(await store.guilds.currentSeason(GUILD)).toEqual(third);
    expect(await store.guilds.seasons(GUILD)).toEqual([
      { number: 1, startedAt: T0, endedAt: T0 + 1000 },
      { number: 2, startedAt: T0 + 1000, endedAt: T0 + 2000 },
      { number: 3, startedAt: T0 + 2000 },
    ]);
  });

  it('given concurrent season changes, then each gets its own number', async () => {
    const store = await harness.open({ now: () => T0 });
    const seasons = await Promise.all([1, 2, 3, 4].map((i) => store.guilds.newSeason(GUILD, T0 + i)));
    expect(seasons.map((s) => s.number).sort()).toEqual([2, 3, 4, 5]);
  });

  it('given motion results, then wins per side and draws are tallied, once per debate', async () => {
    const store = await harness.open();
    await store.guilds.recordMotionResult(GUILD, 'M01', 'lecun', 'd1');
    await store.guilds.recordMotionResult(GUILD, 'M01', 'lecun', 'd2');
    await store.guilds.recordMotionResult(GUILD, 'M01', 'scaling', 'd3');
    await store.guilds.recordMotionResult(GUILD, 'M01', 'draw', 'd4');
    await store.guilds.recordMotionResult(GUILD, 'M02', 'scaling', 'd5');
    await store.guilds.recordMotionResult(GUILD, 'M01', 'lecun', 'd1');
    expect(await store.guilds.motionTallies(GUILD)).toEqual({
      M01: { wins: { lecun: 2, scaling: 1 }, draws: 1 },
      M02: { wins: { scaling: 1 }, draws: 0 },
    });
    expect(await store.guilds.motionTallies('other')).toEqual({});
  });
});

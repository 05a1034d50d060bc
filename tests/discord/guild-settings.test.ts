import { describe, expect, it } from 'vitest';
import { applySetting } from '../../src/guild-settings.js';
import type { GuildConfig } from '../../src/store/types.js';
import { testDeck } from '../fixtures/deck.js';

const deck = testDeck();
const base: GuildConfig = {
  debateChannels: [],
  lobbyMinutes: 15,
  leaderboard: true,
  images: true,
  resultImage: false,
  web: false,
  practice: true,
  threads: true,
};

describe('/config set', () => {
  it('given images, result-image and web, then on and off set them and anything else is refused', () => {
    expect(applySetting(deck, base, 'images', 'off')).toEqual({
      ok: true,
      config: { ...base, images: false },
    });
    expect(applySetting(deck, base, 'result-image', 'ON')).toEqual({
      ok: true,
      config: { ...base, resultImage: true },
    });
    expect(applySetting(deck, base, 'web', 'yes')).toEqual({ ok: true, config: { ...base, web: true } });
    expect(applySetting(deck, base, 'web', 'public')).toEqual({ ok: false, message: 'Give "on" or "off".' });
  });

  it('given practice off, then /practice is switched off for the server', () => {
    expect(applySetting(deck, base, 'practice', 'off')).toEqual({
      ok: true,
      config: { ...base, practice: false },
    });
  });

  it('given threads off and on again, then debates stay in their channel or move into a thread', () => {
    expect(applySetting(deck, base, 'threads', 'off')).toEqual({
      ok: true,
      config: { ...base, threads: false },
    });
    expect(applySetting(deck, { ...base, threads: false }, 'threads', 'on')).toEqual({
      ok: true,
      config: base,
    });
    expect(applySetting(deck, base, 'threads', 'maybe')).toEqual({
      ok: false,
      message: 'Give "on" or "off".',
    });
  });

  it('given a known format, then it becomes the default', () => {
    expect(applySetting(deck, base, 'default-format', 'QUICK')).toEqual({
      ok: true,
      config: { ...base, defaultFormat: 'quick' },
    });
  });

  it('given an unknown format, then it lists the formats', () => {
    expect(applySetting(deck, base, 'default-format', 'bp')).toEqual({
      ok: false,
      message: expect.stringContaining('quick, team, flex'),
    });
  });

  it('given a role mention, then the judge role is its id; "none" clears it', () => {
    const set = applySetting(deck, base, 'judge-role', '<@&123456789012345678>');
    expect(set).toEqual({ ok: true, config: { ...base, judgeRoleId: '123456789012345678' } });
    if (!set.ok) throw new Error('unreachable');
    expect(applySetting(deck, set.config, 'judge-role', 'none')).toEqual({ ok: true, config: base });
  });

  it('given channel mentions, then they become the debate channels, deduplicated; "any" clears them', () => {
    const set = applySetting(
      deck,
      base,
      'debate-channels',
      '<#111111111111111111> <#222222222222222222>, <#111111111111111111>',
    );
    expect(set).toEqual({
      ok: true,
      config: { ...base, debateChannels: ['111111111111111111', '222222222222222222'] },
    });
    expect(applySetting(deck, base, 'debate-channels', 'any')).toEqual({ ok: true, config: base });
  });

  it.each(['0', '241', '2.5', 'ten'])('given lobby minutes "%s", then it refuses', (value) => {
    expect(applySetting(deck, base, 'lobby-minutes', value).ok).toBe(false);
  });

  it('given on/off, then the leaderboard switches', () => {
    expect(applySetting(deck, base, 'leaderboard', 'off')).toEqual({
      ok: true,
      config: { ...base, leaderboard: false },
    });
    expect(applySetting(deck, { ...base, leaderboard: false }, 'leaderboard', 'ON')).toEqual({
      ok: true,
      config: base,
    });
    expect(applySetting(deck, base, 'leaderboard', 'maybe').ok).toBe(false);
  });
});

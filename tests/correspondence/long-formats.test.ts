import { describe, expect, it } from 'vitest';
import { loadDeck } from '../../src/content/load.js';
import { MAX_SPEECH_SECONDS } from '../../src/content/schemas.js';
import { apply } from '../../src/debate/engine.js';
import type { Debate, DebateEvent } from '../../src/debate/types.js';
import { deadline, duration, longSpan } from '../../src/discord/views/format.js';
import { bellView, turnView } from '../../src/discord/views/turns.js';

const HOUR = 3600;
const T0 = Date.UTC(2026, 11, 1, 9, 0, 0);

const run = (deck: Awaited<ReturnType<typeof loadDeck>>, events: DebateEvent[]): Debate => {
  let state: Debate | undefined;
  events.forEach((event, i) => {
    const t = apply(deck, state, event, T0 + i);
    if (!t.ok) throw new Error(`refused: ${t.refusal.code}`);
    state = t.state;
  });
  return state as Debate;
};

describe('long formats in the shipped data', () => {
  it('given the shipped deck, then correspondence is three rounds a side of 24 h with bells 12 h and 1 h before', async () => {
    const deck = await loadDeck('data');
    const format = deck.format('correspondence');
    expect(format?.speeches).toHaveLength(6);
    for (const speech of format?.speeches ?? []) {
      expect(speech.textSeconds).toBe(24 * HOUR);
      expect(speech.bells).toEqual([12 * HOUR, HOUR]);
    }
    expect(format?.speeches.filter((s) => s.side === 'lecun')).toHaveLength(3);
  });

  it('given the shipped deck, then weekend is two rounds a side of 12 h', async () => {
    const deck = await loadDeck('data');
    const format = deck.format('weekend');
    expect(format?.speeches).toHaveLength(4);
    expect(format?.speeches.every((s) => s.textSeconds === 12 * HOUR)).toBe(true);
  });

  it('given the schema, then a speech may last seven days and not longer', () => {
    expect(MAX_SPEECH_SECONDS).toBe(7 * 24 * HOUR);
  });
});

describe('long deadlines on screen', () => {
  it('given a span of an hour or more, then it reads in hours or days, and short ones stay m:ss', () => {
    expect(duration(90)).toBe('1:30');
    expect(duration(24 * HOUR)).toBe('24 h');
    expect(duration(12 * HOUR)).toBe('12 h');
    expect(duration(7 * 24 * HOUR)).toBe('7 d');
    expect(longSpan(HOUR + 1800)).toBe('1 h 30 min');
    expect(longSpan(60 * HOUR)).toBe('2 d 12 h');
  });

  it('given a long deadline, then the full date is shown beside the countdown; a short one keeps the countdown alone', () => {
    expect(deadline(T0, 24 * HOUR)).toBe(`<t:${T0 / 1000}:F> (<t:${T0 / 1000}:R>)`);
    expect(deadline(T0, 120)).toBe(`<t:${T0 / 1000}:R>`);
  });

  it('given a correspondence turn, then its post shows the full date, and a 12 h bell says so', async () => {
    const deck = await loadDeck('data');
    const state = run(deck, [
      {
        type: 'open',
        id: 'd1',
        guildId: 'g',
        channelId: 'c',
        hostId: 'lee',
        motionId: 'M01',
        formatId: 'correspondence',
        mode: 'text',
        size: '1v1',
        seed: 1,
        lobbySeconds: 900,
      },
      { type: 'join', actor: { userId: 'lee' }, side: 'lecun' },
      { type: 'join', actor: { userId: 'sam' }, side: 'scaling' },
      { type: 'begin', actor: { userId: 'lee' } },
      { type: 'done', actor: { userId: 'lee' } },
      { type: 'done', actor: { userId: 'sam' } },
    ]);
    expect(state.phase).toBe('speaking');
    expect(state.turnEndsAt).toBe(T0 + 5 + 24 * HOUR * 1000);
    const endsAt = Math.floor((state.turnEndsAt ?? 0) / 1000);
    const view = turnView(deck, state, 0);
    expect(view.content).toContain(`<t:${endsAt}:F>`);
    expect(view.content).toContain(`<t:${endsAt}:R>`);
    expect(view.content).toContain('(24 h)');
    expect(bellView(state, 0, 12 * HOUR).content).toContain('12 h left');
    expect(state.timer?.key).toBe('turn:0:bell:43200');
  });
});

describe('the vote role setting', () => {
  it('given /config set vote-role with a role mention, then it is kept, and "none" clears it', async () => {
    const { applySetting } = await import('../../src/guild-settings.js');
    const { DEFAULT_CONFIG } = await import('../../src/store/shapes.js');
    const deck = await loadDeck('data');
    const set = applySetting(deck, DEFAULT_CONFIG, 'vote-role', '<@&123456789012345678>');
    expect(set.ok && set.config.voteRoleId).toBe('123456789012345678');
    if (!set.ok) return;
    const cleared = applySetting(deck, set.config, 'vote-role', 'none');
    expect(cleared.ok && cleared.config.voteRoleId).toBeUndefined();
    expect(applySetting(deck, DEFAULT_CONFIG, 'vote-role', 'voters').ok).toBe(false);
  });
});

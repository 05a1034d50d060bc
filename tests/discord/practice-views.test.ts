import type { APIEmbed } from 'discord.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Deck } from '../../src/content/deck.js';
import { loadDeck } from '../../src/content/load.js';
import { apply } from '../../src/debate/engine.js';
import type { Debate, DebateEvent } from '../../src/debate/types.js';
import { mention, pingOnly } from '../../src/discord/views/format.js';
import { resultView } from '../../src/discord/views/result.js';
import { statsView } from '../../src/discord/views/standings.js';

const ME = '200000000000000001';
let deck: Deck;
let state: Debate;

const SPEECH =
  'Scaling laws still hold: each larger model trained on more data and compute keeps improving on reasoning benchmarks, because compute buys capability. ' +
  'Chain of thought lets a model plan step by step, which means next-token prediction is not a dead end for reasoning.';

beforeAll(async () => {
  deck = await loadDeck('data');
  let now = 1_000_000;
  const events: DebateEvent[] = [
    {
      type: 'open',
      id: 'p',
      guildId: 'g',
      channelId: 'c',
      hostId: ME,
      motionId: 'M01',
      formatId: 'standard',
      mode: 'text',
      size: '1v1',
      seed: 9,
      lobbySeconds: 900,
      practice: { level: 'club', side: 'scaling' },
    },
    { type: 'done', actor: { userId: ME }, turn: -1 },
  ];
  let current: Debate | undefined;
  for (const event of events) {
    now += 1000;
    const t = apply(deck, current, event, now);
    if (!t.ok) throw new Error(t.refusal.message);
    current = t.state;
  }
  while (current?.phase === 'speaking') {
    now += 1000;
    const t = apply(deck, current, { type: 'speak', actor: { userId: ME }, text: SPEECH }, now);
    if (!t.ok) throw new Error(t.refusal.message);
    current = t.state;
  }
  state = current as Debate;
});

describe('the views of a practice debate', () => {
  it('given Steelman, then it is named, never pinged', () => {
    expect(mention('steelman')).toBe('**Steelman**');
    expect(pingOnly(['steelman', ME]).users).toEqual([ME]);
  });

  it('given its result, then the card says practice, lists what Steelman said that the member never answered, coaches only the member, within Discord’s limits', () => {
    const result = state.result;
    if (!result) throw new Error('no result');
    const [embed] = resultView(deck, state, result, []).embeds ?? [];
    const e = embed as APIEmbed;
    expect(e.description).toContain('Practice against Steelman (club level): not rated');
    const unanswered = e.fields?.find((f) => f.name.includes('never answered'));
    expect(unanswered?.value).toMatch(/^• '/);
    const coaching = (e.fields ?? []).filter((f) => f.name.startsWith('📝 Coaching'));
    expect(coaching).toHaveLength(1);
    expect(coaching[0]?.value).toContain(`<@${ME}>`);
    const length =
      (e.title ?? '').length +
      (e.description ?? '').length +
      (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
    expect(length).toBeLessThanOrEqual(6000);
    for (const f of e.fields ?? []) expect(f.value.length).toBeLessThanOrEqual(1024);
  });

  it('given a practice record and no rated one, then /stats shows the practice record per level', () => {
    const view = statsView(deck, ME, 1, undefined, undefined, undefined, {
      levels: { novice: { wins: 2, losses: 0, draws: 0 }, champion: { wins: 0, losses: 1, draws: 0 } },
      rubric: {},
      counted: ['a', 'b', 'c'],
    });
    const field = view.embeds?.[0]?.fields?.[0];
    expect(field?.name).toContain('Practice');
    expect(field?.value).toBe('novice: 2W 0L 0D · champion: 0W 1L 0D');
  });
});

import type { APIEmbed } from 'discord.js';
import { describe, expect, it } from 'vitest';
import type { Debate, Result } from '../../src/debate/types.js';
import { rubricView } from '../../src/discord/views/info.js';
import { resultView } from '../../src/discord/views/result.js';
import { transcriptMarkdown } from '../../src/discord/views/transcript.js';
import { corpus } from '../debate/calibration/corpus.js';
import { calibrationDeck, judge, stateOf } from '../debate/calibration/harness.js';

const embedLength = (e: APIEmbed) =>
  (e.title ?? '').length +
  (e.description ?? '').length +
  (e.footer?.text ?? '').length +
  (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);

const finished = (id: string): { state: Debate; result: Result } => {
  const debate = corpus.find((d) => d.id === id);
  if (!debate) throw new Error(`no calibration debate ${id}`);
  const result = judge(debate);
  return { state: { ...stateOf(debate), phase: 'done', result }, result };
};

const withinLimits = (embed: APIEmbed | undefined) => {
  expect(embed).toBeDefined();
  expect(embedLength(embed as APIEmbed)).toBeLessThanOrEqual(6000);
  expect((embed?.fields ?? []).length).toBeLessThanOrEqual(25);
  for (const f of embed?.fields ?? []) {
    expect(f.name.length).toBeLessThanOrEqual(256);
    expect(f.value.length).toBeLessThanOrEqual(1024);
  }
};

describe('the result card', () => {
  it('given a four-speech debate, then each debater gets a coaching field with every speech, within Discord’s limits', () => {
    const { state, result } = finished('M01-honest-close');
    const [embed] = resultView(calibrationDeck, state, result, []).embeds ?? [];
    withinLimits(embed);
    const coaching = (embed?.fields ?? []).filter((f) => f.name.startsWith('📝 Coaching'));
    expect(coaching).toHaveLength(2);
    for (const field of coaching) {
      expect(field.value).toContain('**Constructive (speech');
      expect(field.value).toContain('**Rebuttal (speech');
      expect(field.value).toContain('💪 Strongest:');
      expect(field.value).toContain('🔧 Weakest:');
    }
    expect(
      coaching.some((f) =>
        /❓ Left unanswered: their point '.+'; your \[[LS]\d\d\] .+ would have answered it/.test(f.value),
      ),
    ).toBe(true);
  });

  it('given every calibration debate, then the card stays within Discord’s limits', () => {
    for (const debate of corpus) {
      const { state, result } = finished(debate.id);
      withinLimits(resultView(calibrationDeck, state, result, []).embeds?.[0]);
    }
  });

  it('given four debaters with long coaching, then the coaching shrinks to fit the embed', () => {
    const { state, result } = finished('M01-honest-close');
    const twice = {
      ...result,
      scores: [...result.scores, ...result.scores.map((s) => ({ ...s, userId: `${s.userId}2` }))],
    };
    const [embed] = resultView(calibrationDeck, state, twice, []).embeds ?? [];
    withinLimits(embed);
    expect((embed?.fields ?? []).filter((f) => f.name.startsWith('📝 Coaching'))).toHaveLength(4);
  });
});

describe('the transcript', () => {
  it('given a finished debate, then it carries every debater’s coaching, speech by speech', () => {
    const { state } = finished('M01-honest-close');
    const markdown = transcriptMarkdown(calibrationDeck, state, new Map([['lee', 'Lee']]));
    expect(markdown).toContain('## Coaching');
    expect(markdown).toContain('### Lee (');
    expect(markdown).toMatch(/- 💪 Strongest: '/);
    expect(markdown).toMatch(/- ❓ Left unanswered: their point '/);
  });
});

describe('/rubric', () => {
  it('given the shipped rubric, then every criterion, its automatic rule and all five levels are printed whole', () => {
    const [embed] = rubricView(calibrationDeck).embeds ?? [];
    withinLimits(embed);
    const text = JSON.stringify(embed);
    for (const c of calibrationDeck.rubric) {
      expect(text).toContain(JSON.stringify(c.automatic).slice(1, -1));
      for (const level of c.levels) expect(text).toContain(JSON.stringify(level.means).slice(1, -1));
    }
    expect(embed?.description).toContain('Σ weight × (score − 1) ÷ 4');
    expect(embed?.description).toContain('mean of your speeches');
    const ratings = embed?.fields?.find((f) => f.name === 'Ratings')?.value;
    expect(ratings).toContain('1000 + your skill estimate − a margin of doubt');
    expect(ratings).toContain('a first win shows +138 and a first loss −73');
  });
});

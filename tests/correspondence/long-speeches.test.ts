import { describe, expect, it } from 'vitest';
import {
  joinSpeechParts,
  longSpeechModal,
  speechLimit,
  speechPosts,
  splitText,
} from '../../src/discord/views/long-speech.js';
import { allSpoken, attempt, begunCorrespondence, HOUR, LEE, shippedDeck, T0 } from './drive.js';

const paragraph = (n: number) =>
  `Paragraph ${n}. A predictor of text has no model of consequences, so it cannot plan; scaling has not changed that, and the benchmarks that say otherwise measure recall. `.repeat(
    3,
  );
const longSpeech = (chars: number) => {
  let text = '';
  for (let n = 1; text.length < chars; n++) text += `${paragraph(n)}\n\n`;
  return text.slice(0, chars);
};

describe('long speeches in correspondence formats', () => {
  it('given the correspondence format, then a 10,000-character speech is accepted and 10,001 refused', () => {
    const state = begunCorrespondence();
    const ok = attempt(
      state,
      { type: 'speak', actor: { userId: LEE }, text: longSpeech(10_000).trim(), turn: 0 },
      T0 + HOUR,
    );
    expect(ok.ok).toBe(true);
    const over = attempt(
      state,
      { type: 'speak', actor: { userId: LEE }, text: 'x'.repeat(10_001), turn: 0 },
      T0 + HOUR,
    );
    expect(!over.ok && over.refusal.code).toBe('speechTooLong');
    expect(!over.ok && over.refusal.message).toContain('10,000');
  });

  it('given a format without speechChars, then the limit stays 4,000', () => {
    const state = begunCorrespondence({ formatId: 'standard' });
    expect(speechLimit(shippedDeck, state)).toBe(4000);
    const over = attempt(
      state,
      { type: 'speak', actor: { userId: LEE }, text: 'x'.repeat(4001), turn: 0 },
      T0 + 1000,
    );
    expect(!over.ok && over.refusal.code).toBe('speechTooLong');
  });

  it('given a 10,000-character limit, then the form has three parts within Discord’s limits, only the first required', () => {
    const modal = longSpeechModal(begunCorrespondence(), 0, 10_000);
    expect(modal.title.length).toBeLessThanOrEqual(45);
    const inputs = modal.components.map(
      (row) => (row as unknown as { components: Record<string, unknown>[] }).components[0],
    );
    expect(inputs.map((i) => i?.max_length)).toEqual([4000, 4000, 2000]);
    expect(inputs.map((i) => i?.required)).toEqual([true, false, false]);
    for (const input of inputs) expect(String(input?.label).length).toBeLessThanOrEqual(45);
    expect(String(inputs[0]?.placeholder).length).toBeLessThanOrEqual(100);
  });

  it('given the parts back from the form, then they join as paragraphs and empty parts drop out', () => {
    const values: Record<string, string> = { speech: ' First. ', 'speech-2': '', 'speech-3': 'Third.' };
    expect(joinSpeechParts((f) => values[f])).toBe('First.\n\nThird.');
  });

  it('given a long text, then it splits at paragraph ends, every chunk within the limit, nothing lost', () => {
    const text = longSpeech(10_000).trim();
    const chunks = splitText(text, 4000);
    expect(chunks.length).toBe(3);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(4000);
    for (const chunk of chunks.slice(0, -1)) expect(chunk.endsWith('recall.')).toBe(true);
    expect(chunks.join(' ').replace(/\s+/g, ' ')).toBe(text.replace(/\s+/g, ' '));
    expect(splitText('a'.repeat(9000), 4000).map((c) => c.length)).toEqual([4000, 4000, 1000]);
  });

  it('given a 10,000-character speech citing a card, then it is posted in full over three messages within Discord’s limits, cards resolved on the last', () => {
    const state = begunCorrespondence();
    const card = state.hands[LEE]?.[0] ?? '';
    const text = `${longSpeech(9_980).trim()} [${card}]`;
    const t = attempt(state, { type: 'speak', actor: { userId: LEE }, text, turn: 0 }, T0 + HOUR);
    if (!t.ok) throw new Error(t.refusal.code);
    const record = t.state.turns[0];
    if (!record) throw new Error('no record');
    const posts = speechPosts(shippedDeck, t.state, record);
    expect(posts).toHaveLength(3);
    const descriptions = posts.map((p) => String(p.embeds?.[0]?.description ?? ''));
    expect(descriptions.join(' ').replace(/\s+/g, ' ')).toBe(text.replace(/\s+/g, ' '));
    for (const post of posts) {
      const embed = post.embeds?.[0];
      const size =
        String(embed?.description ?? '').length +
        String(embed?.footer?.text ?? '').length +
        (embed?.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
      expect(size).toBeLessThanOrEqual(6000);
      expect(String(embed?.description).length).toBeLessThanOrEqual(4096);
      expect(post.allowedMentions).toEqual({ parse: [] });
    }
    expect(posts[0]?.content).toMatch(/^🗣️ <@lee> · /);
    expect(posts[2]?.embeds?.[0]?.fields?.[0]?.value).toContain(`[${card}]`);
    expect(record.cited).toContain(card);
  });

  it('given a short speech, then it is still one post', () => {
    const { state } = allSpoken(begunCorrespondence());
    const record = state.turns[0];
    if (!record) throw new Error('no record');
    expect(speechPosts(shippedDeck, state, record)).toHaveLength(1);
  });
});

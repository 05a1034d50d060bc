import { describe, expect, it } from 'vitest';
import { copiedShare, runsOf } from '../../src/debate/analysis/copying.js';
import { findMarker, IMPACT, REASON } from '../../src/debate/analysis/markers.js';
import { read } from '../../src/debate/analysis/reading.js';
import { cosine, winkCosine } from '../../src/debate/analysis/weights.js';

describe('reading a speech with the language model', () => {
  const reading = read(
    "My opponent says prediction cannot plan. However, scaling laws don't show a ceiling because GPT-4 improved [S03]. Which means LeCun is wrong.",
  );

  it('given three sentences, then three, with their card ids', () => {
    expect(reading.sentences.map((s) => s.text)).toEqual([
      'My opponent says prediction cannot plan.',
      "However, scaling laws don't show a ceiling because GPT-4 improved [S03].",
      'Which means LeCun is wrong.',
    ]);
    expect(reading.sentences.map((s) => s.cites)).toEqual([[], ['S03'], []]);
    expect(reading.words).toBe(24); // "don't" is two tokens, the card id one
  });

  it('given "cannot" and "don\'t", then the model flags negation', () => {
    expect(reading.sentences.map((s) => s.negated)).toEqual([true, true, false]);
  });

  it('given lemmas, then markers match whatever the inflection', () => {
    const [, second, third] = reading.sentences;
    expect(findMarker(second?.lemmas ?? [], REASON)).toBeGreaterThan(0);
    expect(findMarker(third?.lemmas ?? [], IMPACT)).toBe(0);
  });

  it('given content words, then stems without stop words, debate talk or card ids', () => {
    expect(reading.sentences[0]?.content).toEqual(['predict', 'plan']);
    expect(reading.sentences[1]?.content).not.toContain('s03');
    expect(read('The simulator simulates a simulation.').sentences[0]?.content).toEqual([
      'simul',
      'simul',
      'simul',
    ]);
  });

  it('given a list of keywords, then it has almost no function words', () => {
    const [s] = read(
      'Autoregressive prediction dead end reasoning world models JEPA grounding planning.',
    ).sentences;
    expect(s?.stopShare).toBeLessThan(0.2);
  });
});

describe('similarity and copying', () => {
  it('given two bags, then our cosine equals wink-nlp’s', () => {
    const a = { plan: 2, world: 1.5, model: 0.3 };
    const b = { plan: 1, token: 2, model: 1 };
    expect(cosine(a, b)).toBeCloseTo(winkCosine(a, b), 5); // wink rounds to six places
    expect(cosine(a, {})).toBe(0);
  });

  it('given a sentence pasted with one word changed, then most of its words are copied; a short quote is not', () => {
    const theirs = read(
      'Each answer comes from a single forward pass with no internal deliberation loop at all.',
    );
    const runs = runsOf(theirs.sentences);
    const pasted = read(
      'Each answer does not come from a single forward pass with no internal deliberation loop at all.',
    );
    expect(copiedShare(pasted.sentences[0]?.words ?? [], runs)).toBeGreaterThan(0.5);
    const quoted = read('They say a single forward pass, but the model runs many passes when it reasons.');
    expect(copiedShare(quoted.sentences[0]?.words ?? [], runs)).toBe(0);
  });
});

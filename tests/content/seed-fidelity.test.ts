import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Deck } from '../../src/content/deck.js';
import { figures, normalise, quotedSpans, unfaithful } from '../../src/content/fidelity.js';
import { loadDeck } from '../../src/content/load.js';
import type { Card } from '../../src/content/schemas.js';
import { SHIPPED } from './data-copy.js';

/**
 * The deck's fidelity promise: every quotation and figure on a card is in the seed it cites.
 * The seeds ship in data/seeds/; a checkout without them falls back to the workplace's
 * ../shared/seeds, and with neither the check is skipped, saying why.
 */
const SEEDS = [path.join(SHIPPED, 'seeds'), path.resolve('../shared/seeds')].find((dir) => existsSync(dir));
if (!SEEDS) console.warn('seed fidelity: skipped, no seeds folder (data/seeds or ../shared/seeds)');

let deck: Deck;
let seeds: Map<string, string>;
beforeAll(async () => {
  deck = await loadDeck(SHIPPED);
  seeds = new Map(
    SEEDS ? readdirSync(SEEDS).map((name) => [name, readFileSync(path.join(SEEDS, name), 'utf8')]) : [],
  );
});

describe.skipIf(!SEEDS)('the shipped cards against their seeds', () => {
  it('given every source, then its seed file is in the seeds folder', () => {
    for (const source of deck.sources) expect(seeds.has(source.seed), source.seed).toBe(true);
  });

  it('given the seeds, then they are plain article text: no markup, no control or invisible characters', () => {
    for (const [name, text] of seeds) {
      expect(text, name).not.toMatch(/<\/?[a-z][^>]*>/i);
      const odd = [...text].filter((ch) => {
        const code = ch.codePointAt(0) ?? 0;
        const control = code < 32 && ch !== '\n' && ch !== '\r' && ch !== '\t';
        const invisible = [0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x2060, 0xfeff].includes(code);
        const bidi = code >= 0x202a && code <= 0x202e;
        return control || invisible || bidi;
      });
      expect(odd, name).toEqual([]);
    }
  });

  it('given every card, then its quotation, figures and quoted words are in the seed it cites', () => {
    const problems = deck.cards.flatMap((card) =>
      unfaithful(card, deck.source(card.source), seeds, 'evidence.json'),
    );
    expect(problems).toEqual([]);
  });
});

describe.skipIf(!SEEDS)('the shipped motions against the seeds', () => {
  it("given every framing, then its figures are in some seed and its quoted words in some seed or the motion's text", () => {
    const all = normalise([...seeds.values()].join('\n')).toLowerCase();
    const known = new Set(figures(all));
    const problems = deck.motions.flatMap((motion) =>
      Object.entries(motion.framing).flatMap(([side, framing]) => [
        ...figures(framing)
          .filter((figure) => !known.has(figure))
          .map((figure) => `${motion.id} ${side}: the figure ${figure} is in no seed`),
        ...quotedSpans(framing)
          .filter((span) => !all.includes(normalise(span).toLowerCase()) && !motion.text.includes(span))
          .map((span) => `${motion.id} ${side}: "${span}" is quoted but in no seed nor the motion`),
      ]),
    );
    expect(problems).toEqual([]);
  });
});

describe.skipIf(!SEEDS)('the fidelity check itself', () => {
  const card = (changes: Partial<Card>): Card => ({
    id: 'L99',
    side: 'lecun',
    title: 'A card',
    claim: 'A claim.',
    source: 'seed-002',
    tags: ['jepa'],
    ...changes,
  });
  const check = (changes: Partial<Card>) =>
    unfaithful(card(changes), deck.source('seed-002'), seeds, 'data/evidence.json').map(
      (p) => `${p.entry} › ${p.field}: ${p.message}`,
    );

  it('given a quotation with curly quotes and line breaks where the seed has straight ones, then it passes', () => {
    expect(
      check({
        quote: { text: 'No amount of text is\n enough to teach a machine common sense', by: 'LeCun' },
      }),
    ).toEqual([]);
    expect(check({ quote: { text: 'We’re not trying to build a better chatbot', by: 'LeCun' } })).toEqual([]);
  });

  it('given a quotation the seed does not contain, then it names the card and the field', () => {
    expect(check({ quote: { text: 'LLMs will never reason', by: 'LeCun' } })).toEqual([
      'cards[L99] › quote.text: not found verbatim in 002_a66ee18c10ab2d60.txt',
    ]);
  });

  it('given a figure the seed does not state, or the right number with the wrong unit, then it is refused', () => {
    expect(check({ claim: 'Microsoft put $13 billion into OpenAI.' })).toEqual([]);
    expect(check({ claim: 'Microsoft put $14 billion into OpenAI.' })).toEqual([
      'cards[L99] › claim: the figure 14 billion is not in 002_a66ee18c10ab2d60.txt',
    ]);
    expect(check({ claim: 'Microsoft put $13 million into OpenAI.' })).toEqual([
      'cards[L99] › claim: the figure 13 million is not in 002_a66ee18c10ab2d60.txt',
    ]);
  });

  it('given words in quotation marks that the seed does not use, then it is refused', () => {
    expect(check({ title: "'Not a better chatbot'" })).toEqual([
      'cards[L99] › title: "Not a better chatbot" is in quotation marks but not in 002_a66ee18c10ab2d60.txt',
    ]);
    expect(check({ title: "LeCun's 'hedge'" })).toEqual([]);
  });

  it('given figures and quoted spans, then names like o3, H100 or GPT-4o and apostrophes are not mistaken for them', () => {
    expect(figures('o3 scored approximately 25.2% on 100,000 H100s in 2024, says GPT-4o, $40B')).toEqual([
      '25.2 %',
      '100,000',
      '2024',
      '40 billion',
    ]);
    expect(quotedSpans("LeCun's models' 'dead end' and “a hedge”")).toEqual(['a hedge', 'dead end']);
  });
});

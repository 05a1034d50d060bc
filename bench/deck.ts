/** The deck's cost: load + validate a generated 10,000-card deck, then search and autocomplete latency. */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadDeck } from '../src/content/load.js';
import { buildSearch } from '../src/content/search.js';
import { percentile, table, timeEach } from './stats.js';

const WORDS =
  'world model token planning grounding scaling emergence reasoning energy latent predictor video image text cost benchmark chain thought system memory physics cat data compute law'.split(
    ' ',
  );
/**
 * Real decks use thousands of distinct words; a generated one built from two dozen would make every
 * query match half the deck. Words are the topic's words plus syllable compounds (about 2,000 in all).
 */
const SYLLABLES = 'ka lo mi ne ru sa ti vo ze pa'.split(' ');
const VOCABULARY = [
  ...WORDS,
  ...SYLLABLES.flatMap((a) =>
    SYLLABLES.flatMap((b) => SYLLABLES.flatMap((c) => SYLLABLES.map((d) => `${a}${b}${c}${d}`))),
  ).slice(0, 2000),
];
const word = (i: number) => VOCABULARY[(i * 7919) % VOCABULARY.length] as string;

const generatedEvidence = async (count: number) => {
  const shipped = JSON.parse(await readFile('data/evidence.json', 'utf8')) as { sources: unknown[] };
  // Tags come from the deck's vocabulary (data/tags.json), spread so that every tag, and so every
  // motion, has cards on both sides, as the loader requires of a deck.
  const vocabulary = JSON.parse(await readFile('data/tags.json', 'utf8')) as { tags: { id: string }[] };
  const tags = vocabulary.tags.map((t) => t.id);
  const tag = (k: number) => tags[k % tags.length] as string;
  const cards = Array.from({ length: count }, (_, i) => {
    const lecun = i % 2 === 0;
    const k = Math.floor(i / 2);
    return {
      id: `${lecun ? 'L' : 'S'}${String(Math.floor(i / 2) + 1).padStart(4, '0')}`,
      side: lecun ? 'lecun' : 'scaling',
      title: `Generated ${word(i)} ${word(i * 7)} card ${i}`,
      claim: `A claim about ${word(i)}, ${word(i * 3)} and ${word(i * 5)} for testing the deck at scale, number ${i}.`,
      source: 'seed-000',
      tags: [tag(k), tag(k + 7)],
    };
  });
  return { ...shipped, cards };
};

export async function benchDeck(): Promise<string> {
  const rows: string[][] = [];
  for (const count of [1000, 10_000]) {
    const dir = await mkdtemp(path.join(tmpdir(), 'steelman-deck-'));
    await cp('data', dir, { recursive: true });
    const evidence = await generatedEvidence(count);
    await writeFile(path.join(dir, 'evidence.json'), JSON.stringify(evidence));
    const load = await timeEach(5, () => loadDeck(dir));
    const deck = await loadDeck(dir);
    const build = await timeEach(3, () => buildSearch(deck));
    const search = buildSearch(deck);
    const queries = await timeEach(500, (i) => search.cards(`${word(i)} ${word(i * 3)}`));
    const auto = await timeEach(500, (i) => search.cards(word(i).slice(0, 3), { titles: true }));
    rows.push([
      String(deck.cards.length),
      `${percentile(load, 50).toFixed(1)} ms`,
      `${percentile(build, 50).toFixed(1)} ms`,
      `${percentile(queries, 50).toFixed(3)} ms`,
      `${percentile(auto, 50).toFixed(3)} ms`,
    ]);
    await rm(dir, { recursive: true, force: true });
  }
  return table(['cards', 'load + validate p50', 'index build', 'search p50', 'autocomplete p50'], rows);
}

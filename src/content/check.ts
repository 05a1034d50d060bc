/** `npm run data:check`: validates the data folder alone and prints a one-line summary or every problem. */
import { loadDataDir, readEnvironment } from '../config.js';
import { loadDeck } from './load.js';
import { DataError } from './problems.js';
import { readSeeds, seedProblems } from './seeds.js';

const dataDir = loadDataDir(readEnvironment());
try {
  const deck = await loadDeck(dataDir);
  const seeds = await readSeeds(dataDir);
  if (seeds) {
    const problems = seedProblems(dataDir, deck, seeds);
    if (problems.length > 0) throw new DataError(problems);
  }
  const perSide = deck.sides.map(
    (side) => `${deck.cards.filter((c) => c.side === side.id).length} ${side.id}`,
  );
  console.log(
    `${dataDir}: ok: ${deck.sides.length} sides, ${deck.motions.length} motions, ${deck.cards.length} cards ` +
      `(${perSide.join(', ')}) from ${deck.sources.length} sources, ${deck.formats.length} formats, ` +
      `${deck.rubric.length} rubric criteria, ${deck.tags.length} tags; ` +
      (seeds
        ? `every quotation and figure found in its seed`
        : `no seeds/ folder: quotations and figures not checked`),
  );
} catch (error) {
  if (!(error instanceof DataError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}

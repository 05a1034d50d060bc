/** `npm run data:check`: validates the data folder alone and prints a one-line summary or every problem. */
import { loadDataDir, readEnvironment } from '../config.js';
import { loadDeck } from './load.js';
import { DataError } from './problems.js';

const dataDir = loadDataDir(readEnvironment());
try {
  const deck = await loadDeck(dataDir);
  const perSide = deck.sides.map(
    (side) => `${deck.cards.filter((c) => c.side === side.id).length} ${side.id}`,
  );
  console.log(
    `${dataDir}: ok: ${deck.sides.length} sides, ${deck.motions.length} motions, ${deck.cards.length} cards ` +
      `(${perSide.join(', ')}) from ${deck.sources.length} sources, ${deck.formats.length} formats, ` +
      `${deck.rubric.length} rubric criteria`,
  );
} catch (error) {
  if (!(error instanceof DataError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}

import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Deck } from './deck.js';
import { unfaithful } from './fidelity.js';
import type { DataProblem } from './problems.js';

/** The source articles the cards cite, by file name, from `<dataDir>/seeds/`; undefined when the folder is absent. */
export const readSeeds = async (dataDir: string): Promise<Map<string, string> | undefined> => {
  const dir = path.join(dataDir, 'seeds');
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith('.txt'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return new Map(
    await Promise.all(
      names.map(async (name) => [name, await readFile(path.join(dir, name), 'utf8')] as const),
    ),
  );
};

/** Every card that says what its seed does not, as data problems against evidence.json. */
export const seedProblems = (
  dataDir: string,
  deck: Deck,
  seeds: ReadonlyMap<string, string>,
): DataProblem[] => {
  const file = path.join(dataDir, 'evidence.json');
  return deck.cards.flatMap((card) => unfaithful(card, deck.source(card.source), seeds, file));
};

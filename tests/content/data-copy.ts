import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { z } from 'zod';
import { loadDeck } from '../../src/content/load.js';
import { DataError } from '../../src/content/problems.js';
import type { DATA_FILES, DataFileName } from '../../src/content/schemas.js';

/** The shipped data folder, copied to a temp dir so a test can break one thing in it. */
export const SHIPPED = path.resolve('data');

export type FileJson<K extends DataFileName> = z.input<(typeof DATA_FILES)[K]>;

export interface DataCopy {
  readonly dir: string;
  /** The path of a data file in the copy, as problems name it. */
  file(name: DataFileName): string;
  /** Reads a file of the copy, lets `change` edit it in place, writes it back. */
  edit<K extends DataFileName>(name: K, change: (json: FileJson<K>) => void): Promise<void>;
  write(name: DataFileName, text: string): Promise<void>;
  remove(name: DataFileName): Promise<void>;
  /** Loads the copy, expecting it to be refused. */
  problems(): Promise<DataError>;
  dispose(): Promise<void>;
}

export const copyData = async (): Promise<DataCopy> => {
  const dir = await mkdtemp(path.join(tmpdir(), 'steelman-data-'));
  await cp(SHIPPED, dir, { recursive: true });
  const file = (name: DataFileName) => path.join(dir, `${name}.json`);
  return {
    dir,
    file,
    async edit(name, change) {
      const json = JSON.parse(await readFile(file(name), 'utf8'));
      change(json);
      await writeFile(file(name), JSON.stringify(json, null, 2));
    },
    write: (name, text) => writeFile(file(name), text),
    remove: (name) => rm(file(name)),
    async problems() {
      try {
        await loadDeck(dir);
      } catch (error) {
        if (error instanceof DataError) return error;
        throw error;
      }
      throw new Error('the broken data folder loaded');
    },
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
};

/** The item at `index`, which the test knows is there. */
export const item = <T>(list: readonly T[] | undefined, index: number): T => {
  const found = list?.[index];
  if (found === undefined) throw new Error(`no item ${index}`);
  return found;
};

/** The item with this id. */
export const byId = <T extends { id: string }>(list: readonly T[], id: string): T => {
  const found = list.find((x) => x.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
};

/** Sets a field to a value of the wrong type, which the file's type would not allow. */
export const setRaw = (target: object, field: string, value: unknown): void => {
  Reflect.set(target, field, value);
};

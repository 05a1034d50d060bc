/** One thing wrong with the data folder, pinned to a file, an entry and a field. */
export interface DataProblem {
  readonly file: string;
  /** The entry, by id where it has one (`cards[L07]`), else by position (`cards[3]`). */
  readonly entry?: string;
  /** The field inside the entry, dotted (`quote.text`). */
  readonly field?: string;
  readonly message: string;
}

export const formatProblem = (p: DataProblem): string =>
  [p.file, p.entry, p.field].filter((part) => part !== undefined && part !== '').join(' › ') +
  `: ${p.message}`;

/** Raised when the data folder does not validate; carries every problem found, not only the first. */
export class DataError extends Error {
  constructor(readonly problems: readonly DataProblem[]) {
    super(
      `The data folder has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n` +
        problems.map((p) => `  - ${formatProblem(p)}`).join('\n'),
    );
    this.name = 'DataError';
  }
}

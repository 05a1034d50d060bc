import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { crossCheck } from './cross-check.js';
import { buildDeck, type Deck } from './deck.js';
import { DataError, type DataProblem } from './problems.js';
import { DATA_FILES, type DataFileName } from './schemas.js';

type Parsed = { [K in DataFileName]?: z.infer<(typeof DATA_FILES)[K]> };

/**
 * Loads and validates every file of the data folder; throws one DataError listing every problem.
 * `onTopic: false` skips the on-topic minimum, for the audit that reports it motion by motion.
 */
export const loadDeck = async (dataDir: string, options: { onTopic?: boolean } = {}): Promise<Deck> => {
  const problems: DataProblem[] = [];
  const parsed: Parsed = {};
  for (const name of Object.keys(DATA_FILES) as DataFileName[]) {
    const file = path.join(dataDir, `${name}.json`);
    const result = await readDataFile(file, DATA_FILES[name]);
    if (result.ok) (parsed as Record<string, unknown>)[name] = result.value;
    else problems.push(...result.problems);
  }
  problems.push(...crossCheck(dataDir, parsed, options));
  if (problems.length > 0 || !isComplete(parsed)) throw new DataError(problems);
  const [first, second] = parsed.sides.sides;
  if (!first || !second)
    throw new DataError([{ file: path.join(dataDir, 'sides.json'), message: 'two sides' }]);
  return buildDeck({
    sides: [first, second],
    motions: parsed.motions.motions,
    cards: parsed.evidence.cards,
    sources: parsed.evidence.sources,
    formats: parsed.formats.formats,
    rubric: parsed.rubric.criteria,
    tags: parsed.tags.tags,
  });
};

const isComplete = (parsed: Parsed): parsed is Required<Parsed> =>
  Object.keys(DATA_FILES).every((name) => parsed[name as DataFileName] !== undefined);

type FileResult<T> = { ok: true; value: T } | { ok: false; problems: DataProblem[] };

const readDataFile = async <S extends z.ZodType>(
  file: string,
  schema: S,
): Promise<FileResult<z.infer<S>>> => {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message =
      code === 'ENOENT'
        ? 'file not found'
        : error instanceof SyntaxError
          ? `not valid JSON (${error.message})`
          : `cannot be read (${code ?? String(error)})`;
    return { ok: false, problems: [{ file, message }] };
  }
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, problems: result.error.issues.map((issue) => issueToProblem(file, raw, issue)) };
};

/** Turns a zod issue at ['cards', 3, 'quote', 'text'] into entry `cards[L07]`, field `quote.text`. */
const issueToProblem = (file: string, raw: unknown, issue: z.core.$ZodIssue): DataProblem => {
  const [list, index, ...rest] = issue.path;
  const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
  const unknownKeys =
    keys.length > 0 ? `unknown field${keys.length > 1 ? 's' : ''} ${keys.join(', ')}` : undefined;
  if (typeof list === 'string' && typeof index === 'number') {
    const item = (raw as Record<string, unknown[]>)[list]?.[index] as { id?: unknown } | undefined;
    const entry =
      typeof item?.id === 'string' && item.id !== '' ? `${list}[${item.id}]` : `${list}[${index}]`;
    const field = [...rest, ...keys].map(String).join('.') || undefined;
    return { file, entry, ...(field ? { field } : {}), message: unknownKeys ?? issue.message };
  }
  const field = [...issue.path, ...keys].map(String).join('.') || undefined;
  return { file, ...(field ? { field } : {}), message: unknownKeys ?? issue.message };
};

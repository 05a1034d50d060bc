import type { z } from 'zod';

/**
 * Every value the store writes is `{ v: <version>, ...payload }`. When a shape changes, its
 * version goes up and a migration turning the previous version into the next one is added, so a
 * value written by an older release is upgraded when it is read (and written back in the new
 * shape the next time it is saved). Nothing is migrated in bulk: idle data stays as it was.
 */
export type Payload = Record<string, unknown>;

/** Turns the payload of version n (without `v`) into the payload of version n + 1. */
export type Migration = (old: Payload) => Payload;

export interface Codec<T extends object> {
  /** Names the shape in errors, e.g. 'debate'. */
  readonly name: string;
  /** The version written now. */
  readonly version: number;
  /** The payload at `version`, without `v`. */
  readonly schema: z.ZodType<T>;
  /** `migrations[n]` upgrades version n to n + 1, for every n below `version`. */
  readonly migrations: Readonly<Record<number, Migration>>;
}

/** A stored value that cannot be read: a bug, a hand edit, or data from a newer release. */
export class UnreadableValueError extends Error {
  constructor(codec: string, key: string, problem: string, cause?: unknown) {
    super(`stored ${codec} "${key}" cannot be read: ${problem}`, { cause });
    this.name = 'UnreadableValueError';
  }
}

export const encode = <T extends object>(codec: Codec<T>, value: T): Payload => ({
  ...value,
  v: codec.version,
});

const isPayload = (value: unknown): value is Payload =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const decode = <T extends object>(codec: Codec<T>, key: string, raw: unknown): T => {
  if (!isPayload(raw)) throw new UnreadableValueError(codec.name, key, 'not an object');
  const { v, ...rest } = raw;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1)
    throw new UnreadableValueError(codec.name, key, 'no schema version');
  if (v > codec.version)
    throw new UnreadableValueError(
      codec.name,
      key,
      `written by a newer release (version ${v}; this one reads up to ${codec.version})`,
    );
  let payload: Payload = rest;
  for (let version = v; version < codec.version; version++) {
    const migrate = codec.migrations[version];
    if (!migrate) throw new UnreadableValueError(codec.name, key, `no migration from version ${version}`);
    payload = migrate(payload);
  }
  const parsed = codec.schema.safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    throw new UnreadableValueError(codec.name, key, `${where}${issue?.message ?? 'invalid'}`, parsed.error);
  }
  return parsed.data;
};

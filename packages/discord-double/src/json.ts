/** Narrowing helpers for request bodies, which arrive as `unknown`. */

export type JsonObject = Record<string, unknown>;

export const isRecord = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const asRecord = (value: unknown): JsonObject => (isRecord(value) ? value : {});

export const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

export const asRecords = (value: unknown): JsonObject[] => asArray(value).filter(isRecord);

export const optString = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;

export const optNumber = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;

export const optBoolean = (value: unknown): boolean | undefined =>
  typeof value === 'boolean' ? value : undefined;

/** A snowflake may arrive as a string or (from sloppy callers) a number. */
export const optId = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;

export const stringArray = (value: unknown): string[] =>
  asArray(value).flatMap((item) =>
    typeof item === 'string' ? [item] : typeof item === 'number' ? [String(item)] : [],
  );

/** A deep copy of JSON-compatible data, so stored state never aliases what callers hold. */
export const clone = <T>(value: T): T => structuredClone(value);

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { z } from 'zod';

/** Where state lives: an SQLite file (the embedded default) or a Redis server (shared by shards). */
export type StoreTarget = { kind: 'sqlite'; path: string } | { kind: 'redis'; url: string };

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const DEFAULT_STORE_URL = 'sqlite://var/steelman.sqlite';
const snowflake = z.string().regex(/^\d{15,21}$/, 'must be a Discord id: 15 to 21 digits');

/** Parses a STORE_URL; the error message never repeats the URL, which may hold a password. */
export const parseStoreUrl = (value: string): StoreTarget | string => {
  if (value.startsWith('sqlite://')) {
    const file = value.slice('sqlite://'.length);
    return file === ''
      ? 'sqlite:// needs a file path, e.g. sqlite://var/steelman.sqlite'
      : { kind: 'sqlite', path: file };
  }
  if (/^rediss?:\/\//.test(value)) {
    try {
      const url = new URL(value);
      if (url.hostname === '') return 'a redis URL needs a host, e.g. redis://127.0.0.1:6379';
      if (url.pathname !== '' && url.pathname !== '/' && !/^\/\d+$/.test(url.pathname))
        return 'the database after the port must be a number, e.g. redis://127.0.0.1:6379/0';
      return { kind: 'redis', url: value };
    } catch {
      return 'not a valid redis URL, expected redis://HOST:PORT[/DB]';
    }
  }
  return 'must start with sqlite:// (e.g. sqlite://var/steelman.sqlite) or redis:// / rediss:// (e.g. redis://127.0.0.1:6379)';
};

/** Unset and empty mean the same: `.env.example` ships with empty values. */
const unsetWhenEmpty = (value: unknown) => (value === '' ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(unsetWhenEmpty, schema.optional());

const envSchema = z
  .object({
    DISCORD_TOKEN: z
      .string({ error: 'missing: the bot token from the Discord developer portal (Bot tab)' })
      .min(1, 'missing: the bot token from the Discord developer portal (Bot tab)')
      .refine((token) => !/\s/.test(token), 'must not contain spaces'),
    DISCORD_APP_ID: z.preprocess(
      unsetWhenEmpty,
      z.string({ error: 'missing: the application id (General Information tab)' }).pipe(snowflake),
    ),
    DISCORD_GUILD_ID: optional(snowflake),
    STORE_URL: optional(z.string()).transform((value, ctx) => {
      const target = parseStoreUrl(value ?? DEFAULT_STORE_URL);
      if (typeof target === 'string') {
        ctx.addIssue({ code: 'custom', message: target });
        return z.NEVER;
      }
      return target;
    }),
    DATA_DIR: optional(z.string()).transform((value) => value ?? 'data'),
    DISCORD_API_URL: optional(
      z.url({ protocol: /^https?$/, error: 'must be an http(s) URL, e.g. http://127.0.0.1:8080/api' }),
    ),
    LOG_LEVEL: optional(z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` })).transform(
      (value) => value ?? 'info',
    ),
    /** Serve the read-only web leaderboard and /healthz on this port (unset: no web server). */
    WEB_PORT: optional(
      z.coerce
        .number({ error: 'must be a port number, e.g. 8080' })
        .int('must be a whole port number, e.g. 8080')
        .min(1, 'must be from 1 to 65535')
        .max(65535, 'must be from 1 to 65535'),
    ),
    /** The address the web server listens on (default: every interface); 127.0.0.1 behind a local proxy. */
    WEB_HOST: optional(z.string()),
    /** Run discord.js's ShardingManager: `auto` (Discord's recommendation) or a shard count. */
    SHARDS: optional(
      z.union([z.literal('auto'), z.coerce.number().int().min(1).max(1024)], {
        error: 'must be auto or a shard count, e.g. SHARDS=2',
      }),
    ),
    /** Several machines: the shard ids this one runs, e.g. 0,1 (with SHARD_COUNT). */
    SHARD_IDS: optional(
      z
        .string()
        .regex(/^\d+(\s*,\s*\d+)*$/, 'must be shard ids separated by commas, e.g. 0,1')
        .transform((value) => [...new Set(value.split(',').map((id) => Number(id.trim())))]),
    ),
    SHARD_COUNT: optional(z.coerce.number({ error: 'must be a number' }).int().min(1).max(1024)),
  })
  .superRefine((env, ctx) => {
    if (env.SHARD_IDS && env.SHARD_COUNT === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['SHARD_COUNT'],
        message: 'needed with SHARD_IDS: the total number of shards across machines',
      });
    const outside = env.SHARD_IDS?.filter((id) => env.SHARD_COUNT !== undefined && id >= env.SHARD_COUNT);
    if (outside && outside.length > 0)
      ctx.addIssue({
        code: 'custom',
        path: ['SHARD_IDS'],
        message: `shard ${outside.join(', ')} is not below SHARD_COUNT`,
      });
    const several =
      env.SHARD_IDS !== undefined ||
      env.SHARDS === 'auto' ||
      (env.SHARDS ?? 1) > 1 ||
      (env.SHARD_COUNT ?? 1) > 1;
    if (several && env.STORE_URL.kind === 'sqlite')
      ctx.addIssue({
        code: 'custom',
        path: ['STORE_URL'],
        message: 'sharding runs several processes, which cannot share an SQLite file: use redis://HOST:PORT',
      });
  });

export type Config = Readonly<z.infer<typeof envSchema>>;

/** Raised when the environment is unusable; its message lists every problem by variable name. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly { variable: string; message: string }[]) {
    super(
      `Steelman cannot start: ${problems.length === 1 ? 'one setting needs' : `${problems.length} settings need`} attention.\n` +
        problems.map((p) => `  - ${p.variable}: ${p.message}`).join('\n') +
        '\nSet them in the environment or in .env (copy .env.example, which explains each one).',
    );
    this.name = 'ConfigError';
  }
}

/** Whether this process should start a ShardingManager rather than a client. */
export const wantsShardingManager = (config: Config) =>
  config.SHARDS !== undefined || config.SHARD_IDS !== undefined;

/** Parses the environment once into a frozen, typed config. Values are never echoed in errors. */
/** Inside a shard process, discord.js's ShardingManager sets SHARDS and SHARD_COUNT for the client itself. */
export const isShardProcess = (env: NodeJS.ProcessEnv) => env.SHARDING_MANAGER === 'true';

export const parseConfig = (env: NodeJS.ProcessEnv): Config => {
  const own = isShardProcess(env)
    ? { ...env, SHARDS: undefined, SHARD_IDS: undefined, SHARD_COUNT: undefined }
    : env;
  const result = envSchema.safeParse(own);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => ({
        variable: String(issue.path[0] ?? 'environment'),
        message: issue.message,
      })),
    );
  }
  return Object.freeze(result.data);
};

/** The process environment with `.env` (when present) underneath: real variables win. */
export const readEnvironment = (envFile = path.resolve('.env')): NodeJS.ProcessEnv => {
  const fromFile = existsSync(envFile) ? parseEnv(readFileSync(envFile, 'utf8')) : {};
  return { ...fromFile, ...process.env };
};

/** The data folder alone, for tools (data:check) that need no token. */
export const loadDataDir = (env: NodeJS.ProcessEnv): string => (env.DATA_DIR ? env.DATA_DIR : 'data');

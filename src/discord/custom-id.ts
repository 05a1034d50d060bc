import { z } from 'zod';

/**
 * Button, select and modal custom ids carry everything their handler needs, so a click works hours
 * later and after a restart: `d:join:<debateId>:<side>`. One codec builds and parses them all;
 * anything that does not parse (forged, or from an older version) is "expired".
 */
const snowflake = z.string().regex(/^\d{1,21}$/);
const token = z.string().regex(/^[a-z0-9-]{1,32}$/);
const int = z.coerce.number().int().min(0).max(10_000);
/** A Unix time in seconds (a confirmation's expiry). */
const unixSeconds = z.coerce.number().int().min(0).max(99_999_999_999);

const schemas = {
  /** Lobby: join a side (or auto). */
  join: z.tuple([snowflake, token]),
  judge: z.tuple([snowflake]),
  leave: z.tuple([snowflake]),
  swap: z.tuple([snowflake]),
  begin: z.tuple([snowflake]),
  cancel: z.tuple([snowflake]),
  /** Prep and turns: the turn number makes a Speak or Done button from an earlier turn stale. */
  hand: z.tuple([snowflake]),
  ready: z.tuple([snowflake]),
  speak: z.tuple([snowflake, int]),
  done: z.tuple([snowflake, int]),
  speech: z.tuple([snowflake, int]),
  /** Judging. */
  ballot: z.tuple([snowflake]),
  'ballot-form': z.tuple([snowflake]),
  crowd: z.tuple([snowflake, token]),
  transcript: z.tuple([snowflake]),
  /** Leaderboard pages: guild, season, side (or all), page. */
  board: z.tuple([snowflake, int, token, int]),
  /** Confirmations (src/discord/confirm.ts): debate, action, turn (pass), expiry in Unix seconds. */
  confirm: z.tuple([snowflake, token, int, unixSeconds]),
  /** Confirm a new season: guild, the season it replaces, expiry. */
  'season-new': z.tuple([snowflake, int, unixSeconds]),
  /** Keep: answer a confirmation with no. */
  keep: z.tuple([]),
  /** The result card's Rematch: the finished debate to replay with sides swapped. */
  rematch: z.tuple([snowflake]),
  /** Prep pools: take prep on a turn, end it. */
  prep: z.tuple([snowflake, int]),
  'prep-end': z.tuple([snowflake, int]),
  /** Points of information: offer one on a turn; the speaker accepts or declines. */
  poi: z.tuple([snowflake, int]),
  'poi-answer': z.tuple([snowflake, int, z.enum(['accept', 'decline'])]),
  /** Community judging: a vote button (side or draw) and its reason form. */
  vote: z.tuple([snowflake, token]),
  'vote-form': z.tuple([snowflake, token]),
} as const;

export type CustomIdKind = keyof typeof schemas;
export type CustomIdArgs<K extends CustomIdKind> = z.input<(typeof schemas)[K]>;
export type ParsedCustomId = {
  [K in CustomIdKind]: { kind: K; args: z.output<(typeof schemas)[K]> };
}[CustomIdKind];

const PREFIX = 's1';
const MAX_LENGTH = 100;

export const customId = <K extends CustomIdKind>(kind: K, ...args: CustomIdArgs<K>): string => {
  const id = [PREFIX, kind, ...args.map(String)].join(':');
  if (id.length > MAX_LENGTH) throw new Error(`custom id longer than ${MAX_LENGTH}: ${kind}`);
  return id;
};

/** Parses a custom id, or returns undefined for anything stale, forged or malformed. */
export const parseCustomId = (id: string): ParsedCustomId | undefined => {
  const [prefix, kind, ...args] = id.split(':');
  if (prefix !== PREFIX || kind === undefined || !(kind in schemas)) return undefined;
  const parsed = schemas[kind as CustomIdKind].safeParse(args);
  return parsed.success ? ({ kind, args: parsed.data } as ParsedCustomId) : undefined;
};

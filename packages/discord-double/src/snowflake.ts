/** Discord's epoch (2015-01-01T00:00:00Z) in milliseconds, the zero of every snowflake timestamp. */
export const DISCORD_EPOCH = 1_420_070_400_000;

/** Where the double's generated ids start: 2025-01-01T00:00:00Z, so ids look like real, recent ones. */
const DEFAULT_BASE_TIME = Date.UTC(2025, 0, 1);

/** Where `snowflakeForShard` ids start (2020-01-01), a range the generator never reaches. */
const SHARD_HELPER_BASE_TIME = Date.UTC(2020, 0, 1);

/** The shard that owns a guild under Discord's formula `(guild_id >> 22) % shard_count`. */
export const shardForGuild = (guildId: string, shardCount: number): number =>
  Number((BigInt(guildId) >> 22n) % BigInt(Math.max(1, shardCount)));

/** The millisecond timestamp encoded in a snowflake. */
export const snowflakeTime = (id: string): number => Number(BigInt(id) >> 22n) + DISCORD_EPOCH;

const compose = (time: number, increment: number): string =>
  ((BigInt(time - DISCORD_EPOCH) << 22n) | BigInt(increment & 0xfff)).toString();

/**
 * A pure, deterministic snowflake owned by `shardId` when the bot runs `shardCount` shards.
 * `index` picks the n-th such id, so a test can name several guilds on one shard.
 * These ids come from a range the double's own generator never uses, so they cannot collide.
 */
export const snowflakeForShard = (shardId: number, shardCount: number, index = 0): string => {
  if (!Number.isInteger(shardCount) || shardCount < 1)
    throw new RangeError(`shardCount must be >= 1, got ${shardCount}`);
  if (!Number.isInteger(shardId) || shardId < 0 || shardId >= shardCount)
    throw new RangeError(`shardId must be in [0, ${shardCount - 1}], got ${shardId}`);
  const offset = SHARD_HELPER_BASE_TIME - DISCORD_EPOCH;
  // Smallest timestamp >= base whose value modulo shardCount is shardId, then step by shardCount.
  const first = offset + ((((shardId - offset) % shardCount) + shardCount) % shardCount);
  return compose(first + index * shardCount + DISCORD_EPOCH, index);
};

/**
 * Deterministic snowflakes: the n-th id has timestamp `baseTime + n` ms and increment `n % 4096`,
 * so two runs of the same script produce the same ids, and ids sort by creation order.
 */
export class SnowflakeGenerator {
  private counter = 0;

  constructor(private readonly baseTime: number = DEFAULT_BASE_TIME) {}

  next(): string {
    const n = this.counter++;
    return compose(this.baseTime + n, n);
  }

  /** The next id whose guild shard is `shardId` of `shardCount` (skips at most shardCount - 1 ids). */
  nextForShard(shardId: number, shardCount: number): string {
    for (let i = 0; i < shardCount; i++) {
      const id = this.next();
      if (shardForGuild(id, shardCount) === shardId) return id;
    }
    throw new RangeError(`shardId ${shardId} is not in [0, ${shardCount - 1}]`);
  }
}

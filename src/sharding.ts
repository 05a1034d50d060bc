import { fileURLToPath } from 'node:url';
import { REST, Routes, ShardingManager } from 'discord.js';
import type { Config } from './config.js';
import type { Logger } from './logger.js';

/** Discord's recommended shard count, from the configured API (so a local double works too). */
const recommendedShards = async (config: Config): Promise<number> => {
  const rest = new REST(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}).setToken(
    config.DISCORD_TOKEN,
  );
  const { shards } = (await rest.get(Routes.gatewayBot())) as { shards: number };
  return Math.max(1, shards);
};

/**
 * SHARDS / SHARD_IDS: discord.js's ShardingManager runs one child process per shard, each the same
 * src/main.ts. Discord routes a guild to one shard, so each server's writes stay in one process;
 * all shards share one Redis. A shard that dies is started again and re-arms its own deadlines.
 */
export const runShardingManager = async (config: Config, logger: Logger) => {
  const totalShards =
    config.SHARD_COUNT ??
    (config.SHARDS === 'auto' || config.SHARDS === undefined
      ? await recommendedShards(config)
      : config.SHARDS);
  // Each shard runs this same program: the built main.js, or main.ts under tsx in development.
  const main = fileURLToPath(import.meta.url).replace(/sharding\.(ts|js)$/, 'main.$1');
  const manager = new ShardingManager(main, {
    token: config.DISCORD_TOKEN,
    totalShards,
    shardList: config.SHARD_IDS ?? 'auto',
    mode: 'process',
    respawn: true,
    execArgv: main.endsWith('.ts') ? ['--import', 'tsx'] : [],
  });
  manager.on('shardCreate', (shard) => {
    logger.info({ shard: shard.id, totalShards }, 'shard launched');
    shard.on('death', () => logger.warn({ shard: shard.id }, 'shard died; starting it again'));
  });
  await manager.spawn({ timeout: 60_000 });
  logger.info({ shards: [...manager.shards.keys()], totalShards }, 'all shards ready');
  return {
    async stop() {
      manager.respawn = false;
      await Promise.all(
        [...manager.shards.values()].map(async (shard) => {
          const child = shard.process;
          if (!child || child.exitCode !== null) return;
          const exited = new Promise((resolve) => child.once('exit', resolve));
          child.kill('SIGTERM');
          await exited;
        }),
      );
    },
  };
};

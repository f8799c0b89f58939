/**
 * Many shards for many servers: discord.js's ShardingManager spawns one process per shard, each
 * running src/main.ts (which sees SHARDING_MANAGER and starts a single bot) with its own engine.
 */
import { ShardingManager } from 'discord.js';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';

export async function startShards(options: { token: string; shards: 'auto' | number; logger: Logger }): Promise<ShardingManager> {
  const manager = new ShardingManager(fileURLToPath(new URL('../main.ts', import.meta.url)), {
    token: options.token,
    totalShards: options.shards,
    mode: 'process',
    // The children run TypeScript sources, like the parent does under tsx.
    execArgv: ['--import', 'tsx'],
  });
  manager.on('shardCreate', (shard) => {
    options.logger.info({ shard: shard.id }, 'shard launched');
    shard.on('death', () => options.logger.error({ shard: shard.id }, 'shard process exited'));
  });
  await manager.spawn();
  return manager;
}

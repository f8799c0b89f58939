/**
 * Many shards for many servers: discord.js's ShardingManager spawns one process per shard, each
 * running this build's main module (which sees SHARDING_MANAGER and starts a single bot) with its
 * own engine, and with this process's Node flags: the V8 flags `npm start` sets (see package.json)
 * and, when run from the TypeScript sources, tsx's loader.
 */
import { ShardingManager } from 'discord.js';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';

export async function startShards(options: { token: string; shards: 'auto' | number; logger: Logger }): Promise<ShardingManager> {
  const manager = new ShardingManager(shardMain(), {
    token: options.token,
    totalShards: options.shards,
    mode: 'process',
    execArgv: shardExecArgv(),
  });
  manager.on('shardCreate', (shard) => {
    options.logger.info({ shard: shard.id }, 'shard launched');
    shard.on('death', () => options.logger.error({ shard: shard.id }, 'shard process exited'));
  });
  await manager.spawn();
  return manager;
}

/** main.js next to the compiled build, or main.ts when this file runs from the sources. */
export function shardMain(self: string = import.meta.url): string {
  return fileURLToPath(new URL(`../main${self.slice(self.lastIndexOf('.'))}`, self));
}

/** The flags a shard process starts with: the parent's own (V8 flags, loaders), never its inspector port. */
export function shardExecArgv(parent: readonly string[] = process.execArgv): string[] {
  return parent.filter((flag) => !/^--inspect(-brk|-port)?(=|$)/.test(flag));
}

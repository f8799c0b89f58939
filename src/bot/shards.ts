/**
 * Many shards for many servers: discord.js's ShardingManager spawns one process per shard, each
 * running src/main.ts (which sees SHARDING_MANAGER and starts a single bot) with its own engine.
 */
import { REST, Routes, ShardingManager, type RESTGetAPIGatewayBotResult } from 'discord.js';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';

export interface ShardOptions {
  token: string;
  shards: 'auto' | number;
  logger: Logger;
  /** DISCORD_API_URL; the shard processes read it from the environment they inherit. */
  apiUrl?: string;
}

export async function startShards(options: ShardOptions): Promise<ShardingManager> {
  const manager = new ShardingManager(fileURLToPath(new URL('../main.ts', import.meta.url)), {
    token: options.token,
    totalShards: await shardCount(options),
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

/**
 * discord.js resolves "auto" against discord.com whatever the REST base URL; with DISCORD_API_URL
 * set, the recommendation is asked of that server instead (GET /gateway/bot, as discord.js does).
 */
async function shardCount({ token, shards, apiUrl }: ShardOptions): Promise<'auto' | number> {
  if (shards !== 'auto' || !apiUrl) return shards;
  const rest = new REST({ api: apiUrl, retries: 1 }).setToken(token);
  const gateway = (await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
  return gateway.shards;
}

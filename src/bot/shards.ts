/**
 * Many shards for many servers: discord.js's ShardingManager spawns one process per shard, each
 * running this build's main module (which sees SHARDING_MANAGER and starts a single bot) with its
 * own engine, and with this process's Node flags: the V8 flags `npm start` sets (see package.json)
 * and, when run from the TypeScript sources, tsx's loader.
 */
import { REST, Routes, ShardingManager, type RESTGetAPIGatewayBotResult } from 'discord.js';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';

/** Managers whose shards are being stopped on purpose (their deaths are not faults). */
const stopping = new WeakSet<ShardingManager>();

export interface ShardOptions {
  token: string;
  shards: 'auto' | number;
  logger: Logger;
  /** DISCORD_API_URL; the shard processes read it from the environment they inherit. */
  apiUrl?: string;
}

/** The manager, not yet spawning: a caller can install its signal handlers before any shard exists. */
export async function createShards(options: ShardOptions): Promise<ShardingManager> {
  const manager = new ShardingManager(shardMain(), {
    token: options.token,
    totalShards: await shardCount(options),
    mode: 'process',
    execArgv: shardExecArgv(),
  });
  manager.on('shardCreate', (shard) => {
    options.logger.info({ shard: shard.id }, 'shard launched');
    shard.on('death', () => {
      if (stopping.has(manager)) options.logger.info({ shard: shard.id }, 'shard stopped');
      else options.logger.error({ shard: shard.id }, 'shard process exited');
    });
  });
  return manager;
}

export async function spawnShards(manager: ShardingManager): Promise<void> {
  try {
    await manager.spawn();
  } catch (err) {
    // A shard that could not start (its process printed why) must not be respawned forever.
    stopping.add(manager);
    for (const shard of manager.shards.values()) shard.kill();
    throw err;
  }
}

/** Asks every shard process to stop (SIGTERM: each drains its replies) and waits for them to exit. */
export async function stopShards(manager: ShardingManager, logger: Logger, deadlineMs: number): Promise<void> {
  logger.info({ shards: manager.shards.size }, 'stopping the shards');
  const exits = [...manager.shards.values()].map((shard) => {
    const child = shard.process;
    return child && child.exitCode === null && child.signalCode === null ? new Promise<void>((resolve) => child.once('exit', () => resolve())) : Promise.resolve();
  });
  // kill() also stops the manager from respawning the shard.
  stopping.add(manager);
  for (const shard of manager.shards.values()) shard.kill();
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([Promise.all(exits), new Promise((resolve) => (timer = setTimeout(resolve, deadlineMs)))]);
  clearTimeout(timer);
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

/** main.js next to the compiled build, or main.ts when this file runs from the sources. */
export function shardMain(self: string = import.meta.url): string {
  return fileURLToPath(new URL(`../main${self.slice(self.lastIndexOf('.'))}`, self));
}

/** The flags a shard process starts with: the parent's own (V8 flags, loaders), never its inspector port. */
export function shardExecArgv(parent: readonly string[] = process.execArgv): string[] {
  return parent.filter((flag) => !/^--inspect(-brk|-port)?(=|$)/.test(flag));
}

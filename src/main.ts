/**
 * `npm start`. Without DISCORD_TOKEN: the offline console over the bundled corpus. With one: the
 * Discord bot, or with SHARDS set, a ShardingManager running one bot process per shard.
 */
import { config as loadDotenv } from 'dotenv';
import pino from 'pino';
import { Engine } from './answers/engine.js';
import { startBot } from './bot/client.js';
import { startShards } from './bot/shards.js';
import { runConsole } from './cli/console.js';
import { ConfigError, loadConfig, type Config } from './config.js';

async function main(): Promise<void> {
  loadDotenv({ quiet: true });
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(err.message);
    process.exitCode = 1;
    return;
  }

  if (!config.token) {
    await runConsole(await Engine.load(), process.stdin, process.stdout);
    return;
  }

  const logger = pino({ level: config.logLevel });
  if (config.shards !== undefined && !config.isShard) {
    await startShards({ token: config.token, shards: config.shards, logger });
    return;
  }
  if (!config.isShard) {
    // discord.js reads these as its own shard settings; a user's SHARDS (even empty) must not reach it.
    delete process.env.SHARDS;
    delete process.env.SHARD_COUNT;
  }
  const engine = await Engine.load();
  const client = await startBot({ engine, logger, token: config.token });
  const stop = () => {
    logger.info('shutting down');
    void client.destroy().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  // The operator sees the reason; the stack goes to the log only.
  pino().fatal({ err }, 'start-up failed');
  console.error(`Could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});

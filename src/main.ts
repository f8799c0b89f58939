/**
 * `npm start`. Without DISCORD_TOKEN: the offline console over the bundled corpus. With one: the
 * Discord bot, or with SHARDS set, a ShardingManager running one bot process per shard.
 */
import { config as loadDotenv } from 'dotenv';
import { join } from 'node:path';
import { Engine, PROJECT_ROOT } from './answers/engine.js';
import { LiveEngine } from './answers/live.js';
import { loginFailure, startBot } from './bot/client.js';
import { Cooldown } from './bot/cooldown.js';
import { Lifecycle, shutdown } from './bot/lifecycle.js';
import { createShards, spawnShards, stopShards } from './bot/shards.js';
import { runConsole } from './cli/console.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { createLogger } from './log.js';

/** Saved index (see retrieval/cache.ts), so a restart does not re-index an unchanged corpus. */
const CACHE_DIR = join(PROJECT_ROOT, '.cache', 'index');

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
    await runConsole(await Engine.load({ cacheDir: CACHE_DIR }), process.stdin, process.stdout);
    return;
  }

  const logger = createLogger(config.logLevel);
  process.on('unhandledRejection', (reason) => {
    // A stray promise must not stop the bot for everyone; it is a bug to find in the log.
    logger.error({ err: reason }, 'unhandled promise rejection');
  });
  process.on('uncaughtException', (err, origin) => {
    // State after a synchronous throw nobody caught is unknown: log it and let the supervisor restart.
    logger.fatal({ err, origin }, 'uncaught exception; exiting');
    process.exit(1);
  });
  if (config.shards !== undefined && !config.isShard) {
    let stopping = false;
    try {
      const manager = await createShards({ token: config.token, shards: config.shards, logger, ...(config.apiUrl ? { apiUrl: config.apiUrl } : {}) });
      // Each shard process finishes its own replies (with its own deadline); the manager waits for them.
      const stopAll = () => {
        stopping = true;
        // The shards' own deadline, and a little more for their processes to exit.
        void stopShards(manager, logger, config.shutdownDeadlineMs + 5_000).finally(() => process.exit(0));
      };
      process.once('SIGINT', stopAll);
      process.once('SIGTERM', stopAll);
      await spawnShards(manager);
    } catch (err) {
      if (stopping) return;
      logger.debug({ err }, 'shards failed to start');
      console.error(`Could not start the shards: ${loginFailure(err)}`);
      process.exitCode = 1;
    }
    return;
  }
  if (!config.isShard) {
    // discord.js reads these as its own shard settings; a user's SHARDS (even empty) must not reach it.
    delete process.env.SHARDS;
    delete process.env.SHARD_COUNT;
  }
  // Follows corpus/ so an added or edited article is served without a restart.
  const engine = LiveEngine.start({ log: logger, cacheDir: CACHE_DIR });
  const lifecycle = new Lifecycle();
  const cooldown = new Cooldown({ max: config.cooldown.max, windowMs: config.cooldown.windowSeconds * 1000 });
  let client;
  try {
    client = await startBot({
      engine,
      logger,
      token: config.token,
      lifecycle,
      cooldown,
      ...(config.apiUrl ? { clientOptions: { rest: { api: config.apiUrl } } } : {}),
    });
  } catch (err) {
    // One clear line and a non-zero exit; with the watcher stopped and the client destroyed,
    // nothing is left to keep the process alive.
    logger.debug({ err }, 'login failed');
    engine.stop();
    console.error(`Could not start the bot: ${loginFailure(err)}`);
    process.exitCode = 1;
    return;
  }
  let stopping = false;
  const stop = (signal: NodeJS.Signals | 'disconnect') => {
    // A second signal while draining means the operator wants out now.
    if (stopping) process.exit(1);
    stopping = true;
    void shutdown({ lifecycle, client, logger, stopEngine: () => engine.stop(), deadlineMs: config.shutdownDeadlineMs }, signal).finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // A shard whose manager is gone (killed, crashed) stops too, rather than run on unsupervised.
  if (config.isShard) process.once('disconnect', () => stop('disconnect'));
}

main().catch((err: unknown) => {
  // The operator sees the reason; the stack goes to the log only.
  createLogger().fatal({ err }, 'start-up failed');
  console.error(`Could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});

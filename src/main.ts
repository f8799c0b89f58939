/**
 * `npm start`. Without DISCORD_TOKEN: the offline console over the bundled corpus. With one: the
 * Discord bot, or with SHARDS set, a ShardingManager running one bot process per shard.
 *
 * The bot's modules (discord.js and everything around it: a third of a second to load), the settings'
 * validation (zod: 40 ms) and the logger are imported only when a token is set, so the offline
 * console starts without them: none of the other settings apply to it.
 */
import { config as loadDotenv } from 'dotenv';
import { loadEngine } from './runtime/load.js';
import { runConsole } from './cli/console.js';
import { CACHE_DIR } from './cli/paths.js';
import type { Config } from './config.js';

async function main(): Promise<void> {
  loadDotenv({ quiet: true });
  if (!process.env.DISCORD_TOKEN?.trim()) {
    // The console's one setting is the corpus limit; validating it loads zod, so only when it is set.
    const limits = process.env.CORPUS_MAX_ARTICLE_MB?.trim() ? (await settings())?.corpus : undefined;
    if (process.exitCode) return;
    await runConsole(await loadEngine({ cacheDir: CACHE_DIR, ...(limits ? { limits } : {}) }), process.stdin, process.stdout);
    return;
  }

  const [config, { createLogger }] = await Promise.all([settings(), import('./log.js')]);
  if (!config) return;
  const token = config.token!; // present: checked above, validated by loadConfig
  const [{ LiveEngine }, { AnswerPool, pooledEngine }, { loginFailure, startBot }, { Cooldown }, { Lifecycle, shutdown }, { createShards, spawnShards, stopShards }] = await Promise.all([
    import('./runtime/live.js'),
    import('./runtime/answer-pool.js'),
    import('./bot/client.js'),
    import('./bot/cooldown.js'),
    import('./bot/lifecycle.js'),
    import('./bot/shards.js'),
  ]);
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
      const manager = await createShards({ token, shards: config.shards, logger, ...(config.apiUrl ? { apiUrl: config.apiUrl } : {}) });
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
  const live = LiveEngine.start({ log: logger, cacheDir: CACHE_DIR, limits: config.corpus });
  // Questions are answered by worker threads, so the main thread keeps up with Discord.
  const pool = await AnswerPool.start({ cacheDir: CACHE_DIR, follow: live, log: logger });
  logger.info({ workers: pool.size, articles: live.articles().length }, 'answering through a worker pool');
  const engine = pooledEngine(live, pool);
  const stopEngine = () => {
    live.stop();
    void pool.stop();
  };
  const lifecycle = new Lifecycle();
  const cooldown = new Cooldown({ max: config.cooldown.max, windowMs: config.cooldown.windowSeconds * 1000 });
  let client;
  try {
    client = await startBot({
      engine,
      logger,
      token,
      lifecycle,
      cooldown,
      ...(config.apiUrl ? { clientOptions: { rest: { api: config.apiUrl } } } : {}),
    });
  } catch (err) {
    // One clear line and a non-zero exit; with the watcher stopped and the client destroyed,
    // nothing is left to keep the process alive.
    logger.debug({ err }, 'login failed');
    stopEngine();
    console.error(`Could not start the bot: ${loginFailure(err)}`);
    process.exitCode = 1;
    return;
  }
  let stopping = false;
  const stop = (signal: NodeJS.Signals | 'disconnect') => {
    // A second signal while draining means the operator wants out now.
    if (stopping) process.exit(1);
    stopping = true;
    void shutdown({ lifecycle, client, logger, stopEngine, deadlineMs: config.shutdownDeadlineMs }, signal).finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // A shard whose manager is gone (killed, crashed) stops too, rather than run on unsupervised.
  if (config.isShard) process.once('disconnect', () => stop('disconnect'));
}

/** The settings, validated; undefined (with one line naming the variable and exit code 1) when one is wrong. */
async function settings(): Promise<Config | undefined> {
  const { ConfigError, loadConfig } = await import('./config.js');
  try {
    return loadConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(err.message);
    process.exitCode = 1;
    return undefined;
  }
}

main().catch(async (err: unknown) => {
  // The operator sees the reason; the stack goes to the log only.
  const { createLogger } = await import('./log.js');
  createLogger().fatal({ err }, 'start-up failed');
  console.error(`Could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});

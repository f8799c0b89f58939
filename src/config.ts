/**
 * Configuration from the environment (and .env), validated at start-up so a typo is reported as
 * one clear line naming the variable and its rule, not as a failure deep inside discord.js. A value
 * is never echoed back: a token pasted into the wrong variable must not end up on a screen or in a log.
 */
import { z } from 'zod';

const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id (17 to 20 digits; right-click → Copy ID in Discord)');

const schema = z.object({
  /** Bot token (Developer Portal → Bot → Reset Token). Absent: the offline console runs instead. */
  DISCORD_TOKEN: z
    .string()
    .refine((t) => !/^bot\s/i.test(t), 'must be the bare token, without the "Bot " prefix')
    .refine((t) => /^bot\s/i.test(t) || /^[\w-]+\.[\w-]+\.[\w-]+$/.test(t), 'does not look like a bot token (three parts separated by dots); copy it again from the Bot page')
    .optional(),
  /** Application id; `npm run register` asks Discord for it when absent. */
  DISCORD_CLIENT_ID: snowflake.optional(),
  /** Register commands to this server only (instant, for testing) instead of globally. */
  DISCORD_GUILD_ID: snowflake.optional(),
  /** Run under discord.js's ShardingManager: "auto" (Discord's recommendation) or a shard count. */
  SHARDS: z
    .union([z.literal('auto'), z.string().regex(/^[1-9]\d{0,3}$/).transform(Number)], {
      error: 'must be "auto" or a whole number of shards (1 or more)',
    })
    .optional(),
  /** Answers one user may get per window (slash commands, buttons and DMs; everyone, moderators too). */
  COOLDOWN_MAX: z.string().regex(/^[1-9]\d{0,3}$/, 'must be a whole number from 1 to 9999').transform(Number).default(5),
  /** Length of that window, in seconds. */
  COOLDOWN_WINDOW_SECONDS: z.string().regex(/^[1-9]\d{0,4}$/, 'must be a whole number of seconds from 1 to 99999').transform(Number).default(10),
  /** Largest article file the corpus accepts, in MB; a larger one is refused by name and left out. */
  CORPUS_MAX_ARTICLE_MB: z
    .string()
    .regex(/^\d{1,3}(\.\d{1,3})?$/, 'must be a number of megabytes, such as 5 or 0.5')
    .transform(Number)
    .refine((mb) => mb > 0 && mb <= 500, 'must be more than 0 and at most 500 (MB)')
    .default(5),
  /** How long SIGINT/SIGTERM waits for replies in progress before closing anyway, in seconds. */
  SHUTDOWN_TIMEOUT_SECONDS: z.string().regex(/^[1-9]\d{0,3}$/, 'must be a whole number of seconds from 1 to 9999').transform(Number).default(10),
  /**
   * Base URL of Discord's REST API, without the version (discord.js adds /v10): for an HTTP proxy
   * shared by shards, or a Discord-compatible server. Unset: Discord itself.
   */
  DISCORD_API_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL, e.g. https://discord.com/api' })
    .transform((u) => u.replace(/\/+$/, ''))
    .optional(),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
});

export interface Config {
  token?: string;
  clientId?: string;
  guildId?: string;
  shards?: 'auto' | number;
  /** REST base URL when not Discord's own (DISCORD_API_URL). */
  apiUrl?: string;
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  cooldown: { max: number; windowSeconds: number };
  /** Limits on what the corpus accepts. */
  corpus: { maxArticleBytes: number };
  /** SHUTDOWN_TIMEOUT_SECONDS, in milliseconds. */
  shutdownDeadlineMs: number;
  /** True inside a process the ShardingManager spawned (it then sets SHARDS to the shard id). */
  isShard: boolean;
}

/** A configuration mistake; its message is meant for the person starting the bot, as is. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const isShard = env.SHARDING_MANAGER === 'true';
  const input: Record<string, string> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = env[key]?.trim();
    // `KEY=` in .env means "not set", not "set to nothing".
    if (value) input[key] = value;
  }
  if (isShard) delete input.SHARDS;

  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    // The variable and its rule only: any value may be a secret in the wrong place.
    const lines = parsed.error.issues.map((issue) => `  ${String(issue.path[0])} ${issue.message}`);
    throw new ConfigError(`Invalid configuration (see .env.example):\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  return {
    ...(c.DISCORD_TOKEN ? { token: c.DISCORD_TOKEN } : {}),
    ...(c.DISCORD_CLIENT_ID ? { clientId: c.DISCORD_CLIENT_ID } : {}),
    ...(c.DISCORD_GUILD_ID ? { guildId: c.DISCORD_GUILD_ID } : {}),
    ...(c.SHARDS !== undefined ? { shards: c.SHARDS } : {}),
    ...(c.DISCORD_API_URL ? { apiUrl: c.DISCORD_API_URL } : {}),
    logLevel: c.LOG_LEVEL,
    cooldown: { max: c.COOLDOWN_MAX, windowSeconds: c.COOLDOWN_WINDOW_SECONDS },
    corpus: { maxArticleBytes: Math.round(c.CORPUS_MAX_ARTICLE_MB * 1024 * 1024) },
    shutdownDeadlineMs: c.SHUTDOWN_TIMEOUT_SECONDS * 1000,
    isShard,
  };
}

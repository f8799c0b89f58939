import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

const TOKEN = 'MTAxMjM0NTY3ODkwMTIzNDU2Nw.GabcDE.abcdefghijklmnopqrstuvwxyz0123456789ABCD';

function problem(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected a configuration error');
}

describe('configuration', () => {
  it('no token means the offline console; empty values count as unset', () => {
    expect(loadConfig({ DISCORD_TOKEN: '', DISCORD_GUILD_ID: '', SHARDS: '' })).toEqual({ logLevel: 'info', cooldown: { max: 5, windowSeconds: 10 }, shutdownDeadlineMs: 10_000, corpus: { maxArticleBytes: 5 * 1024 * 1024 }, isShard: false });
  });

  it('reads a full configuration', () => {
    expect(
      loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: '123456789012345678', DISCORD_GUILD_ID: '223456789012345678', SHARDS: '2', LOG_LEVEL: 'debug' }),
    ).toEqual({ token: TOKEN, clientId: '123456789012345678', guildId: '223456789012345678', shards: 2, logLevel: 'debug', cooldown: { max: 5, windowSeconds: 10 }, shutdownDeadlineMs: 10_000, corpus: { maxArticleBytes: 5 * 1024 * 1024 }, isShard: false });
    expect(loadConfig({ SHARDS: 'auto' }).shards).toBe('auto');
  });

  it('names each bad variable and what is wrong with it', () => {
    const message = problem({ DISCORD_GUILD_ID: 'my server', SHARDS: 'many', LOG_LEVEL: 'loud' });
    expect(message).toContain('DISCORD_GUILD_ID must be a Discord id');
    expect(message).not.toContain('my server');
    expect(message).not.toContain('many');
    expect(message).not.toContain('loud');
    expect(message).toContain('SHARDS must be "auto" or a whole number');
    expect(message).toContain('LOG_LEVEL must be one of');
    expect(message).not.toMatch(/\bat \w+ \(|ZodError/); // no stack trace or library internals
  });

  it('never echoes a bad token back', () => {
    const message = problem({ DISCORD_TOKEN: 'Bot secret-value.abc.def' });
    expect(message).toContain('DISCORD_TOKEN must be the bare token, without the "Bot " prefix');
    expect(message).not.toContain('secret-value');
    expect(problem({ DISCORD_TOKEN: 'not-a-token' })).toContain('DISCORD_TOKEN does not look like a bot token');
  });

  it('never echoes any value: a token pasted into the wrong variable stays unprinted', () => {
    for (const name of ['DISCORD_CLIENT_ID', 'DISCORD_GUILD_ID', 'SHARDS', 'COOLDOWN_MAX', 'COOLDOWN_WINDOW_SECONDS', 'SHUTDOWN_TIMEOUT_SECONDS', 'LOG_LEVEL', 'DISCORD_API_URL', 'CORPUS_MAX_ARTICLE_MB']) {
      const message = problem({ [name]: TOKEN });
      expect(message).toMatch(new RegExp(`^  ${name} must`, 'm'));
      expect(message).not.toContain(TOKEN);
      expect(message).not.toContain(TOKEN.split('.')[2]!);
    }
  });

  it('SHUTDOWN_TIMEOUT_SECONDS: 10 by default, a whole number of seconds', () => {
    expect(loadConfig({}).shutdownDeadlineMs).toBe(10_000);
    expect(loadConfig({ SHUTDOWN_TIMEOUT_SECONDS: '3' }).shutdownDeadlineMs).toBe(3_000);
    expect(problem({ SHUTDOWN_TIMEOUT_SECONDS: '0' })).toContain('SHUTDOWN_TIMEOUT_SECONDS must be a whole number of seconds');
  });

  it('DISCORD_API_URL: an http(s) base URL, trailing slashes dropped', () => {
    expect(loadConfig({ DISCORD_API_URL: 'http://127.0.0.1:8080/api/' }).apiUrl).toBe('http://127.0.0.1:8080/api');
    expect(loadConfig({ DISCORD_API_URL: 'https://proxy.example/api' }).apiUrl).toBe('https://proxy.example/api');
    expect(problem({ DISCORD_API_URL: 'ws://proxy.example' })).toContain('DISCORD_API_URL must be an http:// or https:// URL');
    expect(problem({ DISCORD_API_URL: 'proxy.example' })).toContain('DISCORD_API_URL must be an http:// or https:// URL');
  });

  it('inside a shard process, the SHARDS the manager sets (the shard id) is not a user setting', () => {
    expect(loadConfig({ SHARDING_MANAGER: 'true', SHARDS: '0', DISCORD_TOKEN: TOKEN })).toEqual({ token: TOKEN, logLevel: 'info', cooldown: { max: 5, windowSeconds: 10 }, shutdownDeadlineMs: 10_000, corpus: { maxArticleBytes: 5 * 1024 * 1024 }, isShard: true });
  });
});

describe('configuration: cooldown', () => {
  it('reads the per-user limit and refuses a zero or non-number by name', () => {
    expect(loadConfig({ COOLDOWN_MAX: '3', COOLDOWN_WINDOW_SECONDS: '60' }).cooldown).toEqual({ max: 3, windowSeconds: 60 });
    expect(problem({ COOLDOWN_MAX: '0' })).toContain('COOLDOWN_MAX');
    expect(problem({ COOLDOWN_WINDOW_SECONDS: 'ten' })).toContain('COOLDOWN_WINDOW_SECONDS');
  });
});

describe('configuration: corpus limits', () => {
  it('reads the largest article in MB and refuses a zero, a negative or a non-number by name', () => {
    expect(loadConfig({ CORPUS_MAX_ARTICLE_MB: '0.5' }).corpus).toEqual({ maxArticleBytes: 512 * 1024 });
    expect(loadConfig({ CORPUS_MAX_ARTICLE_MB: '20' }).corpus).toEqual({ maxArticleBytes: 20 * 1024 * 1024 });
    for (const bad of ['0', '-1', 'five', '1e3', '501']) expect(problem({ CORPUS_MAX_ARTICLE_MB: bad })).toContain('CORPUS_MAX_ARTICLE_MB');
  });
});

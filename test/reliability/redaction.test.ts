/**
 * No secret reaches the logs: the bot token (in config, env, client, free text) and interaction
 * tokens (in interactions and in the URLs of failed callbacks). Everything is logged through the
 * production logger into memory and the raw output is searched for the token strings.
 */
import { Events, type Interaction } from 'discord.js';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { discordErrors } from '../fake-discord/fake-discord.js';
import { slashCommand } from '../fake-discord/payloads.js';
import { startHarness, type Harness } from '../bot/harness.js';

// Shaped like a real bot token (id.timestamp.hmac) but not one.
const BOT_TOKEN = 'MTAxMjM0NTY3ODkwMTIzNDU2Nw.GabcDE.abcdefghijklmnopqrstuvwxyz0123456789ABCD';

function memoryLogger() {
  const lines: string[] = [];
  return { lines, logger: createLogger('trace', { write: (line: string) => void lines.push(line) }) };
}

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

describe('log redaction', () => {
  it('the bot token never appears, however the configuration or the token is logged', () => {
    const { lines, logger } = memoryLogger();
    const config = loadConfig({ DISCORD_TOKEN: BOT_TOKEN, LOG_LEVEL: 'debug' });
    logger.info(config, 'config');
    logger.info({ config }, 'config nested');
    logger.info({ deploy: { config } }, 'config deeper');
    logger.info({ env: { DISCORD_TOKEN: BOT_TOKEN } }, 'env');
    logger.info({ headers: { authorization: `Bot ${BOT_TOKEN}` } }, 'headers');
    logger.error({ err: new Error(`login failed for ${BOT_TOKEN}`) }, 'error text');
    logger.warn(`pasted into a message: ${BOT_TOKEN}`);
    const out = lines.join('');
    expect(lines).toHaveLength(7);
    expect(out).not.toContain(BOT_TOKEN);
    // The token's parts are not leaked separately either (e.g. the HMAC after a partial scrub).
    expect(out).not.toContain(BOT_TOKEN.split('.')[2]);
    // What is not secret is still there: the log stays useful.
    expect(JSON.parse(lines[0]!)).toMatchObject({ logLevel: 'debug', token: '[redacted]' });
  });

  it('a real interaction, the client and a failed callback error are logged without the interaction or bot token', async () => {
    h = await startHarness();
    const { lines, logger } = memoryLogger();
    const seen: Interaction[] = [];
    h.client.on(Events.InteractionCreate, (i) => void seen.push(i));
    const ask = slashCommand('who', { name: 'Helal Abbas' });
    // The callback fails, so the bot's own log gets a DiscordAPIError whose URL holds the token.
    h.fake.replyTo('POST', `/interactions/${ask.id}/${ask.token}/callback`, discordErrors.missingAccess, 1);
    h.fake.dispatch('INTERACTION_CREATE', ask);
    const harness = h;
    await vi.waitFor(() => expect(harness.logs.some((l) => l.msg === 'handler failed')).toBe(true));
    const failure = h.logs.find((l) => l.msg === 'handler failed')!;
    expect(failure.err.url).toMatch(/\/interactions\/\d+\/\[redacted\]\/callback/);

    const interaction = seen[0]!;
    expect(interaction.token).toBe(ask.token);
    logger.info({ interaction }, 'interaction');
    logger.info({ client: h.client }, 'client');
    logger.info({ token: interaction.token, nested: { token: interaction.token } }, 'tokens');

    const out = lines.join('') + JSON.stringify(h.logs);
    expect(out).not.toContain(ask.token);
    expect(out).not.toContain('fake-token-for-tests');
    expect(JSON.parse(lines[0]!).interaction).toMatchObject({ id: ask.id, command: 'who' });
  });
});

describe('secrets in the repository', () => {
  it('.env is git-ignored and .env.example sets no token', () => {
    expect(execFileSync('git', ['check-ignore', '.env'], { encoding: 'utf8' }).trim()).toBe('.env');
    const example = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');
    const token = example.split('\n').find((l) => l.startsWith('DISCORD_TOKEN='));
    expect(token).toBe('DISCORD_TOKEN=');
    expect(example).not.toMatch(/[\w-]{20,}\.[\w-]{5,}\.[\w-]{20,}/);
  });
});

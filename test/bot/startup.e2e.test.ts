/**
 * `npm start` and `npm run register` as processes, against the fake Discord through DISCORD_API_URL:
 * a failed login ends with one clear line and a non-zero exit (nothing keeps the process alive), a
 * configuration mistake never echoes the value, and SIGTERM stops a running bot.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { APPLICATION_ID, FakeDiscord } from '../fake-discord/fake-discord.js';
import { GUILD, GUILD_ID, slashCommand } from '../fake-discord/payloads.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TOKEN = 'MTAxMjM0NTY3ODkwMTIzNDU2Nw.GabcDE.abcdefghijklmnopqrstuvwxyz0123456789ABCD';
/** Generous: two loaded cores, and the engine loads the corpus index at start. */
const EXIT_WITHIN = 60_000;

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

// As `npm start` does: the compiled build, rebuilt first if a source changed since.
beforeAll(() => {
  const built = spawnSync(process.execPath, ['scripts/ensure-built.mjs'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  expect(built.status, built.stderr).toBe(0);
}, 120_000);

let fake: FakeDiscord | undefined;
afterEach(async () => {
  await fake?.stop();
  fake = undefined;
});

/** Every variable set explicitly (dotenv never overrides one that is set), so a local .env cannot interfere. */
function env(overrides: Record<string, string>): NodeJS.ProcessEnv {
  const base: Record<string, string> = {
    DISCORD_TOKEN: TOKEN,
    DISCORD_CLIENT_ID: '',
    DISCORD_GUILD_ID: '',
    DISCORD_API_URL: '',
    SHARDS: '',
    COOLDOWN_MAX: '',
    COOLDOWN_WINDOW_SECONDS: '',
    SHUTDOWN_TIMEOUT_SECONDS: '',
    LOG_LEVEL: 'silent',
  };
  return { PATH: process.env.PATH, HOME: process.env.HOME, ...base, ...overrides };
}

/**
 * Runs a script's compiled form (src/main.ts → dist/main.js) with `npm start`'s V8 flags, as `npm
 * start` does; `during` may interact with the running process.
 */
function run(
  script: string,
  vars: Record<string, string>,
  during?: (child: ReturnType<typeof spawn>) => Promise<void>,
  options: { detached?: boolean } = {},
): Promise<Run> {
  return new Promise((resolve, reject) => {
    // Detached: its own process group, so a test can check that no child of it is left behind.
    const compiled = script.replace(/^src\/(.*)\.ts$/, 'dist/$1.js');
    const child = spawn(process.execPath, ['--v8-pool-size=0', '--enable-source-maps', compiled], { cwd: ROOT, env: env(vars), stdio: ['ignore', 'pipe', 'pipe'], detached: options.detached ?? false });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      if (options.detached) process.kill(-child.pid!, 'SIGKILL');
      else child.kill('SIGKILL');
      reject(new Error(`${script} still running after ${EXIT_WITHIN} ms\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, EXIT_WITHIN);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
    during?.(child).catch((err) => {
      child.kill('SIGKILL');
      reject(err);
    });
  });
}

const lines = (text: string) => text.split('\n').filter((l) => l.trim());

describe('npm start: a failed login ends the process', () => {
  it('a refused token: one clear line, exit code 1, no hang', async () => {
    fake = await FakeDiscord.start();
    fake.replyTo('GET', '/gateway/bot', { status: 401, body: { code: 0, message: '401: Unauthorized' } });
    const result = await run('src/main.ts', { DISCORD_API_URL: fake.apiUrl });
    expect(result.code).toBe(1);
    expect(lines(result.stderr)).toEqual([
      'Could not start the bot: Discord refused the token (DISCORD_TOKEN): reset it on the Bot page of the Developer Portal and put the new one in .env.',
    ]);
    expect(result.stdout + result.stderr).not.toContain(TOKEN);
    // The login was attempted against DISCORD_API_URL, with the token.
    expect(fake.requestsTo('GET', '/gateway/bot')[0]?.headers.authorization).toBe(`Bot ${TOKEN}`);
  }, 90_000);

  it('Discord unreachable: one clear line, exit code 1, no hang', async () => {
    // A port nothing listens on: the fake, stopped.
    const gone = await FakeDiscord.start();
    const url = gone.apiUrl;
    await gone.stop();
    const result = await run('src/main.ts', { DISCORD_API_URL: url });
    expect(result.code).toBe(1);
    expect(lines(result.stderr)).toEqual([
      'Could not start the bot: Discord could not be reached (ECONNREFUSED): check the network connection (and DISCORD_API_URL if it is set).',
    ]);
  }, 90_000);
});

describe('npm start: configuration mistakes', () => {
  it('names the variable and the rule, and never prints the value (a token in the wrong place)', async () => {
    for (const name of ['DISCORD_CLIENT_ID', 'DISCORD_GUILD_ID', 'SHARDS', 'COOLDOWN_MAX', 'LOG_LEVEL', 'DISCORD_API_URL']) {
      const result = await run('src/main.ts', { [name]: TOKEN });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`  ${name} must`);
      expect(result.stdout + result.stderr).not.toContain(TOKEN);
      expect(result.stdout + result.stderr).not.toContain('GabcDE');
    }
  }, 300_000);
});

describe('DISCORD_API_URL', () => {
  it('the bot logs in and answers through it; SIGTERM then stops it cleanly', async () => {
    fake = await FakeDiscord.start({ guilds: [GUILD] });
    const f = fake;
    const result = await run('src/main.ts', { DISCORD_API_URL: f.apiUrl }, async (child) => {
      await f.waitForFrame(2); // IDENTIFY: logged in through the fake's /gateway/bot
      const ask = slashCommand('who', { name: 'Helal Abbas' });
      // READY and the guild may still be on their way; dispatching once identified is what Discord does.
      await new Promise((r) => setTimeout(r, 200));
      f.dispatch('INTERACTION_CREATE', ask);
      const reply = await f.waitForRequest('POST', `/interactions/${ask.id}/${ask.token}/callback`);
      expect(reply.body.data.embeds[0].title).toBe('Who is Helal Abbas?');
      child.kill('SIGTERM');
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
  }, 90_000);

  it('SIGTERM while Discord holds a reply back: the bot still stops, after SHUTDOWN_TIMEOUT_SECONDS', async () => {
    fake = await FakeDiscord.start({ guilds: [GUILD] });
    const f = fake;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const result = await run('src/main.ts', { DISCORD_API_URL: f.apiUrl, SHUTDOWN_TIMEOUT_SECONDS: '1', LOG_LEVEL: 'warn' }, async (child) => {
      await f.waitForFrame(2);
      const ask = slashCommand('who', { name: 'Helal Abbas' });
      // The reply never gets its response (as behind a long rate limit) until the test ends.
      f.replyTo('POST', `/interactions/${ask.id}/${ask.token}/callback`, async () => {
        await held;
        return { status: 204 };
      });
      await new Promise((r) => setTimeout(r, 200));
      f.dispatch('INTERACTION_CREATE', ask);
      await f.waitForRequest('POST', `/interactions/${ask.id}/${ask.token}/callback`);
      child.kill('SIGTERM');
    });
    release();
    expect(result.code).toBe(0);
    const late = lines(result.stdout).map((l) => JSON.parse(l)).find((l) => l.msg?.startsWith('shutdown deadline passed'));
    expect(late).toMatchObject({ abandoned: 1, deadlineMs: 1000 });
  }, 90_000);

  it('SHARDS=auto: the manager asks it for the shard count, the shard logs in through it; SIGTERM stops both', async () => {
    fake = await FakeDiscord.start({ guilds: [GUILD] });
    const f = fake;
    let group = 0;
    const result = await run('src/main.ts', { DISCORD_API_URL: f.apiUrl, SHARDS: 'auto' }, async (child) => {
      group = child.pid!;
      const identify = await f.waitForFrame(2);
      expect(identify.d.shard).toEqual([0, 1]);
      // One GET /gateway/bot from the manager (the shard count), one from the shard logging in.
      expect(f.requestsTo('GET', '/gateway/bot')).toHaveLength(2);
      const ask = slashCommand('who', { name: 'Helal Abbas' });
      await new Promise((r) => setTimeout(r, 200));
      f.dispatch('INTERACTION_CREATE', ask);
      await f.waitForRequest('POST', `/interactions/${ask.id}/${ask.token}/callback`);
      child.kill('SIGTERM');
    }, { detached: true });
    expect(result.code).toBe(0);
    // The shard process stopped with its manager: its gateway connection is closed, its group empty.
    await f.until(() => f.connections === 0);
    await vi.waitFor(() => expect(() => process.kill(-group, 0)).toThrow(), { timeout: 15_000, interval: 100 });
  }, 90_000);

  it('npm run register writes through it, once', async () => {
    fake = await FakeDiscord.start();
    const vars = { DISCORD_API_URL: fake.apiUrl, DISCORD_CLIENT_ID: APPLICATION_ID, DISCORD_GUILD_ID: GUILD_ID };
    const first = await run('src/bot/register-cli.ts', vars);
    expect(first.code).toBe(0);
    expect(first.stdout.trim()).toBe(`Registered 9 commands to guild ${GUILD_ID}.`);
    const second = await run('src/bot/register-cli.ts', vars);
    expect(second.stdout.trim()).toBe(`Commands already up to date to guild ${GUILD_ID} (9); nothing written.`);
    expect(fake.requestsTo('PUT', `/applications/${APPLICATION_ID}/guilds/${GUILD_ID}/commands`)).toHaveLength(1);
  }, 90_000);

  it('npm run register names a bad value without printing it', async () => {
    const result = await run('src/bot/register-cli.ts', { DISCORD_API_URL: `ftp://${TOKEN}` });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('DISCORD_API_URL must be an http:// or https:// URL');
    expect(result.stderr).not.toContain(TOKEN);
  }, 90_000);
});

/**
 * The discord.js client and its two listeners. Minimal intents: Guilds (server and channel cache)
 * and DirectMessages (DM text arrives without the privileged MessageContent intent). With no
 * GuildMessages intent the bot never receives ordinary server messages at all.
 */
import { Client, DiscordAPIError, Events, GatewayIntentBits, Partials, RESTEvents, type ClientOptions, type Interaction, type Message } from 'discord.js';
import { Agent } from 'undici';
import { scrub } from '../log.js';
import { executeButton } from './buttons.js';
import { cacheOptions, DEFAULT_CACHE_LIMITS, DmChannelLimit, type CacheLimits } from './caches.js';
import type { BotContext } from './context.js';
import { Cooldown, cooldownNotice } from './cooldown.js';
import { answerDm } from './dm.js';
import { guard } from './guard.js';
import { Lifecycle } from './lifecycle.js';
import { renderNotice } from './render.js';
import { respond } from './respond.js';
import { executeCommand, executeMessageCommand, suggest } from './slash.js';

export interface BotOptions extends BotContext {
  /** Overrides for tests (e.g. `rest.api` pointing at a fake Discord). */
  clientOptions?: Partial<ClientOptions>;
  /** Tracks handlers in flight for a graceful stop; one is created when absent. */
  lifecycle?: Lifecycle;
  /** Per-user answer limit; default 5 per 10 seconds. */
  cooldown?: Cooldown;
  /** Bounds on discord.js's caches (tests use small ones). */
  cacheLimits?: CacheLimits;
}

export const DEFAULT_COOLDOWN = { max: 5, windowMs: 10_000 } as const;

/**
 * The HTTP connections to Discord's API, kept alive and reused, at most REST_CONNECTIONS at once.
 * With undici's default (a new connection for every request in flight), a burst of 2,000
 * interactions opened 2,000 connections at once and the acknowledgements queued behind their
 * handshakes past Discord's 3 seconds; 2,000 requests to the fake Discord took 2.2 s that way, 0.3 s
 * through 32 connections and 0.6 s through 128 (more in flight helps on a loaded machine, where
 * each round trip waits for both processes to be scheduled).
 */
export const REST_CONNECTIONS = 128;
function restAgent(): Agent {
  return new Agent({ connections: REST_CONNECTIONS });
}

export function createBot({
  engine,
  logger,
  clientOptions,
  lifecycle = new Lifecycle(),
  cooldown = new Cooldown(DEFAULT_COOLDOWN),
  cacheLimits = DEFAULT_CACHE_LIMITS,
}: BotOptions): Client {
  const ctx: BotContext = { engine, logger };
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.DirectMessages],
    // DM channels are not cached before their first message arrives; without this the event is dropped.
    partials: [Partials.Channel],
    ...cacheOptions(cacheLimits),
    ...clientOptions,
    rest: { agent: restAgent(), ...clientOptions?.rest },
  });
  const dmChannels = new DmChannelLimit(cacheLimits.dmChannels);

  // Once shutdown began, new work is dropped rather than answered: a reply sent now could be cut
  // off by the client closing, and Discord tells the user the app did not respond.
  client.on(Events.InteractionCreate, (interaction) => {
    if (!lifecycle.accepting) return logger.debug({ interaction: interaction.id }, 'shutting down: interaction ignored');
    void lifecycle.run(() => onInteraction(ctx, cooldown, interaction));
  });
  client.on(Events.MessageCreate, (message) => {
    if (!lifecycle.accepting) return logger.debug({ dm: message.id }, 'shutting down: message ignored');
    dmChannels.used(message.channel);
    void lifecycle.run(() => onMessage(ctx, cooldown, message));
  });
  client.once(Events.ClientReady, (c) => logger.info({ user: c.user.tag, guilds: c.guilds.cache.size }, 'bot ready'));
  client.on(Events.Error, (err) => logger.error({ err }, 'client error'));
  client.on(Events.Warn, (message) => logger.warn(message));
  client.on(Events.ShardResume, (shard, replayed) => logger.info({ shard, replayed }, 'gateway session resumed'));
  client.on(Events.ShardReconnecting, (shard) => logger.info({ shard }, 'gateway reconnecting'));
  // discord.js waits out a 429 and retries a 5xx by itself; the log keeps a trace of both, so a
  // struggling Discord is visible before it turns into failures. Paths are scrubbed: for
  // interactions they contain the interaction token.
  client.rest.on(RESTEvents.Response, (request, response) => {
    if (response.status === 429) {
      logger.warn(
        { path: scrub(request.path), method: request.method, retryAfter: response.headers.get('retry-after'), scope: response.headers.get('x-ratelimit-scope') },
        'rate limited by Discord; retrying',
      );
    } else if (response.status >= 500) {
      logger.warn({ path: scrub(request.path), method: request.method, status: response.status, attempt: request.retries + 1 }, 'Discord server error');
    }
  });
  client.rest.on(RESTEvents.RateLimited, (info) =>
    logger.debug({ route: scrub(info.route), method: info.method, waitMs: info.timeToReset, global: info.global }, 'waiting for a Discord rate limit'),
  );
  return client;
}

async function onInteraction(ctx: BotContext, cooldown: Cooldown, interaction: Interaction): Promise<void> {
  if (interaction.isAutocomplete()) {
    // An autocomplete cannot show an error; an empty list is the honest fallback.
    try {
      await suggest(ctx, interaction);
    } catch (err) {
      ctx.logger.error({ err, command: interaction.commandName }, 'autocomplete failed');
      await respond({ autocomplete: interaction }, []).catch(() => {});
    }
    return;
  }
  // Only what the bot answers counts toward the limit.
  if (!interaction.isChatInputCommand() && !interaction.isButton() && !interaction.isMessageContextMenuCommand()) return;
  const verdict = cooldown.take(interaction.user.id);
  if (!verdict.ok) {
    ctx.logger.debug({ interaction: interaction.id, user: interaction.user.id }, 'cooldown: refused');
    await guard(ctx, { cooldown: interaction.id }, () => respond({ interaction }, renderNotice(cooldownNotice(verdict.retryAt))), async () => {});
    return;
  }
  if (interaction.isChatInputCommand()) {
    const what = { command: interaction.commandName, interaction: interaction.id };
    await guard(ctx, what, () => executeCommand(ctx, interaction), (p) => respond({ interaction }, p));
  } else if (interaction.isMessageContextMenuCommand()) {
    const what = { command: interaction.commandName, interaction: interaction.id };
    await guard(ctx, what, () => executeMessageCommand(ctx, interaction), (p) => respond({ interaction }, p));
  } else if (interaction.isButton()) {
    const what = { button: interaction.customId, interaction: interaction.id };
    await guard(ctx, what, () => executeButton(ctx, interaction), (p) => respond({ interaction }, p));
  }
}

async function onMessage(ctx: BotContext, cooldown: Cooldown, message: Message): Promise<void> {
  // Only DMs from people: the bot's own messages come back through the gateway too.
  if (message.inGuild() || message.author.bot || message.author.id === message.client.user.id) return;
  const channel = message.channel;
  const verdict = cooldown.take(message.author.id);
  if (!verdict.ok) {
    ctx.logger.debug({ dm: message.id, user: message.author.id }, 'cooldown: refused');
    // Told once per run of refusals: answering every message of a flood would be a flood too.
    if (!verdict.firstRefusal || !channel.isSendable()) return;
    await guard(ctx, { cooldown: message.id }, () => respond({ channel, nonce: message.id }, renderNotice(cooldownNotice(verdict.retryAt))), async () => {});
    return;
  }
  await guard(
    ctx,
    { dm: message.id },
    () => answerDm(ctx, message),
    async (p) => {
      if (channel.isSendable()) await respond({ channel, nonce: message.id }, p);
    },
  );
}

/**
 * Logs in; resolves once the client is ready. On failure the client is destroyed before the error
 * is passed on, so nothing it started (sockets, timers) keeps the process alive.
 */
export async function startBot(options: BotOptions & { token: string }): Promise<Client<true>> {
  const client = createBot(options);
  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  try {
    await client.login(options.token);
  } catch (err) {
    await client.destroy().catch(() => {});
    throw err;
  }
  return ready;
}

/** Why a login failed, in one line for the operator: never the token, never a stack trace. */
export function loginFailure(err: unknown): string {
  const code = (err as { code?: unknown })?.code;
  if (code === 'TokenInvalid' || (err instanceof DiscordAPIError && err.status === 401)) {
    return 'Discord refused the token (DISCORD_TOKEN): reset it on the Bot page of the Developer Portal and put the new one in .env.';
  }
  const cause = (err as { cause?: { code?: unknown } })?.cause?.code ?? code;
  if (typeof cause === 'string' && /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET|EHOSTUNREACH|ENETUNREACH|UND_ERR_\w+)$/.test(cause)) {
    return `Discord could not be reached (${cause}): check the network connection (and DISCORD_API_URL if it is set).`;
  }
  if (err instanceof Error && err.name === 'AbortError') return 'Discord did not answer in time: check the network connection (and DISCORD_API_URL if it is set).';
  return scrub(err instanceof Error ? err.message : String(err));
}

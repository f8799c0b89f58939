/**
 * The discord.js client and its two listeners. Minimal intents: Guilds (server and channel cache)
 * and DirectMessages (DM text arrives without the privileged MessageContent intent). With no
 * GuildMessages intent the bot never receives ordinary server messages at all.
 */
import { Client, Events, GatewayIntentBits, Partials, type ClientOptions, type Interaction, type Message } from 'discord.js';
import { executeButton } from './buttons.js';
import type { BotContext } from './context.js';
import { answerDm } from './dm.js';
import { guard } from './guard.js';
import { respond } from './respond.js';
import { executeCommand, suggest } from './slash.js';

export interface BotOptions extends BotContext {
  /** Overrides for tests (e.g. `rest.api` pointing at a fake Discord). */
  clientOptions?: Partial<ClientOptions>;
}

export function createBot({ engine, logger, clientOptions }: BotOptions): Client {
  const ctx: BotContext = { engine, logger };
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.DirectMessages],
    // DM channels are not cached before their first message arrives; without this the event is dropped.
    partials: [Partials.Channel],
    ...clientOptions,
  });

  client.on(Events.InteractionCreate, (interaction) => void onInteraction(ctx, interaction));
  client.on(Events.MessageCreate, (message) => void onMessage(ctx, message));
  client.once(Events.ClientReady, (c) => logger.info({ user: c.user.tag, guilds: c.guilds.cache.size }, 'bot ready'));
  client.on(Events.Error, (err) => logger.error({ err }, 'client error'));
  client.on(Events.Warn, (message) => logger.warn(message));
  return client;
}

async function onInteraction(ctx: BotContext, interaction: Interaction): Promise<void> {
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
  if (interaction.isChatInputCommand()) {
    const what = { command: interaction.commandName, interaction: interaction.id };
    await guard(ctx, what, () => executeCommand(ctx, interaction), (p) => respond({ interaction }, p));
  } else if (interaction.isButton()) {
    const what = { button: interaction.customId, interaction: interaction.id };
    await guard(ctx, what, () => executeButton(ctx, interaction), (p) => respond({ interaction }, p));
  }
}

async function onMessage(ctx: BotContext, message: Message): Promise<void> {
  // Only DMs from people: the bot's own messages come back through the gateway too.
  if (message.inGuild() || message.author.bot || message.author.id === message.client.user.id) return;
  const channel = message.channel;
  await guard(
    ctx,
    { dm: message.id },
    () => answerDm(ctx, message),
    async (p) => {
      if (channel.isSendable()) await respond({ channel }, p);
    },
  );
}

/** Logs in; resolves once the client is ready. */
export async function startBot(options: BotOptions & { token: string }): Promise<Client<true>> {
  const client = createBot(options);
  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  await client.login(options.token);
  return ready;
}

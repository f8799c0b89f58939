import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REST } from 'discord.js';
import { CHECK_MESSAGE_COMMAND, commandDefinitions, messageCommandDefinitions } from '../../src/bot/commands.js';
import { registerCommands } from '../../src/bot/register.js';
import { APPLICATION_ID, FakeDiscord } from '../fake-discord/fake-discord.js';
import { GUILD_ID } from '../fake-discord/payloads.js';

let fake: FakeDiscord;
let rest: REST;
beforeEach(async () => {
  fake = await FakeDiscord.start();
  rest = new REST({ api: fake.apiUrl, retries: 0 }).setToken('fake-token-for-tests');
});
afterEach(async () => {
  await fake.stop();
});

const GUILD_COMMANDS = `/applications/${APPLICATION_ID}/guilds/${GUILD_ID}/commands`;
const GLOBAL_COMMANDS = `/applications/${APPLICATION_ID}/commands`;

describe('npm run register', () => {
  it('writes the commands the first time, then does not write when nothing changed', async () => {
    const first = await registerCommands(rest, { applicationId: APPLICATION_ID, guildId: GUILD_ID });
    expect(first).toEqual({ changed: true, scope: `guild ${GUILD_ID}`, count: commandDefinitions.length + messageCommandDefinitions.length });
    const [put] = fake.requestsTo('PUT', GUILD_COMMANDS);
    expect(put!.body.map((c: any) => c.name)).toEqual(['who', 'when', 'quote', 'ask', 'check', 'timeline', 'sources', 'help', CHECK_MESSAGE_COMMAND]);
    // The message command (Apps → Check in sources) is registered with the others, as type 3.
    expect(put!.body.find((c: any) => c.name === CHECK_MESSAGE_COMMAND).type).toBe(3);
    // Guild commands carry no contexts or integration_types (Discord drops them; global only).
    for (const c of put!.body) {
      expect(c).not.toHaveProperty('contexts');
      expect(c).not.toHaveProperty('integration_types');
    }

    // Discord echoes them back with ids, versions and defaults filled in: still "the same".
    const second = await registerCommands(rest, { applicationId: APPLICATION_ID, guildId: GUILD_ID });
    expect(second.changed).toBe(false);
    expect(fake.requestsTo('PUT', GUILD_COMMANDS)).toHaveLength(1);
    expect(fake.requestsTo('GET', GUILD_COMMANDS)).toHaveLength(2);
  });

  it('two runs against a guild write once, though Discord drops contexts and integration_types there', async () => {
    // Even a declaration that did carry them: the fake, like Discord, stores the guild commands without.
    await rest.put(GUILD_COMMANDS, { body: [...commandDefinitions, ...messageCommandDefinitions] });
    expect(fake.commands.get(GUILD_ID)!.every((c) => !('contexts' in c) && !('integration_types' in c))).toBe(true);
    fake.requests.length = 0;
    const first = await registerCommands(rest, { applicationId: APPLICATION_ID, guildId: GUILD_ID });
    const second = await registerCommands(rest, { applicationId: APPLICATION_ID, guildId: GUILD_ID });
    expect(first.changed).toBe(false);
    expect(second.changed).toBe(false);
    expect(fake.requestsTo('PUT', GUILD_COMMANDS)).toHaveLength(0);
  });

  it('writes again when what is registered differs from the declaration', async () => {
    await registerCommands(rest, { applicationId: APPLICATION_ID, guildId: GUILD_ID });
    const registered = fake.commands.get(GUILD_ID)!;
    fake.commands.set(GUILD_ID, registered.map((c) => (c.name === 'who' ? { ...c, description: 'an older description' } : c)));
    const again = await registerCommands(rest, { applicationId: APPLICATION_ID, guildId: GUILD_ID });
    expect(again.changed).toBe(true);
    expect(fake.requestsTo('PUT', GUILD_COMMANDS)).toHaveLength(2);
  });

  it('writes when a command is missing, and registers globally without a guild id', async () => {
    const first = await registerCommands(rest, { applicationId: APPLICATION_ID });
    expect(first.scope).toBe('global');
    // Usable in servers, DMs with the bot and private channels; installable to servers and users.
    for (const c of fake.requestsTo('PUT', GLOBAL_COMMANDS)[0]!.body) {
      expect(c.contexts).toEqual([0, 1, 2]);
      expect(c.integration_types).toEqual([0, 1]);
    }
    fake.commands.set('global', fake.commands.get('global')!.filter((c) => c.name !== 'help'));
    expect((await registerCommands(rest, { applicationId: APPLICATION_ID })).changed).toBe(true);
    expect((await registerCommands(rest, { applicationId: APPLICATION_ID })).changed).toBe(false);
    expect(fake.requestsTo('PUT', GLOBAL_COMMANDS)).toHaveLength(2);
    expect(fake.requestsTo('PUT', GUILD_COMMANDS)).toHaveLength(0);
  });
});

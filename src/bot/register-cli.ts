/** `npm run register`: registers the slash commands (to DISCORD_GUILD_ID if set, else globally). */
import { config as loadDotenv } from 'dotenv';
import { REST, Routes, type APIApplication } from 'discord.js';
import { ConfigError, loadConfig } from '../config.js';
import { registerCommands } from './register.js';

async function main(): Promise<number> {
  loadDotenv({ quiet: true });
  const config = loadConfig();
  if (!config.token) {
    console.error('DISCORD_TOKEN is not set: put the bot token in .env (see .env.example) to register commands.');
    return 1;
  }
  const rest = new REST(config.apiUrl ? { api: config.apiUrl } : {}).setToken(config.token);
  const applicationId = config.clientId ?? ((await rest.get(Routes.currentApplication())) as APIApplication).id;
  const result = await registerCommands(rest, { applicationId, ...(config.guildId ? { guildId: config.guildId } : {}) });
  const where = result.scope === 'global' ? 'globally' : `to ${result.scope}`;
  console.log(result.changed ? `Registered ${result.count} commands ${where}.` : `Commands already up to date ${where} (${result.count}); nothing written.`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // Configuration mistakes and Discord's refusals are for the operator, without a stack trace.
    const message = err instanceof ConfigError ? err.message : `Registration failed: ${err instanceof Error ? err.message : String(err)}`;
    console.error(message);
    process.exitCode = 1;
  },
);

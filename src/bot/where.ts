/** Facts about where an interaction happened that decide what the bot offers there. */
import type { BaseInteraction } from 'discord.js';

/**
 * Pinning needs the bot in the server: true only when the app is installed to this very server.
 * (A user-installed app used in someone else's server has no bot member there to pin with.)
 */
export function botCanPinHere(interaction: BaseInteraction): boolean {
  return interaction.inGuild() && interaction.authorizingIntegrationOwners.guildId === interaction.guildId;
}

/** Facts about where an interaction happened that decide what the bot offers there. */
import { PermissionFlagsBits, type BaseInteraction } from 'discord.js';

/**
 * Since 23 February 2026 pinning needs Pin Messages; Manage Messages alone no longer pins
 * (Discord's change log of 24 November 2025). Both the bot and the member asking need it.
 */
export const PIN_PERMISSION = PermissionFlagsBits.PinMessages;

/**
 * Whether the bot itself may pin where this interaction happened: the app is installed to this very
 * server (a user-installed app used in someone else's server has no bot member there to pin with),
 * the interaction names its channel, and Discord says the bot has Pin Messages in it
 * (`app_permissions`, computed by Discord for this channel and sent with every interaction).
 */
export function botCanPinHere(interaction: BaseInteraction): boolean {
  return botInstalledHere(interaction) && interaction.channelId !== null && Boolean(interaction.appPermissions?.has(PIN_PERMISSION));
}

/** The app is installed to the server the interaction happened in (so it has a bot member there). */
export function botInstalledHere(interaction: BaseInteraction): boolean {
  return interaction.guildId !== null && interaction.authorizingIntegrationOwners.guildId === interaction.guildId;
}

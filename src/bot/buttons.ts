/** The answer buttons: Context, More and Pin. Their state comes from the custom id and the message. */
import { DiscordAPIError, MessageFlags, PermissionFlagsBits, RESTJSONErrorCodes, Routes, type ButtonInteraction } from 'discord.js';
import type { BotContext } from './context.js';
import { decodeButton } from './custom-ids.js';
import { readFooterState, renderAnswer, renderContext, renderNotice } from './render.js';
import { inTime, respond } from './respond.js';
import { botCanPinHere } from './where.js';

/** Either permission lets a member pin: Pin Messages is the newer, narrower one. */
const MAY_PIN = [PermissionFlagsBits.ManageMessages, PermissionFlagsBits.PinMessages];

export const NOTICES = {
  stale: 'This button belongs to an older version of the bot. Ask the question again to get a fresh answer.',
  contextGone: 'That paragraph is no longer in the sources (they may have changed since this answer). Ask again for a fresh answer.',
  pinOnlyInServers: 'Pinning works in servers only.',
  pinPrivate: 'Private answers cannot be pinned.',
  pinRefused:
    'Only members who may pin messages in this channel (Manage Messages or Pin Messages permission) can pin answers. Ask a moderator if this one should be pinned.',
  alreadyPinned: 'This answer is already pinned.',
  botCannotPin:
    'I could not pin it: I lack the Pin Messages (or Manage Messages) permission in this channel. A server admin can grant it to my role, then try again.',
  tooManyPins: 'I could not pin it: this channel already has the most pins Discord allows. Unpin something first.',
  pinned: 'Pinned. The audit log records that you asked for it.',
} as const;

export async function executeButton(ctx: BotContext, interaction: ButtonInteraction): Promise<void> {
  const since = performance.now();
  const state = decodeButton(interaction.customId);
  if (!state) {
    await respond({ interaction }, renderNotice(NOTICES.stale));
    return;
  }
  switch (state.kind) {
    case 'context': {
      const found = ctx.engine.paragraphContext(state.articleId, state.paragraph, 1);
      await respond({ interaction }, found ? renderContext(found.article, found.paragraphs, state.paragraph) : renderNotice(NOTICES.contextGone));
      return;
    }
    case 'more': {
      const footer = interaction.message.embeds[0]?.footer?.text ?? '';
      const request = readFooterState(footer, state.command, state.queryLength, state.aboutLength);
      if (!request) {
        await respond({ interaction }, renderNotice(NOTICES.stale));
        return;
      }
      // The next page is as visible as the answer it continues.
      const ephemeral = interaction.message.flags.has(MessageFlags.Ephemeral);
      const answer = await inTime(interaction, Promise.resolve().then(() => ctx.engine.answer({ command: state.command, ...request, page: state.page })), {
        ephemeral,
        since,
        expectedMs: ctx.engine.expectedWaitMs?.() ?? 0,
      });
      await respond(
        { interaction },
        renderAnswer(answer, { pinnable: botCanPinHere(interaction), ephemeral, articleCount: ctx.engine.articles().length }),
      );
      return;
    }
    case 'pin':
      await pin(ctx, interaction);
      return;
  }
}

async function pin(ctx: BotContext, interaction: ButtonInteraction): Promise<void> {
  if (!interaction.inGuild()) return respond({ interaction }, renderNotice(NOTICES.pinOnlyInServers));
  // Permissions as Discord computed them for this member in this channel (sent with the
  // interaction), never anything the client claims.
  if (!interaction.memberPermissions.any(MAY_PIN)) return respond({ interaction }, renderNotice(NOTICES.pinRefused));
  if (interaction.message.flags.has(MessageFlags.Ephemeral)) return respond({ interaction }, renderNotice(NOTICES.pinPrivate));
  if (interaction.message.pinned) return respond({ interaction }, renderNotice(NOTICES.alreadyPinned));

  const who = interaction.user;
  try {
    await interaction.client.rest.put(Routes.channelMessagesPin(interaction.channelId, interaction.message.id), {
      reason: `Pinned via the answer's Pin button, at the request of ${who.username} (${who.id})`,
    });
  } catch (err) {
    if (err instanceof DiscordAPIError) {
      if (err.code === RESTJSONErrorCodes.MissingPermissions || err.code === RESTJSONErrorCodes.MissingAccess) {
        // The server's setup is wrong, not the bot: a warning an operator can act on, with where.
        ctx.logger.warn(
          { code: err.code, guild: interaction.guildId, channel: interaction.channelId, message: interaction.message.id, user: who.id },
          'cannot pin: the bot lacks the permission in this channel',
        );
        return respond({ interaction }, renderNotice(NOTICES.botCannotPin));
      }
      if (err.code === RESTJSONErrorCodes.MaximumNumberOfPinsReachedForTheChannel) {
        return respond({ interaction }, renderNotice(NOTICES.tooManyPins));
      }
    }
    throw err;
  }
  await respond({ interaction }, renderNotice(NOTICES.pinned));
}

/** The answer buttons: Context, More and Pin. Their state comes from the custom id and the message. */
import { DiscordAPIError, MessageFlags, RESTJSONErrorCodes, Routes, type ButtonInteraction } from 'discord.js';
import type { ParagraphView } from '../answers/engine.js';
import type { BotContext } from './context.js';
import { share } from './check.js';
import { decodeButton, fingerprint } from './custom-ids.js';
import { readRequest, renderAnswer, renderContext, renderNotice } from './render.js';
import { inTime, respond } from './respond.js';
import { botCanPinHere, botInstalledHere, PIN_PERMISSION } from './where.js';

export const NOTICES = {
  stale: 'This button belongs to an older version of the bot. Ask the question again to get a fresh answer.',
  contextGone: 'That paragraph is no longer in the sources (they may have changed since this answer). Ask again for a fresh answer.',
  passageChanged: 'The passage this answer cited has changed in its article since (the article was edited). Ask again for a fresh answer.',
  pinOnlyInServers: 'Pinning works only in servers where the bot itself is installed.',
  pinNoChannel: 'I cannot tell which channel this answer is in, so I cannot pin it from here.',
  pinNoPermissions: 'I cannot tell whether you may pin messages here, so I will not pin it. Ask a moderator if this one should be pinned.',
  pinPrivate: 'Private answers cannot be pinned.',
  pinRefused:
    'Only members with the Pin Messages permission in this channel can pin answers. Ask a moderator if this one should be pinned.',
  alreadyPinned: 'This answer is already pinned.',
  botCannotPin:
    'I cannot pin here: I lack the Pin Messages permission in this channel. A server admin can grant Pin Messages to my role (or in this channel), then try again.',
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
      if (!found) return respond({ interaction }, renderNotice(NOTICES.contextGone));
      // After an edit, the paragraph now numbered so may be another one: it is shown as the cited
      // one only if it still holds the cited passage, word for word.
      const paragraph = found.paragraphs.find((p) => p.n === state.paragraph)!;
      const ok = holdsPassage(paragraph, state);
      await respond({ interaction }, ok ? renderContext(found.article, found.paragraphs, state.paragraph) : renderNotice(NOTICES.passageChanged));
      return;
    }
    case 'more': {
      const embed = interaction.message.embeds[0];
      const request = readRequest(embed?.title ?? '', embed?.footer?.text ?? '', state.command, state.queryLength, state.aboutLength);
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
    case 'share':
      await share(ctx, interaction, state);
      return;
  }
}

/** Longest paragraph searched for a passage that moved within it (a hash per position). */
const MAX_SEARCHED_PARAGRAPH = 20_000;

/**
 * Whether a paragraph holds the passage a Context button cited: where it was, or (after an edit
 * earlier in the article shifted the offsets) anywhere else in the paragraph.
 */
function holdsPassage(paragraph: ParagraphView, cited: { start: number; length: number; fingerprint: string }): boolean {
  const at = cited.start - paragraph.start;
  const matches = (from: number) => fingerprint(paragraph.text.slice(from, from + cited.length)) === cited.fingerprint;
  if (at >= 0 && at + cited.length <= paragraph.text.length && matches(at)) return true;
  if (paragraph.text.length > MAX_SEARCHED_PARAGRAPH) return false;
  for (let from = 0; from + cited.length <= paragraph.text.length; from++) if (matches(from)) return true;
  return false;
}

async function pin(ctx: BotContext, interaction: ButtonInteraction): Promise<void> {
  // Some contexts (and some Discord-compatible servers) leave out the member, its permissions or
  // the channel: each is a polite refusal, never a guess.
  if (!botInstalledHere(interaction)) return respond({ interaction }, renderNotice(NOTICES.pinOnlyInServers));
  const channelId = interaction.channelId;
  if (!channelId) return respond({ interaction }, renderNotice(NOTICES.pinNoChannel));
  // Permissions as Discord computed them for this member in this channel (sent with the
  // interaction), never anything the client claims.
  const member = interaction.memberPermissions as ButtonInteraction['memberPermissions'] | null;
  if (!member) return respond({ interaction }, renderNotice(NOTICES.pinNoPermissions));
  if (!member.has(PIN_PERMISSION)) return respond({ interaction }, renderNotice(NOTICES.pinRefused));
  if (interaction.message.flags.has(MessageFlags.Ephemeral)) return respond({ interaction }, renderNotice(NOTICES.pinPrivate));
  if (interaction.message.pinned) return respond({ interaction }, renderNotice(NOTICES.alreadyPinned));
  // The bot's own permission, as Discord computed it for this channel: asking Discord to pin
  // without it would only fail.
  if (!botCanPinHere(interaction)) {
    logCannotPin(ctx, interaction, { source: 'app_permissions' });
    return respond({ interaction }, renderNotice(NOTICES.botCannotPin));
  }

  const who = interaction.user;
  try {
    await interaction.client.rest.put(Routes.channelMessagesPin(channelId, interaction.message.id), {
      reason: `Pinned via the answer's Pin button, at the request of ${who.username} (${who.id})`,
    });
  } catch (err) {
    if (err instanceof DiscordAPIError) {
      if (err.code === RESTJSONErrorCodes.MissingPermissions || err.code === RESTJSONErrorCodes.MissingAccess) {
        logCannotPin(ctx, interaction, { code: err.code });
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

/** The server's setup is wrong, not the bot: a warning an operator can act on, with where. */
function logCannotPin(ctx: BotContext, interaction: ButtonInteraction, why: { code: number | string } | { source: string }): void {
  ctx.logger.warn(
    { ...why, guild: interaction.guildId, channel: interaction.channelId, message: interaction.message.id, user: interaction.user.id },
    'cannot pin: the bot lacks Pin Messages in this channel',
  );
}

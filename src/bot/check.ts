/**
 * Checking what people post: the "Check in sources" message command and the Share button of its
 * private answer. The answer is the engine's `check`; this module only finds the claim in the message
 * and decides who sees the result.
 */
import { PermissionFlagsBits, type ButtonInteraction, type MessageContextMenuCommandInteraction } from 'discord.js';
import { MAX_QUERY_LENGTH } from '../answers/query.js';
import type { BotContext } from './context.js';
import type { ButtonState } from './custom-ids.js';
import { escapeUserText } from './escape.js';
import { readRequest, renderAnswer, renderNotice } from './render.js';
import { respond } from './respond.js';
import { botCanPinHere } from './where.js';

export const CHECK_NOTICES = {
  noText: 'That message has no text I can check: only its words are checked, not images, embeds or attachments.',
  shareRefused: 'Only members who may send messages in this channel can share an answer here.',
  stale: 'This button belongs to an older version of the bot. Check the message again to get a fresh answer.',
} as const;

/** The claim in a message: its words without mentions, custom emoji and links, cut to a query's length at a sentence or word end. */
export function claimOf(content: string): string {
  const text = content
    .replace(/<(?:@[!&]?|#)\d+>|<a?:\w+:\d+>|https?:\/\/\S+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length <= MAX_QUERY_LENGTH) return text;
  const head = text.slice(0, MAX_QUERY_LENGTH);
  const sentence = head.search(/[.!?](?=[^.!?]*$)/);
  if (sentence > MAX_QUERY_LENGTH / 3) return head.slice(0, sentence + 1);
  const space = head.lastIndexOf(' ');
  return space > 0 ? head.slice(0, space) : head;
}

/** Apps → Check in sources: a private answer with a Share button. */
export async function checkMessage(ctx: BotContext, interaction: MessageContextMenuCommandInteraction): Promise<void> {
  const claim = claimOf(interaction.targetMessage.content ?? '');
  if (!/[\p{L}\p{N}]/u.test(claim)) {
    await respond({ interaction }, renderNotice(CHECK_NOTICES.noText));
    return;
  }
  const answer = await ctx.engine.answer({ command: 'check', query: claim });
  await respond({ interaction }, renderAnswer(answer, { pinnable: false, ephemeral: true, shareable: true, articleCount: ctx.engine.articles().length }));
}

/**
 * Share: the same answer, posted publicly in the channel as a reply to the click, for a member who
 * may send messages there. It is computed again from the request the message states (button state lives
 * in the message), so it carries the Pin button like any public answer.
 */
export async function share(ctx: BotContext, interaction: ButtonInteraction, state: Extract<ButtonState, { kind: 'share' }>): Promise<void> {
  if (interaction.inGuild()) {
    const inThread = interaction.channel?.isThread() ?? false;
    const may = interaction.memberPermissions.has(inThread ? PermissionFlagsBits.SendMessagesInThreads : PermissionFlagsBits.SendMessages);
    if (!may) return respond({ interaction }, renderNotice(CHECK_NOTICES.shareRefused));
  }
  const embed = interaction.message.embeds[0];
  const request = readRequest(embed?.title ?? '', embed?.footer?.text ?? '', state.command, state.queryLength, state.aboutLength);
  if (!request) return respond({ interaction }, renderNotice(CHECK_NOTICES.stale));
  const answer = await ctx.engine.answer({ command: state.command, ...request });
  const payload = renderAnswer(answer, { pinnable: botCanPinHere(interaction), articleCount: ctx.engine.articles().length });
  const who = interaction.member && 'displayName' in interaction.member ? interaction.member.displayName : interaction.user.displayName;
  await respond({ interaction }, { ...payload, content: `Shared by ${escapeUserText(who)}:` });
}

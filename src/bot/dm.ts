/**
 * Plain messages in a DM with the bot. The engine routes free questions itself ("who is…",
 * "when was…", "what did X say about Y"), so a DM is an /ask; what cannot be a question gets the help.
 */
import type { Message } from 'discord.js';
import { UserInputError } from '../answers/types.js';
import type { BotContext } from './context.js';
import { renderAnswer, renderDmHelp } from './render.js';
import { respond } from './respond.js';

const GREETING = /^[\s/]*(help|hi|hello|hey|start|\?)[\s!.?]*$/i;
/** "is it true that ...", "fact check: ...": a claim to check rather than a question. */
const CLAIM = /^\s*(?:(?:is|was) it (?:really )?true(?: that)?|fact[- ]?check:?|check:?|true or false:?)\s+(.+?)[\s?]*$/is;

export async function answerDm(ctx: BotContext, message: Message): Promise<void> {
  if (!message.channel.isSendable()) return;
  // The reply's nonce is the question's id: one reply per question, however often a send is retried.
  const target = { channel: message.channel, nonce: message.id };
  const text = message.content.trim();
  if (!text || GREETING.test(text)) {
    await respond(target, renderDmHelp());
    return;
  }
  let answer;
  try {
    const claim = CLAIM.exec(text)?.[1];
    answer = await ctx.engine.answer(claim ? { command: 'check', query: claim } : { command: 'ask', query: text });
  } catch (err) {
    if (err instanceof UserInputError) {
      await respond(target, renderDmHelp(err.message));
      return;
    }
    throw err;
  }
  await respond(target, renderAnswer(answer, { pinnable: false, articleCount: ctx.engine.articles().length }));
}

/**
 * The wrapper every handler runs in: a handler may throw, the wrapper never does. It sorts what was
 * thrown into the user's mistake (shown, not logged), an interaction Discord no longer accepts
 * (logged quietly) and real faults (logged, and the user gets a generic apology: never the error text).
 */
import { DiscordAPIError, RESTJSONErrorCodes } from 'discord.js';
import { UserInputError } from '../answers/types.js';
import type { BotContext } from './context.js';
import { escapeUserText } from './escape.js';
import { renderNotice, type MessagePayload } from './render.js';

export const APOLOGY = 'Sorry, something went wrong on my side. It has been logged; please try again in a moment.';

export async function guard(
  ctx: BotContext,
  what: Record<string, unknown>,
  execute: () => Promise<void>,
  reply: (payload: MessagePayload) => Promise<void>,
): Promise<void> {
  try {
    await execute();
    return;
  } catch (err) {
    if (err instanceof UserInputError) {
      ctx.logger.debug({ ...what, code: err.code }, 'user input refused');
      await safely(ctx, what, () => reply(renderNotice(escapeUserText(err.message))));
      return;
    }
    if (err instanceof DiscordAPIError && err.code === RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged) {
      // A retried callback whose first attempt reached Discord (only its response was lost): the
      // reply was delivered. Nothing to apologise for, nothing to send again.
      ctx.logger.debug({ ...what, code: err.code }, 'reply already delivered (the response to the first attempt was lost)');
      return;
    }
    if (err instanceof DiscordAPIError && err.code === RESTJSONErrorCodes.UnknownInteraction) {
      // The 3-second window passed or another process answered: there is nobody left to tell.
      ctx.logger.warn({ ...what, code: err.code }, 'interaction expired before the reply');
      return;
    }
    ctx.logger.error({ ...what, err }, 'handler failed');
    await safely(ctx, what, () => reply(renderNotice(APOLOGY)));
  }
}

async function safely(ctx: BotContext, what: Record<string, unknown>, send: () => Promise<void>): Promise<void> {
  try {
    await send();
  } catch (err) {
    ctx.logger.error({ ...what, err }, 'could not send the reply');
  }
}

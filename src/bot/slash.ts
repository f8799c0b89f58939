/** Slash commands and autocomplete: read the options, ask the engine, render, respond. */
import type { AutocompleteInteraction, ChatInputCommandInteraction, MessageContextMenuCommandInteraction } from 'discord.js';
import type { AnswerRequest } from '../answers/types.js';
import { checkMessage } from './check.js';
import { CHECK_MESSAGE_COMMAND, isSlashCommandName, readOptions } from './commands.js';
import type { BotContext } from './context.js';
import { renderAnswer, renderHelp, renderNotice, renderSources } from './render.js';
import { inTime, respond } from './respond.js';
import { botCanPinHere } from './where.js';

export async function executeCommand(ctx: BotContext, interaction: ChatInputCommandInteraction): Promise<void> {
  const name = interaction.commandName;
  if (!isSlashCommandName(name)) {
    // A command registered by an older version of the bot.
    await respond({ interaction }, renderNotice('I no longer know that command. `/help` lists the ones I have.'));
    return;
  }
  switch (name) {
    case 'who': {
      const o = readOptions('who', interaction);
      return answer(ctx, interaction, { command: 'who', query: o.name }, o.private);
    }
    case 'when': {
      const o = readOptions('when', interaction);
      return answer(ctx, interaction, { command: 'when', query: o.event }, o.private);
    }
    case 'quote': {
      const o = readOptions('quote', interaction);
      return answer(ctx, interaction, { command: 'quote', query: o.speaker, ...(o.about ? { about: o.about } : {}) }, o.private);
    }
    case 'ask': {
      const o = readOptions('ask', interaction);
      return answer(ctx, interaction, { command: 'ask', query: o.question }, o.private);
    }
    case 'check': {
      const o = readOptions('check', interaction);
      return answer(ctx, interaction, { command: 'check', query: o.claim }, o.private);
    }
    case 'timeline': {
      const o = readOptions('timeline', interaction);
      return answer(ctx, interaction, { command: 'timeline', query: o.topic ?? '' }, o.private);
    }
    case 'sources':
      return respond({ interaction }, renderSources(ctx.engine.articles(), (a) => paragraphCount(ctx, a.id)));
    case 'help':
      return respond({ interaction }, renderHelp());
  }
}

/** Message commands (Apps menu on a message). */
export async function executeMessageCommand(ctx: BotContext, interaction: MessageContextMenuCommandInteraction): Promise<void> {
  if (interaction.commandName === CHECK_MESSAGE_COMMAND) return checkMessage(ctx, interaction);
  await respond({ interaction }, renderNotice('I no longer know that command. `/help` lists the ones I have.'));
}

async function answer(ctx: BotContext, interaction: ChatInputCommandInteraction, request: AnswerRequest, isPrivate = false): Promise<void> {
  const since = performance.now();
  const expectedMs = ctx.engine.expectedWaitMs?.() ?? 0;
  // Deferred when slow (a large corpus, a busy pool); a user mistake still throws as it would here.
  const result = await inTime(interaction, Promise.resolve().then(() => ctx.engine.answer(request)), { ephemeral: isPrivate, since, expectedMs });
  await respond(
    { interaction },
    renderAnswer(result, { pinnable: botCanPinHere(interaction), ephemeral: isPrivate, articleCount: ctx.engine.articles().length }),
  );
}

/** How many paragraphs an article has: all of them are the "context" of its first one. */
function paragraphCount(ctx: BotContext, articleId: string): number | undefined {
  return ctx.engine.paragraphContext(articleId, 1, Number.POSITIVE_INFINITY)?.paragraphs.length;
}

/** Suggestions for the options declared with `autocomplete: true`: people the corpus names. */
export async function suggest(ctx: BotContext, interaction: AutocompleteInteraction): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const wanted =
    (interaction.commandName === 'who' && focused.name === 'name') || (interaction.commandName === 'quote' && focused.name === 'speaker');
  const people = wanted ? ctx.engine.people(String(focused.value).trim(), 25) : [];
  await respond(
    { autocomplete: interaction },
    people.map((p) => ({ name: `${p.name} (${p.mentions} mention${p.mentions === 1 ? '' : 's'})`, value: p.name })),
  );
}

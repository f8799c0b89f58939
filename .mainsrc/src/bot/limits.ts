/** Discord's message limits, and the last-line check every outgoing payload goes through. */
import type { APIEmbed } from 'discord.js';
import { shorten } from './escape.js';

export const LIMITS = {
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  embedTotal: 6000,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
  customId: 100,
  buttonLabel: 80,
  buttonsPerRow: 5,
  rows: 5,
} as const;

/** Characters Discord counts toward the 6000 total of one embed. */
export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

/**
 * Brings an embed within every limit. Renderers already fit snippets without altering them; this
 * only trims our own text when a renderer got it wrong, so a bug can never make Discord reject a reply.
 */
export function fitEmbed(embed: APIEmbed): APIEmbed {
  const out: APIEmbed = { ...embed };
  if (out.title) out.title = shorten(out.title, LIMITS.embedTitle);
  if (out.description) out.description = shorten(out.description, LIMITS.embedDescription);
  if (out.footer) out.footer = { ...out.footer, text: shorten(out.footer.text, LIMITS.footerText) };
  if (out.author) out.author = { ...out.author, name: shorten(out.author.name, LIMITS.authorName) };
  if (out.fields) {
    out.fields = out.fields.slice(0, LIMITS.embedFields).map((f) => ({
      ...f,
      name: shorten(f.name, LIMITS.fieldName),
      value: shorten(f.value, LIMITS.fieldValue),
    }));
  }
  // Over the total: drop trailing fields first, then shorten the description.
  while (embedLength(out) > LIMITS.embedTotal && out.fields?.length) out.fields = out.fields.slice(0, -1);
  const excess = embedLength(out) - LIMITS.embedTotal;
  if (excess > 0 && out.description) out.description = shorten(out.description, out.description.length - excess);
  return out;
}

/** The 6000-character total applies to all embeds of a message together. */
export function fitEmbeds(embeds: APIEmbed[]): APIEmbed[] {
  const out: APIEmbed[] = [];
  let total = 0;
  for (const embed of embeds.slice(0, LIMITS.embeds).map(fitEmbed)) {
    if (total + embedLength(embed) > LIMITS.embedTotal) break;
    total += embedLength(embed);
    out.push(embed);
  }
  return out;
}

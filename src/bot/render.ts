/**
 * Pure rendering: answer objects in, Discord message payloads out. No I/O, no discord.js objects,
 * so every message the bot can send is testable against fixtures.
 *
 * Snippet text is never altered: it is escaped so Discord shows exactly its characters, spans the
 * engine marks may be bold, and when space runs out whole snippets are dropped; only a snippet that
 * cannot fit on its own is shown as an excerpt, cut at word boundaries and marked "…" and "excerpt".
 */
import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent, type APIEmbed } from 'discord.js';
import type { ParagraphView } from '../answers/engine.js';
import type { Answer, ArticleRef, CommandName, Snippet } from '../answers/types.js';
import { encodeButton, fingerprint } from './custom-ids.js';
import { cutText, escapedChars, escapeMarkdown, escapeUserText, footerSafe, fromFooter, shorten, unescapeUserText } from './escape.js';
import { LIMITS } from './limits.js';

export type ButtonRow = APIActionRowComponent<APIButtonComponent>;

/** What a front end asks the respond helper to send; limits and mentions are its job. */
export interface MessagePayload {
  content?: string;
  embeds?: APIEmbed[];
  components?: ButtonRow[];
  /** Only the person who asked sees it (sent as MessageFlags.Ephemeral). */
  ephemeral?: boolean;
}

export interface AnswerRenderOptions {
  /** Offer the Pin button: only on public messages in a server, where pinning means something. */
  pinnable: boolean;
  ephemeral?: boolean;
  /** Offer the Share button: a private answer that its reader may post publicly in the channel. */
  shareable?: boolean;
  /** How many articles the corpus holds, to say what an abstention searched. */
  articleCount: number;
}

const COLOR_ANSWER = 0x3b6ea5;
const COLOR_ABSTAIN = 0x8a8f98;
const COLOR_INFO = 0x5a6b7b;

/** Room kept free in the description for the "N more were too long" note. */
const NOTE_RESERVE = 120;

/** A no-break space, so "¶ 12" never wraps with the number alone on the next line. */
const NBSP = '\u00a0';
const para = (n: number) => `¶${NBSP}${n}`;

/**
 * The question as the title states it, in three literal parts around the user's words:
 * prefix + query + (about ? middle + about : '') + suffix.
 */
function titleParts(command: CommandName, hasAbout: boolean): [prefix: string, middle: string, suffix: string] {
  switch (command) {
    case 'who':
      return ['Who is ', '', '?'];
    case 'when':
      return ['When: ', '', ''];
    case 'quote':
      return hasAbout ? ['What did ', ' say about ', '?'] : ['What did ', '', ' say?'];
    case 'ask':
      return ['', '', ''];
    case 'check':
      return ['Check: ', '', ''];
    case 'timeline':
      return ['Timeline: ', '', ''];
  }
}

/** The title of the whole timeline (no topic): Discord would trim "Timeline: " to a shorter title. */
const WHOLE_TIMELINE = 'Timeline of the sources';

/** The title's words before escaping: the exact request, which the More button reads back. */
function titleText(command: CommandName, query: string, about?: string): string {
  if (command === 'timeline' && query === '') return WHOLE_TIMELINE;
  const [prefix, middle, suffix] = titleParts(command, about !== undefined);
  return `${prefix}${query}${about !== undefined ? middle + about : ''}${suffix}`;
}

/**
 * The title, and what of it did not fit. The title states the request; a request too long for a
 * title is cut between graphemes and words, marked "…", and its tail goes to the footer (so More
 * can still read the whole request back from the message, without the footer restating it).
 */
function splitTitle(plain: string): { title: string; tail: string } {
  if (escapeUserText(plain).length <= LIMITS.embedTitle) return { title: escapeUserText(plain), tail: '' };
  let head = cutText(plain, LIMITS.embedTitle - 1);
  for (let shown = escapeUserText(head); shown.length > LIMITS.embedTitle - 1; shown = escapeUserText(head)) {
    head = cutText(head, head.length - (shown.length - (LIMITS.embedTitle - 1)));
  }
  // Discord trims a title's trailing white space; the space belongs to the tail instead.
  head = head.trimEnd();
  return { title: `${escapeUserText(head)}…`, tail: plain.slice(head.length) };
}

export function questionTitle(command: CommandName, query: string, about?: string): string {
  return splitTitle(titleText(command, query, about)).title;
}

/** Marks a footer that starts with the rest of a title too long to show whole. */
const TAIL_MARK = '…';

/**
 * Reads the request back from an answer message's title and footer, given the lengths the More
 * id recorded (see custom-ids.ts). Undefined when the message does not hold it.
 */
export function readRequest(
  title: string,
  footer: string,
  command: CommandName,
  queryLength: number,
  aboutLength: number,
): { query: string; about?: string } | undefined {
  if (command === 'timeline' && queryLength === 0 && aboutLength === 0) return title === WHOLE_TIMELINE ? { query: '' } : undefined;
  const [prefix, middle, suffix] = titleParts(command, aboutLength > 0);
  const expected = prefix.length + queryLength + (aboutLength > 0 ? middle.length + aboutLength : 0) + suffix.length;
  const cut = footer.startsWith(TAIL_MARK);
  let plain = unescapeUserText(cut ? title.slice(0, -1) : title);
  if (cut) plain += fromFooter(footer.slice(TAIL_MARK.length)).slice(0, expected - plain.length);
  if (plain.length !== expected || !plain.startsWith(prefix) || !plain.endsWith(suffix)) return undefined;
  const inner = plain.slice(prefix.length, plain.length - suffix.length);
  const query = inner.slice(0, queryLength);
  if (aboutLength === 0) return { query };
  if (inner.slice(queryLength, queryLength + middle.length) !== middle) return undefined;
  return { query, about: inner.slice(queryLength + middle.length) };
}

/** The footer: the rest of a cut title, the command, the page, and how an /ask was answered. */
function footerText(answer: Answer, tail: string): string {
  const parts = [`/${answer.command}`];
  if (answer.page > 0) parts.push(`page ${answer.page + 1}`);
  if (answer.answeredAs !== answer.command) parts.push(`answered as /${answer.answeredAs}`);
  return `${tail ? `${TAIL_MARK}${footerSafe(tail)} · ` : ''}${parts.join(' · ')}`;
}

/**
 * "(untitled blog post)" is how the metadata marks a descriptive title for an article that has
 * none. /sources says so once; citations show the descriptive title alone.
 */
function citedTitle(article: ArticleRef): string {
  return article.title.replace(/\s*\(untitled[^()]*\)\s*$/i, '') || article.title;
}

function citation(article: ArticleRef, paragraph: number): string {
  const parts = [`*${escapeMarkdown(citedTitle(article))}*`, article.kind];
  if (article.outlet) parts.push(escapeMarkdown(article.outlet));
  if (article.date) parts.push(article.date);
  parts.push(para(paragraph));
  return parts.join(' · ');
}

/** Spans to bold, relative to the snippet text: the engine's person/date highlights and the /when date. */
function boldRanges(snippet: Snippet): [number, number][] {
  const spans: [number, number][] = snippet.highlights
    .filter((h) => h.label === 'person' || h.label === 'date')
    .map((h) => [h.start - snippet.start, h.end - snippet.start]);
  if (snippet.date) spans.push([snippet.date.start - snippet.start, snippet.date.end - snippet.start]);
  const valid = spans
    .map(([s, e]): [number, number] => [Math.max(0, s), Math.min(snippet.text.length, e)])
    // Bold cannot cross a line, and "** text**" would not render as bold.
    .filter(([s, e]) => e > s && !snippet.text.slice(s, e).includes('\n') && snippet.text.slice(s, e).trim() === snippet.text.slice(s, e))
    .sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const span of valid) {
    const last = merged.at(-1);
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([...span]);
  }
  return merged;
}

/** `text[from, to)` escaped, with the bold spans that fall inside it. */
function markup(text: string, bold: [number, number][], from = 0, to = text.length): string {
  const chars = escapedChars(text);
  let out = '';
  let i = from;
  for (const [s0, e0] of bold) {
    const s = Math.max(s0, from);
    const e = Math.min(e0, to);
    if (e <= s) continue;
    out += chars.slice(i, s).join('') + `**${chars.slice(s, e).join('')}**`;
    i = e;
  }
  return out + chars.slice(i, to).join('');
}

function quoteLines(text: string): string {
  return text
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

function alsoInLine(snippet: Snippet): string {
  if (!snippet.alsoIn?.length) return '';
  const places = snippet.alsoIn.map((a) => `*${escapeMarkdown(citedTitle(a.article))}* ${para(a.paragraph)}`).join('; ');
  return `\nalso in: ${places}`;
}

/**
 * "[n]", and for a quotation who said it, as the article names them, unless the title already
 * names that speaker (`named`: the title and the resolved person's name, lower-case words).
 */
function label(snippet: Snippet, n: number, named: Set<string>): string {
  const speaker = snippet.speaker && !nameWords(snippet.speaker).every((w) => named.has(w)) ? ` ${escapeMarkdown(snippet.speaker)}, in` : '';
  // A checked claim's stance, and a timeline entry's resolved date, lead the citation line.
  const stance = snippet.stance ? ` ${STANCE_LABEL[snippet.stance]} ·` : '';
  const date = snippet.date?.resolved ? ` ${snippet.date.resolved} ·` : '';
  return `**[${n}]**${stance}${date}${speaker}`;
}

/** How a passage bears on a checked claim, as the reader sees it. */
export const STANCE_LABEL = { supports: '✅ **supports**', contradicts: '❌ **contradicts**', context: '➖ context' } as const;

/** Undated timeline entries come after the dated ones, under this line. */
export const UNDATED_HEADING = '**Undated** (relative dates as written; the sources do not say when)';

const nameWords = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** A snippet quoted whole, then its citation line after `lead` (the "[n]" label, or nothing). */
function snippetBlock(snippet: Snippet, lead: string): string {
  const body = quoteLines(markup(snippet.text, boldRanges(snippet)));
  return `${body}\n${lead}${citation(snippet.article, snippet.paragraph)}${alsoInLine(snippet)}`;
}

/** Word boundaries: positions where an excerpt may start or end without splitting a word. */
function snapStart(text: string, at: number): number {
  if (at <= 0) return 0;
  const next = text.slice(at).search(/\s\S/);
  return next < 0 ? text.length : at + next + 1;
}
function snapEnd(text: string, at: number): number {
  if (at >= text.length) return text.length;
  const before = text.slice(0, at + 1);
  const m = before.match(/\S\s\S*$/);
  return m ? before.length - m[0].length + 1 : 0;
}

/**
 * A snippet too long for a message on its own, as a marked excerpt within `budget` characters:
 * a window of whole words around its first highlight, "…" at each cut, and "excerpt" in the citation.
 */
export function excerptBlock(snippet: Snippet, lead: string, budget: number): string | undefined {
  const tail = `\n${lead}${citation(snippet.article, snippet.paragraph)} · excerpt${alsoInLine(snippet)}`;
  const body = excerptQuote(snippet.text, boldRanges(snippet), budget - tail.length);
  return body === undefined ? undefined : body + tail;
}

/** A quoted window of whole words of `text` within `budget` characters, each cut marked "…". */
function excerptQuote(text: string, bold: [number, number][], budget: number): string | undefined {
  let length = budget - 8;
  while (length > 20) {
    const focus = bold[0]?.[0] ?? 0;
    const from = snapStart(text, Math.max(0, Math.min(focus - Math.floor(length / 4), text.length - length)));
    const to = snapEnd(text, Math.min(text.length, from + length));
    if (to > from) {
      const quoted = quoteLines(`${from > 0 ? '… ' : ''}${markup(text, bold, from, to)}${to < text.length ? ' …' : ''}`);
      if (quoted.length <= budget) return quoted;
      length -= quoted.length - budget + 1;
    } else {
      length -= 10;
    }
  }
  return undefined;
}

function buttonRows(buttons: APIButtonComponent[]): ButtonRow[] {
  const rows: ButtonRow[] = [];
  for (let i = 0; i < buttons.length && rows.length < LIMITS.rows; i += LIMITS.buttonsPerRow) {
    rows.push({ type: ComponentType.ActionRow, components: buttons.slice(i, i + LIMITS.buttonsPerRow) });
  }
  return rows;
}

function button(customId: string | undefined, label: string, style: ButtonStyle.Primary | ButtonStyle.Secondary): APIButtonComponent[] {
  return customId ? [{ type: ComponentType.Button, custom_id: customId, label, style }] : [];
}

export function renderAnswer(answer: Answer, options: AnswerRenderOptions): MessagePayload {
  const plainTitle = titleText(answer.command, answer.query, answer.about);
  const { title, tail } = splitTitle(plainTitle);
  const footer = shorten(footerText(answer, tail), LIMITS.footerText);

  if (answer.abstained) return renderAbstention(answer, title, footer, options);

  // Whom it is about, and for a yes/no question what the quotes say (as the console puts it).
  const verdict = answer.verdict === 'yes' ? 'Yes, the sources say:' : answer.verdict === 'otherwise' ? 'The sources say otherwise:' : '';
  const who = [whomLine(answer, plainTitle), verdict].filter(Boolean).join('\n');
  const named = new Set(nameWords(`${plainTitle} ${answer.person?.name ?? ''}`));
  const budget = Math.min(LIMITS.embedDescription, LIMITS.embedTotal - title.length - footer.length) - NOTE_RESERVE - who.length;
  const blocks: string[] = who ? [who] : [];
  const shown: Snippet[] = [];
  let used = who.length;
  for (const snippet of answer.snippets) {
    const n = shown.length + 1;
    const sep = blocks.length ? 2 : 0;
    const lead = `${label(snippet, n, named)} `;
    let block: string | undefined = snippetBlock(snippet, lead);
    if (used + sep + block.length > budget) {
      // Fewer snippets rather than altered ones: only a snippet that cannot fit alone is excerpted.
      block = shown.length === 0 ? excerptBlock(snippet, lead, budget - used - sep) : undefined;
      if (!block) break;
    }
    if (snippet.date?.undated && !shown.some((x) => x.date?.undated)) block = `${UNDATED_HEADING}\n${block}`;
    blocks.push(block);
    shown.push(snippet);
    used += sep + block.length;
  }
  const hidden = answer.snippets.length - shown.length;
  if (hidden > 0) {
    blocks.push(`*${hidden} more snippet${hidden === 1 ? ' was' : 's were'} too long to show in one message.*`);
  }

  const buttons: APIButtonComponent[] = [];
  shown.forEach((s, i) => {
    const id = contextButton(i, s);
    buttons.push(...button(id, shown.length === 1 ? 'Context' : `Context ${i + 1}`, ButtonStyle.Secondary));
  });
  if (answer.hasMore) {
    const id = encodeButton({
      kind: 'more',
      command: answer.command,
      page: answer.page + 1,
      queryLength: answer.query.length,
      aboutLength: answer.about?.length ?? 0,
    });
    buttons.push(...button(id, 'More', ButtonStyle.Primary));
  }
  if (options.shareable && options.ephemeral) {
    const id = encodeButton({ kind: 'share', command: answer.command, queryLength: answer.query.length, aboutLength: answer.about?.length ?? 0 });
    buttons.push(...button(id, 'Share', ButtonStyle.Primary));
  }
  if (options.pinnable && !options.ephemeral) buttons.push(...button(encodeButton({ kind: 'pin' }), 'Pin', ButtonStyle.Secondary));

  return {
    embeds: [{ title, description: blocks.join('\n\n'), color: COLOR_ANSWER, footer: { text: footer } }],
    components: buttonRows(buttons),
    ...(options.ephemeral ? { ephemeral: true } : {}),
  };
}

/**
 * Whom the answer is about, when the title does not say it in full ("Who is Ken?" answered about
 * Ken Livingstone), and who else the same words name in the sources.
 */
function whomLine(answer: Answer, plainTitle: string): string {
  const person = answer.person;
  if (!person) return '';
  const others = (answer.alsoNamed ?? []).filter((p) => p.id !== person.id).map((p) => escapeMarkdown(p.name));
  const fold = (t: string) => nameWords(t).join(' ');
  if (` ${fold(plainTitle)} `.includes(` ${fold(person.name)} `) && others.length === 0) return '';
  const asked = answer.answeredAs === answer.command ? `“${escapeUserText(answer.query)}”` : 'these words';
  const also = others.length ? ` Also called ${asked} in the sources: ${others.join(', ')}.` : '';
  return `About **${escapeMarkdown(person.name)}**.${also}`;
}

/**
 * "Not in the sources", said once: the engine's one-line reason (which names what was missing),
 * and the nearest passage when there is one, clearly marked as not an answer.
 */
function renderAbstention(answer: Answer, title: string, footer: string, options: AnswerRenderOptions): MessagePayload {
  const n = options.articleCount;
  const reason = answer.reason
    ? escapeUserText(answer.reason)
    : `Not in the sources: none of ${n === 1 ? 'the 1 article' : `the ${n} articles`} answers this.`;
  const lines = [reason];
  const buttons: APIButtonComponent[] = [];
  const nearest = answer.nearest;
  if (nearest) {
    const head = '**Nearest passage** (not an answer to the question):';
    const budget = LIMITS.embedDescription - reason.length - head.length - 4;
    const whole = snippetBlock(nearest, '');
    const block = whole.length <= budget ? whole : excerptBlock(nearest, '', budget);
    if (block) {
      lines.push('', head, block);
      buttons.push(...button(contextButton(0, nearest), 'Context', ButtonStyle.Secondary));
    }
  }
  return {
    embeds: [{ title, description: lines.join('\n'), color: COLOR_ABSTAIN, footer: { text: `${footer} · try other words, or /sources for what I know about` } }],
    components: buttonRows(buttons),
    ...(options.ephemeral ? { ephemeral: true } : {}),
  };
}

/** The id of a snippet's Context button: where the passage is and a fingerprint of it (see custom-ids.ts). */
function contextButton(index: number, s: Snippet): string | undefined {
  const place = { paragraph: s.paragraph, start: s.start, length: s.end - s.start, fingerprint: fingerprint(s.text) };
  return encodeButton({ kind: 'context', index, articleId: s.article.id, ...place });
}

/** The Context button's reply: the cited paragraph whole, with as many neighbours as fit. */
export function renderContext(article: ArticleRef, paragraphs: ParagraphView[], cited: number): MessagePayload {
  const budget = LIMITS.embedDescription;
  const block = (p: ParagraphView) => `**${para(p.n)}${p.n === cited ? ' (cited)' : ''}**\n${quoteLines(escapeMarkdown(p.text))}`;
  const target = paragraphs.find((p) => p.n === cited);
  const chosen = new Map<number, string>();
  if (target) {
    const whole = block(target);
    const head = `**${para(target.n)} (cited, excerpt)**\n`;
    const fitted = whole.length <= budget ? whole : head + (excerptQuote(target.text, [], budget - head.length) ?? '');
    chosen.set(target.n, fitted);
  }
  // Neighbours nearest first, so the closest context survives when space is short.
  const rest = paragraphs.filter((p) => p.n !== cited).sort((a, b) => Math.abs(a.n - cited) - Math.abs(b.n - cited));
  let used = [...chosen.values()].reduce((n, b) => n + b.length, 0);
  for (const p of rest) {
    const b = block(p);
    if (used + b.length + 2 > budget) continue;
    chosen.set(p.n, b);
    used += b.length + 2;
  }
  const description = [...chosen.entries()].sort((a, b) => a[0] - b[0]).map(([, b]) => b).join('\n\n');
  // What a reader can look up: the article's title, kind, outlet, author, date (never a file path).
  const meta = [article.kind, article.outlet, article.author, article.date].filter(Boolean).join(' · ');
  return {
    embeds: [
      {
        title: shorten(article.title, LIMITS.embedTitle),
        description,
        color: COLOR_INFO,
        footer: { text: shorten(meta, LIMITS.footerText) },
      },
    ],
    ephemeral: true,
  };
}

/**
 * The articles, one a line: title, kind, outlet, author, date where the metadata has them, and how
 * many paragraphs each has (`paragraphs(article)`; the ¶ a citation gives is one of them).
 */
export function renderSources(articles: ArticleRef[], paragraphs: (article: ArticleRef) => number | undefined = () => undefined): MessagePayload {
  const lines: string[] = [];
  let used = 0;
  for (const [i, a] of articles.entries()) {
    const count = paragraphs(a);
    const meta = [
      a.kind,
      a.outlet && escapeMarkdown(a.outlet),
      a.author && `by ${escapeMarkdown(a.author)}`,
      a.date,
      count !== undefined && `${count} paragraph${count === 1 ? '' : 's'}`,
    ]
      .filter(Boolean)
      .join(' · ');
    const line = `**${i + 1}.** *${escapeMarkdown(a.title)}* — ${meta}`;
    if (used + line.length + 1 > LIMITS.embedDescription - 60) {
      lines.push(`…and ${articles.length - i} more.`);
      break;
    }
    lines.push(line);
    used += line.length + 1;
  }
  return {
    embeds: [
      {
        title: `Sources (${articles.length} article${articles.length === 1 ? '' : 's'})`,
        description: lines.join('\n') || 'No articles are loaded.',
        color: COLOR_INFO,
      },
    ],
  };
}

export function renderHelp(): MessagePayload {
  return {
    embeds: [
      {
        title: 'About this bot',
        description: [
          'I answer questions about the 2010 Tower Hamlets affair (Ken Livingstone, Lutfur Rahman, Labour’s expulsions) by quoting the sources word for word. I never answer in my own words: if the sources do not say, I say so.',
          '',
          '`/who name` who a person is',
          '`/when event` when something happened',
          '`/quote speaker [about]` what someone said',
          '`/ask question` anything, in your own words',
          '`/check claim` is it true? passages that support or contradict it',
          '`/timeline [topic]` the dated events in order',
          'On any message: **Apps → Check in sources** checks what it says, privately; **Share** posts the answer.',
          '`/sources` the articles I quote',
          '`/help` this message',
          '',
          'Add `private: True` to any question to see the answer alone. In a DM with me you can simply write a question, e.g. “who is Helal Abbas?”.',
          '',
          '**Checking a citation:** every quote names its article and paragraph (¶). **Context** shows that whole paragraph and its neighbours; `/sources` lists the articles. **More** shows further quotes; moderators can **Pin** an answer, citations included.',
        ].join('\n'),
        color: COLOR_INFO,
      },
    ],
    ephemeral: true,
  };
}

/** A short ephemeral notice (refusals, user mistakes, apologies). `text` is ours, never raw user input. */
export function renderNotice(text: string): MessagePayload {
  return { content: text, ephemeral: true };
}

/** The help reply for a DM that is not a usable question, optionally after what was wrong with it. */
export function renderDmHelp(problem?: string): MessagePayload {
  const lines = [
    ...(problem ? [escapeUserText(problem), ''] : []),
    'Ask me about the 2010 Tower Hamlets affair, for example:',
    '• who is Helal Abbas?',
    '• when was Livingstone readmitted?',
    '• what did Tom Harris say about Livingstone?',
    '• is it true that Livingstone was readmitted in 2004?',
    'Every answer quotes the sources word for word, with its citation. `/help` tells more.',
  ];
  return { content: lines.join('\n') };
}

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
import { encodeButton } from './custom-ids.js';
import { escapedChars, escapeMarkdown, escapeUserText, footerSafe, fromFooter, shorten } from './escape.js';
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
  /** Offer the Share button: a private answer that its reader may post publicly in the channel. */
  shareable?: boolean;
  ephemeral?: boolean;
  /** How many articles the corpus holds, to say what an abstention searched. */
  articleCount: number;
}

const COLOR_ANSWER = 0x3b6ea5;
const COLOR_ABSTAIN = 0x8a8f98;
const COLOR_INFO = 0x5a6b7b;

/** The option that carries the query, per command (also the footer label More parses). */
const QUERY_OPTION: Record<CommandName, string> = { who: 'name', when: 'event', quote: 'speaker', ask: 'question', check: 'claim', timeline: 'topic' };

/** Room kept free in the description for the "N more were too long" note. */
const NOTE_RESERVE = 120;
/** Footer state longer than this would crowd the 6000 total; More is then not offered. */
const MAX_FOOTER_STATE = 1500;

export function questionTitle(command: CommandName, query: string, about?: string): string {
  const q = escapeUserText(query);
  const a = about ? escapeUserText(about) : undefined;
  const title =
    command === 'who'
      ? `Who is ${q}?`
      : command === 'when'
        ? `When: ${q}`
        : command === 'quote'
          ? `What did ${q} say${a ? ` about ${a}` : ''}?`
          : command === 'check'
            ? `Check: ${q}`
            : command === 'timeline'
              ? q
                ? `Timeline: ${q}`
                : 'Timeline of the sources'
              : q;
  return shorten(title, LIMITS.embedTitle);
}

/** The footer restates the exact request; the More button reads it back (see custom-ids.ts). */
function footerState(answer: Answer): { text: string; queryLength: number; aboutLength: number } {
  const q = footerSafe(answer.query);
  const a = answer.about ? footerSafe(answer.about) : '';
  // No trailing space for an empty query (the whole timeline): Discord trims it.
  const text = `/${answer.command} ${QUERY_OPTION[answer.command]}:${q ? ` ${q}` : ''}${a ? ` about: ${a}` : ''}`;
  return { text, queryLength: q.length, aboutLength: a.length };
}

/** Reads the request back from an answer message's footer, given the lengths the More id recorded. */
export function readFooterState(
  footer: string,
  command: CommandName,
  queryLength: number,
  aboutLength: number,
): { query: string; about?: string } | undefined {
  const prefix = `/${command} ${QUERY_OPTION[command]}: `;
  // An empty query (the whole timeline) leaves a trailing space that Discord may trim.
  if (queryLength === 0 && aboutLength === 0 && footer.startsWith(prefix.trimEnd())) return { query: '' };
  if (!footer.startsWith(prefix)) return undefined;
  const query = footer.slice(prefix.length, prefix.length + queryLength);
  if (query.length !== queryLength) return undefined;
  if (aboutLength === 0) return { query: fromFooter(query) };
  const rest = footer.slice(prefix.length + queryLength);
  if (!rest.startsWith(' about: ')) return undefined;
  const about = rest.slice(8, 8 + aboutLength);
  if (about.length !== aboutLength) return undefined;
  return { query: fromFooter(query), about: fromFooter(about) };
}

function citation(article: ArticleRef, paragraph: number): string {
  const parts = [`*${escapeMarkdown(article.title)}*`, article.kind];
  if (article.outlet) parts.push(escapeMarkdown(article.outlet));
  if (article.date) parts.push(article.date);
  parts.push(`¶ ${paragraph}`);
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
  const places = snippet.alsoIn.map((a) => `*${escapeMarkdown(a.article.title)}* ¶ ${a.paragraph}`).join('; ');
  return `\nalso in: ${places}`;
}

/** How a passage bears on a checked claim, as the reader sees it. */
export const STANCE_LABEL = { supports: '✅ **supports**', contradicts: '❌ **contradicts**', context: '➖ context' } as const;

/**
 * "[n]", a checked claim's stance, a timeline entry's resolved date, and for a quotation who said
 * it, as the article names them.
 */
function label(snippet: Snippet, n: number): string {
  const stance = snippet.stance ? ` ${STANCE_LABEL[snippet.stance]} ·` : '';
  const date = snippet.date?.resolved ? ` ${snippet.date.resolved} ·` : '';
  return `**[${n}]**${stance}${date}${snippet.speaker ? ` ${escapeMarkdown(snippet.speaker)}, in` : ''}`;
}

/** Undated timeline entries come after the dated ones, under this line. */
export const UNDATED_HEADING = '**Undated** (relative dates as written; the sources do not say when)';

function snippetBlock(snippet: Snippet, n: number): string {
  const body = quoteLines(markup(snippet.text, boldRanges(snippet)));
  return `${body}\n${label(snippet, n)} ${citation(snippet.article, snippet.paragraph)}${alsoInLine(snippet)}`;
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
export function excerptBlock(snippet: Snippet, n: number, budget: number): string | undefined {
  const tail = `\n${label(snippet, n)} ${citation(snippet.article, snippet.paragraph)} · excerpt${alsoInLine(snippet)}`;
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
  const title = questionTitle(answer.command, answer.query, answer.about);
  const state = footerState(answer);
  const page = answer.page > 0 ? ` · page ${answer.page + 1}` : '';
  const routed = answer.answeredAs !== answer.command ? ` · answered as /${answer.answeredAs}` : '';
  const footerText = shorten(`${state.text}${page}${routed}`, LIMITS.footerText);

  if (answer.abstained) return renderAbstention(answer, title, footerText, options);

  const budget = Math.min(LIMITS.embedDescription, LIMITS.embedTotal - title.length - footerText.length) - NOTE_RESERVE;
  const blocks: string[] = [];
  const shown: Snippet[] = [];
  let used = 0;
  for (const snippet of answer.snippets) {
    const n = shown.length + 1;
    const sep = blocks.length ? 2 : 0;
    let block: string | undefined = snippetBlock(snippet, n);
    if (used + sep + block.length > budget) {
      // Fewer snippets rather than altered ones: only a snippet that cannot fit alone is excerpted.
      block = shown.length === 0 ? excerptBlock(snippet, n, budget) : undefined;
      if (!block) break;
    }
    if (snippet.date?.undated && !answer.snippets.slice(0, shown.length).some((x) => x.date?.undated)) {
      block = `${UNDATED_HEADING}\n${block}`;
    }
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
    const id = encodeButton({ kind: 'context', index: i, articleId: s.article.id, paragraph: s.paragraph });
    buttons.push(...button(id, shown.length === 1 ? 'Context' : `Context ${i + 1}`, ButtonStyle.Secondary));
  });
  if (answer.hasMore && state.text.length <= MAX_FOOTER_STATE) {
    const id = encodeButton({
      kind: 'more',
      command: answer.command,
      page: answer.page + 1,
      queryLength: state.queryLength,
      aboutLength: state.aboutLength,
    });
    buttons.push(...button(id, 'More', ButtonStyle.Primary));
  }
  if (options.shareable && options.ephemeral && state.text.length <= MAX_FOOTER_STATE) {
    const id = encodeButton({ kind: 'share', command: answer.command, queryLength: state.queryLength, aboutLength: state.aboutLength });
    buttons.push(...button(id, 'Share', ButtonStyle.Primary));
  }
  if (options.pinnable && !options.ephemeral) buttons.push(...button(encodeButton({ kind: 'pin' }), 'Pin', ButtonStyle.Secondary));

  return {
    embeds: [{ title, description: blocks.join('\n\n'), color: COLOR_ANSWER, footer: { text: footerText } }],
    components: buttonRows(buttons),
    ...(options.ephemeral ? { ephemeral: true } : {}),
  };
}

function renderAbstention(answer: Answer, title: string, footerText: string, options: AnswerRenderOptions): MessagePayload {
  const what = `“${escapeUserText(answer.query)}”${answer.about ? ` about “${escapeUserText(answer.about)}”` : ''}`;
  const n = options.articleCount;
  const articles = n === 1 ? 'the 1 article' : `the ${n} articles`;
  let description =
    answer.command === 'check'
      ? `The sources don’t address this. I searched ${articles} for passages that support or contradict ${what}.`
      : `Not in the sources, sorry. I searched ${articles} for ${what} and found nothing that answers it.`;
  if (answer.reason && answer.command !== 'check') description += `\n*${escapeUserText(answer.reason)}*`;
  description += '\nTry other words, or `/sources` to see what the bot knows about.';
  return {
    embeds: [{ title, description, color: COLOR_ABSTAIN, footer: { text: footerText } }],
    components: [],
    ...(options.ephemeral ? { ephemeral: true } : {}),
  };
}

/** The Context button's reply: the cited paragraph whole, with as many neighbours as fit. */
export function renderContext(article: ArticleRef, paragraphs: ParagraphView[], cited: number): MessagePayload {
  const budget = LIMITS.embedDescription;
  const block = (p: ParagraphView) => `**¶ ${p.n}${p.n === cited ? ' (cited)' : ''}**\n${quoteLines(escapeMarkdown(p.text))}`;
  const target = paragraphs.find((p) => p.n === cited);
  const chosen = new Map<number, string>();
  if (target) {
    const whole = block(target);
    const head = `**¶ ${target.n} (cited, excerpt)**\n`;
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
  const meta = [article.kind, article.outlet, article.author, article.date].filter(Boolean).join(' · ');
  return {
    embeds: [
      {
        title: shorten(article.title, LIMITS.embedTitle),
        description,
        color: COLOR_INFO,
        footer: { text: shorten(`${meta} · ${article.file}`, 1000) },
      },
    ],
    ephemeral: true,
  };
}

export function renderSources(articles: ArticleRef[]): MessagePayload {
  const lines: string[] = [];
  let used = 0;
  for (const [i, a] of articles.entries()) {
    const meta = [a.kind, a.outlet && escapeMarkdown(a.outlet), a.date].filter(Boolean).join(' · ');
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
          '`/who name` who a person is · `/when event` when something happened',
          '`/quote speaker [about]` what someone said · `/ask question` anything, in your own words',
          '`/check claim` is it true? passages that support or contradict it · `/timeline [topic]` the dated events in order',
          'On any message: **Apps → Check in sources** checks what it says, privately; **Share** posts the answer.',
          '`/sources` the articles I quote · add `private: True` to any question to see the answer alone',
          'In a DM with me you can simply write a question, e.g. “who is Helal Abbas?”.',
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

/**
 * Splits an article into paragraphs and sentences with their offsets in the file, and tells body text
 * from site chrome (follow buttons, section labels, tag lines, captions, comment forms). The rules are
 * about the shape of a block, not about particular lines, so they hold for articles not yet seen.
 */
import { words } from './text.js';

export type BlockRole =
  /** Article text: indexed and quotable. */
  | 'body'
  /** The headline: already the article's title; not quoted as evidence. */
  | 'headline'
  /** "by Ken Livingstone": names the author of what follows; used for attribution only. */
  | 'byline'
  /** Navigation, sharing, captions, tags, comment forms: never indexed or quoted. */
  | 'chrome';

export interface Block {
  start: number;
  end: number;
  role: BlockRole;
}

export interface Paragraph {
  start: number;
  end: number;
  /** 1-based number among the article's body paragraphs. */
  n: number;
}

export interface Span {
  start: number;
  end: number;
}

/**
 * Blocks are separated by blank lines when the file uses them; a file without any blank line puts
 * one paragraph on each line.
 */
export function splitBlocks(text: string): Span[] {
  const separator = /\n[ \t\u00a0]*\n/.test(text) ? /\n(?:[ \t\u00a0]*\n)+/g : /\n+/g;
  const spans: Span[] = [];
  let from = 0;
  const push = (start: number, end: number) => {
    const trimmed = trimSpan(text, start, end);
    if (trimmed) spans.push(trimmed);
  };
  for (const m of text.matchAll(separator)) {
    push(from, m.index);
    from = m.index + m[0].length;
  }
  push(from, text.length);
  return spans;
}

/** Narrows a span to exclude surrounding whitespace (including non-breaking spaces). */
export function trimSpan(text: string, start: number, end: number): Span | undefined {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end > start ? { start, end } : undefined;
}

const COMMENT_SECTION = /^(leave a (reply|comment)|post a comment|add (a|your) comment|comments?|\d+ comments?|join the discussion)$/i;
const TEMPLATE_PLACEHOLDER = /%[sd]\b|\{\{|\}\}|\$\{/;
const INTERFACE_WORDS =
  /\b(click|tap)\s+(here|to)\b|^follow\b|^share\b|\bshare this\b|\bsubscribe\b|\bsign (up|in)\b|\blog ?(in|out)\b|\bnewsletter\b|\badvertisement\b|^read more\b|^related\b|\bcommenting using\b|\bpost your comment\b/i;
const SENTENCE_END = /[.!?:;…"”’)\]]$/;
const BYLINE = /^by\s+\p{Lu}/u;

/** Classifies every block of an article. */
export function classifyBlocks(text: string, spans: Span[] = splitBlocks(text)): Block[] {
  let inComments = false;
  let seenHeadline = false;
  let seenBody = false;
  return spans.map((span) => {
    const line = text.slice(span.start, span.end).replace(/\s+/g, ' ');
    const count = words(line).length;
    const role = ((): BlockRole => {
      if (inComments || COMMENT_SECTION.test(line)) {
        inComments = true;
        return 'chrome';
      }
      if (TEMPLATE_PLACEHOLDER.test(line)) return 'chrome';
      if (count <= 10 && INTERFACE_WORDS.test(line)) return 'chrome';
      if (count <= 6 && BYLINE.test(line) && !SENTENCE_END.test(line)) return 'byline';
      if (count <= 14 && !SENTENCE_END.test(line)) {
        if (isTagList(line)) return 'chrome';
        // The first unpunctuated line before any body text is the headline; later ones are
        // captions and section labels.
        if (!seenHeadline && !seenBody) {
          seenHeadline = true;
          return 'headline';
        }
        return 'chrome';
      }
      return 'body';
    })();
    if (role === 'body') seenBody = true;
    return { ...span, role };
  });
}

/** "Labour, Lutfur Rahman": short comma-separated labels, as blogs print their tags. */
function isTagList(line: string): boolean {
  const items = line.split(/\s*[,|·•]\s*/).filter(Boolean);
  return items.length >= 2 && items.every((item) => words(item).length <= 3);
}

/** The body paragraphs, numbered from 1. */
export function bodyParagraphs(blocks: Block[]): Paragraph[] {
  return blocks.filter((b) => b.role === 'body').map((b, i) => ({ start: b.start, end: b.end, n: i + 1 }));
}

/** Titles and abbreviations after which a period does not end a sentence. */
const ABBREVIATIONS = new Set(
  'mr mrs ms dr st prof rev gen col lt sgt capt cllr hon rt no vs etc inc ltd co jr sr approx fig cf al e.g i.e'.split(' '),
);
const CLOSERS = `"”’')]`;
const OPENERS = `"“‘'([`;

/**
 * Sentences of a paragraph. A boundary is end punctuation, optionally followed by closing quotes or
 * brackets, then whitespace, then something that can start a sentence (a capital, a digit or an
 * opening quote). Titles ("Mr"), initials and ellipses inside a sentence do not end it.
 */
export function splitSentences(text: string, para: Span): Span[] {
  const out: Span[] = [];
  let from = para.start;
  const body = text.slice(para.start, para.end);
  const boundary = /([.!?…]+)([”’"')\]]*)(\s+)/g;
  for (const m of body.matchAll(boundary)) {
    const endInPara = m.index + m[1]!.length + m[2]!.length;
    const next = body[m.index + m[0].length];
    if (next === undefined) continue;
    if (!(/[\p{Lu}\p{N}]/u.test(next) || OPENERS.includes(next))) continue;
    // Only the last few characters: a match anchored at the end of everything before the break
    // rescanned the paragraph at each break (5.5 s for one of 4,000 sentences). A word longer than
    // the window is neither an abbreviation nor an initial, truncated or not.
    const before = body.slice(Math.max(0, m.index - 32), m.index);
    const lastWord = /([\p{L}.]+)$/u.exec(before)?.[1] ?? '';
    if (m[1] === '.' && !m[2] && (ABBREVIATIONS.has(lastWord.toLowerCase()) || /^\p{Lu}$/u.test(lastWord))) continue;
    const span = trimSpan(text, from, para.start + endInPara);
    if (span) out.push(span);
    from = para.start + endInPara;
  }
  const last = trimSpan(text, from, para.end);
  if (last) out.push(last);
  return out;
}

export { CLOSERS, OPENERS };

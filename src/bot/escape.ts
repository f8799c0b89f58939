/**
 * Escaping for text shown in Discord markdown. Two kinds: user text echoed back (must neither
 * format nor mention anyone) and corpus text (must display exactly its own characters).
 */

const ZWSP = '\u200b';

/**
 * Backslash-escapes characters Discord treats as markdown, so the text displays as written.
 * A backslash before punctuation is consumed by Discord's renderer, so the escapes are invisible.
 */
export function escapeMarkdown(text: string): string {
  return escapedChars(text).join('');
}

/**
 * The escaped form of each character of `text`, index for index, so a caller can wrap spans of the
 * original text (bold highlights) without the escaping losing track of where lines start.
 */
export function escapedChars(text: string): string[] {
  const out: string[] = [];
  let lineStart = true; // still in a line's leading whitespace
  let leadingDigits = false; // the line so far is whitespace then digits ("12" of "12. ")
  // By UTF-16 unit, not code point, so indexes line up with snippet offsets.
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    let escaped = ch;
    if (/[\\*_~`|[\]<]/.test(ch)) escaped = `\\${ch}`;
    else if (lineStart && /[#>+-]/.test(ch)) escaped = `\\${ch}`;
    else if (leadingDigits && ch === '.') escaped = '\\.';
    out.push(escaped);
    if (ch === '\n') {
      lineStart = true;
      leadingDigits = false;
    } else if (/\s/.test(ch) && lineStart) {
      // keep waiting for the first visible character
    } else if (/\d/.test(ch) && (lineStart || leadingDigits)) {
      lineStart = false;
      leadingDigits = true;
    } else {
      lineStart = false;
      leadingDigits = false;
    }
  }
  return out;
}

/**
 * For text a user typed that we show back: markdown escaped, every `@` broken with a zero-width
 * space so "@everyone", "@here" and role/user mentions neither ping nor render (allowedMentions
 * already prevents pings; this also keeps them from being highlighted), and every "scheme://"
 * broken the same way, so a URL someone typed is never a clickable link in a public answer.
 * User text never contains a zero-width space itself (queries with one are refused), which makes
 * the whole transformation reversible (`unescapeUserText`).
 */
export function escapeUserText(text: string): string {
  return escapeMarkdown(text).replaceAll('@', `@${ZWSP}`).replace(/([a-z][a-z\d+.-]*:)(?=\/\/)/gi, `$1${ZWSP}`);
}

/** The exact text `escapeUserText` was given (every backslash it wrote escapes the next character). */
export function unescapeUserText(shown: string): string {
  return shown.replaceAll(ZWSP, '').replace(/\\([\s\S])/g, '$1');
}

/** Footers are plain text (no markdown), but still must not show a mention-looking "@everyone". */
export function footerSafe(text: string): string {
  return text.replaceAll('@', `@${ZWSP}`);
}

/** Inverse of `footerSafe`, for reading state back from a footer. */
export function fromFooter(text: string): string {
  return text.replaceAll(`@${ZWSP}`, '@');
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * The longest start of `text` within `max` UTF-16 units (the unit Discord's limits are checked in
 * here: never fewer than its characters) that ends between two graphemes, so a cut never leaves half
 * an emoji, a flag, a ZWJ sequence or a letter without its accent. A first grapheme longer than
 * `max` on its own (a letter under hundreds of combining marks) is cut between code points: Discord
 * refuses a lone surrogate, not a lone mark.
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  // The grapheme that would be cut starts where the text must end (ICU finds it from `max`, without
  // segmenting everything before).
  let end = graphemes.segment(text).containing(max)!.index;
  if (end > 0) return text.slice(0, end);
  for (const ch of text) {
    if (end + ch.length > max) break;
    end += ch.length;
  }
  return text.slice(0, end);
}

/** Shortens plain (non-snippet) text to `max` characters, marking the cut with an ellipsis. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${cutText(text, Math.max(0, max - 1)).trimEnd()}…`;
}

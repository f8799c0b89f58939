/**
 * Loads the corpus: every `NAME.txt` in the corpus folder with its `NAME.meta.json` beside it.
 * The text is kept byte for byte (snippets are slices of it); metadata is validated with zod.
 *
 * The folder is trusted no further than it must be: only regular files inside it are read (a FIFO
 * would block the process, a link to /dev/zero would never end, a link out of the folder would
 * serve any file through Context), each within a size limit, and binary is refused. Every refusal
 * is a CorpusError naming the file and the rule, so the rest of the corpus can still be served.
 */
import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { z } from 'zod';
import type { ArticleRef } from '../core/types.js';

export const ARTICLE_KINDS = ['news report', 'blog/opinion', 'statement'] as const;

/** Longest metadata field, in characters: a field is shown in every citation, so it must stay short. */
export const MAX_FIELD_CHARS = 200;
/** Longest metadata file: generous for six short fields, and read whole before parsing. */
export const MAX_META_BYTES = 64 * 1024;
/** Default longest article (5 MB: the longest real article is a few KB); CORPUS_MAX_ARTICLE_MB changes it. */
export const DEFAULT_MAX_ARTICLE_BYTES = 5 * 1024 * 1024;
/**
 * Longest article id (the file name without `.txt`), in UTF-16 code units: the id travels in answer
 * buttons, whose Discord custom id holds 100 characters (test/bot/custom-ids.test.ts checks the longest fits).
 */
export const MAX_ARTICLE_ID_LENGTH = 60;

const field = () => z.string().trim().min(1).max(MAX_FIELD_CHARS);

/**
 * Metadata of one article. Only what the article's text supports: a missing fact stays absent.
 * Unknown keys are refused so that a typo ("autor") is caught instead of silently ignored.
 */
export const ArticleMetaSchema = z.strictObject({
  /** The headline, or a short descriptive title when the article has none. */
  title: field(),
  kind: z.enum(ARTICLE_KINDS),
  /** Publication (newspaper, blog) when the text names it. */
  outlet: field().optional(),
  author: field().optional(),
  /** Publication date; lets relative dates ("yesterday") be resolved to a calendar date. */
  date: z.iso.date().optional(),
  /** The file's name as we received it, for provenance (question sets cite articles by it). */
  source: field().optional(),
});
export type ArticleMeta = z.infer<typeof ArticleMetaSchema>;

export interface Article {
  ref: ArticleRef;
  /** The file's exact text (UTF-8 decoded; JavaScript string offsets index into it). */
  text: string;
}

/** A corpus problem that names the file and what is wrong with it. */
export class CorpusError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`affair-bot: corpus file ${file}: ${problem}`);
    this.name = 'CorpusError';
  }
}

export interface CorpusLimits {
  /** Longest article file, in bytes; default DEFAULT_MAX_ARTICLE_BYTES. */
  maxArticleBytes?: number;
}

// ignoreBOM keeps a byte-order mark in the text, so offsets count it like the file does and
// `file.slice(start, end)` is the snippet (a decoder that strips it shifts every offset by one).
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Reads and checks one article; throws CorpusError naming the file and the problem. */
export function loadArticle(textPath: string, root: string, limits: CorpusLimits = {}): Article {
  const file = relative(root, textPath).split('\\').join('/');
  const id = textPath.replace(/^.*[\\/]/, '').replace(/\.txt$/, '');
  checkId(id, file);
  const maxBytes = limits.maxArticleBytes ?? DEFAULT_MAX_ARTICLE_BYTES;
  const text = decode(readInside(textPath, file, maxBytes, 'article'), file);
  if (!text.trim()) throw new CorpusError(file, 'the article is empty');
  checkNotBinary(text, file);
  const metaPath = textPath.replace(/\.txt$/, '.meta.json');
  const meta = readMeta(metaPath, relative(root, metaPath).split('\\').join('/'));
  return { ref: { id, file, ...meta }, text };
}

/** The id names the article in every front end; one that cannot travel there is refused by name. */
function checkId(id: string, file: string): void {
  if (id.includes('\uFFFD')) throw new CorpusError(file, 'its name is not valid UTF-8; rename the file');
  if (/[\u0000-\u001f\u007f-\u009f]/.test(id)) throw new CorpusError(file, 'its name holds control characters (such as a line break); rename the file');
  if (id.length > MAX_ARTICLE_ID_LENGTH) {
    throw new CorpusError(file, `its name is longer than ${MAX_ARTICLE_ID_LENGTH} characters (before .txt), more than answer buttons can carry; rename the file`);
  }
}

/** A size as people read it: 512 bytes, 2.3 KB, 5 MB. */
function size(bytes: number): string {
  const round = (n: number) => String(Math.round(n * 100) / 100);
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${round(bytes / 1024)} KB`;
  return `${round(bytes / (1024 * 1024))} MB`;
}

/**
 * The bytes of a regular file inside the corpus folder, at most `maxBytes` of them. The path is
 * resolved first, so a link is followed only to a regular file in the same folder; the file is
 * checked before it is opened (opening a device may itself do something) and again once open
 * (it may have been swapped meanwhile), and opened non-blocking so a FIFO can never hang us.
 */
function readInside(path: string, file: string, maxBytes: number, what: 'article' | 'metadata'): Buffer {
  let real: string;
  let folder: string;
  try {
    folder = realpathSync(dirname(path));
    real = realpathSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CorpusError(file, what === 'metadata' ? 'is missing (every article needs its metadata beside it)' : 'is missing, or a link to nothing');
    throw unreadable(file, err);
  }
  if (dirname(real) !== folder) throw new CorpusError(file, 'is a link leading out of the corpus folder; only files inside it are read');
  const limit = what === 'article' ? `the limit of ${size(maxBytes)} per article (CORPUS_MAX_ARTICLE_MB)` : `the limit of ${size(maxBytes)} per metadata file`;
  const check = (st: Stats) => {
    if (!st.isFile()) throw new CorpusError(file, `is ${kindOf(st)}, not a regular file; only regular files are read`);
    if (st.size > maxBytes) throw new CorpusError(file, `is ${size(st.size)}, over ${limit}`);
  };
  let fd: number;
  try {
    check(statSync(real));
    fd = openSync(real, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0));
  } catch (err) {
    throw err instanceof CorpusError ? err : unreadable(file, err);
  }
  try {
    const st = fstatSync(fd);
    check(st);
    // One byte more than its size tells a file that grew since it was checked (still being written).
    const buffer = Buffer.alloc(st.size + 1);
    let length = 0;
    for (let n = 1; n > 0 && length < buffer.length; length += n) n = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > st.size) throw new CorpusError(file, 'grew while being read (still being written?)');
    return buffer.subarray(0, length);
  } catch (err) {
    throw err instanceof CorpusError ? err : unreadable(file, err);
  } finally {
    closeSync(fd);
  }
}

function unreadable(file: string, err: unknown): CorpusError {
  return new CorpusError(file, `cannot be read (${(err as NodeJS.ErrnoException).code ?? 'unknown error'})`);
}

function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

function decode(bytes: Buffer, file: string): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new CorpusError(file, 'is not valid UTF-8 text');
  }
}

/**
 * Text, not binary that happens to be valid UTF-8: no NUL, and control characters (other than tab,
 * line breaks and form feed) at most 1 in 100. Real articles hold none; a stray one is tolerated.
 */
function checkNotBinary(text: string, file: string): void {
  if (text.includes('\u0000')) throw new CorpusError(file, 'holds NUL characters: binary data, not text');
  const controls = text.match(/[\u0001-\u0008\u000e-\u001f\u007f-\u009f]/g)?.length ?? 0;
  if (controls * 100 > text.length) throw new CorpusError(file, `holds ${controls} control characters: binary data, not text`);
}

function readMeta(path: string, file: string): ArticleMeta {
  const bytes = readInside(path, file, MAX_META_BYTES, 'metadata');
  let raw: unknown;
  try {
    raw = JSON.parse(decode(bytes, file).replace(/^\uFEFF/, '')); // editors may add a byte-order mark
  } catch (err) {
    if (err instanceof CorpusError) throw err;
    throw new CorpusError(file, 'is not valid JSON');
  }
  const parsed = ArticleMetaSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `field "${i.path.join('.') || '(root)'}": ${i.message}`);
    throw new CorpusError(file, issues.join('; '));
  }
  return parsed.data;
}

/**
 * Text files of a corpus folder, sorted so that article order (and ids) are stable. Names are read
 * as bytes: one that is not UTF-8 comes back with U+FFFD in it, for loadArticle to refuse by name.
 */
export function articleFiles(dir: string): string[] {
  return readdirSync(dir, { encoding: 'buffer' })
    .map((name) => name.toString('utf8'))
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => join(dir, name));
}

/** Loads every article of the folder; the first bad one throws. */
export function loadCorpus(dir: string, root: string, limits: CorpusLimits = {}): Article[] {
  return articleFiles(dir).map((path) => loadArticle(path, root, limits));
}

/** Loads every good article of the folder; each bad one is left out and returned as a refusal. */
export function readCorpus(dir: string, root: string, limits: CorpusLimits = {}): { articles: Article[]; refused: CorpusError[] } {
  const articles: Article[] = [];
  const refused: CorpusError[] = [];
  for (const path of articleFiles(dir)) {
    try {
      articles.push(loadArticle(path, root, limits));
    } catch (err) {
      if (!(err instanceof CorpusError)) throw err;
      refused.push(err);
    }
  }
  return { articles, refused };
}

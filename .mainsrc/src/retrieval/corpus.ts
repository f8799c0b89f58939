/**
 * Loads the corpus: every `NAME.txt` in the corpus folder with its `NAME.meta.json` beside it.
 * The text is kept byte for byte (snippets are slices of it); metadata is validated with zod.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';
import type { ArticleRef } from '../answers/types.js';

export const ARTICLE_KINDS = ['news report', 'blog/opinion', 'statement'] as const;

/**
 * Metadata of one article. Only what the article's text supports: a missing fact stays absent.
 * Unknown keys are refused so that a typo ("autor") is caught instead of silently ignored.
 */
export const ArticleMetaSchema = z.strictObject({
  /** The headline, or a short descriptive title when the article has none. */
  title: z.string().trim().min(1).max(200),
  kind: z.enum(ARTICLE_KINDS),
  /** Publication (newspaper, blog) when the text names it. */
  outlet: z.string().trim().min(1).optional(),
  author: z.string().trim().min(1).optional(),
  /** Publication date; lets relative dates ("yesterday") be resolved to a calendar date. */
  date: z.iso.date().optional(),
  /** The file's name as we received it, for provenance (question sets cite articles by it). */
  source: z.string().trim().min(1).optional(),
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
    problem: string,
  ) {
    super(`affair-bot: corpus file ${file}: ${problem}`);
    this.name = 'CorpusError';
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Reads and checks one article; throws CorpusError naming the file and the problem. */
export function loadArticle(textPath: string, root: string): Article {
  const file = relative(root, textPath).split('\\').join('/');
  const id = textPath.replace(/^.*[\\/]/, '').replace(/\.txt$/, '');
  const text = decode(textPath, file);
  if (!text.trim()) throw new CorpusError(file, 'the article is empty');
  const metaPath = textPath.replace(/\.txt$/, '.meta.json');
  const meta = readMeta(metaPath, relative(root, metaPath));
  return { ref: { id, file, ...meta }, text };
}

function decode(path: string, file: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    throw new CorpusError(file, `cannot be read (${(err as NodeJS.ErrnoException).code ?? 'unknown error'})`);
  }
  try {
    return utf8.decode(bytes);
  } catch {
    throw new CorpusError(file, 'is not valid UTF-8 text');
  }
}

function readMeta(path: string, file: string): ArticleMeta {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
    throw new CorpusError(file, missing ? 'is missing (every article needs its metadata beside it)' : 'is not valid JSON');
  }
  const parsed = ArticleMetaSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `field "${i.path.join('.') || '(root)'}": ${i.message}`);
    throw new CorpusError(file, issues.join('; '));
  }
  return parsed.data;
}

/** Text files of a corpus folder, sorted so that article order (and ids) are stable. */
export function articleFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => join(dir, name));
}

/** Loads every article of the folder; the first bad one throws. */
export function loadCorpus(dir: string, root: string): Article[] {
  return articleFiles(dir).map((path) => loadArticle(path, root));
}

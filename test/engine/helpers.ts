/** Shared helpers for the engine tests: the real corpus, its file texts, and one engine per file. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Engine } from '../../src/answers/engine.js';
import { loadEngine as loadProjectEngine } from '../../src/runtime/load.js';
import { PROJECT_ROOT } from '../../src/runtime/paths.js';
import type { Answer, Snippet } from '../../src/answers/types.js';

export const ROOT = PROJECT_ROOT;
export const CORPUS_DIR = join(ROOT, 'corpus');

/** The article text files of the real corpus, as paths relative to the project root. */
export function corpusFiles(): string[] {
  return readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => `corpus/${f}`);
}

const texts = new Map<string, string>();
/** A file's text as stored on disk (cached), read independently of the engine. */
export function fileText(file: string): string {
  let t = texts.get(file);
  if (t === undefined) {
    t = readFileSync(join(ROOT, file), 'utf8');
    texts.set(file, t);
  }
  return t;
}

/** Site chrome of the real corpus that must never be indexed or quoted. */
export const CHROME = [
  'Click to follow',
  'Indy Politics',
  'Share this article',
  'Leave a Reply',
  'Connecting to %s',
  'commenting using',
  'Labour,\u00a0\u00a0Lutfur Rahman', // the blog's tag line (two non-breaking spaces)
  "Part of Lutfur Rahman candidate's leaflet praising Ken",
  'Please log in using one of these methods',
  'Twitter picture',
];

export function loadEngine(): Promise<Engine> {
  return loadProjectEngine({ root: ROOT });
}

/** Every snippet is exactly the slice of its file it claims to be. */
export function expectVerbatim(s: Snippet): void {
  const text = fileText(s.file);
  if (text.slice(s.start, s.end) !== s.text) {
    throw new Error(`snippet not verbatim: ${s.file}:${s.start}-${s.end} ${JSON.stringify(s.text.slice(0, 60))}`);
  }
}

/** Quote normalisation and case folding, as the question scorer does it. */
export function norm(s: string): string {
  return s
    .toLowerCase()
    .replace(/[\u2018\u2019`]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

/** All pages of an answer (stops at 20 pages, which no question here should need). */
export function allPages(engine: Engine, request: Parameters<Engine['answer']>[0]): Answer[] {
  const pages: Answer[] = [];
  for (let page = 0; page < 20; page++) {
    const a = engine.answer({ ...request, page });
    pages.push(a);
    if (!a.hasMore) break;
  }
  return pages;
}

/**
 * fast-check settings for a property: `numRuns` runs, or fewer when they take longer than the time
 * limit (a busy machine then checks fewer inputs instead of failing on a timeout).
 */
export function bounded(numRuns: number, timeLimitMs = 30_000): { numRuns: number; interruptAfterTimeLimit: number } {
  return { numRuns, interruptAfterTimeLimit: timeLimitMs };
}

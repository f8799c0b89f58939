/**
 * Where a built index comes from: a saved copy when one matches the corpus, otherwise a fresh build
 * that is then saved for the next start.
 *
 * A saved index is never trusted blindly. Its file name and header carry a key: a hash of the format
 * version, of the code that computes the annotations and of every article (metadata and text). The
 * payload carries a SHA-256 checksum, and the loaded annotations are checked for the invariants the
 * answer code relies on (ids and offsets in range). Any mismatch, a truncated or corrupt file, or an
 * index from an older format or older code is ignored and rebuilt; a cache problem never stops a start.
 *
 * File layout (one file per corpus, `index-<key>.idx` in the cache folder):
 *   line 1: a JSON header { magic, format, key, sha256, bytes }
 *   line 2: the MiniSearch index (its toJSON)
 *   line 3: the annotations, without article texts and refs (they are taken from the corpus itself,
 *           which the key proves identical, so the file stays smaller and cannot contradict it)
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article } from './corpus.js';
import type { AsPlainObject } from 'minisearch';
import { buildIndex, buildSavableIndex, loadMiniSearch, restoreIndex, type Annotations, type IndexedArticle, type SearchIndex } from './index.js';

/** Bumped whenever the saved layout or the meaning of the annotations changes. */
export const CACHE_FORMAT = 2; // 2: quotations carry word counts, mentions context cues
const MAGIC = 'affair-bot-index';
const FILE_PATTERN = /^index-[0-9a-f]{64}\.idx$/;

export interface CacheOptions {
  /** Folder for saved indexes; undefined disables the cache (always build, never save). */
  cacheDir?: string;
}

export interface LoadedIndex extends SearchIndex {
  /** 'cache' when a saved index was loaded, 'build' when the index was built from the corpus. */
  source: 'cache' | 'build';
  /** The corpus key the index belongs to (hex SHA-256). */
  key: string;
  /** The saved index file, when the cache is enabled. */
  file?: string;
  /**
   * Why a saved index was not used or the new one not saved ("corrupt: checksum mismatch", "could not
   * save: EACCES"); absent when everything went as expected, including a first start with no file.
   */
  problem?: string;
}

/** Loads the saved index of this corpus if there is a valid one; otherwise builds it and saves it. */
export function loadOrBuildIndex(corpus: Article[], options: CacheOptions = {}): LoadedIndex {
  const key = corpusKey(corpus);
  if (options.cacheDir === undefined) return { ...buildIndex(corpus), source: 'build', key };
  const file = join(options.cacheDir, `index-${key}.idx`);
  const loaded = readSaved(file, key, corpus);
  if (loaded.index) return { ...loaded.index, source: 'cache', key, file };
  const { index: built, minisearch } = buildSavableIndex(corpus);
  const saveProblem = save(options.cacheDir, file, key, built, minisearch);
  const problem = [loaded.problem, saveProblem].filter(Boolean).join('; ') || undefined;
  return { ...built, source: 'build', key, file, ...(problem ? { problem } : {}) };
}

/**
 * The key of a corpus: the format, the annotation code and every article's metadata and text.
 * Each part is length-prefixed so that moving text between articles cannot produce the same hash.
 */
export function corpusKey(corpus: Article[]): string {
  const hash = createHash('sha256');
  const part = (s: string) => {
    hash.update(`${Buffer.byteLength(s)}:`);
    hash.update(s);
  };
  part(`${MAGIC}/${CACHE_FORMAT}`);
  part(codeFingerprint());
  part(String(corpus.length));
  for (const article of corpus) {
    part(canonicalJson(article.ref));
    part(article.text);
  }
  return hash.digest('hex');
}

let fingerprint: string | undefined;

/**
 * A hash of the retrieval sources next to this file, so that an index saved by older annotation code
 * is stale even when nobody remembered to bump CACHE_FORMAT. Where the sources are not readable (a
 * bundled build), the format version alone keys the code.
 */
function codeFingerprint(): string {
  if (fingerprint !== undefined) return fingerprint;
  const hash = createHash('sha256');
  try {
    const dir = dirname(fileURLToPath(import.meta.url));
    for (const name of readdirSync(dir).filter((n) => /\.[cm]?[jt]s$/.test(n)).sort()) {
      hash.update(`${name}\0`);
      hash.update(readFileSync(join(dir, name)));
    }
  } catch {
    hash.update('sources unavailable');
  }
  fingerprint = hash.digest('hex');
  return fingerprint;
}

/** JSON with sorted keys, so that metadata key order does not change the key. */
function canonicalJson(value: object): string {
  const entries = Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(Object.fromEntries(entries));
}

interface Header {
  magic: string;
  format: number;
  key: string;
  sha256: string;
  bytes: number;
}

/** What is saved of the annotations: articles keep only their paragraphs. */
type SavedAnnotations = Omit<Annotations, 'articles'> & { articles: { paragraphs: IndexedArticle['paragraphs'] }[] };

function save(dir: string, file: string, key: string, index: SearchIndex, minisearch: AsPlainObject): string | undefined {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    const saved: SavedAnnotations = { ...index.data, articles: index.data.articles.map((a) => ({ paragraphs: a.paragraphs })) };
    const body = Buffer.from(`${JSON.stringify(minisearch)}\n${JSON.stringify(saved)}`);
    const header: Header = { magic: MAGIC, format: CACHE_FORMAT, key, sha256: sha256(body), bytes: body.length };
    mkdirSync(dir, { recursive: true });
    // Written aside and renamed, so that a crash or a concurrent start never sees half a file.
    writeFileSync(tmp, Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), body]));
    renameSync(tmp, file);
    // Indexes of earlier corpora would only accumulate: one corpus, one file.
    for (const name of readdirSync(dir)) {
      if (FILE_PATTERN.test(name) && join(dir, name) !== file) rmSync(join(dir, name), { force: true });
    }
    return undefined;
  } catch (err) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // Nothing was written where the folder cannot exist.
    }
    return `could not save ${file}: ${(err as Error).message}`;
  }
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Reads and checks a saved index; `problem` says why it was not usable (absent for no file). */
function readSaved(file: string, key: string, corpus: Article[]): { index?: SearchIndex; problem?: string } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? {} : { problem: `could not read ${file}: ${code ?? (err as Error).message}` };
  }
  try {
    const newline = bytes.indexOf(0x0a);
    if (newline < 0) throw new CacheFault('no header line');
    const header = JSON.parse(bytes.subarray(0, newline).toString('utf8')) as Partial<Header>;
    if (header.magic !== MAGIC) throw new CacheFault('not an affair-bot index');
    if (header.format !== CACHE_FORMAT) throw new CacheFault(`stale: format ${String(header.format)}, expected ${CACHE_FORMAT}`);
    if (header.key !== key) throw new CacheFault('stale: saved for another corpus or older code');
    const body = bytes.subarray(newline + 1);
    if (body.length !== header.bytes) throw new CacheFault(`truncated: ${body.length} bytes, header says ${String(header.bytes)}`);
    if (sha256(body) !== header.sha256) throw new CacheFault('corrupt: checksum mismatch');
    const split = body.indexOf(0x0a);
    if (split < 0) throw new CacheFault('no annotations line');
    const saved = JSON.parse(body.subarray(split + 1).toString('utf8')) as SavedAnnotations;
    const data = checkAnnotations(saved, corpus);
    const index = restoreIndex(body.subarray(0, split).toString('utf8'), data);
    if (index.postings.documentCount !== data.passages.length) {
      throw new CacheFault(`invalid: ${index.postings.documentCount} indexed passages for ${data.passages.length} annotated`);
    }
    return { index };
  } catch (err) {
    const reason = err instanceof CacheFault ? err.message : `corrupt: ${(err as Error).message}`;
    return { problem: `ignored saved index ${file} (${reason})` };
  }
}

class CacheFault extends Error {}

/**
 * MiniSearch itself, loaded from the index saved in `file` (its second line): the reference that the
 * compact query-time form is measured against by the bench. Not used to answer questions.
 */
export function loadSavedMiniSearch(file: string): ReturnType<typeof loadMiniSearch> {
  const lines = readFileSync(file, 'utf8').split('\n', 3);
  if (lines.length < 3) throw new Error(`affair-bot: ${file} is not a saved index (fewer than 3 lines)`);
  return loadMiniSearch(lines[1]!);
}

/**
 * Checks the invariants answer code relies on without re-validating every field: every id and offset
 * points inside the corpus. The checksum already proves the bytes are what was written; this catches
 * a writer bug or a format change that kept the same version.
 */
function checkAnnotations(saved: SavedAnnotations, corpus: Article[]): Annotations {
  const fail = (what: string): never => {
    throw new CacheFault(`invalid: ${what}`);
  };
  if (typeof saved !== 'object' || saved === null) fail('annotations are not an object');
  const { passages, persons, quotes, termPassages } = saved;
  if (!Array.isArray(saved.articles) || saved.articles.length !== corpus.length) fail('article count differs from the corpus');
  if (!Array.isArray(passages) || !Array.isArray(persons) || !Array.isArray(quotes)) fail('missing passages, persons or quotes');
  if (typeof termPassages !== 'object' || termPassages === null) fail('missing term counts');
  const articles: IndexedArticle[] = saved.articles.map((a, i) => {
    const text = corpus[i]!.text;
    if (!Array.isArray(a?.paragraphs)) fail(`article ${i} has no paragraphs`);
    for (const p of a.paragraphs) if (!inText(p, text) || !Number.isInteger(p.n)) fail(`paragraph of article ${i} out of range`);
    return { ref: corpus[i]!.ref, text, paragraphs: a.paragraphs };
  });
  const personIds = new Set<string>();
  for (const p of persons) {
    if (typeof p?.id !== 'string' || typeof p.name !== 'string' || typeof p.last !== 'string') fail('malformed person');
    personIds.add(p.id);
  }
  passages.forEach((p, i) => {
    if (p?.id !== i) fail(`passage ${i} has id ${String(p?.id)}`);
    const text = corpus[p.article]?.text;
    if (text === undefined || !inText(p, text)) fail(`passage ${i} out of range`);
    if (!Array.isArray(p.mentions) || !Array.isArray(p.dates) || !Array.isArray(p.twins)) fail(`passage ${i} is missing lists`);
    for (const m of p.mentions) if (!personIds.has(m.person) || !inText(m, text!)) fail(`mention in passage ${i}`);
    for (const d of p.dates) if (!inText(d, text!)) fail(`date in passage ${i}`);
    for (const t of p.twins) if (passages[t] === undefined) fail(`twin of passage ${i}`);
  });
  quotes.forEach((q, i) => {
    const text = corpus[q?.article]?.text;
    if (q?.id !== i || text === undefined || !inText(q, text)) fail(`quote ${i} out of range`);
    if (!Array.isArray(q.passages) || q.passages.some((p) => passages[p] === undefined)) fail(`passages of quote ${i}`);
    if (!Number.isInteger(q.wordCount)) fail(`word count of quote ${i}`);
    if (q.person !== undefined && !personIds.has(q.person)) fail(`speaker of quote ${i}`);
  });
  return { articles, passages, persons, quotes, termPassages };
}

function inText(span: { start: unknown; end: unknown } | undefined, text: string): boolean {
  if (!span) return false;
  const { start, end } = span;
  return Number.isInteger(start) && Number.isInteger(end) && (start as number) >= 0 && (start as number) <= (end as number) && (end as number) <= text.length;
}

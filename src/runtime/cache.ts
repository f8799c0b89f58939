/**
 * Where a built index comes from: a saved copy when one matches the corpus, otherwise a fresh build
 * (the index and everything the answers derive from it, see deriveLookup) that is then saved for the
 * next start. Loading is reading: nothing derivable from the corpus is computed again.
 *
 * A saved index is never trusted blindly. Its file name and header carry a key: a hash of the format
 * version, of the code that computes the index and of every article (metadata and text). Each
 * section carries its own SHA-256 checksum (src/runtime/store.ts), and the decoded content is checked
 * against the corpus before use: every id, offset, field id and length, and the names and speakers it
 * restores (src/retrieval/index-codec.ts, decodeLookup). Any mismatch, a truncated or corrupt file, or
 * an index from an older format or older code is ignored and rebuilt; a cache problem never stops a start.
 *
 * One file per corpus, `index-<key>.idx` in the cache folder; written aside (`.tmp`) and renamed.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { threadId } from 'node:worker_threads';
import { decodeLookup, deriveLookup, encodeLookup, type LookupData } from '../answers/lookup.js';
import { InvalidIndex, runSliced, runToEnd, type Section, Sections } from '../core/sections.js';
import type { Article } from '../retrieval/corpus.js';
import { decodeIndex, encodeIndex } from '../retrieval/index-codec.js';
import { buildIndex, type SearchIndex } from '../retrieval/index.js';
import { readSections, readSectionsSliced, removeQuietly, StoreFault, writeSections } from './store.js';

/** Bumped whenever the saved layout or the meaning of what is saved changes. */
export const CACHE_FORMAT = 3; // 3: binary sections, derived lookup data saved
const MAGIC = 'affair-bot-index';
const FILE_PATTERN = /^index-[0-9a-f]{64}\.idx$/;
const TMP_PATTERN = /^index-[0-9a-f]{64}\.idx\.(\d+)-\d+\.tmp$/;
/** A temporary file this old is left over from a crash even if its process id was reused since. */
const STALE_TMP_MS = 60 * 60 * 1000;

export interface CacheOptions {
  /** Folder for saved indexes; undefined disables the cache (always build, never save). */
  cacheDir?: string;
}

/** An index with what the answers derive from it: all a started engine needs. */
export interface BuiltIndex extends SearchIndex {
  lookup: LookupData;
}

export interface LoadedIndex extends BuiltIndex {
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

/** Builds the index of a corpus and derives the answers' lookup data from it. */
export function buildAll(corpus: Article[]): BuiltIndex {
  const index = buildIndex(corpus);
  return { ...index, lookup: deriveLookup(index) };
}

/** Loads the saved index of this corpus if there is a valid one; otherwise builds it and saves it. */
export function loadOrBuildIndex(corpus: Article[], options: CacheOptions = {}): LoadedIndex {
  const key = corpusKey(corpus);
  if (options.cacheDir === undefined) return { ...buildAll(corpus), source: 'build', key };
  const file = indexFile(options.cacheDir, key);
  removeStaleTemporaries(options.cacheDir);
  const loaded = readIndex(file, key, corpus);
  if (loaded.index) return { ...loaded.index, source: 'cache', key, file };
  const built = buildAll(corpus);
  const saveProblem = saveIndex(options.cacheDir, key, built);
  const problem = [loaded.problem, saveProblem].filter(Boolean).join('; ') || undefined;
  return { ...built, source: 'build', key, file, ...(problem ? { problem } : {}) };
}

export function indexFile(cacheDir: string, key: string): string {
  return join(cacheDir, `index-${key}.idx`);
}

/** Everything saved of an index, as sections. */
export function sectionsOf(built: BuiltIndex): Section[] {
  return [...encodeIndex(built), ...encodeLookup(built.lookup)];
}

/** Saves an index for its corpus key; returns the problem when it could not. */
export function saveIndex(cacheDir: string, key: string, built: BuiltIndex | Section[]): string | undefined {
  const file = indexFile(cacheDir, key);
  const tmp = `${file}.${process.pid}-${threadId}.tmp`;
  try {
    mkdirSync(cacheDir, { recursive: true });
    writeSections(file, tmp, CACHE_FORMAT, key, Array.isArray(built) ? built : sectionsOf(built));
    // Indexes of earlier corpora would only accumulate: one corpus, one file.
    for (const name of readdirSync(cacheDir)) {
      if (FILE_PATTERN.test(name) && join(cacheDir, name) !== file) removeQuietly(join(cacheDir, name));
    }
    return undefined;
  } catch (err) {
    removeQuietly(tmp);
    return `could not save ${file}: ${(err as Error).message}`;
  }
}

/**
 * Removes temporary files that a crash mid-save left behind: those of processes that no longer run,
 * and any older than an hour. A save in progress (a live process, a recent file) is left alone.
 */
export function removeStaleTemporaries(cacheDir: string): void {
  let names: string[];
  try {
    names = readdirSync(cacheDir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = TMP_PATTERN.exec(name);
    if (!m) continue;
    const path = join(cacheDir, name);
    try {
      if (!alive(Number(m[1])) || Date.now() - statSync(path).mtimeMs > STALE_TMP_MS) removeQuietly(path);
    } catch {
      // Gone meanwhile.
    }
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Reads and checks a saved index; `problem` says why it was not usable (absent for no file). */
export function readIndex(file: string, key: string, corpus: Article[]): { index?: BuiltIndex; problem?: string } {
  try {
    return { index: decodeAll(readSections(file, { format: CACHE_FORMAT, key }), corpus) };
  } catch (err) {
    return unusable(file, err);
  }
}

/** The same, a slice at a time with the event loop free in between (see runSliced). */
export async function readIndexSliced(file: string, key: string, corpus: Article[]): Promise<{ index?: BuiltIndex; problem?: string }> {
  try {
    const sections = await readSectionsSliced(file, { format: CACHE_FORMAT, key });
    return { index: await runSliced(decodeSteps(sections, corpus)) };
  } catch (err) {
    return unusable(file, err);
  }
}

/** An index from its sections, every one checked against the corpus (throws InvalidIndex). */
export function decodeAll(sections: Section[], corpus: Article[]): BuiltIndex {
  return runToEnd(decodeSteps(sections, corpus));
}

export function* decodeSteps(sections: Section[], corpus: Article[]): Generator<void, BuiltIndex> {
  const s = new Sections(sections);
  const index = yield* decodeIndex(s, corpus);
  const lookup = yield* decodeLookup(s, index);
  return { ...index, lookup };
}

function unusable(file: string, err: unknown): { problem?: string } {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return {};
  if (code !== undefined) return { problem: `could not read ${file}: ${code}` };
  const reason = err instanceof StoreFault ? err.message : err instanceof InvalidIndex ? `invalid: ${err.message}` : `corrupt: ${(err as Error).message}`;
  return { problem: `ignored saved index ${file} (${reason})` };
}

/**
 * The key of a corpus: the format, the index code and every article's metadata and text.
 * Each part is length-prefixed so that moving text between articles cannot produce the same hash.
 */
export function corpusKey(corpus: Article[]): string {
  return runToEnd(corpusKeySteps(corpus));
}

export function* corpusKeySteps(corpus: Article[]): Generator<void, string> {
  const hash = createHash('sha256');
  const part = (s: string) => {
    hash.update(`${Buffer.byteLength(s)}:`);
    hash.update(s);
  };
  part(`${MAGIC}/${CACHE_FORMAT}`);
  part(codeFingerprint());
  part(String(corpus.length));
  for (let i = 0; i < corpus.length; i++) {
    part(canonicalJson(corpus[i]!.ref));
    part(corpus[i]!.text);
    if (i % 64 === 63) yield;
  }
  return hash.digest('hex');
}

let fingerprint: string | undefined;

/**
 * A hash of the code that computes what is saved (src/core, src/retrieval, src/answers: the lookup data
 * are derived with the answers' own person resolution and ranking), so that an index saved by older
 * code is stale even when nobody remembered to bump CACHE_FORMAT. Where the sources are not readable
 * (a bundled build), the format version alone keys the code.
 */
function codeFingerprint(): string {
  if (fingerprint !== undefined) return fingerprint;
  const hash = createHash('sha256');
  try {
    const src = join(dirname(fileURLToPath(import.meta.url)), '..');
    for (const folder of ['core', 'retrieval', 'answers']) {
      for (const name of readdirSync(join(src, folder)).filter((n) => /\.[cm]?[jt]s$/.test(n)).sort()) {
        hash.update(`${folder}/${name}\0`);
        hash.update(readFileSync(join(src, folder, name)));
      }
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

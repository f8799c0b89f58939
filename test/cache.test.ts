import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadEngine } from '../src/runtime/load.js';
import type { AnswerRequest } from '../src/answers/types.js';
import { corpusKey, loadOrBuildIndex, type LoadedIndex } from '../src/retrieval/cache.js';
import { loadCorpus } from '../src/retrieval/corpus.js';
import { buildIndex, SEARCH_OPTIONS } from '../src/retrieval/index.js';

const ROOT = resolve(import.meta.dirname, '..');
let work: string;
let corpusDir: string;
let cacheDir: string;

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'affair-bot-cache-'));
  corpusDir = join(work, 'corpus');
  cacheDir = join(work, 'cache');
  cpSync(join(ROOT, 'corpus'), corpusDir, { recursive: true });
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

const load = () => loadOrBuildIndex(loadCorpus(corpusDir, work), { cacheDir });
const cacheFiles = () => readdirSync(cacheDir).filter((f) => f.endsWith('.idx'));

/** Rewrites the saved file: `edit` may change the header and the body; the checksum is recomputed unless told not to. */
function tamper(file: string, edit: (header: Record<string, unknown>, body: string) => string, recompute = true): void {
  const bytes = readFileSync(file, 'utf8');
  const newline = bytes.indexOf('\n');
  const header = JSON.parse(bytes.slice(0, newline)) as Record<string, unknown>;
  const body = edit(header, bytes.slice(newline + 1));
  if (recompute) {
    header.sha256 = createHash('sha256').update(body).digest('hex');
    header.bytes = Buffer.byteLength(body);
  }
  writeFileSync(file, `${JSON.stringify(header)}\n${body}`);
}

function expectRebuilt(result: LoadedIndex, problem: RegExp): void {
  expect(result.source).toBe('build');
  expect(result.problem).toMatch(problem);
  // The rebuilt index replaced the bad file: the next start loads it.
  expect(load().source).toBe('cache');
}

describe('loadOrBuildIndex', () => {
  it('builds and saves on the first start, then loads the saved index while the corpus is unchanged', () => {
    const first = load();
    expect(first.source).toBe('build');
    expect(first.problem).toBeUndefined();
    expect(cacheFiles()).toEqual([`index-${first.key}.idx`]);
    const second = load();
    expect(second.source).toBe('cache');
    expect(second.key).toBe(first.key);
    expect(second.problem).toBeUndefined();
  });

  it('without a cache folder always builds and writes nothing', () => {
    const result = loadOrBuildIndex(loadCorpus(corpusDir, work));
    expect(result.source).toBe('build');
    expect(result.file).toBeUndefined();
    expect(existsSync(cacheDir)).toBe(false);
  });

  it('gives a loaded index identical to a fresh build: annotations and search results', () => {
    load();
    const cached = load();
    const fresh = buildIndex(loadCorpus(corpusDir, work));
    expect(cached.source).toBe('cache');
    expect(cached.data).toEqual(fresh.data);
    for (const query of ['Lutfur Rahman', 'livingston expeled', 'second preference votes', 'Tower Hamlets mayor', 'NEC']) {
      expect(cached.postings.search(query, SEARCH_OPTIONS)).toEqual(fresh.postings.search(query, SEARCH_OPTIONS));
    }
  });

  it('answers every command the same from the saved index as from a fresh build', async () => {
    await loadEngine({ corpusDir, root: work, cacheDir }); // fills the cache
    expect(cacheFiles()).toHaveLength(1);
    const fromCache = await loadEngine({ corpusDir, root: work, cacheDir });
    const fresh = await loadEngine({ corpusDir, root: work });
    const requests: AnswerRequest[] = [
      { command: 'who', query: 'Lutfur Rahman' },
      { command: 'who', query: 'Rahmen' },
      { command: 'when', query: 'councillors expelled from Labour' },
      { command: 'quote', query: 'Ken Livingstone', about: 'second preference' },
      { command: 'ask', query: 'Which MP called for Livingstone’s expulsion on his blog?' },
      { command: 'who', query: 'Theresa May' },
    ];
    for (const request of requests) expect(fromCache.answer(request)).toEqual(fresh.answer(request));
  });

  it('rebuilds when an article changes, and then finds the new text', () => {
    const before = load();
    const [file] = readdirSync(corpusDir).filter((f) => f.endsWith('.txt'));
    appendFileSync(join(corpusDir, file!), '\nThe zeppelin landed on the town hall roof, the council said.\n');
    const after = load();
    expect(after.source).toBe('build');
    expect(after.key).not.toBe(before.key);
    expect(after.postings.search('zeppelin', SEARCH_OPTIONS).length).toBeGreaterThan(0);
    // The old corpus's index is not kept around.
    expect(cacheFiles()).toEqual([`index-${after.key}.idx`]);
    expect(load().source).toBe('cache');
  });

  it('rebuilds when only the metadata changes', () => {
    const before = load();
    const [meta] = readdirSync(corpusDir).filter((f) => f.endsWith('.meta.json'));
    const path = join(corpusDir, meta!);
    writeFileSync(path, JSON.stringify({ ...JSON.parse(readFileSync(path, 'utf8')), date: '2010-10-05' }));
    const after = load();
    expect(after.source).toBe('build');
    expect(after.key).not.toBe(before.key);
  });

  it('keys the corpus by content, not by article order or metadata key order', () => {
    const corpus = loadCorpus(corpusDir, work);
    const reordered = corpus.map((a) => ({ ...a, ref: Object.fromEntries(Object.entries(a.ref).reverse()) as typeof a.ref }));
    expect(corpusKey(reordered)).toBe(corpusKey(corpus));
    const swapped = [corpus[1]!, corpus[0]!, ...corpus.slice(2)];
    expect(corpusKey(swapped)).not.toBe(corpusKey(corpus));
  });

  it('ignores and rebuilds a file whose bytes were damaged', () => {
    const { file } = load();
    const bytes = readFileSync(file!);
    bytes[bytes.length - 100] = bytes[bytes.length - 100]! ^ 0x20;
    writeFileSync(file!, bytes);
    expectRebuilt(load(), /corrupt: checksum mismatch/);
  });

  it('ignores and rebuilds a truncated file', () => {
    const { file } = load();
    const bytes = readFileSync(file!);
    writeFileSync(file!, bytes.subarray(0, bytes.length - 10));
    expectRebuilt(load(), /truncated/);
  });

  it('ignores and rebuilds a file that is not an index at all', () => {
    const { file } = load();
    writeFileSync(file!, 'not json\n{');
    expectRebuilt(load(), /corrupt/);
    writeFileSync(file!, '');
    expectRebuilt(load(), /no header line/);
  });

  it('ignores and rebuilds an index saved in another format version', () => {
    const { file } = load();
    tamper(file!, (header, body) => {
      header.format = 0;
      return body;
    });
    expectRebuilt(load(), /stale: format 0/);
  });

  it('ignores and rebuilds an index saved for another corpus or older code', () => {
    const { file, key } = load();
    tamper(file!, (header, body) => {
      header.key = key.replace(/^./, (c) => (c === '0' ? '1' : '0'));
      return body;
    });
    expectRebuilt(load(), /stale: saved for another corpus or older code/);
  });

  it('ignores an index whose checksum is right but whose annotations point outside the corpus', () => {
    const { file } = load();
    tamper(file!, (_header, body) => {
      const [minisearch, data] = body.split('\n');
      const annotations = JSON.parse(data!) as { passages: { end: number }[] };
      annotations.passages[3]!.end = 10_000_000;
      return `${minisearch}\n${JSON.stringify(annotations)}`;
    });
    expectRebuilt(load(), /invalid: passage 3 out of range/);
  });

  it('ignores an index whose MiniSearch part does not match the annotations', () => {
    const { file } = load();
    tamper(file!, (_header, body) => {
      const [minisearch, data] = body.split('\n');
      const index = JSON.parse(minisearch!) as { documentCount: number };
      index.documentCount -= 1;
      return `${JSON.stringify(index)}\n${data}`;
    });
    expectRebuilt(load(), /invalid: \d+ indexed passages/);
  });

  it('still starts when the cache cannot be written, and says why', () => {
    const blocked = join(work, 'a-file');
    writeFileSync(blocked, 'x');
    const result = loadOrBuildIndex(loadCorpus(corpusDir, work), { cacheDir: join(blocked, 'cache') });
    expect(result.source).toBe('build');
    expect(result.problem).toMatch(/could not save/);
    expect(result.data.passages.length).toBeGreaterThan(0);
  });
});

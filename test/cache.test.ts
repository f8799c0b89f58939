import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadEngine } from '../src/runtime/load.js';
import type { AnswerRequest } from '../src/answers/types.js';
import type { SectionValue } from '../src/core/sections.js';
import { CACHE_FORMAT, corpusKey, loadOrBuildIndex, type LoadedIndex } from '../src/runtime/cache.js';
import { readSections, writeSections } from '../src/runtime/store.js';
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

/**
 * Rewrites the saved file as a forger would: sections changed by `edit`, every checksum recomputed,
 * so only the content checks can tell.
 */
function forge(file: string, key: string, edit: (sections: Map<string, SectionValue>) => void, header: { format?: number; key?: string } = {}): void {
  const sections = new Map(readSections(file, { format: CACHE_FORMAT, key }).map((s) => [s.name, s.value]));
  edit(sections);
  writeSections(file, `${file}.forge`, header.format ?? CACHE_FORMAT, header.key ?? key, [...sections].map(([name, value]) => ({ name, value })));
}

/** A JSON list section's items, edited. */
function editList(sections: Map<string, SectionValue>, name: string, edit: (items: unknown[]) => void): void {
  const items = JSON.parse(sections.get(name) as string) as unknown[];
  edit(items);
  sections.set(name, JSON.stringify(items));
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
    const { file, key } = load();
    forge(file!, key, () => {}, { format: 0 });
    expectRebuilt(load(), /stale: format 0/);
  });

  it('ignores and rebuilds an index saved for another corpus or older code', () => {
    const { file, key } = load();
    forge(file!, key, () => {}, { key: key.replace(/^./, (c) => (c === '0' ? '1' : '0')) });
    expectRebuilt(load(), /stale: saved for another corpus or older code/);
  });

  it('ignores an index whose checksums are right but whose passages point outside the corpus', () => {
    const { file, key } = load();
    forge(file!, key, (s) => ((s.get('passages.end') as Int32Array)[3] = 10_000_000));
    expectRebuilt(load(), /invalid: passage 3 out of range/);
  });

  it('ignores an index whose search part does not match the passages', () => {
    const { file, key } = load();
    forge(file!, key, (s) => editList(s, 'postings.meta.0', (items) => ((items[0] as { documentCount: number }).documentCount -= 1)));
    expectRebuilt(load(), /invalid: postings: \d+ documents for \d+ expected/);
  });

  it('refuses a forged field count at once, without allocating for it', () => {
    const { file, key } = load();
    // The JSON format accepted a field id of 100,000,000: 19 s and 5.5 GB to start. Only the file's own
    // bytes are ever allocated now, and a field count is checked before use.
    forge(file!, key, (s) => editList(s, 'postings.meta.0', (items) => ((items[0] as { fields: string[] }).fields = Array.from({ length: 100_000 }, (_, i) => `f${i}`))));
    expectRebuilt(load(), /invalid: postings: 100000 fields/);
    forge(file!, key, (s) => s.set('postings.fieldLengths', new Uint32Array(1)));
    expectRebuilt(load(), /invalid: section postings.fieldLengths has 1 values/);
  });

  it('refuses shifted ids (which made every /ask throw) and answers from a rebuilt index', async () => {
    const { file, key } = load();
    forge(file!, key, (s) => {
      const ids = s.get('postings.ids') as Float64Array;
      for (let i = 0; i < ids.length; i++) ids[i] = i + 1;
    });
    expectRebuilt(load(), /invalid: postings: short id 0 is document 1/);
    forge(file!, key, (s) => {
      const ranked = s.get('lookup.introductions.passages') as Int32Array;
      for (let i = 0; i < ranked.length; i++) ranked[i] = (ranked[i]! + 1) % (s.get('passages.start') as Int32Array).length;
    });
    expectRebuilt(load(), /invalid: lookup: passage \d+ ranked for/);
    forge(file!, key, (s) => {
      const quoted = s.get('quotes.passages.ids') as Int32Array;
      for (let i = 0; i < quoted.length; i++) quoted[i] = quoted[i]! + 1;
    });
    expectRebuilt(load(), /invalid: passages of quote \d+/);
    const engine = await loadEngine({ corpusDir, root: work, cacheDir });
    const fresh = await loadEngine({ corpusDir, root: work });
    for (const query of ['Why was Ken Livingstone threatened with expulsion?', 'Who is Lutfur Rahman?', 'What did Ken Livingstone say about Lutfur Rahman?']) {
      expect(engine.answer({ command: 'ask', query })).toEqual(fresh.answer({ command: 'ask', query }));
    }
    expect(engine.answer({ command: 'who', query: 'Lutfur Rahman' }).abstained).toBe(false);
  });

  it('refuses rewritten names and speakers', () => {
    const { file, key } = load();
    const rename = (items: unknown[]) => {
      const row = items.find((p) => (p as string[])[1] === 'Lutfur Rahman') as [string, string, string, string, number];
      row[0] = 'lutfur-evil';
      row[1] = 'Lutfur Evil';
      row[3] = 'Evil';
    };
    forge(file!, key, (s) => editList(s, 'persons.0', rename));
    expectRebuilt(load(), /invalid: .*(Lutfur Evil|Lutfur Rahman)/);
    forge(file!, key, (s) => editList(s, 'quotes.speaker.0', (items) => ((items[0] as string[])[0] = 'the Archbishop of Canterbury')));
    expectRebuilt(load(), /invalid: speaker of quote 0/);
    forge(file!, key, (s) => editList(s, 'quotes.speaker.0', (items) => ((items[0] as string[])[1] = 'a made-up description')));
    expectRebuilt(load(), /invalid: speaker context of quote 0/);
  });

  it('removes temporary files a crash left behind, and keeps one a running save is writing', () => {
    const { key } = load();
    const crashed = join(cacheDir, `index-${key}.idx.999999999-0.tmp`);
    const running = join(cacheDir, `index-${key}.idx.${process.pid}-7.tmp`);
    writeFileSync(crashed, 'half an index');
    writeFileSync(running, 'a save in progress');
    expect(load().source).toBe('cache');
    expect(existsSync(crashed)).toBe(false);
    expect(existsSync(running)).toBe(true);
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

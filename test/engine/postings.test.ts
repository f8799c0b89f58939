/**
 * The compact query-time index against its oracle: MiniSearch's own `search` on the same saved index.
 * Every query is checked for the same documents, the same scores in the same order, and the same
 * matched terms, over the real corpus, with the option combinations the engine uses and others.
 */
import fc from 'fast-check';
import MiniSearch, { type SearchOptions, type SearchResult } from 'minisearch';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/retrieval/corpus.js';
import { buildIndexAndMiniSearch, loadMiniSearch, MINISEARCH_OPTIONS, SEARCH_OPTIONS, type SearchIndex } from '../../src/retrieval/index.js';
import { Postings, type PostingsResult } from '../../src/retrieval/postings.js';
import { words } from '../../src/retrieval/text.js';
import { bounded, CORPUS_DIR, ROOT } from './helpers.js';

let index: SearchIndex;
let reference: MiniSearch<{ id: number; text: string }>;
let vocabulary: string[];

beforeAll(() => {
  const corpus = loadCorpus(CORPUS_DIR, ROOT);
  const built = buildIndexAndMiniSearch(corpus);
  index = built.index;
  reference = loadMiniSearch(JSON.stringify(built.minisearch));
  vocabulary = [...new Set(corpus.flatMap((a) => words(a.text)))].sort();
});

/** Same documents and scores in the same order (documents with equal scores may swap), same terms. */
function expectSameResults(actual: PostingsResult[], expected: SearchResult[]): void {
  expect(actual.map((r) => r.score)).toHaveLength(expected.length);
  actual.forEach((r, i) => expect(r.score).toBeCloseTo(expected[i]!.score, 9));
  const byId = new Map(expected.map((r) => [r.id as number, r]));
  for (const r of actual) {
    const e = byId.get(r.id);
    expect(e, `document ${r.id} is not a MiniSearch result`).toBeDefined();
    expect(r.score).toBeCloseTo(e!.score, 9);
    expect([...r.queryTerms].sort()).toEqual([...e!.queryTerms].sort());
    expect([...r.terms].sort()).toEqual([...e!.terms].sort());
  }
}

/** A word of the corpus, the same with a typo, a stop word, or noise. */
const word = () =>
  fc.oneof(
    fc.nat().map((n) => vocabulary[n % vocabulary.length]!),
    fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('', 'e', 'x')).map(([n, at, by]) => {
      const w = vocabulary[n % vocabulary.length]!;
      const i = at % w.length;
      return w.slice(0, i) + by + w.slice(i + 1);
    }),
    fc.constantFrom('the', 'of', 'Labour', 'Livingstone', 'Rahman', 'mayor'),
    fc.string({ maxLength: 6 }),
  );
const query = () => fc.array(word(), { minLength: 1, maxLength: 7 }).map((ws) => ws.join(' '));

const options = (): fc.Arbitrary<SearchOptions> =>
  fc.record({
    combineWith: fc.constantFrom('OR', 'AND', 'or'),
    fuzzy: fc.constantFrom(false, true, 0.2, 2, SEARCH_OPTIONS.fuzzy),
    prefix: fc.constantFrom(false, true, SEARCH_OPTIONS.prefix),
    weights: fc.constantFrom(undefined, SEARCH_OPTIONS.weights, { fuzzy: 0.1, prefix: 0.9 }),
    maxFuzzy: fc.constantFrom(undefined, 1, 6),
  }).map(
    // An option given as undefined is absent (MiniSearch would take an explicit undefined maxFuzzy
    // literally and fuzzy-match nothing).
    (o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as SearchOptions,
  );

describe('Postings (the compact index) against MiniSearch.search', () => {
  it('returns what MiniSearch returns for any query and options, on the real corpus', () => {
    fc.assert(
      fc.property(query(), options(), (q, opts) => {
        expectSameResults(index.postings.search(q, opts as never), reference.search(q, opts));
      }),
      bounded(400),
    );
  });

  it('with the search options the engine uses', () => {
    for (const q of ['Lutfur Rahman', 'livingston expeled', 'second preference votes', 'Labour Labour mayor', 'Rahmen', 'expul', 'NEC']) {
      expectSameResults(index.postings.search(q, SEARCH_OPTIONS), reference.search(q, SEARCH_OPTIONS));
    }
  });

  it('returns the best `limit` results of the full list, and filters before the limit', () => {
    fc.assert(
      fc.property(query(), fc.integer({ min: 1, max: 40 }), (q, limit) => {
        const all = index.postings.search(q, SEARCH_OPTIONS);
        expect(index.postings.search(q, { ...SEARCH_OPTIONS, limit })).toEqual(all.slice(0, limit));
        const even = (id: number) => id % 2 === 0;
        expect(index.postings.search(q, { ...SEARCH_OPTIONS, filter: even, limit })).toEqual(all.filter((r) => even(r.id)).slice(0, limit));
      }),
      bounded(200),
    );
  });

  it('searches the fields asked for, with their boosts, in a multi-field index', () => {
    const docs = index.data.passages.map((p) => {
      const text = index.data.articles[p.article]!.text.slice(p.start, p.end);
      const half = Math.floor(text.length / 2);
      return { id: p.id, head: text.slice(0, half), tail: text.slice(half) };
    });
    const multi = new MiniSearch<{ id: number; head: string; tail: string }>({ ...MINISEARCH_OPTIONS, fields: ['head', 'tail'] } as never);
    multi.addAll(docs);
    const postings = new Postings(multi.toJSON(), MINISEARCH_OPTIONS);
    fc.assert(
      fc.property(query(), fc.constantFrom(undefined, ['head'], ['tail'], ['tail', 'head']), fc.constantFrom(undefined, { head: 3 }), (q, fields, boost) => {
        const opts = { ...SEARCH_OPTIONS, ...(fields ? { fields: [...fields] } : {}), ...(boost ? { boost } : {}) };
        expectSameResults(postings.search(q, opts), multi.search(q, opts));
      }),
      bounded(200),
    );
  });

  it('refuses what it cannot reproduce, naming the bad value', () => {
    const plain = JSON.parse(JSON.stringify(reference)) as ReturnType<MiniSearch['toJSON']>;
    expect(() => new Postings({ ...plain, serializationVersion: 1 }, MINISEARCH_OPTIONS)).toThrow(/^affair-bot: MiniSearch index format 1/);
    expect(() => new Postings({ ...plain, documentIds: { 0: 'a' } }, MINISEARCH_OPTIONS)).toThrow(/numeric ids only, got "a"/);
    expect(() => index.postings.search('Rahman', { combineWith: 'AND_NOT' })).toThrow(/combineWith must be "OR" or "AND", got "AND_NOT"/);
    expect(() => index.postings.search('Rahman', { fields: ['title'] })).toThrow(/no field "title"/);
  });
});

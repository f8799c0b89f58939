/**
 * The query-time form of a MiniSearch index: the same terms, postings and field lengths, compiled from
 * MiniSearch's own serialised form (`toJSON`) into typed arrays, and searched with MiniSearch's query
 * semantics and scoring (BM25+, fuzzy and prefix expansion and their weights, the boost by the number
 * of query terms matched). test/engine/postings.test.ts checks results against `MiniSearch.search`.
 *
 * Why not `MiniSearch.search` itself: it builds a result object in a Map for every document a query
 * term occurs in, then sorts them all. On a corpus of 10,000 articles a question made of the affair's
 * common words ("Labour", "London", "mayor") occurs in 150,000 of 244,000 passages, and the search
 * alone took 53 ms at the median and 440 ms at p99. Here scores add up in reused typed arrays and only
 * the best `limit` documents become result objects. The nested Maps also held most of the heap of a
 * started bot; these arrays take a fraction of it.
 *
 * MiniSearch still tokenises, indexes and saves the corpus: this class only reads what it produced.
 */
import type MiniSearch from 'minisearch';
import type { AsPlainObject, Options, SearchOptions } from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import { runToEnd } from '../core/sections.js';

export interface PostingsResult {
  /** The document's id as it was indexed. */
  id: number;
  /** MiniSearch's score: the BM25+ sum times the number of distinct query terms matched. */
  score: number;
  /** Index terms that matched (query terms themselves, or their fuzzy and prefix expansions). */
  terms: string[];
  /** Query terms that matched, in query order. */
  queryTerms: string[];
}

/** The MiniSearch search options this class implements, plus a top-k bound. */
export interface PostingsSearchOptions
  extends Pick<SearchOptions, 'fields' | 'boost' | 'fuzzy' | 'prefix' | 'weights' | 'maxFuzzy' | 'bm25' | 'combineWith'> {
  // combineWith: 'OR' (the default) counts a document matching any query term; 'AND' only one that
  // matches every query term. ('AND_NOT' is not supported.)
  /** Only documents (by indexed id) for which this holds are returned. Applied before `limit`. */
  filter?: (id: number) => boolean;
  /** Return at most this many results, the best ones (all when absent). */
  limit?: number;
}

/** MiniSearch's defaults, which apply where the options say nothing. */
const DEFAULT_WEIGHTS = { fuzzy: 0.45, prefix: 0.375 };
const DEFAULT_BM25 = { k: 1.2, b: 0.7, d: 0.5 };
const DEFAULT_MAX_FUZZY = 6;

/** One index term a query term expanded to, with the weight MiniSearch gives that kind of match. */
interface Derived {
  /** Index of the distinct query term it comes from. */
  source: number;
  term: string;
  termNo: number;
  weight: number;
}

/**
 * Everything a Postings holds, as plain typed arrays and lists: what the saved index stores (see
 * src/runtime/store.ts) and what a build hands over, so that loading is reading, not compiling.
 */
export interface PostingsParts {
  documentCount: number;
  /** Field names by field id. */
  fields: string[];
  averageFieldLength: Float64Array;
  /** Index terms by term number. */
  terms: string[];
  /** Postings of (term number × field count + field) are docs/freqs[starts[i] .. starts[i + 1]). */
  starts: Int32Array;
  /** Short document ids, ascending within each posting list. */
  docs: Int32Array;
  freqs: Uint32Array;
  /** Length of each (short id × field count + field), as MiniSearch counts it. */
  fieldLengths: Uint32Array;
  /** Short id → the id the document was indexed with (NaN for a removed document). */
  ids: Float64Array;
}

/** What MiniSearch keeps of an index (its private fields, read to compile without a serialised copy). */
interface MiniSearchInternals {
  _index: Iterable<[string, Map<number, Map<number, number>>]>;
  _documentCount: number;
  _nextId: number;
  _documentIds: Map<number, unknown>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
}

export class Postings {
  readonly documentCount: number;
  readonly termCount: number;
  private readonly tokenize: (text: string) => string[];
  private readonly processTerm: (term: string) => string | string[] | null | undefined | false;
  /** Index term → its number. A radix tree, for MiniSearch's own fuzzy and prefix look-ups. */
  private readonly vocabulary: SearchableMap<number>;
  private readonly fieldIds: Record<string, number>;
  private readonly fieldCount: number;
  private readonly starts: Int32Array;
  private readonly docs: Int32Array;
  private readonly freqs: Uint32Array;
  private readonly fieldLengths: Uint32Array;
  private readonly averageFieldLength: Float64Array;
  private readonly ids: Float64Array;
  private readonly terms: string[];

  // Per-search scratch, reused so a search allocates nothing per document. `stamp` marks which
  // entries belong to the current search, so nothing needs clearing between searches.
  private stamp = 0;
  private readonly touchedIn: Int32Array;
  private readonly scores: Float64Array;
  private readonly matchedTerms: Uint16Array;
  private readonly lastSource: Int32Array;
  private readonly touched: Int32Array;
  private touchedCount = 0;

  /**
   * @param source MiniSearch's serialised index (`minisearch.toJSON()` or its JSON parsed, format 2), or
   *   the parts of a Postings (from `parts()`, a saved index or `Postings.compile`).
   * @param options The options the index was built with (only `tokenize` and `processTerm` are used).
   * @param vocabulary The terms' radix tree when the caller built it already (see `vocabularyOf`).
   */
  constructor(source: AsPlainObject | PostingsParts, options: Pick<Options, 'tokenize' | 'processTerm'>, vocabulary?: SearchableMap<number>) {
    if (!options.tokenize || !options.processTerm) throw new Error('affair-bot: Postings needs the index\'s tokenize and processTerm');
    const parts = 'serializationVersion' in source ? partsOfPlain(source) : source;
    this.tokenize = (text) => options.tokenize!(text);
    this.processTerm = (term) => options.processTerm!(term);
    this.documentCount = parts.documentCount;
    this.fieldIds = Object.fromEntries(parts.fields.map((name, id) => [name, id]));
    this.fieldCount = parts.fields.length;
    this.averageFieldLength = parts.averageFieldLength;
    this.terms = parts.terms;
    this.termCount = parts.terms.length;
    this.starts = parts.starts;
    this.docs = parts.docs;
    this.freqs = parts.freqs;
    this.fieldLengths = parts.fieldLengths;
    this.ids = parts.ids;
    this.vocabulary = vocabulary ?? runToEnd(vocabularyOf(parts.terms));
    const size = parts.ids.length;
    this.touchedIn = new Int32Array(size);
    this.scores = new Float64Array(size);
    this.matchedTerms = new Uint16Array(size);
    this.lastSource = new Int32Array(size);
    this.touched = new Int32Array(size);
  }

  /**
   * The compact form of a MiniSearch index, read from the instance itself: MiniSearch's `toJSON`
   * would first copy every posting into plain objects (gigabytes at 100,000 articles).
   */
  static compile(index: MiniSearch<never> | MiniSearch<any>, options: Pick<Options, 'tokenize' | 'processTerm'>): Postings {
    const ms = index as unknown as MiniSearchInternals;
    if (!(ms._fieldLength instanceof Map) || !(ms._documentIds instanceof Map) || !Array.isArray(ms._avgFieldLength)) {
      return new Postings(index.toJSON(), options); // another MiniSearch inside: its public form
    }
    const fields = fieldNames(ms._fieldIds);
    const F = fields.length;
    const size = ms._nextId;
    const ids = new Float64Array(size).fill(NaN);
    for (const [shortId, id] of ms._documentIds) ids[shortId] = numericId(id);
    const fieldLengths = new Uint32Array(size * F);
    for (const [shortId, lengths] of ms._fieldLength) {
      for (let field = 0; field < lengths.length; field++) fieldLengths[shortId * F + field] = lengths[field] ?? 0;
    }
    const list = new PostingList(ms._documentCount);
    const terms: string[] = [];
    const starts: number[] = [];
    for (const [term, byField] of ms._index) {
      for (let field = 0; field < F; field++) {
        starts.push(list.length);
        const entry = byField.get(field);
        if (!entry) continue;
        let previous = -1;
        for (const [doc, freq] of entry) {
          // Documents added in order have ascending short ids; binary search relies on it.
          if (!(doc > previous)) throw new Error(`affair-bot: postings of "${term}" are not in ascending id order at ${doc}`);
          previous = doc;
          list.push(doc, freq);
        }
      }
      terms.push(term);
    }
    starts.push(list.length);
    const parts: PostingsParts = {
      documentCount: ms._documentCount,
      fields,
      averageFieldLength: Float64Array.from(fields, (_, f) => ms._avgFieldLength[f] ?? 0),
      terms,
      starts: Int32Array.from(starts),
      ...list.done(),
      fieldLengths,
      ids,
    };
    return new Postings(parts, options);
  }

  /** What this index holds, for saving; the arrays are this index's own (not copies). */
  parts(): PostingsParts {
    const { documentCount, averageFieldLength, terms, starts, docs, freqs, fieldLengths, ids } = this;
    return { documentCount, fields: fieldNames(this.fieldIds), averageFieldLength, terms, starts, docs, freqs, fieldLengths, ids };
  }

  /** In how many documents a term occurs in the field (MiniSearch's document frequency). */
  documentFrequency(term: string, field = 0): number {
    const termNo = this.vocabulary.get(term);
    if (termNo === undefined || field < 0 || field >= this.fieldCount) return 0;
    return this.starts[termNo * this.fieldCount + field + 1]! - this.starts[termNo * this.fieldCount + field]!;
  }

  /** The index terms that start with `prefix` (itself included when indexed). */
  withPrefix(prefix: string): string[] {
    return [...this.vocabulary.atPrefix(prefix).keys()];
  }

  /** The index terms within `distance` edits of `term` (what a fuzzy search would reach). */
  near(term: string, distance: number): string[] {
    return distance > 0 ? [...this.vocabulary.fuzzyGet(term, distance).keys()] : [];
  }

  /** Searches like `MiniSearch.search(query, options)`, returning the best `limit` results, best first. */
  search(query: string, options: PostingsSearchOptions = {}): PostingsResult[] {
    const queryTerms = this.tokenize(query)
      .flatMap((t) => this.processTerm(t))
      .filter((t): t is string => !!t);
    if (queryTerms.length === 0) return [];
    const fields = this.searchFields(options);
    const sources = [...new Set(queryTerms)];
    const derived = this.expand(queryTerms, sources, options);

    this.begin();
    const bm25 = { ...DEFAULT_BM25, ...options.bm25 };
    for (const d of derived) {
      for (const { id, boost } of fields) this.accumulate(d, id, d.weight * boost, bm25);
    }
    const mode = (options.combineWith ?? 'OR').toUpperCase();
    if (mode !== 'OR' && mode !== 'AND') throw new Error(`affair-bot: combineWith must be "OR" or "AND", got ${JSON.stringify(options.combineWith)}`);
    const required = mode === 'AND' ? sources.length : 1;
    const best = this.best(required, options.filter, options.limit ?? Infinity);
    return best.map((doc) => this.result(doc, derived, sources, fields));
  }

  private searchFields(options: PostingsSearchOptions): { id: number; boost: number }[] {
    return (options.fields ?? Object.keys(this.fieldIds)).map((name) => {
      const id = this.fieldIds[name];
      if (id === undefined) throw new Error(`affair-bot: the index has no field "${name}"`);
      return { id, boost: (Object.hasOwn(options.boost ?? {}, name) ? options.boost![name] : undefined) || 1 };
    });
  }

  /**
   * Each distinct query term with the index terms it matches: itself, then (where the options allow)
   * longer terms it prefixes, then terms within its edit distance, weighted as MiniSearch weighs them.
   * A repeated query term counts once per occurrence, as it does in MiniSearch.
   */
  private expand(queryTerms: string[], sources: string[], options: PostingsSearchOptions): Derived[] {
    const weights = { ...DEFAULT_WEIGHTS, ...options.weights };
    const maxFuzzy = options.maxFuzzy ?? DEFAULT_MAX_FUZZY;
    const derived: Derived[] = [];
    // Grouped by distinct term (a repeated term's occurrences side by side), so that counting the
    // distinct terms a document matches needs only the last one seen.
    sources.forEach((term, source) => {
      queryTerms.forEach((occurrence, i) => {
        if (occurrence !== term) return;
        const exact = this.vocabulary.get(term);
        if (exact !== undefined) derived.push({ source, term, termNo: exact, weight: 1 });
        const prefix = typeof options.prefix === 'function' ? options.prefix(term, i, queryTerms) : options.prefix === true;
        const fuzzyOption = typeof options.fuzzy === 'function' ? options.fuzzy(term, i, queryTerms) : options.fuzzy || false;
        const fuzzy = fuzzyOption === true ? 0.2 : fuzzyOption;
        const maxDistance = fuzzy ? (fuzzy < 1 ? Math.min(maxFuzzy, Math.round(term.length * fuzzy)) : fuzzy) : 0;
        const fuzzyMatches = maxDistance ? this.vocabulary.fuzzyGet(term, maxDistance) : undefined;
        if (prefix) {
          for (const [longer, termNo] of this.vocabulary.atPrefix(term)) {
            const distance = longer.length - term.length;
            if (!distance) continue;
            fuzzyMatches?.delete(longer); // a prefix match is scored as one, never twice
            derived.push({ source, term: longer, termNo, weight: (weights.prefix * longer.length) / (longer.length + 0.3 * distance) });
          }
        }
        for (const [near, [termNo, distance]] of fuzzyMatches ?? []) {
          if (!distance) continue;
          derived.push({ source, term: near, termNo, weight: (weights.fuzzy * near.length) / (near.length + distance) });
        }
      });
    });
    return derived;
  }

  private begin(): void {
    this.touchedCount = 0;
    this.stamp++;
    if (this.stamp === 0x7fffffff) {
      this.touchedIn.fill(0);
      this.stamp = 1;
    }
  }

  /** Adds one index term's BM25+ contributions in one field (MiniSearch's formula, term for term). */
  private accumulate(d: Derived, field: number, weight: number, bm25: { k: number; b: number; d: number }): void {
    const F = this.fieldCount;
    const from = this.starts[d.termNo * F + field]!;
    const to = this.starts[d.termNo * F + field + 1]!;
    if (from === to) return;
    const matching = to - from;
    const idf = Math.log(1 + (this.documentCount - matching + 0.5) / (matching + 0.5));
    const average = this.averageFieldLength[field]!;
    const { k, b } = bm25;
    const { docs, freqs, fieldLengths, touchedIn, scores, matchedTerms, lastSource, touched, stamp } = this;
    for (let j = from; j < to; j++) {
      const doc = docs[j]!;
      const tf = freqs[j]!;
      const raw = idf * (bm25.d + (tf * (k + 1)) / (tf + k * (1 - b + (b * fieldLengths[doc * F + field]!) / average)));
      if (touchedIn[doc] !== stamp) {
        touchedIn[doc] = stamp;
        scores[doc] = 0;
        matchedTerms[doc] = 0;
        lastSource[doc] = -1;
        touched[this.touchedCount++] = doc;
      }
      scores[doc]! += weight * raw;
      if (lastSource[doc] !== d.source) {
        lastSource[doc] = d.source;
        matchedTerms[doc]!++;
      }
    }
  }

  /**
   * The documents to return, best first: MiniSearch's final score (sum × distinct terms matched),
   * ties in the order documents were first matched, as MiniSearch's stable sort leaves them. Above
   * `limit`, a bounded heap keeps the best without sorting every match.
   */
  private best(required: number, filter: ((id: number) => boolean) | undefined, limit: number): number[] {
    const { scores, matchedTerms, touched, ids } = this;
    // `touched` order is first-match order, so a smaller position wins a tie.
    const position = this.lastSource; // reused: accumulation is over
    const better = (a: number, b: number) => scores[a]! > scores[b]! || (scores[a] === scores[b] && position[a]! < position[b]!);
    const heap: number[] = []; // worst of the kept at heap[0]
    // One pass, and for most documents only a comparison with the worst kept score: a later document
    // with an equal score ranks below it, so `<=` rejects it. Final scores are written only for the
    // documents kept, which are the only ones read again.
    let worst = -Infinity;
    for (let i = 0; i < this.touchedCount; i++) {
      const doc = touched[i]!;
      const matched = matchedTerms[doc]!;
      if (matched < required) continue;
      const score = scores[doc]! * matched;
      if (heap.length >= limit && score <= worst) continue;
      if (filter && !filter(ids[doc]!)) continue;
      scores[doc] = score;
      position[doc] = i;
      if (heap.length < limit) siftUp(heap, doc, better);
      else replaceTop(heap, doc, better);
      worst = heap.length >= limit ? scores[heap[0]!]! : -Infinity;
    }
    return heap.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
  }

  private result(doc: number, derived: Derived[], sources: string[], fields: { id: number }[]): PostingsResult {
    const terms: string[] = [];
    const matchedSources = new Set<number>();
    for (const d of derived) {
      const listed = terms.includes(d.term);
      if (listed && matchedSources.has(d.source)) continue; // nothing left to learn from this one
      if (!fields.some((f) => this.contains(d.termNo, f.id, doc))) continue;
      if (!listed) terms.push(d.term);
      matchedSources.add(d.source);
    }
    return {
      id: this.ids[doc]!,
      score: this.scores[doc]!,
      terms,
      queryTerms: sources.filter((_, i) => matchedSources.has(i)),
    };
  }

  private contains(termNo: number, field: number, doc: number): boolean {
    let lo = this.starts[termNo * this.fieldCount + field]!;
    let hi = this.starts[termNo * this.fieldCount + field + 1]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const at = this.docs[mid]!;
      if (at === doc) return true;
      if (at < doc) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }
}

/**
 * The radix tree of the terms, built a slice at a time: a caller that must not hold the thread (a
 * bot swapping in a new index) runs it in slices (see runSliced); others run it to the end.
 */
export function* vocabularyOf(terms: readonly string[]): Generator<void, SearchableMap<number>> {
  const vocabulary = new SearchableMap<number>();
  for (let i = 0; i < terms.length; i++) {
    vocabulary.set(terms[i]!, i);
    if ((i & 1023) === 1023) yield;
  }
  return vocabulary;
}

/** MiniSearch's serialised form (format 2) as parts. */
function partsOfPlain(plain: AsPlainObject): PostingsParts {
  if (plain.serializationVersion !== 2) {
    throw new Error(`affair-bot: MiniSearch index format ${String(plain.serializationVersion)} is not supported (expected 2)`);
  }
  const fields = fieldNames(plain.fieldIds);
  const F = fields.length;
  const size = plain.nextId;
  const ids = new Float64Array(size).fill(NaN);
  for (const [shortId, id] of Object.entries(plain.documentIds)) ids[Number(shortId)] = numericId(id);
  const fieldLengths = new Uint32Array(size * F);
  for (const shortId in plain.fieldLength) {
    const lengths = plain.fieldLength[shortId]!;
    for (let field = 0; field < lengths.length; field++) fieldLengths[+shortId * F + field] = lengths[field] ?? 0;
  }
  const starts = new Int32Array(plain.index.length * F + 1);
  const list = new PostingList(plain.documentCount);
  const terms: string[] = [];
  plain.index.forEach(([term, byField], termNo) => {
    terms.push(term);
    for (let field = 0; field < F; field++) {
      starts[termNo * F + field] = list.length;
      const entry = byField[field];
      if (!entry) continue;
      let previous = -1;
      for (const shortId in entry) {
        const doc = +shortId;
        // Integer keys of a plain object iterate in ascending order; binary search relies on it.
        if (!(doc > previous)) throw new Error(`affair-bot: postings of "${term}" are not in ascending id order at ${shortId}`);
        previous = doc;
        list.push(doc, entry[shortId]!);
      }
    }
  });
  starts[plain.index.length * F] = list.length;
  return { documentCount: plain.documentCount, fields, averageFieldLength: Float64Array.from(fields, (_, f) => plain.averageFieldLength[f] ?? 0), terms, starts, ...list.done(), fieldLengths, ids };
}

/** Field names by id, from MiniSearch's name → id record. */
function fieldNames(fieldIds: Record<string, number>): string[] {
  const names: string[] = [];
  for (const [name, id] of Object.entries(fieldIds)) names[id] = name;
  return Array.from(names, (n, i) => n ?? `field${i}`);
}

function numericId(id: unknown): number {
  if (typeof id !== 'number') throw new Error(`affair-bot: Postings indexes numeric ids only, got ${JSON.stringify(id)}`);
  return id;
}

/**
 * Posting entries in arrays that double when full: counting first would walk the tens of millions
 * of entries of a large corpus twice.
 */
class PostingList {
  private docs: Int32Array;
  private freqs: Uint32Array;
  length = 0;
  constructor(documentCount: number) {
    this.docs = new Int32Array(Math.max(1024, documentCount * 8));
    this.freqs = new Uint32Array(this.docs.length);
  }
  push(doc: number, freq: number): void {
    if (this.length === this.docs.length) {
      const docs = new Int32Array(this.length * 2);
      docs.set(this.docs);
      const freqs = new Uint32Array(this.length * 2);
      freqs.set(this.freqs);
      [this.docs, this.freqs] = [docs, freqs];
    }
    this.docs[this.length] = doc;
    this.freqs[this.length++] = freq;
  }
  /** The entries, copied so that the doubled arrays' spare room is freed. */
  done(): { docs: Int32Array; freqs: Uint32Array } {
    return { docs: this.docs.slice(0, this.length), freqs: this.freqs.slice(0, this.length) };
  }
}

/** Min-heap (by `better`) insertion: the worst kept document stays at the root. */
function siftUp(heap: number[], doc: number, better: (a: number, b: number) => boolean): void {
  let i = heap.push(doc) - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!better(heap[parent]!, heap[i]!)) break;
    [heap[parent], heap[i]] = [heap[i]!, heap[parent]!];
    i = parent;
  }
}

function replaceTop(heap: number[], doc: number, better: (a: number, b: number) => boolean): void {
  heap[0] = doc;
  let i = 0;
  for (;;) {
    const left = 2 * i + 1;
    const right = left + 1;
    let worst = i;
    if (left < heap.length && better(heap[worst]!, heap[left]!)) worst = left;
    if (right < heap.length && better(heap[worst]!, heap[right]!)) worst = right;
    if (worst === i) return;
    [heap[worst], heap[i]] = [heap[i]!, heap[worst]!];
    i = worst;
  }
}

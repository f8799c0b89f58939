/**
 * Free-text search over passages, with the guard that keeps answers honest: a passage counts only when
 * it covers most of what the question hinges on (its informative words, weighted by rarity). A
 * passage that shares only common words ("London", "Labour") with the question is no answer, and the
 * caller abstains instead of showing it.
 */
import type { Passage } from '../retrieval/index.js';
import type { PostingsResult } from '../retrieval/postings.js';
import { sameWord, termsOf } from '../retrieval/text.js';
import { type Lookup, queryTerms } from './lookup.js';
import { personsNamed } from './persons.js';

export interface Hit {
  passage: Passage;
  /** MiniSearch relevance (BM25 with fuzzy and prefix matches discounted). */
  relevance: number;
  /** Share of the question's information the passage covers, 0..1. */
  coverage: number;
  /** The same with the neighbouring sentences' matches counted in (equals `coverage` without `window`). */
  windowCoverage: number;
  /** Relevance of the neighbouring sentences (0 without `window`). */
  neighbourRelevance: number;
  /** Index terms of the passage that matched the query. */
  matched: ReadonlySet<string>;
  /**
   * Share of the people the query names that the passage or its neighbours involve (named in any
   * form, or speaking); 1 when the query names nobody.
   */
  involvesNamed: number;
}

export interface SearchOptions {
  /**
   * Only passages whose id this accepts are considered (e.g. those with a date). By id, so that it
   * can be a look-up in a typed array: it runs for thousands of matches on a large corpus, and
   * reading each passage object from a large heap cost more than the search itself.
   */
  filter?: (passageId: number) => boolean;
  /** Minimum coverage for a hit to count. */
  minCoverage: number;
  /** How many hits to return at most. */
  limit?: number;
  /**
   * Judge a passage with its neighbouring sentences: a question may be set up by one sentence and
   * answered by the next ("one MP called for his expulsion." / "Tom Harris said on his blog ...").
   * The threshold then applies to the mean of the passage's own and its window's coverage.
   */
  window?: boolean;
}

/**
 * Only the best results by relevance are judged (and consulted as neighbours): a passage ranked
 * below this many others is not the answer, and a question made of common words must stay cheap on
 * a large corpus.
 */
const POOL = 600;

const WORD = /[\p{L}\p{N}]+(?:['’‘-][\p{L}\p{N}]+)*/gu;

export function searchPassages(lookup: Lookup, text: string, options: SearchOptions): Hit[] {
  const terms = queryTerms(text);
  if (terms.length === 0) return [];
  const weights = lookup.weights(terms);
  const named = personsNamed(lookup, text).map((p) => ({ id: p.id, terms: termsOfName(p.name, terms) }));
  const { passages } = lookup.index.data;
  const pool = lookup.index.postings.search(text, { ...lookup.passageSearch, limit: POOL, ...(options.filter ? { filter: options.filter } : {}) });
  const byId = new Map<number, PostingsResult>();
  if (options.window) for (const r of pool) byId.set(r.id, r);
  const hits: Hit[] = [];
  const limit = options.limit ?? 30;
  for (const r of pool) {
    const passage = passages[r.id]!;
    const covered = new Set<string>(r.queryTerms);
    // A passage involving a person the query names covers that name, however it refers to them
    // ("Ken", "he", or a statement of theirs).
    let involved = 0;
    for (const person of named) {
      if (!involvedAround(lookup, passage, person.id)) continue;
      involved++;
      for (const t of person.terms) covered.add(t);
    }
    const involvesNamed = named.length ? involved / named.length : 1;
    const coverage = lookup.coverage(weights, covered);
    let windowCoverage = coverage;
    let neighbourRelevance = 0;
    if (options.window) {
      for (const n of [passages[passage.id - 1], passages[passage.id + 1]]) {
        const nr = n && n.article === passage.article ? byId.get(n.id) : undefined;
        if (!nr) continue;
        for (const t of nr.queryTerms) covered.add(t);
        neighbourRelevance = Math.max(neighbourRelevance, nr.score);
      }
      windowCoverage = lookup.coverage(weights, covered);
    }
    if ((coverage + windowCoverage) / 2 < options.minCoverage) continue;
    hits.push({ passage, relevance: r.score, coverage, windowCoverage, neighbourRelevance, matched: new Set(r.terms), involvesNamed });
    // Results come best first; a few hundred are plenty to find the top ones after re-ranking.
    if (hits.length >= limit * 10) break;
  }
  return hits;
}

/** True when the passage or a neighbouring sentence of its article involves the person. */
function involvedAround(lookup: Lookup, passage: Passage, person: string): boolean {
  const { passages } = lookup.index.data;
  for (const n of [passage, passages[passage.id - 1], passages[passage.id + 1]]) {
    if (n?.article === passage.article && lookup.involves(n, person)) return true;
  }
  return false;
}

/** The query terms that are the person's name. */
function termsOfName(name: string, query: string[]): string[] {
  const nameTerms = new Set(queryTerms(name));
  return query.filter((t) => nameTerms.has(t) || [...nameTerms].some((n) => sameWord(t, n)));
}

/** File spans of the words of a passage that matched the query. */
export function matchedWords(lookup: Lookup, hit: Hit): { start: number; end: number }[] {
  const text = lookup.passageText(hit.passage);
  const spans: { start: number; end: number }[] = [];
  const word = new RegExp(WORD); // its own lastIndex
  for (let m = word.exec(text); m; m = word.exec(text)) {
    const start = hit.passage.start + m.index;
    if (termsOf(m[0]).some((t) => hit.matched.has(t))) spans.push({ start, end: start + m[0].length });
  }
  return spans;
}

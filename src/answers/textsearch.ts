/**
 * Free-text search over passages, with the guard that keeps answers honest: a passage counts only when
 * it covers most of what the question hinges on (its informative words, weighted by rarity). A
 * passage that shares only common words ("London", "Labour") with the question is no answer, and the
 * caller abstains instead of showing it.
 */
import type { Passage } from '../retrieval/index.js';
import type { Postings, PostingsResult, PostingsSearchOptions } from '../retrieval/postings.js';
import { sameWord, termsOf } from '../retrieval/text.js';
import { type Lookup, queryTerms } from './lookup.js';
import type { PartTrace } from './explain.js';
import { type Concept, conceptCoverage, conceptMatch, OPINION, searchPlan, type SearchPlan } from './understand/expand.js';
import { contentOf } from './understand/question.js';
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
  /** Query terms (own or alternative) the passage and, with `window`, its neighbours matched. */
  covered: ReadonlySet<string>;
  /** The same for the passage alone. */
  ownCovered: ReadonlySet<string>;
  /** The people the query names (ids), and the query terms that are their names. */
  named: readonly string[];
  nameTerms: ReadonlySet<string>;
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
  /** Where to record the words searched, for --explain. */
  trace?: PartTrace;
}

/**
 * Only the best results by relevance are judged (and consulted as neighbours): a passage ranked
 * below this many others is not the answer, and a question made of common words must stay cheap on
 * a large corpus.
 */
const POOL = 600;

const WORD = /[\p{L}\p{N}]+(?:['’‘-][\p{L}\p{N}]+)*/gu;

/** How much of a concept the article's title covers for a sentence that lacks it. */
const TITLE_CONTEXT = 0.5;

/** The alternatives' search counts this much of the user's own words' search in the pool's order. */
const ALTERNATIVE_RELEVANCE = 0.5;

export interface PoolEntry {
  id: number;
  score: number;
  /** Query terms (own or alternative) the passage matched. */
  queryTerms: Set<string>;
  /** Index terms it matched. */
  terms: Set<string>;
}

/**
 * Passages for a question's words. A string is read as the user wrote it (normalised, paraphrases
 * found: see understand/); a plan is used as it is.
 */
export function searchPassages(lookup: Lookup, query: string | SearchPlan, options: SearchOptions): Hit[] {
  const plan = typeof query === 'string' ? searchPlan(lookup, contentOf(query)) : query;
  if (options.trace) options.trace.plan = plan;
  if (plan.concepts.length === 0) return [];
  const { concepts } = plan;
  // The people a scene-setting clause names ("before the nec parachuted abbas in") need not be there.
  const nameText = concepts.filter((c) => !c.setting).map((c) => c.word).join(' ');
  const named = personsNamed(lookup, nameText).map((p) => ({ id: p.id, terms: termsOfName(p.name, concepts.flatMap((c) => c.terms)) }));
  const namedIds = named.map((n) => n.id);
  const nameTerms = new Set(named.flatMap((n) => n.terms));
  // (The verb right after the name: "ken reckons", "does ken think"; not "the blogger reckoned kens ...".)
  const opinions = named.length ? concepts.filter((c, i) => !c.setting && OPINION.test(c.word) && i > 0 && concepts[i - 1]!.terms.some((t) => nameTerms.has(t))) : [];
  const { passages } = lookup.index.data;
  const pool = searchPool(lookup.index.postings, lookup.passageSearch, plan, options.filter);
  const byId = new Map<number, PoolEntry>();
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
    // "ken reckons the nec ...": a verb of opinion or speech is told by the words of someone the
    // question names.
    if (opinions.length && named.some((p) => lookup.speakersOf.get(passage.id)?.has(p.id))) for (const c of opinions) for (const t of [...c.terms, ...c.alternatives.keys()]) covered.add(t);
    const involvesNamed = named.length ? involved / named.length : 1;
    const coverage = conceptCoverage(concepts, covered);
    const ownCovered = new Set(covered);
    let windowCoverage = coverage;
    let neighbourRelevance = 0;
    if (options.window) {
      for (const n of [passages[passage.id - 1], passages[passage.id + 1]]) {
        const nr = n && n.article === passage.article ? byId.get(n.id) : undefined;
        if (!nr) continue;
        nr.queryTerms.forEach((t) => covered.add(t));
        neighbourRelevance = Math.max(neighbourRelevance, nr.score);
      }
      windowCoverage = conceptCoverage(concepts, covered);
      // A sentence leaves out what its article is about ("the mayoral election on October 21" in
      // "Ken Livingstone's statement on Tower Hamlets second preferences"): the title counts, less.
      windowCoverage += TITLE_CONTEXT * titleGain(concepts, covered, lookup.titleTerms(passage.article));
    }
    if ((coverage + windowCoverage) / 2 < options.minCoverage) continue;
    hits.push({ passage, relevance: r.score, coverage, windowCoverage, neighbourRelevance, matched: r.terms, covered, ownCovered, involvesNamed, named: namedIds, nameTerms });
    // Results come best first; a few hundred are plenty to find the top ones after re-ranking.
    if (hits.length >= limit * 10) break;
  }
  return hits;
}

/** How much more of the concepts' weight the title covers than the passage does (no set built per passage). */
function titleGain(concepts: readonly Concept[], covered: ReadonlySet<string>, title: ReadonlySet<string>): number {
  let total = 0;
  let gain = 0;
  for (const c of concepts) {
    total += c.weight;
    const own = conceptMatch(c, covered);
    if (own < 1) gain += Math.max(0, conceptMatch(c, title) - own) * c.weight;
  }
  return total ? gain / total : 0;
}

/**
 * The best passages for the user's words, and for the paraphrases the corpus uses, weighted lower
 * (the alternatives search apart, so that matching them never earns MiniSearch's bonus for matching
 * more of the user's words).
 */
export function searchPool(postings: Postings, options: PostingsSearchOptions, plan: SearchPlan, filter?: (id: number) => boolean): PoolEntry[] {
  const limits = { limit: POOL, ...(filter ? { filter } : {}) };
  const merged = new Map<number, PoolEntry>();
  const add = (results: PostingsResult[], factor: number) => {
    for (const r of results) {
      const entry = merged.get(r.id);
      const queryTerms = r.queryTerms.filter((q) => r.terms.some((m) => likelySpelling(q, m)));
      if (entry) {
        entry.score += factor * r.score;
        for (const t of queryTerms) entry.queryTerms.add(t);
        for (const t of r.terms) entry.terms.add(t);
      } else merged.set(r.id, { id: r.id, score: factor * r.score, queryTerms: new Set(queryTerms), terms: new Set(r.terms) });
    }
  };
  if (plan.text) add(postings.search(plan.text, { ...options, ...limits }), 1);
  if (plan.alternativeText) add(postings.search(plan.alternativeText, { ...options, fuzzy: false, prefix: false, ...limits }), ALTERNATIVE_RELEVANCE);
  return [...merged.values()].sort((a, b) => b.score - a.score || a.id - b.id);
}

/**
 * True when an index term the fuzzy search matched is a likely spelling of the query term: the same,
 * a longer form of it, or a near spelling with the same first letter. Typos seldom touch a word's
 * first letter, and without that rule a name the sources lack takes another word's place ("boris"
 * → "tories").
 */
export function likelySpelling(query: string, match: string): boolean {
  return match === query || match.startsWith(query) || (match[0] === query[0] && sameWord(query, match));
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
function termsOfName(name: string, query: readonly string[]): string[] {
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

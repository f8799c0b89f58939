/**
 * The search index: passages (sentences) of every article in a MiniSearch index, and the annotations
 * the answer functions need, computed once here so that a query only looks them up: people and their
 * mentions, date expressions, quotations with their speakers, and passages repeated across articles.
 */
import MiniSearch, { type Options, type SearchOptions } from 'minisearch';
import type { ArticleRef } from '../core/types.js';
import type { Article } from './corpus.js';
import { findDates, type DateMention } from './dates.js';
import { bodyParagraphs, classifyBlocks, splitSentences, type Paragraph } from './passages.js';
import { findPeople, type Mention, type Person, type SentenceText } from './people.js';
import { Postings } from './postings.js';
import { findQuotes, type Quote } from './quotes.js';
import { fold, termsOf, words } from './text.js';

export interface Passage {
  id: number;
  article: number;
  paragraph: number;
  start: number;
  end: number;
  mentions: Mention[];
  dates: DateMention[];
  /**
   * Ids of the passages with the same words (the same paragraph printed in two articles), this one
   * included; one list shared by the whole group, empty when the passage has no twin.
   */
  twins: readonly number[];
}

export interface IndexedQuote extends Quote {
  id: number;
  article: number;
  /** Passages the quotation overlaps, in order. */
  passages: number[];
  /** How many words it has (a phrase of a few words is shown and ranked differently). */
  wordCount: number;
}

export interface IndexedArticle {
  ref: ArticleRef;
  text: string;
  paragraphs: Paragraph[];
}

/** Everything computed at index time about the articles (the search index aside). */
export interface Annotations {
  articles: IndexedArticle[];
  passages: Passage[];
  persons: Person[];
  quotes: IndexedQuote[];
  /**
   * Where each person (in `persons` order) is named with every word of their name: article, start and
   * end, three numbers per person. Bylines count, so this is not always a passage's mention; a saved
   * index is checked against it (src/retrieval/index-codec.ts), so a renamed person is refused.
   */
  personSeen: Int32Array;
}

/**
 * How passages are indexed. Terms are stemmed, possessives and curly apostrophes folded, hyphenated
 * words indexed whole and in parts; fuzzy and prefix matching are kept for longer words, where a
 * typo ("Rahmen", "livingston", "readmited") is far likelier than a different word.
 */
export const MINISEARCH_OPTIONS: Options<{ id: number; text: string }> = {
  fields: ['text'],
  storeFields: [],
  tokenize: (text) => words(text),
  processTerm: (term) => {
    const t = termsOf(term);
    return t.length ? (t as string[]) : null; // MiniSearch only reads the list (and termsOf shares it)
  },
};

export const SEARCH_OPTIONS: Pick<SearchOptions, 'combineWith' | 'fuzzy' | 'prefix' | 'weights'> = {
  combineWith: 'OR',
  fuzzy: (term) => (term.length >= 8 ? 0.25 : term.length >= 4 ? 0.2 : false),
  prefix: (term) => term.length >= 5,
  weights: { fuzzy: 0.6, prefix: 0.4 },
};

export interface SearchIndex {
  /** The passages' MiniSearch index, in its compact query-time form. */
  postings: Postings;
  data: Annotations;
}

/** Builds the annotations and the search index of a corpus. */
export function buildIndex(corpus: Article[]): SearchIndex {
  return buildIndexAndMiniSearch(corpus).index;
}

/** Builds an index and also returns the MiniSearch instance it was compiled from (the reference tests compare with). */
export function buildIndexAndMiniSearch(corpus: Article[]): { index: SearchIndex; minisearch: MiniSearch<{ id: number; text: string }> } {
  const data = annotate(corpus);
  const minisearch = new MiniSearch(MINISEARCH_OPTIONS);
  minisearch.addAll(data.passages.map((p) => ({ id: p.id, text: data.articles[p.article]!.text.slice(p.start, p.end) })));
  return { index: { postings: Postings.compile(minisearch, MINISEARCH_OPTIONS), data }, minisearch };
}

/** A MiniSearch instance from its serialised index: the reference the compact form is checked against. */
export function loadMiniSearch(minisearchJson: string): MiniSearch<{ id: number; text: string }> {
  return MiniSearch.loadJSON(minisearchJson, MINISEARCH_OPTIONS);
}

/**
 * The empty list every passage without mentions, dates or twins shares (frozen: nobody may add to
 * it): millions of empty arrays were a tenth of the heap of a 100,000-article index.
 */
export const NONE = Object.freeze([]) as unknown as never[];

function annotate(corpus: Article[]): Annotations {
  const articles: IndexedArticle[] = [];
  const passages: Passage[] = [];
  const units: SentenceText[] = [];
  const bylines: { article: number; start: number; unit: number }[] = [];
  const blocksOf: { start: number; end: number; role: 'body' | 'byline'; n: number }[][] = [];
  // Per-article lists, so that quotes are found without scanning every passage of the corpus for
  // each article (quadratic: a minute of a 10,000-article build).
  const passagesOf: Passage[][] = [];
  const bylinesOf: { start: number; unit: number }[][] = [];

  corpus.forEach((article, a) => {
    const blocks = classifyBlocks(article.text);
    const paragraphs = bodyParagraphs(blocks);
    articles.push({ ref: article.ref, text: article.text, paragraphs });
    const kept: { start: number; end: number; role: 'body' | 'byline'; n: number }[] = [];
    const ownBylines: { start: number; unit: number }[] = [];
    bylinesOf.push(ownBylines);
    let n = 0;
    for (const b of blocks) {
      if (b.role === 'body') kept.push({ start: b.start, end: b.end, role: 'body', n: ++n });
      if (b.role === 'byline') {
        kept.push({ start: b.start, end: b.end, role: 'byline', n });
        bylines.push({ article: a, start: b.start, unit: units.length });
        ownBylines.push({ start: b.start, unit: units.length });
        units.push({ article: article.ref.id, start: b.start, end: b.end, text: article.text.slice(b.start, b.end) });
      }
    }
    blocksOf.push(kept);
    const own: Passage[] = [];
    passagesOf.push(own);
    for (const p of paragraphs) {
      for (const s of splitSentences(article.text, p)) {
        const passage: Passage = { id: passages.length, article: a, paragraph: p.n, start: s.start, end: s.end, mentions: NONE, dates: NONE, twins: NONE };
        passages.push(passage);
        own.push(passage);
        units.push({ article: article.ref.id, start: s.start, end: s.end, text: article.text.slice(s.start, s.end) });
      }
    }
  });

  const people = findPeople(units);
  const bylineUnits = new Set(bylines.map((b) => b.unit));
  const passageMentions = people.mentions.filter((_, i) => !bylineUnits.has(i));
  passages.forEach((p, i) => {
    const mentions = passageMentions[i]!;
    const dates = findDates(articles[p.article]!.text.slice(p.start, p.end), p.start);
    p.mentions = mentions.length ? mentions : NONE;
    p.dates = dates.length ? dates : NONE;
  });

  const personSeen = whereNamed(people.persons, people.mentions, units, new Map(corpus.map((a, i) => [a.ref.id, i])));

  const personName = new Map(people.persons.map((p) => [p.id, p.name]));
  const quotes: IndexedQuote[] = [];
  articles.forEach((article, a) => {
    const own = passagesOf[a]!;
    const found = findQuotes({
      text: article.text,
      blocks: blocksOf[a]!,
      sentences: own.map((p) => ({ start: p.start, end: p.end, paragraph: p.paragraph })),
      mentions: own.map((p) => p.mentions),
      bylineMentions: new Map(bylinesOf[a]!.map((b) => [b.start, people.mentions[b.unit]!])),
      personName: (id) => personName.get(id) ?? id,
    });
    for (const q of found) {
      const overlapping = overlappingPassages(own, q);
      quotes.push({ ...q, id: quotes.length, article: a, passages: overlapping, wordCount: words(article.text.slice(q.start, q.end)).length });
    }
  });

  linkTwins(passages, articles);
  return { articles, passages, persons: people.persons, personSeen, quotes };
}

function whereNamed(persons: Person[], mentions: Mention[][], units: SentenceText[], articleNo: Map<string, number>): Int32Array {
  const seen = new Int32Array(persons.length * 3).fill(-1);
  const index = new Map(persons.map((p, i) => [p.id, i]));
  let left = persons.length;
  for (let u = 0; u < units.length && left > 0; u++) {
    for (const m of mentions[u]!) {
      const i = index.get(m.person);
      if (i === undefined || seen[i * 3]! >= 0) continue;
      const article = articleNo.get(units[u]!.article)!;
      if (!namesInFull(units[u]!.text.slice(m.start - units[u]!.start, m.end - units[u]!.start), persons[i]!)) continue;
      seen.set([article, m.start, m.end], i * 3);
      left--;
    }
  }
  return seen;
}

/** Whether a written mention holds every word of the person's name. */
export function namesInFull(written: string, person: Person): boolean {
  const text = fold(written);
  return person.name.split(' ').every((token) => text.includes(fold(token)));
}

/** Links passages whose words are identical, so an answer shows such a passage once. */
function linkTwins(passages: Passage[], articles: IndexedArticle[]): void {
  const byWords = new Map<string, number[]>();
  for (const p of passages) {
    const key = words(articles[p.article]!.text.slice(p.start, p.end)).map(fold).join(' ');
    if (key.split(' ').length < 6) continue; // short stock phrases repeat by chance
    const ids = byWords.get(key);
    if (ids) ids.push(p.id);
    else byWords.set(key, [p.id]);
  }
  // One list per group, shared by its passages: a sentence repeated in 8,000 articles made 64
  // million pairs when each passage had its own list of the others.
  for (const ids of byWords.values()) {
    if (ids.length < 2) continue;
    for (const id of ids) passages[id]!.twins = ids;
  }
}

/** Ids of the article's passages (sorted, not overlapping) that a quotation overlaps, found by bisection. */
function overlappingPassages(own: Passage[], q: { start: number; end: number }): number[] {
  let lo = 0;
  let hi = own.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (own[mid]!.end > q.start) hi = mid;
    else lo = mid + 1;
  }
  const ids: number[] = [];
  for (let i = lo; i < own.length && own[i]!.start < q.end; i++) ids.push(own[i]!.id);
  return ids;
}

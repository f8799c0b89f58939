/**
 * The search index: passages (sentences) of every article in a MiniSearch index, and the annotations
 * the answer functions need, computed once here so that a query only looks them up: people and their
 * mentions, date expressions, quotations with their speakers, and passages repeated across articles.
 */
import MiniSearch, { type AsPlainObject, type Options, type SearchOptions } from 'minisearch';
import type { ArticleRef } from '../answers/types.js';
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
  /** Ids of passages elsewhere with the same words (the same paragraph printed in two articles). */
  twins: number[];
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

/** Everything computed at index time; plain data, so it can be saved and loaded as JSON. */
export interface Annotations {
  articles: IndexedArticle[];
  passages: Passage[];
  persons: Person[];
  quotes: IndexedQuote[];
  /** In how many passages each search term occurs (for weighting query words by rarity). */
  termPassages: Record<string, number>;
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

/** Builds the annotations and the MiniSearch index of a corpus. */
export function buildIndex(corpus: Article[]): SearchIndex {
  return buildSavableIndex(corpus).index;
}

/** Builds an index and also returns MiniSearch's serialised index, which is what the cache saves. */
export function buildSavableIndex(corpus: Article[]): { index: SearchIndex; minisearch: AsPlainObject } {
  const data = annotate(corpus);
  const minisearch = new MiniSearch(MINISEARCH_OPTIONS);
  minisearch.addAll(data.passages.map((p) => ({ id: p.id, text: data.articles[p.article]!.text.slice(p.start, p.end) })));
  const serialised = minisearch.toJSON();
  return { index: { postings: new Postings(serialised, MINISEARCH_OPTIONS), data }, minisearch: serialised };
}

/** Restores an index from MiniSearch's serialised index (`JSON.stringify(minisearch)`) and its annotations. */
export function restoreIndex(minisearchJson: string, data: Annotations): SearchIndex {
  return { postings: new Postings(JSON.parse(minisearchJson) as AsPlainObject, MINISEARCH_OPTIONS), data };
}

/** A MiniSearch instance from its serialised index: the reference the compact form is checked against. */
export function loadMiniSearch(minisearchJson: string): MiniSearch<{ id: number; text: string }> {
  return MiniSearch.loadJSON(minisearchJson, MINISEARCH_OPTIONS);
}

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
        const passage: Passage = { id: passages.length, article: a, paragraph: p.n, start: s.start, end: s.end, mentions: [], dates: [], twins: [] };
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
    p.mentions = passageMentions[i]!;
    p.dates = findDates(articles[p.article]!.text.slice(p.start, p.end), p.start);
  });

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
      const overlapping = own.filter((p) => p.start < q.end && p.end > q.start).map((p) => p.id);
      quotes.push({ ...q, id: quotes.length, article: a, passages: overlapping, wordCount: words(article.text.slice(q.start, q.end)).length });
    }
  });

  linkTwins(passages, articles);
  const termPassages: Record<string, number> = {};
  for (const p of passages) {
    for (const t of new Set(words(articles[p.article]!.text.slice(p.start, p.end)).flatMap(termsOf))) {
      termPassages[t] = (termPassages[t] ?? 0) + 1;
    }
  }
  return { articles, passages, persons: people.persons, quotes, termPassages };
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
  for (const ids of byWords.values()) {
    if (ids.length < 2) continue;
    for (const id of ids) passages[id]!.twins = ids.filter((other) => other !== id);
  }
}

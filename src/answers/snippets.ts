/**
 * From ranked candidate spans to the snippets of an answer: verbatim text with its citation, the same
 * passage shown once however many articles print it (the others listed in `alsoIn`), articles taking
 * turns so that one source does not fill the page, and paging.
 */
import type { IndexedArticle, SearchIndex } from '../retrieval/index.js';
import type { AlsoIn, Answer, AnswerRequest, CommandName, Highlight, Snippet } from './types.js';
import { PAGE_SIZE } from './types.js';

export interface Candidate {
  article: number;
  start: number;
  end: number;
  paragraph: number;
  score: number;
  /** Passage ids the span covers: a candidate whose passages repeat a chosen one's is a duplicate. */
  passages: number[];
  highlights?: Highlight[];
  speaker?: string;
  date?: Snippet['date'];
  stance?: Snippet['stance'];
}

/** At most this many snippets are kept for paging through "More". */
const MAX_SNIPPETS = 15;

export function toSnippets(index: SearchIndex, ranked: Candidate[]): Snippet[] {
  const { passages, articles } = index.data;
  const chosen: { candidate: Candidate; alsoIn: AlsoIn[] }[] = [];
  // Taken passages by their group of twins (a group's shared list starts with its first passage),
  // so marking a sentence printed in thousands of articles costs one entry, not thousands.
  const group = (id: number) => passages[id]!.twins[0] ?? id;
  const taken = new Set<number>();
  for (const candidate of interleaveArticles(ranked)) {
    if (chosen.length >= MAX_SNIPPETS) break;
    const overlap = candidate.passages.some((id) => taken.has(group(id)));
    const sameSpan = chosen.some((c) => c.candidate.article === candidate.article && c.candidate.start < candidate.end && candidate.start < c.candidate.end);
    if (overlap || sameSpan) continue;
    const alsoIn: AlsoIn[] = [];
    const seen = new Set<string>();
    for (const id of candidate.passages) {
      for (const twin of passages[id]!.twins) {
        if (alsoIn.length >= MAX_ALSO_IN) break;
        if (twin === id) continue; // a passage's twins list its whole group, itself included
        const p = passages[twin]!;
        const article = articles[p.article]!;
        const key = `${p.article}:${p.paragraph}`;
        if (!seen.has(key) && p.article !== candidate.article) {
          seen.add(key);
          alsoIn.push({ article: article.ref, file: article.ref.file, start: p.start, end: p.end, paragraph: p.paragraph });
        }
      }
    }
    for (const id of candidate.passages) taken.add(group(id));
    chosen.push({ candidate, alsoIn });
  }
  return chosen.map(({ candidate, alsoIn }) => snippetOf(articles[candidate.article]!, candidate, alsoIn));
}

/** Other printings listed under "also in" at most: a sentence reprinted everywhere needs no full list. */
const MAX_ALSO_IN = 10;

function snippetOf(article: IndexedArticle, c: Candidate, alsoIn: AlsoIn[]): Snippet {
  const snippet: Snippet = {
    text: article.text.slice(c.start, c.end),
    file: article.ref.file,
    start: c.start,
    end: c.end,
    paragraph: c.paragraph,
    article: article.ref,
    highlights: (c.highlights ?? []).filter((h) => h.start >= c.start && h.end <= c.end),
  };
  if (c.speaker !== undefined) snippet.speaker = c.speaker;
  if (c.date) snippet.date = c.date;
  if (c.stance) snippet.stance = c.stance;
  if (alsoIn.length) snippet.alsoIn = alsoIn;
  return snippet;
}

/**
 * Best first, then the best of each other article before a second snippet of any one article, so the
 * first page shows different sources where they exist. Lazy, one round at a time: an answer needs
 * only its first few snippets, and a name on a large corpus has tens of thousands of candidates.
 */
function* interleaveArticles(ranked: Candidate[]): Generator<Candidate> {
  let rest = ranked;
  while (rest.length) {
    const bestOf = new Map<number, Candidate>();
    const later: Candidate[] = [];
    for (const c of rest) {
      const best = bestOf.get(c.article);
      if (best && candidateOrder(best, c) <= 0) later.push(c);
      else {
        if (best) later.push(best);
        bestOf.set(c.article, c);
      }
    }
    yield* [...bestOf.values()].sort(candidateOrder);
    rest = later;
  }
}

/** Rank order of candidates: by score, then by position in the corpus so that ties are stable. */
export function candidateOrder(a: Pick<Candidate, 'score' | 'article' | 'start'>, b: Pick<Candidate, 'score' | 'article' | 'start'>): number {
  return b.score - a.score || a.article - b.article || a.start - b.start;
}

/**
 * Of `count` candidates in rank order, how many are enough to make any answer: those from the first
 * ENOUGH_ARTICLES articles they come from. Every later candidate comes, in the interleaved order,
 * after the best one of each of those articles, and an answer ends well before them, even with
 * reprinted passages skipped.
 */
export function enoughCandidates(count: number, articleAt: (i: number) => number): number {
  const seen = new Set<number>();
  for (let i = 0; i < count; i++) {
    seen.add(articleAt(i));
    if (seen.size > ENOUGH_ARTICLES) return i;
  }
  return count;
}
const ENOUGH_ARTICLES = 4 * MAX_SNIPPETS;

/** The page of an answer the request asks for. */
/** The requested page as a whole number from 0; anything else (NaN, negative, Infinity) is page 0. */
function pageOf(request: AnswerRequest): number {
  const page = request.page ?? 0;
  return Number.isSafeInteger(Math.floor(page)) && page > 0 ? Math.floor(page) : 0;
}

export function answered(request: AnswerRequest, answeredAs: CommandName, snippets: Snippet[], extra: Partial<Answer> = {}): Answer {
  const page = pageOf(request);
  const shown = snippets.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
  if (shown.length === 0) {
    return abstained(request, answeredAs, page > 0 ? 'There are no further passages for this question.' : 'Not in the sources.', extra);
  }
  return {
    ...base(request, answeredAs, page),
    ...extra,
    abstained: false,
    snippets: shown,
    hasMore: snippets.length > (page + 1) * PAGE_SIZE,
  };
}

export function abstained(request: AnswerRequest, answeredAs: CommandName, reason: string, extra: Partial<Answer> = {}): Answer {
  return { ...base(request, answeredAs, pageOf(request)), ...extra, abstained: true, reason, snippets: [], hasMore: false };
}

function base(request: AnswerRequest, answeredAs: CommandName, page: number): Omit<Answer, 'abstained' | 'snippets' | 'hasMore'> {
  const b: Omit<Answer, 'abstained' | 'snippets' | 'hasMore'> = { command: request.command, query: request.query, answeredAs, page };
  if (request.about !== undefined) b.about = request.about;
  return b;
}

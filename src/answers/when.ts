/**
 * `when EVENT`: the sentence that dates the event, with its date expression marked. Only sentences
 * that carry a date can answer; among them, those that cover the event's words best. A relative date
 * ("yesterday") is quoted as written and resolved to a calendar date only when the article's
 * publication date is known, labelled as resolved.
 */
import { resolveDate } from '../retrieval/dates.js';
import type { Lookup } from './lookup.js';
import type { Candidate } from './snippets.js';
import { type Hit, matchedPositions, searchPassages } from './textsearch.js';

/** An event description shares at least this much of its information with the dating sentence. */
export const WHEN_MIN_COVERAGE = 0.5;

export function when(lookup: Lookup, event: string): Candidate[] {
  const hits = searchPassages(lookup, event, { filter: (p) => p.dates.length > 0, minCoverage: WHEN_MIN_COVERAGE });
  return hits.slice(0, 30).map((hit) => candidateOf(lookup, hit));
}

function candidateOf(lookup: Lookup, hit: Hit): Candidate {
  const p = hit.passage;
  const article = lookup.index.data.articles[p.article]!;
  const date = nearestDate(lookup, hit);
  const text = article.text.slice(date.start, date.end);
  const resolved = resolveDate(text, article.ref.date);
  return {
    article: p.article,
    start: p.start,
    end: p.end,
    paragraph: p.paragraph,
    score: hit.relevance * hit.coverage * hit.coverage,
    passages: [p.id],
    highlights: [{ start: date.start, end: date.end, label: 'date' }],
    date: resolved ? { text, start: date.start, end: date.end, resolved } : { text, start: date.start, end: date.end },
  };
}

/** Of the passage's dates, the one closest to the words that matched the event. */
function nearestDate(lookup: Lookup, hit: Hit) {
  const dates = hit.passage.dates;
  if (dates.length === 1) return dates[0]!;
  const positions = matchedPositions(lookup, hit);
  const distance = (d: { start: number; end: number }) =>
    Math.min(...positions.map((pos) => (pos < d.start ? d.start - pos : Math.max(0, pos - d.end))));
  return [...dates].sort((a, b) => distance(a) - distance(b))[0]!;
}

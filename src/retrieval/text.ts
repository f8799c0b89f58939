/**
 * Term normalisation shared by indexing and querying, so that both sides agree on what a word is.
 * Stored text is never changed: these functions only produce search terms.
 */
import { stemmer } from 'stemmer';

/** Apostrophe-like marks, including an opening quote used as an apostrophe ("Livingstone‘s"). */
const APOSTROPHES = /[\u2018\u2019\u02bc\u0060\u00b4]/g;

/** Words too common to carry meaning in a query about these articles. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all am an and any are as at be because been before being below between both but by ' +
    'can could did do does doing down during each few for from further had has have having he her here hers herself him himself ' +
    'his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours ' +
    'ourselves out over own same she should so some such than that the their theirs them themselves then there these they this ' +
    'those through to too under until up very was we were what when where which while who whom why will with would you your ' +
    'yours yourself yourselves also said say says saying tell told tells telling mr mrs ms dr'
  ).split(' '),
);

/** The text as a regular expression that matches it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Lower-cases and folds apostrophes and dashes so "Livingstone’s" and "Livingstone's" agree. */
export function fold(text: string): string {
  return text.normalize('NFKC').replace(APOSTROPHES, "'").replace(/[\u2010-\u2015\u2212]/g, '-').toLowerCase();
}

/** Splits text into raw word tokens (letters, digits, inner apostrophes and hyphens). */
export function words(text: string): string[] {
  return fold(text).match(/[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu) ?? [];
}

/** Drops a possessive ending: "livingstone's" → "livingstone", "mps'" stays "mps". */
function dropPossessive(word: string): string {
  return word.replace(/'s$/, '');
}

/**
 * The search terms for one raw token: the stemmed word, plus, for hyphenated words, the joined form
 * (so "ex-pelled" is found by "expelled") and the parts ("ex-London" by "London").
 */
export function termsOf(token: string): readonly string[] {
  let found = termsMemo.get(token);
  if (found === undefined) {
    found = computeTerms(token);
    // Bounded: a corpus has tens of thousands of distinct words, a hostile query any number.
    if (termsMemo.size >= 50_000) termsMemo.clear();
    termsMemo.set(token, found);
  }
  return found;
}
/** Words recur in every query and passage; stemming each occurrence anew was most of the cost. */
const termsMemo = new Map<string, readonly string[]>();

function computeTerms(token: string): readonly string[] {
  const word = dropPossessive(fold(token)).replace(/'/g, '');
  if (!word.includes('-')) return STOP_WORDS.has(word) ? [] : [stem(word)];
  const parts = word.split('-').filter((p) => p && !STOP_WORDS.has(p));
  return [...new Set([stem(word.replace(/-/g, '')), ...parts.map(stem)])];
}

export function stem(word: string): string {
  return /^\d/.test(word) ? word : stemmer(word);
}

/** All search terms of a text, in order, stop words removed. */
export function terms(text: string): string[] {
  return words(text).flatMap(termsOf);
}

/** Levenshtein distance, bounded: returns `max + 1` as soon as the distance must exceed `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  // Two reused rows instead of two arrays per row: person lookup calls this for every name word of
  // the corpus, and the allocations were most of its cost.
  const n = b.length;
  if (rowA.length <= n) {
    rowA = new Int32Array(2 * (n + 1));
    rowB = new Int32Array(2 * (n + 1));
  }
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[n]!;
}
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

function undoubled(word: string): string {
  return word.replace(/(.)\1+/g, '$1');
}

/** How many typos a word of this length may carry and still count as the same word. */
export function typoAllowance(word: string): number {
  if (word.length >= 8) return 2;
  if (word.length >= 4) return 1;
  return 0;
}

/** True when two words are the same up to the typos their length allows. */
export function sameWord(query: string, candidate: string): boolean {
  if (query === candidate) return true;
  // Doubling the wrong letter ("abass" for "abbas", "milliband") is one slip, not two.
  if (query.length >= 4 && undoubled(query) === undoubled(candidate)) return true;
  const allowance = typoAllowance(query);
  return allowance > 0 && editDistance(query, candidate, allowance) <= allowance;
}

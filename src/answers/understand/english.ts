/**
 * Whether a word is English: the `word-list` package's ~275,000 words (no personal names). A word the
 * articles never use is an ordinary word they happen not to use ("rid", "saying") when it is English,
 * and most likely a name the sources do not know ("boris", "galloway") when it is not, unless it is
 * an English word misspelt. Read once, on the first such word: most questions never need it.
 */
import { readFileSync } from 'node:fs';
import wordListPath from 'word-list';

let words: Set<string> | undefined;

export function isEnglish(word: string): boolean {
  words ??= new Set(readFileSync(wordListPath, 'utf8').split('\n'));
  return words.has(word.toLowerCase());
}

/**
 * True when a word is an English word with one letter left out, one too many or two swapped
 * ("happend", "goverment"): a typo, not a name. Only from six letters: shorter names sit that near
 * ordinary words ("boris" / "bores").
 */
export function nearEnglish(word: string): boolean {
  return word.length >= 6 && oneSlipFrom(word.toLowerCase(), isEnglish);
}

/** True when a word with one letter left out, one too many or two swapped is one that `is` accepts. */
export function oneSlipFrom(w: string, is: (candidate: string) => boolean): boolean {
  for (const candidate of oneSlips(w)) if (is(candidate)) return true;
  return false;
}

/** Every word one letter left out, one too many or two swapped away from `w` (lower case). */
export function* oneSlips(w: string): Generator<string> {
  for (let i = 0; i <= w.length; i++) {
    if (i < w.length) yield w.slice(0, i) + w.slice(i + 1);
    if (i < w.length - 1) yield w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
    for (let c = 97; c <= 122; c++) yield w.slice(0, i) + String.fromCharCode(c) + w.slice(i);
  }
}

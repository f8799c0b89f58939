/**
 * Whether a word is English: the `word-list` package's ~275,000 words (no personal names). A word the
 * articles never use is an ordinary word they happen not to use ("rid", "saying") when it is English,
 * and most likely a name the sources do not know ("boris", "galloway") when it is not. Read once, on
 * the first such word: most questions never need it.
 */
import { readFileSync } from 'node:fs';
import wordListPath from 'word-list';

let words: Set<string> | undefined;

export function isEnglish(word: string): boolean {
  words ??= new Set(readFileSync(wordListPath, 'utf8').split('\n'));
  return words.has(word.toLowerCase());
}

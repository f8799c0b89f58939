/**
 * Spelling the sources' own way before the question is read (engine.ts), where the index says what
 * that way is:
 * - words that autocorrect or a phone keyboard split in two ("ken living stone", "lust fur rahman"),
 *   joined again where the corpus knows the whole word and not its halves;
 * - an English word the corpus uses (or a paraphrase stands for), typed with one letter left out, one
 *   too many or two swapped ("sytem", "expeled", "punishmnt"), or an -ing without its g ("backin"),
 *   written right, so that the rules that read the question's words see it.
 * Hand-written: MiniSearch's fuzzy search matches one term at a time, never two query terms as one,
 * and corrects only the search, not the words the question is read by ("what voting system").
 */
import { fold, sameWord, STOP_WORDS, terms } from '../../retrieval/text.js';
import type { Lookup } from '../lookup.js';
import { SHORTHAND } from './chat.js';
import { isEnglish, oneSlips } from './english.js';
import { PARAPHRASED } from './paraphrases.js';

/** The text spelt the sources' way: split words joined, then one-slip typos of their words fixed. */
export function respell(lookup: Lookup, text: string): string {
  return rejoinSplitWords(lookup, text).replace(TYPO_CANDIDATE, (word) => corrected(lookup, fold(word)) ?? word);
}

/** Words long enough that one slip from an English word is likelier a typo than another word. */
const TYPO_CANDIDATE = /\p{L}{5,}/gu;

/**
 * The English word of the corpus one slip away from a word that is neither English, nor a word of
 * the corpus, nor near a name of it ("lutfar"), nor chat shorthand; the commonest in the corpus when
 * several are.
 */
function corrected(lookup: Lookup, word: string): string | undefined {
  // (The corpus and its names first: the word list is read on the first word that needs it.)
  if (Object.hasOwn(SHORTHAND, word) || lookup.nameTokens.has(word) || terms(word).some((t) => lookup.has(t))) return undefined;
  if (lookup.similarNameTokens(word).length || isEnglish(word)) return undefined;
  // "showin", "punishin": a dropped g ("showing", not "shown"), so the rules that read verbs see it.
  if (/in$/.test(word) && isEnglish(`${word}g`)) return `${word}g`;
  let best: { word: string; idf: number } | undefined;
  for (const candidate of oneSlips(word)) {
    // (A slip seldom changes the first letter: "aboot" is not "boot".)
    if (candidate[0] !== word[0] || !isEnglish(candidate)) continue;
    // ("punishmnt": a word users write for one of the sources', a paraphrase, is as good.)
    const stems = terms(candidate);
    if (stems.length === 0 || !(stems.every((t) => lookup.has(t)) || PARAPHRASED.has(candidate))) continue;
    const idf = Math.max(...stems.map((t) => lookup.idf(t)));
    if (!best || idf < best.idf) best = { word: candidate, idf };
  }
  return best?.word;
}

/** Two words of letters with one space between them; the second in a lookahead, so pairs overlap. */
const PAIR = /\b(\p{L}{2,}) (?=(\p{L}{2,})\b)/gu;

/** Shortest joined word taken for a split one: shorter joins are too often two real words. */
const MIN_JOINED = 6;

/** The text with split words joined; unchanged when no pair joins. */
function rejoinSplitWords(lookup: Lookup, text: string): string {
  if (!text.includes(' ')) return text;
  let out = text;
  // Look again after a join: the joined word is one of the next pair.
  for (let changed = true; changed; ) {
    changed = false;
    for (const m of out.matchAll(PAIR)) {
      const joined = fold(m[1]! + m[2]!);
      if (joined.length < MIN_JOINED || !joins(lookup, fold(m[1]!), fold(m[2]!), joined)) continue;
      out = `${out.slice(0, m.index)}${m[1]}${out.slice(m.index + m[0].length)}`;
      changed = true;
      break;
    }
  }
  return out;
}

/**
 * Whether two words are one split: their join is a name word of the sources ("livingstone"), or a
 * word of them ("hamlets"), or a name word up to a typo ("lustfur" → "lutfur"), while neither half is a
 * name word nor a function word, and, but for an exact name, neither half is a word of the sources either.
 */
function joins(lookup: Lookup, a: string, b: string, joined: string): boolean {
  const isName = (w: string) => lookup.nameTokens.has(w);
  // ("and the", "tho right": function words and chat shorthand are words of their own.)
  // ("lust fur": a shorthand that is also a name's half, "fur" = "for", may still join.)
  const isWord = (w: string) => STOP_WORDS.has(w) || (Object.hasOwn(SHORTHAND, w) && !lookup.nameTokens.has(a + b) && lookup.similarNameTokens(a + b).length === 0);
  if (isName(a) || isName(b) || isWord(a) || isWord(b)) return false;
  if (isName(joined)) return true;
  const inCorpus = (w: string) => terms(w).some((t) => lookup.has(t));
  if (inCorpus(a) || inCorpus(b)) return false;
  // (A near spelling of any word is too loose: "ever really" is not "eventually".)
  return inCorpus(joined) || lookup.similarNameTokens(joined).some((n) => sameWord(joined, n));
}

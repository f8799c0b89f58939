/**
 * Words that autocorrect or a phone keyboard split in two ("ken living stone", "lust fur rahman",
 * "tower ham lets"), joined again where the corpus knows the whole word and not its halves. Needs
 * the index, so it runs before the question is read (engine.ts). Hand-written: MiniSearch's fuzzy
 * search matches one term at a time and never tries two query terms as one.
 */
import { fold, sameWord, STOP_WORDS, terms } from '../../retrieval/text.js';
import { SHORTHAND } from './chat.js';
import type { Lookup } from '../lookup.js';

/** Two words of letters with one space between them; the second in a lookahead, so pairs overlap. */
const PAIR = /\b(\p{L}{2,}) (?=(\p{L}{2,})\b)/gu;

/** Shortest joined word taken for a split one: shorter joins are too often two real words. */
const MIN_JOINED = 6;

/** The text with split words joined; unchanged when no pair joins. */
export function rejoinSplitWords(lookup: Lookup, text: string): string {
  if (!text.includes(' ')) return text;
  let out = text;
  // Look again after a join: the joined word is one of the next pair.
  for (let changed = true; changed; ) {
    changed = false;
    for (const m of out.matchAll(PAIR)) {
      const joined = fold(m[1]! + m[2]!).toLowerCase();
      if (joined.length < MIN_JOINED || !joins(lookup, fold(m[1]!).toLowerCase(), fold(m[2]!).toLowerCase(), joined)) continue;
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
  const isWord = (w: string) => STOP_WORDS.has(w) || Object.hasOwn(SHORTHAND, w);
  if (isName(a) || isName(b) || isWord(a) || isWord(b)) return false;
  if (isName(joined)) return true;
  const inCorpus = (w: string) => terms(w).some((t) => lookup.has(t));
  if (inCorpus(a) || inCorpus(b)) return false;
  // (A near spelling of any word is too loose: "ever really" is not "eventually".)
  return inCorpus(joined) || lookup.similarNameTokens(joined).some((n) => sameWord(joined, n));
}

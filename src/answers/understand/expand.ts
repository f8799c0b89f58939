/**
 * A question's content words as the corpus knows them: each word becomes a concept that a passage
 * covers with the user's own word (fully) or with a paraphrase the corpus uses (partly, see
 * PARAPHRASE_WEIGHT), digits and number words stand for each other, possessives typed without an
 * apostrophe are found ("kens" → "ken"), and a word the corpus has in no form is kept as missing:
 * a question hinging on it cannot be answered from these sources.
 */
import { terms, termsOf, words } from '../../retrieval/text.js';
import type { Lookup } from '../lookup.js';
import { NUMBER_WORDS } from './chat.js';
import { PARAPHRASES } from './paraphrases.js';

/** A paraphrase covers a concept this much: below the user's own word, everywhere. */
export const PARAPHRASE_WEIGHT = 0.8;
/** One word of a phrase ("back" of "let back in") covers the phrase this much. */
const PHRASE_WORD_WEIGHT = 0.4;

export interface Concept {
  /** The word (or phrase) as the user wrote it, normalised. */
  word: string;
  /** Its search terms; matching any of them covers the concept fully. */
  terms: string[];
  /** Terms of the corpus's own words for it, with how much each covers. */
  alternatives: Map<string, number>;
  /** How much the concept weighs in coverage (its rarity in the corpus). */
  weight: number;
  /** True when neither the word nor any alternative occurs in the corpus (nor a near spelling). */
  missing: boolean;
}

export interface Expansion {
  from: string;
  to: string;
  weight: number;
}

export interface SearchPlan {
  /** The user's words, for the main search. */
  text: string;
  /** The alternatives, for a second search weighted below the first. */
  alternativeText: string;
  concepts: Concept[];
  expansions: Expansion[];
}

interface Entry {
  say: string[];
  means: readonly string[];
}

/**
 * Paraphrase phrases, longest first, as word lists. Matched word for word, not by stem: the stemmer
 * makes "elected" and "election" one word, and an election is not a win.
 */
const ENTRIES: Entry[] = PARAPHRASES.flatMap((p) => p.say.map((s) => ({ say: s.split(' '), means: p.means }))).sort((a, b) => b.say.length - a.say.length);

export function searchPlan(lookup: Lookup, content: string): SearchPlan {
  const tokens = words(content).map((w) => possessive(lookup, w));
  const concepts: Concept[] = [];
  const expansions: Expansion[] = [];
  // What the two searches are given: words as written, since the index stems them itself (and a
  // stem is not always its own stem: "ife" → "if", a stop word).
  const ownWords: string[] = [];
  const alternativeWords = new Set<string>();
  for (let i = 0; i < tokens.length; ) {
    const phrase = longestPhrase(tokens, i);
    const span = phrase ? phrase.say.length : 1;
    const word = tokens.slice(i, i + span).join(' ');
    i += span;
    const own = [...new Set(terms(word))];
    const alternatives = new Map<string, number>();
    const alternative = (said: string, weight: number) => {
      const found = terms(said).filter((t) => !own.includes(t) && lookup.has(t));
      for (const t of found) alternatives.set(t, Math.max(weight, alternatives.get(t) ?? 0));
      if (found.length === 0) return;
      alternativeWords.add(said);
      expansions.push({ from: word, to: said, weight });
    };
    for (const means of phrase?.means ?? []) alternative(means, PARAPHRASE_WEIGHT);
    for (const twin of numberTwins(word)) alternative(twin, 1);
    if (own.length === 0 && alternatives.size === 0) continue;
    const known = own.filter((t) => lookup.has(t) || lookup.nearTerm(t));
    // A phrase means more than any one of its words: "back" alone (in "gaining back a seat") is not
    // "let back in". Its words count as weak alternatives; a single word counts fully.
    let ownTerms = own;
    if (span > 1) {
      ownTerms = [];
      for (const t of known) if (!alternatives.has(t)) alternatives.set(t, PHRASE_WORD_WEIGHT);
      if (known.length) alternativeWords.add(word);
    }
    const weight = Math.max(0, ...known.map((t) => lookup.idf(t)), ...[...alternatives.keys()].map((t) => lookup.idf(t)));
    const missing = known.length === 0 && alternatives.size === 0;
    concepts.push({ word, terms: ownTerms, alternatives, weight: missing ? lookup.idf('') : weight, missing });
    if (ownTerms.length) ownWords.push(word);
  }
  return {
    text: ownWords.join(' '),
    alternativeText: [...alternativeWords].join(' '),
    concepts,
    expansions,
  };
}

/** Share of the concepts' weight a passage covers, given the terms it matched (own or alternative). */
export function conceptCoverage(concepts: readonly Concept[], matched: ReadonlySet<string>): number {
  let total = 0;
  let hit = 0;
  for (const c of concepts) {
    total += c.weight;
    if (c.terms.some((t) => matched.has(t))) hit += c.weight;
    else {
      let best = 0;
      c.alternatives.forEach((w, t) => {
        if (w > best && matched.has(t)) best = w;
      });
      hit += best * c.weight;
    }
  }
  return total ? hit / total : 0;
}

function longestPhrase(tokens: string[], i: number): Entry | undefined {
  for (const e of ENTRIES) {
    if (e.say.length > 1 && e.say.every((w, k) => tokens[i + k] === w)) return e;
  }
  const token = tokens[i]!;
  return ENTRIES.find((e) => e.say.length === 1 && e.say[0] === token);
}

/** "kens" → "ken", "robbanis" → "robbani": a possessive typed without its apostrophe. */
function possessive(lookup: Lookup, word: string): string {
  if (!word.endsWith('s') || word.length < 4) return word;
  const [own] = termsOf(word);
  if (own && lookup.has(own)) return word;
  const base = word.slice(0, -1);
  return lookup.nameTokens.has(base) ? base : word;
}

/** "8" ↔ "eight". */
function numberTwins(word: string): string[] {
  if (/^\d+$/.test(word)) {
    const w = NUMBER_WORDS[Number(word)];
    return w ? [w] : [];
  }
  const n = NUMBER_WORDS.indexOf(word);
  return n >= 0 ? [String(n)] : [];
}

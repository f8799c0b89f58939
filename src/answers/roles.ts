/**
 * Who did what to whom, read cheaply: in a sentence that answers "why did Labour expel Rahman", the
 * person sits next to the verb ("Mr Rahman was ex-pelled"); in one that merely has both ("councillors
 * expelled ... for their backing of ... Lutfur Rahman") another verb and its own subject come
 * between. The distance between a named person's mention and the question's other matched words
 * measures that without a parser; sentences here are short and their roles local.
 */
import { termsOf } from '../retrieval/text.js';
import type { Lookup } from './lookup.js';
import type { SearchPlan } from './understand/expand.js';
import { type Hit, matchedWords } from './textsearch.js';

/** Characters between a named person and the question's other words before the score halves. */
const ROLE_REACH = 60;
/** Closer than this, the person and the words are one clause. */
const SAME_CLAUSE = 25;

/** A named person only in the neighbouring sentences: the passage is about them at one remove. */
export const NOT_IN_PASSAGE = 0.6;

/**
 * 1 when a person the question names stands next to the question's action words in the passage (or,
 * with no action word, its other words), falling towards 0 as they drift apart; 1 when there is
 * nothing to compare.
 */
export function roleFit(lookup: Lookup, hit: Hit, plan: SearchPlan): number {
  if (hit.named.length === 0) return 1;
  const mentions: { start: number; end: number }[] = hit.passage.mentions.filter((m) => hit.named.includes(m.person));
  const pronoun = lookup.pronounSubject.get(hit.passage.id);
  if (pronoun && hit.named.includes(pronoun.person)) mentions.push(pronoun);
  if (mentions.length === 0) return lookup.involves(hit.passage, hit.named[0]!) ? 1 : NOT_IN_PASSAGE;
  const actions = new Set(plan.concepts.filter((c) => c.action).flatMap((c) => [...c.terms, ...c.alternatives.keys()]));
  let words = matchedWords(lookup, hit).filter((w) => !mentions.some((m) => w.start < m.end && m.start < w.end) && !isNameWord(lookup, hit, w));
  if (actions.size) words = words.filter((w) => termsOf(wordAt(lookup, hit, w)).some((t) => actions.has(t)));
  if (words.length === 0) return 1;
  let gap = Infinity;
  for (const m of mentions) for (const w of words) gap = Math.min(gap, Math.max(0, w.start - m.end, m.start - w.end));
  return 1 / (1 + Math.max(0, gap - SAME_CLAUSE) / ROLE_REACH);
}

function isNameWord(lookup: Lookup, hit: Hit, w: { start: number; end: number }): boolean {
  return termsOf(wordAt(lookup, hit, w)).some((t) => hit.nameTerms.has(t));
}

function wordAt(lookup: Lookup, hit: Hit, w: { start: number; end: number }): string {
  return lookup.index.data.articles[hit.passage.article]!.text.slice(w.start, w.end);
}

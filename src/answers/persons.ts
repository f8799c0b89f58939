/**
 * Resolves the name a user typed to one person of the corpus, forgiving typos ("Lutfur Rahmen",
 * "ken livingston") but never swapping people: every word the user typed must be one of the person's
 * names, so "Sadiq Khan" matches none of the councillors called Khan, and a bare "Khan" shared by
 * several people of equal standing is ambiguous rather than a guess.
 */
import type { Person } from '../retrieval/people.js';
import { fold, words } from '../retrieval/text.js';
import type { Lookup } from './lookup.js';

export type PersonMatch =
  /** `others`: people the words could also name, when the likeliest was chosen among them ("Ken"). */
  | { kind: 'person'; person: Person; others?: Person[] }
  | { kind: 'ambiguous'; persons: Person[] }
  | { kind: 'none' };

/** Words a user may put around a name that are not part of it. */
const NOT_NAME = new Set(
  'mr mrs ms miss dr sir lord lady dame cllr councillor the who is was are what about did does do say said says tell me of'.split(' '),
);

/** A person mentioned this many times more than the next candidate is the one meant. */
const DOMINANCE = 3;

export function resolvePerson(lookup: Lookup, query: string): PersonMatch {
  const tokens = words(query)
    .map((w) => fold(w).replace(/'s$/, '').replace(/'/g, ''))
    .filter((w) => w && !NOT_NAME.has(w));
  if (tokens.length === 0) return { kind: 'none' };
  const perToken = tokens.map((t) => matchingNameTokens(lookup, t));
  if (perToken.some((m) => m.size === 0)) return { kind: 'none' };

  const scored: { person: Person; score: number }[] = [];
  const candidates = new Set<Person>();
  for (const [nameToken] of perToken[0]!) for (const p of lookup.nameTokens.get(nameToken) ?? []) candidates.add(p);
  for (const person of candidates) {
    const score = matchScore(lookup.nameWords(person), perToken);
    if (score > 0) scored.push({ person, score });
  }
  if (scored.length === 0) return { kind: 'none' };
  const best = Math.max(...scored.map((s) => s.score));
  const top = scored.filter((s) => s.score === best).map((s) => s.person).sort((a, b) => b.mentions - a.mentions);
  if (top.length === 1) return { kind: 'person', person: top[0]! };
  if (top[0]!.mentions >= DOMINANCE * top[1]!.mentions) return { kind: 'person', person: top[0]!, others: top.slice(1) };
  return { kind: 'ambiguous', persons: top };
}

/** Name tokens of the corpus that a typed word may be: itself, else the same word up to typos (2 = exact, 1 = typo). */
function matchingNameTokens(lookup: Lookup, token: string): Map<string, number> {
  if (lookup.nameTokens.has(token)) return new Map([[token, 2]]);
  const found = new Map<string, number>();
  for (const name of lookup.similarNameTokens(token)) found.set(name, 1);
  return found;
}

/**
 * How well the typed words name this person: each typed word must be a different one of the person's
 * name words. Naming the surname (or the whole name) beats naming only the first name.
 */
function matchScore(nameWords: string[], perToken: Map<string, number>[]): number {
  const used = new Set<number>();
  let score = 0;
  for (const options of perToken) {
    const i = nameWords.findIndex((w, j) => !used.has(j) && options.has(w));
    if (i < 0) return 0;
    used.add(i);
    score += options.get(nameWords[i]!)!;
  }
  if (used.has(nameWords.length - 1)) score += 1;
  return score;
}

/**
 * The people a free-text query names ("when was Livingstone readmitted" → Ken Livingstone): runs of
 * one or two words that resolve to exactly one person.
 */
export function personsNamed(lookup: Lookup, query: string): Person[] {
  const tokens = words(query).filter((w) => !NOT_NAME.has(fold(w)));
  const found = new Map<string, Person>();
  for (let i = 0; i < tokens.length; i++) {
    for (const n of [2, 1]) {
      if (i + n > tokens.length) continue;
      const match = resolvePerson(lookup, tokens.slice(i, i + n).join(' '));
      if (match.kind === 'person') {
        found.set(match.person.id, match.person);
        i += n - 1;
        break;
      }
    }
  }
  return [...found.values()];
}

/**
 * `who NAME`: the sentences that say who a person is. A sentence ranks by how it introduces the
 * person (an appositive "Greg Hands, the Tory MP", a role before the name "regional director, Ken
 * Clark", a parenthesis, "X is our candidate"), not merely by naming them; a person the articles only
 * name gets those naming sentences, full names first.
 */
import type { Cue } from '../retrieval/people.js';
import type { Lookup, PersonMention } from './lookup.js';
import { resolvePerson } from './persons.js';
import type { Candidate } from './snippets.js';
import type { Person } from '../retrieval/people.js';

export type WhoResult =
  | { kind: 'found'; person: Person; candidates: Candidate[] }
  | { kind: 'ambiguous'; persons: Person[] }
  | { kind: 'none' };

/** What each way of introducing a person says about who they are. */
const CUE_WEIGHT: Partial<Record<Cue, number>> = {
  appositive: 10,
  'role-before': 10,
  parenthesis: 10,
  copula: 8,
  relative: 3,
  list: 2,
  title: 0.5,
  nickname: 0.5,
  // A role word near the name describes the person; the writer's own description outranks a name
  // dropped inside someone's quotation; the sentence's subject is what the sentence is about.
  'role-near': 3,
  quoted: -1,
  opens: 1,
};

/** Beyond this a sentence is hard to read as an answer; it still counts, a little lower. */
const LONG_SENTENCE = 280;

export function who(lookup: Lookup, name: string): WhoResult {
  const match = resolvePerson(lookup, name);
  if (match.kind !== 'person') return match;
  const person = match.person;
  const byPassage = new Map<number, Candidate>();
  for (const pm of lookup.mentionsOf.get(person.id) ?? []) {
    const score = introductionScore(pm);
    const previous = byPassage.get(pm.passage.id);
    const highlight = { start: pm.mention.start, end: pm.mention.end, label: 'person' as const };
    if (previous) {
      previous.score = Math.max(previous.score, score);
      previous.highlights!.push(highlight);
      continue;
    }
    const p = pm.passage;
    byPassage.set(p.id, { article: p.article, start: p.start, end: p.end, paragraph: p.paragraph, score, passages: [p.id], highlights: [highlight] });
  }
  return { kind: 'found', person, candidates: [...byPassage.values()] };
}

function introductionScore({ passage, mention }: PersonMention): number {
  let score = 1;
  for (const cue of mention.cues) score += CUE_WEIGHT[cue] ?? 0;
  if (mention.form === 'full') score += 1;
  if (passage.end - passage.start > LONG_SENTENCE) score -= 2;
  return score;
}

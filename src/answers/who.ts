/**
 * `who NAME`: the sentences that say who a person is. A sentence ranks by how it introduces the
 * person (an appositive "Greg Hands, the Tory MP", a role before the name "regional director, Ken
 * Clark", a parenthesis, "X is our candidate"), not merely by naming them; a person the articles only
 * name gets those naming sentences, full names first.
 */
import type { Cue } from '../retrieval/people.js';
import type { Lookup, PersonMention } from './lookup.js';
import { personsNamed, resolvePerson } from './persons.js';
import { candidateOrder, enoughCandidates, type Candidate } from './snippets.js';
import type { Person } from '../retrieval/people.js';

export type WhoResult =
  | { kind: 'found'; person: Person; candidates: Candidate[]; others?: Person[] }
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
  let match = resolvePerson(lookup, name);
  // "that robani guy lutfur stood": a description around a name; the first named is the one asked
  // about, the others are said.
  if (match.kind === 'none') {
    const [first, ...others] = personsNamed(lookup, name);
    if (first) match = others.length ? { kind: 'person', person: first, others } : { kind: 'person', person: first };
  }
  if (match.kind !== 'person') return match;
  const person = match.person;
  const ranked = lookup.introductionsOf(person.id);
  const { passages } = lookup.index.data;
  const shown = enoughCandidates(ranked.passages.length, (i) => passages[ranked.passages[i]!]!.article);
  const candidates = Array.from(ranked.passages.subarray(0, shown), (id, i): Candidate => {
    const p = passages[id]!;
    const highlights = p.mentions.filter((m) => m.person === person.id).map((m) => ({ start: m.start, end: m.end, label: 'person' as const }));
    return { article: p.article, start: p.start, end: p.end, paragraph: p.paragraph, score: ranked.scores[i]!, passages: [p.id], highlights };
  });
  return match.others ? { kind: 'found', person, candidates, others: match.others } : { kind: 'found', person, candidates };
}

/** A person's passages ranked by how well they introduce the person, best first. */
export interface Introductions {
  passages: Int32Array;
  scores: Float64Array;
}

/**
 * Ranks the passages naming a person (a passage scores as its best mention). Done once per person
 * when the engine starts (Lookup), since it depends on nothing but the index: a question then takes
 * the first few, where scoring the 48,000 mentions of a main figure of a 10,000-article corpus took
 * 30 ms per question.
 */
export function rankIntroductions(mentions: PersonMention[]): Introductions {
  const best = new Map<number, { id: number; article: number; start: number; score: number }>();
  for (const pm of mentions) {
    const score = introductionScore(pm);
    const { id, article, start } = pm.passage;
    const previous = best.get(id);
    if (!previous) best.set(id, { id, article, start, score });
    else if (score > previous.score) previous.score = score;
  }
  const ranked = [...best.values()].sort(candidateOrder);
  return { passages: Int32Array.from(ranked, (r) => r.id), scores: Float64Array.from(ranked, (r) => r.score) };
}

function introductionScore({ passage, mention }: PersonMention): number {
  let score = 1;
  for (const cue of mention.cues) score += CUE_WEIGHT[cue] ?? 0;
  if (mention.form === 'full') score += 1;
  if (passage.end - passage.start > LONG_SENTENCE) score -= 2;
  return score;
}

/**
 * `who NAME`: the sentences that say who a person is. A sentence ranks by how it introduces the
 * person (an appositive "Greg Hands, the Tory MP", a role before the name "regional director, Ken
 * Clark", a parenthesis, "X is our candidate"), not merely by naming them; a person the articles only
 * name gets those naming sentences, full names first.
 */
import type { Cue } from '../retrieval/people.js';
import { ROLE_NOUNS } from '../retrieval/people.js';
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
};

const ROLE_WORD = new RegExp(`\\b(?:${ROLE_NOUNS}|mayoralty|independent)\\b`, 'i');
/** Beyond this a sentence is hard to read as an answer; it still counts, a little lower. */
const LONG_SENTENCE = 280;

export function who(lookup: Lookup, name: string): WhoResult {
  const match = resolvePerson(lookup, name);
  if (match.kind !== 'person') return match;
  const person = match.person;
  const byPassage = new Map<number, Candidate>();
  for (const pm of lookup.mentionsOf.get(person.id) ?? []) {
    const score = introductionScore(lookup, pm);
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

function introductionScore(lookup: Lookup, { passage, mention }: PersonMention): number {
  let score = 1;
  for (const cue of mention.cues) score += CUE_WEIGHT[cue] ?? 0;
  const text = lookup.passageText(passage);
  // A role word close to the name ("sacked by Labour as their candidate") describes the person,
  // unless another person's name stands between them ("MP Jim Fitzpatrick ... with Mr Miliband").
  let from = mention.start - 50;
  let to = mention.end + 70;
  for (const other of passage.mentions) {
    if (other.person === mention.person) continue;
    if (other.end <= mention.start) from = Math.max(from, other.end);
    if (other.start >= mention.end) to = Math.min(to, other.start);
  }
  // A role belongs to the name only within the same clause, and not across a quote mark ("A shadow
  // minister said: “... Ed would ...”" says nothing about Ed).
  const before = text.slice(Math.max(0, from - passage.start), mention.start - passage.start).split(/[“”"]|[.;:]\s/).at(-1)!;
  const after = text.slice(mention.end - passage.start, Math.max(0, to - passage.start)).split(/[,;:(“”"]|\s[-–—]\s/)[0]!;
  if (ROLE_WORD.test(before) || ROLE_WORD.test(after)) score += 3;
  if (mention.form === 'full') score += 1;
  // The writer's own description outranks a name dropped inside someone's quotation, and the
  // sentence's subject ("Ed Miliband is facing ...") is what the sentence is about.
  const lead = text.slice(0, mention.start - passage.start);
  if (count(lead, /“/g) > count(lead, /”/g) || count(lead, /"/g) % 2 === 1) score -= 1;
  else if (/^\W*$/u.test(lead)) score += 1;
  if (text.length > LONG_SENTENCE) score -= 2;
  return score;
}

function count(text: string, mark: RegExp): number {
  return text.match(mark)?.length ?? 0;
}

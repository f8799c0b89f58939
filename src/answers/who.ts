/**
 * `who NAME`: the sentences that say who a person is. A sentence ranks by how it introduces the
 * person (an appositive "Greg Hands, the Tory MP", a role before the name "regional director, Ken
 * Clark", a parenthesis, "X is our candidate"), not merely by naming them; a person the articles only
 * name gets those naming sentences, full names first.
 */
import type { Cue } from '../retrieval/people.js';
import type { Lookup, PersonMention } from './lookup.js';
import { fold, sameWord, terms, words } from '../retrieval/text.js';
import { personsNamed, resolvePerson } from './persons.js';
import { searchPassages } from './textsearch.js';
import { type Concept, conceptMatch, searchPlan } from './understand/expand.js';
import { contentOf, normalise, withoutRequest } from './understand/question.js';
import { oneSlipFrom } from './understand/english.js';
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

export function who(lookup: Lookup, typed: string): WhoResult {
  // ("please tell me who is man running socialist unity blog": the description, not the request.)
  const name = withoutRequest(typed);
  let match = resolvePerson(lookup, name);
  let fitting: number | undefined;
  if (match.kind === 'none') {
    // "neil king": a first name the sources do not know before a surname they do is someone else.
    if (unknownName(lookup, name)) return { kind: 'none' };
    const named = personsNamed(lookup, name);
    // "the tory mp who laid into ken", "the socialist unity blog guy": someone the articles describe
    // so, other than the people the description names after its head.
    const described = describedPerson(lookup, name, named);
    // "that robani guy lutfur stood": a description around a name; the first named is the one asked
    // about, the others are said. "kens spokesman", whom no passage names, is nobody known.
    const [first, ...others] = described === NOBODY ? [] : described ? [described.person] : named;
    if (first) match = others.length ? { kind: 'person', person: first, others } : { kind: 'person', person: first };
    // "the guy who ran oona kings campaign": the sentence that describes him so comes first.
    if (described && described !== NOBODY) fitting = described.passage;
  }
  if (match.kind !== 'person') return match;
  const person = match.person;
  const ranked = lookup.introductionsOf(person.id);
  const { passages } = lookup.index.data;
  const order = fitting === undefined ? Array.from(ranked.passages) : [fitting, ...Array.from(ranked.passages).filter((id) => id !== fitting)];
  const scoreOf = new Map(Array.from(ranked.passages, (id, i) => [id, ranked.scores[i]!]));
  const shown = enoughCandidates(order.length, (i) => passages[order[i]!]!.article);
  const candidates = order.slice(0, shown).map((id): Candidate => {
    const p = passages[id]!;
    const highlights = p.mentions.filter((m) => m.person === person.id).map((m) => ({ start: m.start, end: m.end, label: 'person' as const }));
    return { article: p.article, start: p.start, end: p.end, paragraph: p.paragraph, score: id === fitting ? (ranked.scores[0] ?? 0) + 1 : scoreOf.get(id) ?? 0, passages: [p.id], highlights };
  });
  return match.others ? { kind: 'found', person, candidates, others: match.others } : { kind: 'found', person, candidates };
}

/** Words that say a person is meant without describing them ("that X guy", "the one who"). */
const PERSON_WORDS = new Set('guy guys bloke blokes dude man men woman women lady fella fellow person one chap lad lads geezer gent gents gentleman gentlemen gal girl boy lass individual someone somebody whoever who that this the a an some him her his them'.split(' '));
/** "who is [the] man running ...": the verb that only says who is meant. */
const COPULA = /^(?:is|was|are|were|be|been|s)$/;
/** A present participle ("slagging", "running"), not a short word that only ends so ("king"). */
const PARTICIPLE = /^[a-z]{3,}ing$/;
/** Words after which a name is someone the description relates to, not the one described. */
const RELATION = /^(?:who|whom|that|which|in|against|into|with|for|by|from|of|to|about|behind|on|at|over|under)$/;

/**
 * The person a description points at ("the tory mp who laid into ken" → Greg Hands, "the Tory MP for
 * Chelsea and Fulham"), or none when the description is only a name with person words around it
 * ("that rahman guy") or names its person first ("lutfur the mayor"). Candidates are the people of the
 * passages that best cover the description, who have the head's words next to their name; each is
 * scored by the passage's match and by how it introduces them.
 */
function describedPerson(lookup: Lookup, query: string, named: Person[]): { person: Person; passage: number } | typeof NOBODY | undefined {
  // (Chat shorthand spelt out: "the mp w the blog who said ken shld go".)
  const typed = words(normalise(query));
  // One word is a name the user believes in ("Chelsea"), not a description of somebody.
  if (typed.length < 2) return undefined;
  const tokens = typed.map((w) => w.replace(/'s$/, ''));
  const nameTerms = new Set(named.flatMap((p) => lookup.nameWords(p)));
  const isName = (w: string) => nameTerms.has(w) || [...nameTerms].some((n) => sameWord(w, n));
  // Where the description's head ends: "the tory mp | who laid into ken" ("that" opening it is "the").
  // ("the tory mp slagging off ken": a participle opens the clause as "who" would.)
  const relation = tokens.findIndex((w, i) => i > 0 && (RELATION.test(w) || (i > 1 && PARTICIPLE.test(w) && !isName(w))));
  const headEnd = relation < 0 ? tokens.length : relation;
  // A name in the head ("lutfur the mayor", "that rahman guy") is the person asked about; one after
  // it ("who laid into ken") or possessive ("kens spokesman") is someone the person relates to.
  const firstName = tokens.findIndex(isName);
  const related = firstName < 0 || firstName >= headEnd || (/s$/.test(typed[firstName]!) && !nameTerms.has(typed[firstName]!));
  if (!related && named.length) return undefined;
  // What must stand by the person: the head's words, or for "the guy who nominated lutfur" the clause's.
  const describing = (from: number, to: number) => tokens.slice(from, to).filter((w) => !isName(w) && !PERSON_WORDS.has(w) && !RELATION.test(w) && !COPULA.test(w));
  const headNoun = describing(0, headEnd).length > 0;
  const head = headNoun ? describing(0, headEnd) : describing(headEnd, tokens.length);
  if (head.length === 0) return named.length ? undefined : NOBODY;
  // The names stay in the search: the described person stands in a passage beside them.
  const plan = searchPlan(lookup, contentOf(tokens.filter((w) => !PERSON_WORDS.has(w)).join(' ')));
  const headConcepts = searchPlan(lookup, contentOf(head.join(' '))).concepts;
  if (headConcepts.length === 0) return NOBODY;
  const excluded = new Set(named.map((p) => p.id));
  const scores = new Map<string, number>();
  /** The passage that gave each person their best score: where the description fits them. */
  const where = new Map<string, number>();
  const score = (id: string, value: number, passage: number) => {
    if (value <= (scores.get(id) ?? 0)) return;
    scores.set(id, value);
    where.set(id, passage);
  };
  // "the mp who said the nec would bottle it": whoever says those words, described so elsewhere.
  const speaks = SAYS.test(tokens.slice(headEnd).join(' '));
  for (const hit of searchPassages(lookup, plan, { minCoverage: DESCRIBED_MIN_COVERAGE }).slice(0, 20)) {
    if (speaks) {
      for (const id of lookup.speakersOf.get(hit.passage.id) ?? []) {
        if (excluded.has(id)) continue;
        // The words say who more surely than the head ("the mp" for a blogger the article never
        // calls one): a head that fits only ranks them higher.
        const fit = describedAs(lookup, id, headConcepts) ? SPEAKER : SPEAKER / 2;
        score(id, fit * hit.coverage ** 2 * hit.relevance, hit.passage.id);
      }
    }
    for (const m of hit.passage.mentions) {
      if (excluded.has(m.person)) continue;
      // The head's words stand by the mention: "Greg Hands, the Tory MP", not a candidate somewhere
      // in a sentence that says "Tory" elsewhere.
      const around = lookup.termsNear(hit.passage, m);
      // "the east end mp who ran oona kings campaign": the head may describe the person in another
      // sentence ("East End MP Jim Fitzpatrick") than the one that tells what they did.
      const headHere = headConcepts.every((c) => conceptMatch(c, around) > 0);
      // With no head noun ("the guy who ran oona kings campaign"), the clause is the deed, told in
      // the sentence's own words ("who ran Oona King's unsuccessful bid"): its people are candidates.
      if (!headHere && headNoun && !(related && describedAs(lookup, m.person, headConcepts))) continue;
      const introduced = 1 + m.cues.reduce((sum, cue) => sum + Math.max(0, CUE_WEIGHT[cue] ?? 0), 0);
      score(m.person, hit.coverage ** 2 * hit.relevance * introduced * (headHere ? 1 : HEAD_ELSEWHERE), hit.passage.id);
    }
  }
  const best = [...scores].sort((a, b) => b[1] - a[1])[0];
  const person = best && lookup.persons.get(best[0]);
  return person ? { person, passage: where.get(best[0])! } : NOBODY;
}

/** A person the head describes in another of their sentences than the one found ranks this much lower. */
const HEAD_ELSEWHERE = 0.5;

/** A clause saying what the person said. */
// ("the labour mp with the blog who said ...": after any words that place them.)
const SAYS = /(?:^|\s)(?:who|that)\s+(?:said|says|say|reckoned|reckons|claimed|claims|predicted|warned|wrote|called|reckon|blogged|posted|tweeted)\b/;
/** The speaker of the words a description quotes is the one it means, before anyone named near them. */
const SPEAKER = 10;

/** True when a mention of the person, in the sentences that introduce them best, has the head's words near. */
function describedAs(lookup: Lookup, id: string, head: readonly Concept[]): boolean {
  const { passages } = lookup.index.data;
  return Array.from(lookup.introductionsOf(id).passages.subarray(0, 5)).some((pid) => {
    const p = passages[pid]!;
    return p.mentions.some((m) => m.person === id && head.every((c) => conceptMatch(c, lookup.termsNear(p, m)) > 0));
  });
}

/** True for a short name with a word that is no name, word or person word of the sources ("neil"). */
function unknownName(lookup: Lookup, query: string): boolean {
  const typed = words(fold(query)).map((w) => w.replace(/'s$/, ''));
  if (typed.length < 2 || typed.length > 3) return false;
  return typed.some((w) => !PERSON_WORDS.has(w) && !lookup.nameTokens.has(w) && lookup.similarNameTokens(w).length === 0 && !terms(w).some((t) => lookup.has(t)) && !slipOfFirstName(lookup, w, typed));
}

/**
 * "jon biggs": a first name too short for the typo search, one slip from the first name of someone
 * whose surname the query also has, is that person's.
 */
function slipOfFirstName(lookup: Lookup, word: string, typed: readonly string[]): boolean {
  for (const other of typed) {
    for (const person of lookup.nameTokens.get(other) ?? []) {
      const first = lookup.nameWords(person)[0];
      if (first && first !== other && first[0] === word[0] && oneSlipFrom(word, (w) => w === first)) return true;
    }
  }
  return false;
}

/** A description whose person the articles do not name. */
const NOBODY = 'nobody';
/** How much of the description a passage must have for its people to be candidates. */
const DESCRIBED_MIN_COVERAGE = 0.6;

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

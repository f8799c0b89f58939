/**
 * Who did what to whom, read cheaply: in a sentence that answers "why did Labour expel Rahman", the
 * person sits next to the verb ("Mr Rahman was ex-pelled"); in one that merely has both ("councillors
 * expelled ... for their backing of ... Lutfur Rahman") another verb and its own subject come
 * between. The distance between a named person's mention and the question's other matched words
 * measures that without a parser; sentences here are short and their roles local.
 */
import { escapeRegExp, termsOf } from '../retrieval/text.js';
import type { Lookup } from './lookup.js';
import { actionTermsOf, type SearchPlan } from './understand/expand.js';
import { type Hit, matchedWords } from './textsearch.js';

/** Characters between a named person and the question's other words before the score halves. */
const ROLE_REACH = 60;
/** Closer than this, the person and the words are one clause. */
const SAME_CLAUSE = 25;

/** A named person only in the neighbouring sentences: the passage is about them at one remove. */
export const NOT_IN_PASSAGE = 0.35;

/**
 * 1 when a person the question names stands next to the question's action words in the passage (or,
 * with no action word, its other words), falling towards 0 as they drift apart; 1 when there is
 * nothing to compare.
 */
export function roleFit(lookup: Lookup, hit: Hit, plan: SearchPlan, question = ''): number {
  if (hit.named.length === 0) return 1;
  const text = lookup.index.data.articles[hit.passage.article]!.text;
  const mentions: { start: number; end: number }[] = hit.passage.mentions.filter((m) => hit.named.includes(m.person));
  const pronoun = lookup.pronounSubject.get(hit.passage.id);
  if (pronoun && pronoun.persons.some((id) => hit.named.includes(id))) mentions.push(pronoun);
  // Someone's own words: "I" is them ("I want ... councillors who have resigned" is not their quitting).
  if (mentions.length === 0 && hit.named.some((id) => lookup.speakersOf.get(hit.passage.id)?.has(id))) mentions.push(...firstPerson(text, hit.passage));
  const actions = actionTermsOf(plan);
  // Only the speaker of a sentence that says neither "I" nor their name: its action is someone
  // else's ("the Conservatives have already won seats", in Ken's statement).
  if (mentions.length === 0) return lookup.involves(hit.passage, hit.named[0]!) && actions.size === 0 ? 1 : NOT_IN_PASSAGE;
  let words = matchedWords(lookup, hit).filter((w) => !mentions.some((m) => w.start < m.end && m.start < w.end) && !isNameWord(lookup, hit, w));
  if (actions.size) words = words.filter((w) => termsOf(wordAt(lookup, hit, w)).some((t) => actions.has(t)));
  if (words.length === 0) return 1;
  const asked = actions.size ? questionRole(question, plan, hit.nameTerms) : undefined;
  let best = 0;
  for (const m of mentions) {
    for (const w of words) {
      const [from, to] = m.end <= w.start ? [m.end, w.start] : [w.end, m.start];
      // Another doer between them ("those councillors who have resigned") does the action instead;
      // or the person has another part in it than asked (expelled, not expelling).
      // "a number of Lutfur Rahman supporters ... were booted out": the name only says whose supporters.
      const other = (from < to && (OTHER_AGENT.test(text.slice(from, to)) || hit.passage.mentions.some((o) => !hit.named.includes(o.person) && o.start >= from && o.end <= to))) || (m.end <= w.start && ATTRIBUTIVE.test(text.slice(m.end, w.start)));
      const role = asked && roleAt(text, m, w);
      if (other || (asked && role && role !== asked)) {
        best = Math.max(best, ROLE_MISMATCH);
        continue;
      }
      best = Math.max(best, 1 / (1 + Math.max(0, to - from - SAME_CLAUSE) / ROLE_REACH));
    }
  }
  return best;
}

type Role = 'agent' | 'patient' | 'other';
interface Span {
  start: number;
  end: number;
}

/**
 * The part a person has in an action, read from the words between them: "Rahman was ex-pelled",
 * "Lutfur Rahman, thrown out", "expelled Mr Rahman" (patient); "Labour expelled",
 * "sacked by Labour" (agent); "suspended for backing Mr Rahman" (neither). Undefined when the words
 * between say nothing clear.
 */
export function roleAt(text: string, person: Span, action: Span): Role | undefined {
  if (person.end <= action.start) {
    const between = text.slice(person.end, action.start);
    const verb = text.slice(action.start, action.end);
    // "a number of Lutfur Rahman supporters ... were expelled": the name only says whose supporters.
    if (ATTRIBUTIVE.test(between)) return 'other';
    if (PASSIVE_BEFORE.test(between)) return 'patient';
    // "his expulsion" (he is expelled) but "his appearance" (he appears): no judgement.
    if (POSSESSIVE_BEFORE.test(text.slice(person.start, action.start))) return undefined;
    if (/^\s*[,–—-]\s*$/.test(between) && PARTICIPLE.test(verb)) return 'patient';
    if (/^\s*(?:get|got|gets|getting)\b/i.test(verb)) return 'patient';
    // "lutfur got the sack", "ken got the boot".
    if (/^\s+(?:get|got|gets|getting|was given|were given|been given)\s+(?:the|a)\s+$/i.test(between)) return 'patient';
    // "Rahman expelled from Labour", "Livingstone let back in": a participle straight after a name,
    // as headlines and event descriptions put it, may be passive; a bare past tense cannot be told.
    if (/^\s*$/.test(between) && (PARTICIPLE.test(verb) || AMBIGUOUS_PAST.has(verb.toLowerCase().split(/\s+/)[0]!))) {
      return /^\s+(?:from|by|out|over|as)\b/i.test(text.slice(action.end)) ? 'patient' : undefined;
    }
    // The doer stands right before the verb ("Labour expel", "Ken has campaigned"); anything more
    // between ("Ken get a pic taken") says nothing sure.
    return /^\s*(?:(?:has|have|had|did|does|will|would|also|just|then|never|actually|later|ever|once)\s+){0,2}$/i.test(between) ? 'agent' : undefined;
  }
  const between = text.slice(action.end, person.start);
  if (/\bby\s+(?:the\s+)?(?:(?:mr|ms|mrs|dr)\.?\s+)?$/i.test(between)) return 'agent';
  if (/^\s*(?:(?:mr|ms|mrs|dr|the)\.?\s+)?$/i.test(between)) return 'patient';
  // "decided not to take action against Mr Livingstone": he is whom it is taken against.
  if (/^action$/i.test(text.slice(action.start, action.end)) && /^\s+against\s+(?:(?:mr|ms|mrs|dr|the)\.?\s+)?$/i.test(between)) return 'patient';
  if (/\b(?:for|of|with|behind|backing|supporting|against)\b/i.test(between)) return 'other';
  return undefined;
}

const ATTRIBUTIVE = /^(?:['’]s)?\s+(?:supporters|backers|allies|camp|aides|team|activists|members|councillors|people|followers|friends|associates|agent|candidate|spokesman|spokeswoman)\b/i;
const PASSIVE_BEFORE = /\b(?:was|were|been|being|be|is|are|got|get|gets|getting)\s+(?:\w+ly\s+)?$/i;
const POSSESSIVE_BEFORE = /(?:\b(?:his|her|their)|['’]s)\s+(?:\w+\s+)?$/i;
const TITLE = /^(?:mr|ms|mrs|dr)\.?$/;
const PARTICIPLE = /(?:ed|en|wn)$/i;
const AMBIGUOUS_PAST = new Set(['let', 'put', 'set', 'cut', 'hit', 'quit', 'shut', 'kicked', 'thrown', 'booted', 'binned', 'axed', 'sacked', 'dumped', 'ditched']);

/** The part the question gives the person it names in its action ("why did labour ditch rahman": patient). */
function questionRole(question: string, plan: SearchPlan, nameTerms: ReadonlySet<string>): Role | undefined {
  const action = plan.concepts.find((c) => c.action);
  if (!action) return undefined;
  const at = question.indexOf(action.word);
  if (at < 0) return undefined;
  const names = plan.concepts.filter((c) => c.terms.some((t) => nameTerms.has(t)));
  // The name word nearest the action ("rahman" of "lutfur rahman removed").
  let nearest: { start: number; end: number } | undefined;
  for (const c of names) {
    const i = question.search(new RegExp(`\\b${escapeRegExp(c.word)}\\b`));
    if (i < 0) continue;
    const span = { start: i, end: i + c.word.length };
    const gap = (s: { start: number; end: number }) => Math.min(Math.abs(s.start - at), Math.abs(s.end - at));
    if (!nearest || gap(span) < gap(nearest)) nearest = span;
  }
  if (!nearest) return undefined;
  // "why was lutfur kicked out": the auxiliary before the name makes the question passive.
  // (Before the whole name: "was lutfur rahman kicked out".)
  let start = nearest.start;
  for (let before = /(\S+)\s+$/.exec(question.slice(0, start)); before && (TITLE.test(before[1]!) || names.some((c) => c.word === before![1])); before = /(\S+)\s+$/.exec(question.slice(0, start))) start = before.index;
  const inverted = nearest.end <= at && /^\s*$/.test(question.slice(nearest.end, at)) && PASSIVE_BEFORE.test(question.slice(0, start));
  const role = inverted ? 'patient' : roleAt(question, nearest, { start: at, end: at + action.word.length });
  return action.undergoes && role === 'agent' ? 'patient' : role;
}


/** What a passage's own "I"/"me" spans are (for a speaker's statement). */
function firstPerson(text: string, passage: { start: number; end: number }): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (const m of text.slice(passage.start, passage.end).matchAll(/\b(?:I|me|my)\b/g)) spans.push({ start: passage.start + m.index, end: passage.start + m.index + m[0].length });
  return spans;
}

/** People named by what they are, who may do an action between a named person and its words. */
const OTHER_AGENT = /\b(?:councillors?|members?|voters|activists|MPs?|supporters|officers|residents|people|those|anyone|everyone|others)\s+(?:who|that|have|has|had|were|was|are|is)\b/i;
/** A named person and an action word with another doer between them. */
export const ROLE_MISMATCH = 0.3;

function isNameWord(lookup: Lookup, hit: Hit, w: { start: number; end: number }): boolean {
  return termsOf(wordAt(lookup, hit, w)).some((t) => hit.nameTerms.has(t));
}

function wordAt(lookup: Lookup, hit: Hit, w: { start: number; end: number }): string {
  return lookup.index.data.articles[hit.passage.article]!.text.slice(w.start, w.end);
}

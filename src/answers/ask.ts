/**
 * `ask QUESTION`: free text. Questions shaped like the other commands go to them ("who is X?",
 * "when was X readmitted?", "what did X say about Y?"); any other question gets the passages that
 * answer it, still verbatim. A passage answers when it (with its neighbouring sentences) covers what
 * the question hinges on, and holds the kind of thing asked for: a person for "who/which", a number
 * for "how many/what share", a reason for "why", a definition for "what is".
 */
import { terms, termsOf } from '../retrieval/text.js';
import type { Lookup } from './lookup.js';
import type { Candidate } from './snippets.js';
import { NOT_IN_PASSAGE, roleFit } from './roles.js';
import { type Hit, searchPassages } from './textsearch.js';
import type { PartTrace } from './explain.js';
import { conceptCoverage, searchPlan } from './understand/expand.js';
import { parseQuestion, type QuestionPart } from './understand/question.js';

export type Routed =
  | { command: 'who'; name: string }
  | { command: 'when'; event: string }
  | { command: 'quote'; speaker: string; about?: string }
  | { command: 'ask'; question: string };

const WHO_IS = /^(?:who|what)\s+(?:is|was|are|were)\s+(.+)$/i;
const WHEN = /^when\s+(?:did|was|were|is|are|will|had|has|does|do)\s+(.+)$/i;
const WHAT_SAID =
  /^what\s+(?:did|does|has|have|had)\s+(.+?)\s+(?:say|said|tell|told|write|wrote|think|thought|claim|claimed)(?:\s+(?:about|of|on|regarding|concerning)\s+(.+))?$/i;

/** How a question is to be answered; `isPerson` tells whether "who is X" names someone we know. */
export function route(question: string, isPerson: (name: string) => boolean): Routed {
  const q = question.replace(/[?!.\s]+$/, '').trim();
  const whoIs = WHO_IS.exec(q);
  if (whoIs && isPerson(whoIs[1]!)) return { command: 'who', name: whoIs[1]! };
  const when = WHEN.exec(q);
  if (when) return { command: 'when', event: when[1]! };
  const said = WHAT_SAID.exec(q);
  if (said) return said[2] ? { command: 'quote', speaker: said[1]!, about: said[2] } : { command: 'quote', speaker: said[1]! };
  return { command: 'ask', question };
}

export const ASK_MIN_COVERAGE = 0.55;
/** A passage about other people than the question names is kept, lower. */
const OTHER_PEOPLE = 0.25;
const HARD_TYPES = new Set<AnswerType>(['number', 'person', 'date']);
const PREMISED = new Set<QuestionPart['type']>(['why', 'yesno', 'when', 'who']);
/** How well an action must be covered: by the user's word or a paraphrase, not one word of a phrase. */
const ACTION_COVERED = 0.75;
const SPEECH = /\b(?:say|says|said|saying|claim|claims|claimed|tell|told|explain|explained|argue|argued|insist|insisted|reckon|reckons|call|called|describe|described)\b/;
/** A passage where no one the question names speaks, for a question about what they said. */
const NOT_SPOKEN = 0.5;

function speaksIn(lookup: Lookup, hit: Hit): boolean {
  if (hit.named.length === 0) return lookup.quoted.has(hit.passage.id) || hit.passage.mentions.some((m) => m.cues.includes('speech'));
  return hit.named.some((id) => lookup.speakersOf.get(hit.passage.id)?.has(id) || hit.passage.mentions.some((m) => m.person === id && m.cues.includes('speech')));
}

/** Share of the people a question names that an answer's passage (or its neighbours) must involve. */
const REQUIRED_INVOLVEMENT = 0.5;
/** A passage without the kind of thing the question asks for is kept, far lower. */
const WRONG_TYPE = 0.1;

type AnswerType = 'person' | 'number' | 'reason' | 'definition' | 'place' | 'date' | 'any';

export function ask(lookup: Lookup, question: string | QuestionPart, trace?: PartTrace): Candidate[] {
  const part = typeof question === 'string' ? parseQuestion(question).parts[0]! : question;
  const type = answerType(part);
  const plan = searchPlan(lookup, part.content);
  const hits = searchPassages(lookup, plan, { minCoverage: ASK_MIN_COVERAGE, window: true, ...(trace ? { trace } : {}) });
  const asked = new Set(terms(part.text));
  if (trace) {
    trace.answerType = type;
  }
  // A passage about other people than the question names answers another question ("when was
  // Lutfur expelled" is not answered by the councillors' expulsion for backing him... unless he is
  // the one the passage is about, which the role check below weighs).
  // The question's action ("quit", "expelled") must be there: a passage with everything else about
  // another action answers another question, and none at all means the premise is not in the sources.
  // Only where the question rests on the action (why, yes/no, when); elsewhere its other words carry
  // it, and a paraphrase list never has every verb ("show up to" = "went to").
  const actions = PREMISED.has(part.type) ? plan.concepts.filter((c) => c.action && !c.missing) : [];
  const doesAction = (hit: Hit) => actions.length === 0 || actions.some((c) => conceptCoverage([c], hit.covered) >= ACTION_COVERED);
  // "why did X say ...", "what did X claim": X's own words, or a sentence saying what X said.
  const asksSpeech = SPEECH.test(part.text);
  const candidates = hits.filter((hit) => hit.involvesNamed >= REQUIRED_INVOLVEMENT && doesAction(hit)).slice(0, 60).flatMap((hit) => {
    const fits = hasAnswerType(lookup, hit, type, asked, part.text);
    // A count without a number, or a "who" without a person, is no answer at all.
    if (!fits && HARD_TYPES.has(type)) return [];
    const roles = roleFit(lookup, hit, plan);
    // A count of someone's votes is in a sentence that names them.
    if (type === 'number' && roles === NOT_IN_PASSAGE) return [];
    const speaks = asksSpeech && speaksIn(lookup, hit) ? 1 : NOT_SPOKEN;
    const score =
      speaks * ((hit.coverage + hit.windowCoverage) / 2) ** 2 * (hit.relevance + 0.5 * hit.neighbourRelevance) * (fits ? 1 : WRONG_TYPE) * (OTHER_PEOPLE + (1 - OTHER_PEOPLE) * hit.involvesNamed) * roles;
    const p = hit.passage;
    trace?.hits.push({ passage: p.id, text: lookup.passageText(p), score, factors: { coverage: hit.coverage, windowCoverage: hit.windowCoverage, relevance: hit.relevance, neighbourRelevance: hit.neighbourRelevance, involvesNamed: hit.involvesNamed, answerType: fits ? 1 : WRONG_TYPE, roles, speaks } });
    return [{ article: p.article, start: p.start, end: p.end, paragraph: p.paragraph, score, passages: [p.id] }];
  });
  trace?.hits.sort((a, b) => b.score - a.score).splice(8);
  return candidates;
}

function answerType(part: QuestionPart): AnswerType {
  const q = part.text.replace(/[?!.\s]+$/, '');
  switch (part.type) {
    case 'who':
    case 'list':
      return 'person';
    case 'which':
      return /^which\s+(?:mp|mps|person|people|man|woman|councillor|councillors|candidate|member|minister|leader|politician|one)\b/.test(q) ? 'person' : 'any';
    case 'count':
      return 'number';
    case 'why':
      return 'reason';
    case 'where':
      return 'place';
    case 'when':
      return 'date';
    default:
      if (/\bwhat\s+(?:reason|motive)\b/.test(q)) return 'reason';
      return DEFINITION.test(q) ? 'definition' : 'any';
  }
}

/** "What is the IFE", "what was Socialist Unity": the thing asked about is the last one to four words. */
const DEFINITION = /^what\s+(?:is|are|was|were)\s+(?:the\s+|an?\s+)?((?:\S+\s+){0,3}\S+)$/i;

/** Words that give a reason or a cause ("amid allegations of ...", "for their backing of ..."). */
const REASON =
  /\b(?:because|so that|in order to|to (?:keep|ensure|stop|block|prevent|avoid)|objective|aim|reason|purpose|motive|why|since|the way to|amid|due to|owing to|as a result|after (?:he|she|they|it)|for (?:his|her|their|its) \w+|for \w+ing|over (?:his|her|their|the)|allegations?|accused|in protest|in response)\b/i;
/** A place: a capitalised name after a preposition of place ("in Spitalfields", "to the Roman Road"). */
const PLACE = /\b(?:in|at|to|from|near|around|across)\s+(?:the\s+)?\p{Lu}\p{L}+/u;
/** A quantity: digits that are not a year or decade, or a number word; "per cent" and "majority" count. */
const QUANTITY = /\b(?!(?:19|20)\d\d(?:s|\b))\d[\d,.]*\b|\b(?:per ?cent|percent|half|third|quarter|majority|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|hundreds?|thousands?)\b/gi;
/** What a count is of, when the question says ("how many votes"); people are any count's subject. */
const COUNTED = /^how (?:many|much) (?:of )?(?:the )?([a-z]+)/;
const ANY_COUNT = new Set(['people', 'ppl', 'of', 'did', 'do', 'does', 'was', 'were', 'is', 'are', 'has', 'have', 'had', 'them', 'times', 'members', 'councillors']);
/** Characters between a quantity and the thing counted ("43 per cent of the vote"). */
const COUNT_REACH = 30;

/**
 * True when the passage holds a quantity the question did not bring, next to what is counted when
 * the question names it: "a number of Lutfur Rahman supporters ... in the 1980s" is no vote count.
 */
function hasCount(text: string, question: string): boolean {
  const asked = new Set(question.match(/\d+/g) ?? []);
  const counted = COUNTED.exec(question)?.[1];
  const near = counted && !ANY_COUNT.has(counted) ? termsOf(counted)[0] : undefined;
  for (const m of text.matchAll(QUANTITY)) {
    if (asked.has(m[0])) continue;
    if (!near) return true;
    const around = text.slice(Math.max(0, m.index - COUNT_REACH), m.index + m[0].length + COUNT_REACH);
    if (terms(around).some((t) => t === near || t.startsWith(near) || near.startsWith(t))) return true;
  }
  return false;
}

function hasAnswerType(lookup: Lookup, hit: Hit, type: AnswerType, asked: ReadonlySet<string>, question: string): boolean {
  const text = lookup.passageText(hit.passage);
  switch (type) {
    case 'person':
      // A speaker counts, named or described ("a Labour source said ...").
      if (/\bsaid\b|\bsays?\b/.test(question) && lookup.quoted.has(hit.passage.id)) return true;
      return hit.passage.mentions.some((m) => {
        const name = lookup.persons.get(m.person)?.name ?? '';
        return !terms(name).some((t) => asked.has(t));
      });
    case 'number':
      return hasCount(text, question);
    case 'reason':
      return REASON.test(text);
    case 'place':
      return PLACE.test(text);
    case 'date':
      return lookup.dated[hit.passage.id] === 1;
    case 'definition': {
      const subject = DEFINITION.exec(question.trim().replace(/[?!.\s]+$/, ''))?.[1] ?? '';
      const escaped = subject.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
      const defined = new RegExp(`,\\s+(?:the\\s+)?${escaped}\\b|\\b${escaped}\\s*(?:\\(|,\\s+(?:the|a|an)\\b|\\s+(?:is|was|are)\\s+(?:the|a|an)\\b)`, 'i');
      return defined.test(text);
    }
    default:
      return true;
  }
}

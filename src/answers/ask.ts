/**
 * `ask QUESTION`: free text. Questions shaped like the other commands go to them ("who is X?",
 * "when was X readmitted?", "what did X say about Y?"); any other question gets the passages that
 * answer it, still verbatim. A passage answers when it (with its neighbouring sentences) covers what
 * the question hinges on, and holds the kind of thing asked for: a person for "who/which", a number
 * for "how many/what share", a reason for "why", a definition for "what is".
 */
import { terms } from '../retrieval/text.js';
import type { Lookup } from './lookup.js';
import type { Candidate } from './snippets.js';
import { type Hit, searchPassages } from './textsearch.js';
import type { PartTrace } from './explain.js';
import { searchPlan } from './understand/expand.js';
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
/** A passage without the kind of thing the question asks for is kept, far lower. */
const WRONG_TYPE = 0.1;

type AnswerType = 'person' | 'number' | 'reason' | 'definition' | 'place' | 'any';

export function ask(lookup: Lookup, question: string | QuestionPart, trace?: PartTrace): Candidate[] {
  const part = typeof question === 'string' ? parseQuestion(question).parts[0]! : question;
  const type = answerType(part);
  const plan = searchPlan(lookup, part.content);
  const hits = searchPassages(lookup, plan, { minCoverage: ASK_MIN_COVERAGE, window: true, ...(trace ? { trace } : {}) });
  const asked = new Set(terms(part.text));
  if (trace) {
    trace.answerType = type;
  }
  const candidates = hits.slice(0, 60).map((hit) => {
    const fits = hasAnswerType(lookup, hit, type, asked, part.text);
    const score =
      ((hit.coverage + hit.windowCoverage) / 2) ** 2 * (hit.relevance + 0.5 * hit.neighbourRelevance) * (fits ? 1 : WRONG_TYPE) * (OTHER_PEOPLE + (1 - OTHER_PEOPLE) * hit.involvesNamed);
    const p = hit.passage;
    trace?.hits.push({ passage: p.id, text: lookup.passageText(p), score, factors: { coverage: hit.coverage, windowCoverage: hit.windowCoverage, relevance: hit.relevance, neighbourRelevance: hit.neighbourRelevance, involvesNamed: hit.involvesNamed, answerType: fits ? 1 : WRONG_TYPE } });
    return { article: p.article, start: p.start, end: p.end, paragraph: p.paragraph, score, passages: [p.id] };
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
    default:
      if (/\bwhat\s+(?:reason|motive)\b/.test(q)) return 'reason';
      return DEFINITION.test(q) ? 'definition' : 'any';
  }
}

/** "What is the IFE", "what was Socialist Unity": the thing asked about is the last one to four words. */
const DEFINITION = /^what\s+(?:is|are|was|were)\s+(?:the\s+|an?\s+)?((?:\S+\s+){0,3}\S+)$/i;

const REASON = /\b(?:because|so that|in order to|to (?:keep|ensure|stop|block|prevent|avoid)|objective|aim|reason|purpose|motive|why|since|the way to)\b/i;
/** A place: a capitalised name after a preposition of place ("in Spitalfields", "to the Roman Road"). */
const PLACE = /\b(?:in|at|to|from|near|around|across)\s+(?:the\s+)?\p{Lu}\p{L}+/u;
const NUMBER = /\d|\b(?:per ?cent|percent|half|third|quarter|majority|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|hundred|thousand)\b/i;

function hasAnswerType(lookup: Lookup, hit: Hit, type: AnswerType, asked: ReadonlySet<string>, question: string): boolean {
  const text = lookup.passageText(hit.passage);
  switch (type) {
    case 'person':
      return hit.passage.mentions.some((m) => {
        const name = lookup.persons.get(m.person)?.name ?? '';
        return !terms(name).some((t) => asked.has(t));
      });
    case 'number': {
      const askedNumbers = new Set(question.match(/\d+/g) ?? []);
      return (text.match(/\d+/g) ?? []).some((n) => !askedNumbers.has(n)) || NUMBER.test(text.replace(/\d+/g, ''));
    }
    case 'reason':
      return REASON.test(text);
    case 'place':
      return PLACE.test(text);
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

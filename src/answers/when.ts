/**
 * `when EVENT`: the sentence that dates the event, with its date expression marked. Only sentences
 * that carry a date can answer; among them, those that cover the event's words best. A relative date
 * ("yesterday") is quoted as written and resolved to a calendar date only when the article's
 * publication date is known, labelled as resolved.
 */
import { type DateMention, resolveDate } from '../retrieval/dates.js';
import type { PartTrace } from './explain.js';
import type { Lookup } from './lookup.js';
import { elsewhere, premiseOf } from './premise.js';
import { hypothetical } from './understand/polarity.js';
import { actionTermsOf, searchPlan } from './understand/expand.js';
import { contentOf, normalise, type QuestionPart, setsEarlier } from './understand/question.js';
import type { Candidate } from './snippets.js';
import { termsOf } from '../retrieval/text.js';
import { type Hit, matchedWords, searchPassages } from './textsearch.js';

/** An event description shares at least this much of its information with the dating sentence. */
export const WHEN_MIN_COVERAGE = 0.5;

export function when(lookup: Lookup, event: string, trace?: PartTrace): Candidate[] {
  const { dated } = lookup;
  const part = eventPart(event);
  const plan = searchPlan(lookup, part.content, true);
  const hits = searchPassages(lookup, plan, { filter: (id) => dated[id] === 1, minCoverage: WHEN_MIN_COVERAGE, window: true, ...(trace ? { trace } : {}) });
  // The event's people are in the dating sentence or beside it ("The veteran, selected just last
  // month" after a sentence naming him), and it is their event (premise.ts).
  const premise = premiseOf(lookup, part, plan);
  // A threat or a call for the event ("faced calls for his expulsion") is judged on its main action.
  const mainActionTerms = actionTermsOf(plan, true);
  const yearAsked = /\b(?:19|20)\d\d\b/.test(part.content);
  const earlier = setsEarlier(part.text);
  const candidates: Candidate[] = [];
  /** Each candidate's kind of date and the event word it stands by. */
  const dating = new Map<Candidate, { kind: DateMention['kind']; event: string | undefined }>();
  for (const hit of hits.slice(0, 30)) {
    const failure = premise.failure(hit) ?? (elsewhere(lookup, plan.concepts, hit) ? 'focus' : undefined);
    const nearest = failure ? undefined : nearestDate(lookup, hit);
    // A date far from the event's words dates something else the sentence tells; a threat or a call
    // for the event ("faced calls for his expulsion today") does not date it.
    const failed =
      failure ?? (nearest!.distance > MAX_DATE_DISTANCE ? 'date' : mainActionTerms.size && hypothetical(lookup.passageText(hit.passage), mainActionTerms) ? 'action' : undefined);
    if (failed) trace?.rejected.push({ passage: hit.passage.id, text: lookup.passageText(hit.passage), failed });
    else {
      const candidate = candidateOf(lookup, hit, nearest!, premise.roles(hit), yearAsked, earlier, trace);
      candidates.push(candidate);
      dating.set(candidate, { kind: nearest!.date.kind, event: nearest!.event });
    }
  }
  if (trace) trace.hits.sort((a, b) => b.score - a.score).splice(8);
  preferCalendarDate(candidates, dating);
  return candidates;
}

/**
 * "this week's election" and "the mayoral election on October 21" date the same election: when the
 * best sentence dates the event relatively, a sentence giving the calendar date next to the same word
 * goes first (scored just above it), the relative one second.
 */
const CALENDAR_FIRST = 1.001;

function preferCalendarDate(candidates: Candidate[], dating: Map<Candidate, { kind: DateMention['kind']; event: string | undefined }>): void {
  if (candidates.length < 2) return;
  const best = candidates.reduce((a, b) => (b.score > a.score ? b : a));
  const top = dating.get(best)!;
  if ((top.kind !== 'relative' && top.kind !== 'weekday') || !top.event) return;
  const calendar = candidates.filter((c) => c !== best && dating.get(c)!.kind === 'calendar' && dating.get(c)!.event === top.event);
  if (calendar.length === 0) return;
  calendar.reduce((a, b) => (b.score > a.score ? b : a)).score = best.score * CALENDAR_FIRST;
}

/** An event as typed ("lutfur getting binned by labour"), read as a question about when it was. */
function eventPart(event: string): QuestionPart {
  const text = normalise(event);
  // Read as "when ...": the words that only say when ("exactly", "earlier") are not the event's.
  return { text, type: 'when', content: contentOf(`when ${event}`), negated: false };
}

function candidateOf(lookup: Lookup, hit: Hit, nearest: { date: DateMention; distance: number }, roles: number, yearAsked: boolean, earlier: boolean, trace?: PartTrace): Candidate {
  const p = hit.passage;
  const article = lookup.index.data.articles[p.article]!;
  const { date, distance } = nearest;
  const text = article.text.slice(date.start, date.end);
  const resolved = resolveDate(text, article.ref.date);
  // A date written next to the event's words is the event's date; one far from them dates something
  // else the sentence mentions. An absolute date ("October 21") says more than "this week".
  const factors = {
    coverage: ((hit.coverage + hit.windowCoverage) / 2) ** 2,
    relevance: hit.relevance,
    involvesNamed: OTHER_PEOPLE + (1 - OTHER_PEOPLE) * hit.involvesNamed,
    nearDate: 1 / (1 + distance / DATE_REACH),
    // "ken's earlier expulsion" happened before the news the articles tell ("Earlier today ...").
    absolute: date.kind === 'relative' || date.kind === 'weekday' ? (earlier ? NEWS_OF_THE_DAY : RELATIVE) : 1,
    // "the 2008 Mayoral election" names one of a series, not the election the question means, unless
    // the question gives that year.
    oneOfSeries: date.kind === 'year' && !yearAsked && namesInstance(article.text, date) ? ONE_OF_SERIES : 1,
    roles,
  };
  const score = Object.values(factors).reduce((a, b) => a * b, 1);
  trace?.hits.push({ passage: p.id, text: lookup.passageText(p), score, factors });
  return {
    article: p.article,
    start: p.start,
    end: p.end,
    paragraph: p.paragraph,
    score,
    passages: [p.id],
    highlights: [{ start: date.start, end: date.end, label: 'date' }],
    date: resolved ? { text, start: date.start, end: date.end, resolved } : { text, start: date.start, end: date.end },
  };
}

/** A relative date ("this week's election") is kept below an absolute one for the same event. */
const RELATIVE = 0.6;

/** A relative date for an event the question sets before the articles' time: it dates their news. */
export const NEWS_OF_THE_DAY = 0.1;

/** True when a passage's only dates are relative to the article's day ("today", "this week"). */
export function onlyRelativeDates(passage: { dates: readonly DateMention[] }): boolean {
  return passage.dates.length > 0 && passage.dates.every((d) => d.kind === 'relative' || d.kind === 'weekday');
}

/** A year naming one of a series of events ("the 2004 mayoral election") is kept far lower. */
const ONE_OF_SERIES = 0.15;

/** True when the year stands before the noun it names: "the 2008 Mayoral election", "the 2012 London mayoral race". */
function namesInstance(text: string, date: DateMention): boolean {
  return /^\s+(?:[\p{L}-]+\s+){0,2}(?:election|elections|race|contest|poll|campaign|one|conference|vote|ballot)\b/iu.test(text.slice(date.end, date.end + 40)) && /\b(?:the|its|his|her|their)\s+$/i.test(text.slice(Math.max(0, date.start - 8), date.start));
}

/** A sentence about other people than the event names is kept, lower. */
const OTHER_PEOPLE = 0.25;

/** Characters between a date and the event's words at which the date's weight halves. */
const DATE_REACH = 40;
/** True when the date is a possessive ("this week's") of a noun the event's words do not include. */
function datesOther(article: string, date: DateMention, matched: ReadonlySet<string>): boolean {
  if (!/['’]s$/.test(article.slice(date.start, date.end))) return false;
  const possessed = /^\s+([\p{L}-]+)/u.exec(article.slice(date.end, date.end + 30));
  return possessed !== null && !termsOf(possessed[1]!).some((t) => matched.has(t));
}

/** Words opening a clause set at another time than the one before it. */
const OTHER_TIME = /\b(?:after|before|since|until)\b/i;
/** Beyond this many characters from the event's words a date is not the event's. */
const MAX_DATE_DISTANCE = 3 * DATE_REACH;

/** True when one of the passage's dates stands by the words that matched the event (see `nearestDate`). */
export function datesEvent(lookup: Lookup, hit: Hit): boolean {
  return hit.passage.dates.length > 0 && nearestDate(lookup, hit).distance <= MAX_DATE_DISTANCE;
}

/** Of the passage's dates, the one closest to the words that matched the event, how close, and the matched term it stands by. */
function nearestDate(lookup: Lookup, hit: Hit): { date: DateMention; distance: number; event: string | undefined } {
  const matched = matchedWords(lookup, hit);
  const gap = (d: DateMention, w: { start: number; end: number }) => Math.max(0, w.start - d.end, d.start - w.end);
  const article = lookup.index.data.articles[hit.passage.article]!.text;
  let best: { date: DateMention; distance: number; event: string | undefined } | undefined;
  for (const date of hit.passage.dates) {
    let distance = matched.length ? Infinity : DATE_REACH;
    let word: { start: number; end: number } | undefined;
    // "faced calls ... today after he joined a rival candidate on the campaign trail": a clause of
    // its own, opened after the date, tells an event at another time; its words are further off.
    // "sacked ... in this week's election": a date in the possessive dates the noun after it; one
    // that is not the event's word dates something else.
    const dates = datesOther(article, date, hit.matched);
    const far = (w: { start: number; end: number }) => {
      const d = gap(date, w);
      // (A word already too far needs no reading of the words between.)
      return d >= distance || d > MAX_DATE_DISTANCE ? d : d + (dates || (date.end <= w.start && OTHER_TIME.test(article.slice(date.end, w.start))) ? MAX_DATE_DISTANCE : 0);
    };
    for (const w of matched) if (far(w) < distance) [distance, word] = [far(w), w];
    if (!best || distance < best.distance) {
      const event = word ? termsOf(article.slice(word.start, word.end)).find((t) => hit.matched.has(t)) : undefined;
      best = { date, distance, event };
    }
  }
  return best!;
}

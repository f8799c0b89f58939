/**
 * `quote SPEAKER [about TOPIC]`: verbatim quotations said by a speaker. The speaker is a person of the
 * corpus ("Ken Livingstone", with any alias or typo) or a description the articles use ("a Labour
 * spokesman", "one Labour MP", "Robbani leaflet" for "the flyer" that the previous sentence calls Mr
 * Robbani's leaflet). A topic narrows them to quotations about it; a topic that names a person matches
 * every way the articles refer to that person.
 */
import type { IndexedQuote } from '../retrieval/index.js';
import type { Person } from '../retrieval/people.js';
import { SEARCH_OPTIONS } from '../retrieval/index.js';
import { sameWord, words } from '../retrieval/text.js';
import { type Lookup, queryTerms } from './lookup.js';
import { resolvePerson } from './persons.js';
import type { Candidate } from './snippets.js';
import { searchPool } from './textsearch.js';
import { conceptCoverage, conceptMatch, searchPlan } from './understand/expand.js';
import { SPEAKS_FOR } from './understand/chat.js';
import { contentOf, normalise } from './understand/question.js';

export type QuoteResult =
  | { kind: 'found'; person?: Person; candidates: Candidate[]; others?: Person[] }
  | { kind: 'ambiguous'; persons: Person[] }
  | { kind: 'no-speaker' }
  | { kind: 'no-topic'; person?: Person };

/** Reported speech counts more than a statement reprinted whole; a continuation a little less. */
const ATTRIBUTION_WEIGHT: Record<IndexedQuote['attribution'], number> = {
  explicit: 3,
  pronoun: 3,
  introduced: 2.5,
  continuation: 2.5,
  statement: 1.5,
};
/** A quotation of fewer words is a phrase ("disgraceful"): shown in its sentence, ranked lower. */
const PHRASE_WORDS = 5;
/** Sentences around a quotation are shown with it while they stay this short. */
const MAX_CONTEXT_CHARS = 320;
export const TOPIC_MIN_COVERAGE = 0.5;
/** A quotation without the topic's act counts for this share of its topic coverage. */
const WITHOUT_ACT = 0.6;
/** How much the sentence before a quotation counts towards its topic. */
const SETTING_SHARE = 0.5;
/** Below this share of the shown text, the quotation is a report inside the writer's sentence. */
const OWN_WORDS_SHARE = 0.5;
/** A report of what someone said ranks below their own words. */
const REPORTED = 0.5;

export function quote(lookup: Lookup, speaker: string, about?: string): QuoteResult {
  const match = resolvePerson(lookup, speaker);
  if (match.kind === 'ambiguous') return match;
  const person = match.kind === 'person' ? match.person : undefined;
  let quotes = person ? (lookup.quotesOf.get(person.id) ?? []) : [];
  // A description that names a person ("Ken's spokesman") is looked up as one; a bare name the
  // articles never quote is not quoted by whoever stands near it.
  if (quotes.length === 0 && !(person && isJustName(lookup, speaker, person))) quotes = bySpeakerDescription(lookup, speaker);
  if (quotes.length === 0) return { kind: 'no-speaker' };

  let topicScore: Map<number, number> | undefined;
  if (about !== undefined) {
    topicScore = topicMatches(lookup, quotes, about);
    // No quotation says it in words of its own: one that answers in its article's terms ("this
    // byelection" in a post about Spitalfields) is about it too.
    // (Only for a speaker quoted in a few articles: a second pass over a widely quoted speaker's
    // quotations would double the cost of the first, for a topic their own words did not match.)
    if (topicScore.size === 0 && new Set(quotes.map((q) => q.article)).size <= ARTICLE_TOPIC_ARTICLES) topicScore = topicMatches(lookup, quotes, about, true);
    quotes = quotes.filter((q) => topicScore!.has(q.id));
    if (quotes.length === 0) return person ? { kind: 'no-topic', person } : { kind: 'no-topic' };
  }
  const candidates = quotes.map((q) => candidateOf(lookup, q, topicScore?.get(q.id)));
  if (!person) return { kind: 'found', candidates };
  return match.kind === 'person' && match.others ? { kind: 'found', person, candidates, others: match.others } : { kind: 'found', person, candidates };
}

/** Most articles whose topics are read when no quotation has the topic in its own words. */
const ARTICLE_TOPIC_ARTICLES = 8;

/** True when every word typed is one of the person's names (a typo allowed): "lutfur rahman", "ken". */
function isJustName(lookup: Lookup, typed: string, person: Person): boolean {
  const names = lookup.nameWords(person);
  return words(typed)
    .map((w) => w.replace(/'s$/, ''))
    .every((w) => names.some((n) => sameWord(w, n)));
}

/** Words around a described speaker that do not describe them. */
const UNNAMED = new Set('that the a an some this one unnamed anonymous anon random unknown guy bloke person who whoever'.split(' '));

/** Those who speak for someone, and "kens people / his side" after a name, as the articles' spokesman. */
const STANDS_FOR = new Set([...SPEAKS_FOR, 'people', 'side']);

/** Quotations whose speaker description contains every word of the query (typos allowed). */
function bySpeakerDescription(lookup: Lookup, typed: string): IndexedQuote[] {
  // "that unnamed labour mp" is the articles' "One Labour MP": the words that only say someone is meant go.
  const described = words(normalise(typed)).filter((w) => !UNNAMED.has(w));
  // "kens people", "ken's camp": who speaks for someone is their spokesman in the articles.
  const speaker = described.map((w, i) => (i > 0 && STANDS_FOR.has(w) ? 'spokesman' : w)).join(' ');
  if (queryTerms(speaker).length === 0) return [];
  const { quotes } = lookup.index.data;
  return lookup.quoteSearch
    .search(speaker, { ...SEARCH_OPTIONS, fields: ['speaker'], combineWith: 'AND' })
    .map((r) => quotes[r.id]!);
}

/** Quotations about the topic, with how well each matches (0..1). */
function topicMatches(lookup: Lookup, quotes: IndexedQuote[], about: string, inArticle = false): Map<number, number> {
  const scores = new Map<number, number>();
  const topicPerson = resolvePerson(lookup, about);
  // A topic that is a person ("lutfur") is any quotation naming them; "expelling lutfurs supporters"
  // is about more than Lutfur.
  if (topicPerson.kind === 'person' && isJustName(lookup, about, topicPerson.person)) {
    const id = topicPerson.person.id;
    for (const q of quotes) {
      const span = displaySpan(lookup, q);
      const mentioned = q.passages.some((pid) =>
        lookup.index.data.passages[pid]!.mentions.some((m) => m.person === id && m.start >= span.start && m.end <= span.end),
      );
      if (mentioned) scores.set(q.id, 1);
    }
    if (scores.size) return scores;
  }
  // The topic as the user put it ("being kicked out", "the rule book"), read like any question.
  const plan = searchPlan(lookup, contentOf(about));
  if (plan.concepts.length === 0) return scores;
  // A quotation is about what it says and what the sentences it stands in say ("In Manchester, he
  // said ...", "Asked about Spitalfields, his spokesman said ...").
  const ids = new Set(quotes.map((q) => q.id));
  const covered = new Map<number, Set<string>>();
  for (const r of searchPool(lookup.quoteSearch, { ...SEARCH_OPTIONS, fields: ['text'] }, plan, (id) => ids.has(id))) covered.set(r.id, new Set(r.queryTerms));
  // What comes just before a quotation sets its subject ("... asked Ken to come and campaign in
  // Spitalfields." / "Ken's spokesman said: “... this byelection ...”"); it counts, less.
  const before = (q: IndexedQuote) => q.passages[0]! - 1;
  const passageIds = new Set(quotes.flatMap((q) => [...q.passages, before(q)]));
  const byPassage = new Map(searchPool(lookup.index.postings, lookup.passageSearch, plan, (id) => passageIds.has(id)).map((r) => [r.id, r.queryTerms]));
  const { passages } = lookup.index.data;
  for (const q of quotes) {
    const terms = covered.get(q.id) ?? new Set<string>();
    for (const id of q.passages) byPassage.get(id)?.forEach((t) => terms.add(t));
    const own = conceptCoverage(plan.concepts, terms);
    const setting = new Set([...(passages[before(q)]?.article === q.article ? (byPassage.get(before(q)) ?? []) : []), ...(inArticle ? lookup.topicTerms(q.article) : [])]);
    const withSetting = setting.size ? conceptCoverage(plan.concepts, new Set([...terms, ...setting])) : own;
    // "about expelling lutfur's supporters": a quotation that has the people but not the act ("I
    // fully support ... Lutfur Rahman") is about them, less about the act.
    const acts = plan.concepts.filter((c) => c.action);
    const withAct = acts.length === 0 || acts.some((c) => conceptMatch(c, terms) > 0 || conceptMatch(c, setting) > 0) ? 1 : WITHOUT_ACT;
    const coverage = (own + SETTING_SHARE * (withSetting - own)) * withAct;
    if (coverage >= TOPIC_MIN_COVERAGE) scores.set(q.id, coverage);
  }
  return scores;
}

function candidateOf(lookup: Lookup, q: IndexedQuote, topic: number | undefined): Candidate {
  const span = displaySpan(lookup, q);
  const wordCount = q.wordCount;
  let score = ATTRIBUTION_WEIGHT[q.attribution] + Math.min(wordCount, 40) / 40;
  if (wordCount < PHRASE_WORDS) score *= 0.4;
  if (topic !== undefined) score *= 1 + topic;
  // Only the speaker's own words carry the speaker's name. A sentence that is mostly the writer's
  // report ("In Manchester, he said people should “vote for ...”; ... he stops short of ...") is
  // shown as context, after the speaker's own words, with the quoted part marked.
  const reported = (q.end - q.start) / (span.end - span.start) < OWN_WORDS_SHARE;
  if (reported) score *= REPORTED;
  const candidate: Candidate = {
    article: q.article,
    start: span.start,
    end: span.end,
    paragraph: q.paragraph,
    score,
    passages: q.passages,
    highlights: span.start === q.start && span.end === q.end ? [] : [{ start: q.start, end: q.end, label: 'quote' }],
  };
  if (!reported) candidate.speaker = q.label;
  return candidate;
}

/**
 * What to show for a quotation: the sentences it stands in, so the reader sees who said it and how,
 * unless those are long, in which case the quotation alone.
 */
function displaySpan(lookup: Lookup, q: IndexedQuote): { start: number; end: number } {
  const { passages } = lookup.index.data;
  const first = passages[q.passages[0]!];
  const last = passages[q.passages.at(-1)!];
  if (!first || !last) return { start: q.start, end: q.end };
  const start = Math.min(first.start, q.start);
  const end = Math.max(last.end, q.end);
  const phrase = q.wordCount < PHRASE_WORDS;
  return end - start <= MAX_CONTEXT_CHARS || phrase ? { start, end } : { start: q.start, end: q.end };
}

/**
 * `ask QUESTION`: free text. Questions shaped like the other commands go to them ("who is X?",
 * "when was X readmitted?", "what did X say about Y?"); any other question gets the passages that
 * answer it, still verbatim. A passage answers when it (with its neighbouring sentences) covers what
 * the question hinges on (understand/), has what the question assumes (premise.ts) and holds the kind
 * of thing asked for (answer-types.ts); a yes/no question also gets a verdict.
 */
import { terms } from '../retrieval/text.js';
import { type AnswerType, answerType, COUNT_MIN_COVERAGE, hasAnswerType, reasonOfAction } from './answer-types.js';
import type { Lookup } from './lookup.js';
import type { Candidate } from './snippets.js';
import { personsNamed } from './persons.js';
import { elsewhere, MEMBERSHIP, NOT_IN_PASSAGE, premiseOf } from './premise.js';
import { type Hit, searchPassages } from './textsearch.js';
import type { PartTrace } from './explain.js';
import { actionTermsOf, type Concept, conceptCoverage, conceptMatch, type SearchPlan, searchPlan } from './understand/expand.js';
import { contrasts, HYPOTHETICAL, hypothetical, negative } from './understand/polarity.js';
import { SPEAKS_FOR } from './understand/chat.js';
import { contentOf, JUSTIFY, parseQuestion, type QuestionPart, setsEarlier } from './understand/question.js';
import { datesEvent, NEWS_OF_THE_DAY, onlyRelativeDates } from './when.js';

export type Routed =
  | { command: 'who'; name: string }
  | { command: 'when'; event: string }
  | { command: 'quote'; speaker: string; about?: string }
  | { command: 'ask'; question: string };

const WHO_IS = /^(?:who|what)\s+(?:(?:even|actually|exactly)\s+)?(?:is|was|are|were)\s+(.+)$/i;
const WHEN = /^when\s+(?:did|was|were|is|are|will|had|has|does|do)\s+(.+)$/i;
const WHAT_SAID =
  /^what\s+(?:did|does|has|have|had)\s+(.+?)\s+(?:(?:himself|herself|themselves|actually|even|ever)\s+)?(?:say|said|tell|told|write|wrote|think|thought|claim|claimed|reckon|reckoned|make of|feel|felt)(?:\s+(?:about|of|on|regarding|concerning|after|when|over|(?:should|would|must|will|ought to)\s+(?:happen|be done)\s+(?:to|with|about))\s+(.+))?$/i;

/** "what helal abbas said when ken showed up": the same question without its auxiliary. */
const WHAT_X_SAID = /^what\s+((?:\S+\s+){0,3}?\S+)\s+(?:said|says|told|wrote|thought|claimed)(?:\s+(?:about|of|on|regarding|concerning|after|when|over)\s+(.+))?$/i;

/** How a question is to be answered; `isPerson` tells whether "who is X" names someone we know. */
export function route(question: string, isPerson: (name: string) => boolean): Routed {
  const q = question.replace(/[?!.\s]+$/, '').trim();
  const whoIs = WHO_IS.exec(q);
  if (whoIs && isPerson(whoIs[1]!)) return { command: 'who', name: whoIs[1]! };
  const when = WHEN.exec(q);
  if (when) return { command: 'when', event: when[1]! };
  const said = WHAT_SAID.exec(q) ?? WHAT_X_SAID.exec(q);
  // "... say when asked why he skipped the byelection": the topic is what he was asked.
  const about = said?.[2]?.replace(/^(?:asked|questioned|pressed|challenged)\s+(?:about|why|if|whether|on|over)?\s*/, '');
  if (said) return about ? { command: 'quote', speaker: said[1]!, about } : { command: 'quote', speaker: said[1]! };
  return { command: 'ask', question };
}

export const ASK_MIN_COVERAGE = 0.55;
/** Kinds of answer specific enough to be found with fewer of the question's words. */
const NAMED_TYPES = new Set<AnswerType>(['name', 'people', 'rule']);
const NAMED_MIN_COVERAGE = 0.25;
/** A passage about other people than the question names is kept, lower. */
const OTHER_PEOPLE = 0.25;
const HARD_TYPES = new Set<AnswerType>(['number', 'duration', 'person', 'people', 'date', 'likelihood']);
/**
 * Questions that assert what they ask about ("did ken quit ...", "why did ken quit ...", "how long
 * was he in prison", "list the councillors who resigned").
 */
const ASSERTS = new Set<QuestionPart['type']>(['yesno', 'why', 'how', 'when', 'list', 'count']);
const SPEECH = /\b(?:say|says|said|saying|claim|claims|claimed|tell|told|explain|explained|argue|argued|insist|insisted|reckon|reckons|call(?!\s+for)|called(?!\s+for)|describe|described|admit|admits|admitted|deny|denies|denied|confess|confessed|acknowledge|acknowledged)\b/;
/** A passage where no one the question names speaks, for a question about what they said. */
const NOT_SPOKEN = 0.2;

/** For "how did X justify ...": a reason that X did not give is hardly X's. */
const NOT_THEIR_REASON = 0.2;

/** Questions whose answer is the speaker ("which MP said ..."), not someone the question names. */
const ASKS_SPEAKER = new Set<QuestionPart['type']>(['who', 'which', 'list']);

/**
 * True when someone the question names speaks in the passage (`speakers`: the one it asks about, of
 * those it names), or, for "who/which ... said", anyone does.
 */
function speaksIn(lookup: Lookup, hit: Hit, anyone: boolean, speakers: readonly string[]): boolean {
  if (hit.named.length === 0 || anyone) return lookup.quoted.has(hit.passage.id) || hit.passage.mentions.some((m) => m.cues.includes('speech'));
  const asked = speakers.length ? hit.named.filter((id) => speakers.includes(id)) : hit.named;
  return asked.some((id) => lookup.speakersOf.get(hit.passage.id)?.has(id) || hit.passage.mentions.some((m) => m.person === id && m.cues.includes('speech')));
}

/** "what did ed miliband say about ken": the words between the auxiliary and the speech verb. */
const ASKED_SPEAKER = /\b(?:did|does|do|has|have|had|will|would|was|is)\s+((?:\S+\s+){0,3}?\S+)\s+(?:(?:actually|really|even|ever)\s+)?(?:say|said|saying|tell|told|claim|claimed|reckon|think|argue|admit|deny|comment)\b/;

/** "What did X say": what X said, nothing included ("... his failure to speak out about ..."). */
const SAYS = /\b(?:say|said|saying|comment|commented|speak|spoke)\b/;

/** True when the passage names one of the speakers asked about and tells that they said nothing. */
function silent(hit: Hit, speakers: readonly string[], text: string): boolean {
  return speakers.length > 0 && hit.passage.mentions.some((m) => speakers.includes(m.person)) && SILENCE.test(text);
}

/** A passage telling that someone said nothing: it answers what they said. */
export const SILENCE = /\b(?:refus\w* to (?:comment|speak|say)|declin\w* to (?:comment|speak|say)|failure to speak|fail\w* to speak|(?:remained|stayed|kept) (?:silent|quiet|tight-lipped)|no comment)\b/i;

/** A passage that is itself a question (its closing quote marks aside). */
const ASKED_IN_TEXT = /\?[\s"'\u201d\u2019]*$/;

/** A reason given right after the action asked about ranks above one elsewhere in the sentence. */
const ATTACHED_REASON = 1.5;

/** For a list of names: the more people a passage names, the more of the list it is (up to eight). */
function listLength(hit: Hit): number {
  const people = new Set(hit.passage.mentions.map((m) => m.person)).size;
  return 1 + LIST_GAIN * Math.min(Math.max(0, people - 2), 6);
}
const LIST_GAIN = 0.15;

/** A passage without the kind of thing the question asks for is kept, far lower. */
const WRONG_TYPE = 0.1;

/** What ask found: candidates best first, or none with the reason and the passage that came closest. */
export interface AskResult {
  candidates: Candidate[];
  /** For a yes/no question, whether the best candidate confirms it. */
  verdict?: 'yes' | 'otherwise';
  refusal?: string;
  nearest?: Candidate;
}

export function ask(lookup: Lookup, question: string | QuestionPart, trace?: PartTrace): AskResult {
  const part = typeof question === 'string' ? parseQuestion(question).parts[0]! : question;
  const reacted = reaction(lookup, part);
  if (reacted.length) return { candidates: reacted };
  const type = answerType(part);
  // "..., did he bottle it": the people the first part named stand for the pronoun; a name the
  // sources do not know ("why was boris rooting for lutfur, did he ...") stands for it first.
  const carried = part.carried ? carriedPeople(lookup, part.carried) : [];
  // What sets two cases apart is said with words of its own ("drew a distinction between the cases").
  // The two cases are its setting: the sentence drawing it need not repeat them.
  const plan = part.contrast
    ? searchPlan(lookup, ['distinction', ...carried].join(' '), ASSERTS.has(part.type), `${part.content} ${part.context ?? ''}`)
    : searchPlan(lookup, [part.content, ...carried].join(' '), ASSERTS.has(part.type), part.context);
  // A question for a name of a kind or a list of people is also answered by a passage with fewer of
  // its words that has the thing asked ("the election was being held under the Alternative Vote
  // system" for "what voting system was the tower hamlets mayoral election").
  // So is a distinction: the sentence drawing it has few of the words of the cases it sets apart.
  // So does a judgement of how likely ("is an unlikely event in any case").
  const minCoverage = NAMED_TYPES.has(type) || part.contrast || part.choices || part.likelihood ? NAMED_MIN_COVERAGE : ASK_MIN_COVERAGE;
  const hits = searchPassages(lookup, plan, { minCoverage, window: true, ...(trace ? { trace } : {}) });
  // Not the asker's guess after it ("..., was it ken clark or someone else"): that is who may answer.
  const asked = new Set(terms(part.text.split('?')[0]!));
  if (trace) trace.answerType = type;
  const premise = premiseOf(lookup, part, plan);
  // (Not a word of the setting: "punishing the councillors while sparing livingstone" is the cases.)
  const lacksSomething = plan.concepts.some((c) => c.missing && c.weight > 0 && !c.setting);
  // "what was the name of the tory guy": the person must be described so.
  const personFocus = type === 'person' && part.focus && /\bnames? of\b/.test(part.text) ? terms(part.focus) : [];
  const actions = plan.concepts.filter((c) => c.action);
  const actionTerms = actionTermsOf(plan);
  const mainActionTerms = actionTermsOf(plan, true);
  // "why were ppl saying he should get kicked out": a call for the action is what is asked about.
  const main = plan.concepts.find((c) => c.action);
  const earlier = setsEarlier(part.text);
  const askedAsCall = main !== undefined && hypothetical(part.text, new Set([...mainActionTerms, ...terms(main.word)]));
  // "why did X say ...", "what did X claim": X's own words, or a sentence saying what X said.
  const justifies = JUSTIFY.test(part.text);
  const asksSpeech = justifies || SPEECH.test(part.text);
  // "kens spokesmans excuse": whoever speaks for him, named or not.
  const speaksFor = part.text.split(/\W+/).some((w) => SPEAKS_FOR.has(w));
  // "what did ed miliband say about ken": Miliband's words, not Ken's that name him.
  const speakerWords = asksSpeech ? ASKED_SPEAKER.exec(part.text)?.[1] : undefined;
  const speakers = speakerWords ? personsNamed(lookup, speakerWords).map((p) => p.id) : [];
  // A rule is stated of anyone: "the rule ken broke" is not answered only where Ken is named.
  const anyone = type === 'rule';
  /** The first check a passage fails, named for the refusal's reason; none for an answer. */
  const failedCheck = (hit: Hit, fits: boolean): string | undefined => {
    const failure = anyone ? undefined : premise.failure(hit);
    if (failure) return failure;
    if (elsewhere(lookup, plan.concepts, hit)) return 'focus';
    // "was it fptp or av": an answer names one of the two.
    if (part.choices && !part.choices.some((c) => hasWordsOf(lookup.passageText(hit.passage), c))) return 'focus';
    if (!fits && HARD_TYPES.has(type)) return type === 'people' ? 'list' : type;
    // "what day did the panel meet": a date of something else in the sentence ("intensified today
    // after it emerged the ... panel had decided") does not date it, as in /when.
    if (type === 'date' && !datesEvent(lookup, hit)) return 'date';
    // A count of someone's votes is in a sentence that names them, and has what is counted.
    if (type === 'number' && (premise.roles(hit) === NOT_IN_PASSAGE || hit.coverage < COUNT_MIN_COVERAGE)) return 'number';
    if (type === 'duration' && hit.coverage < COUNT_MIN_COVERAGE) return 'duration';
    // A figure for something the sources never mention ("how long did he get in prison") is not there.
    if ((type === 'number' || type === 'duration') && lacksSomething) return type;
    return undefined;
  };
  let nearest: { hit: Hit; failed: string } | undefined;
  const candidates: Candidate[] = [];
  /** The passage each candidate shows, as judged (for the yes/no verdict). */
  const judged = new Map<Candidate, Hit>();
  for (const hit of hits.slice(0, 60)) {
    const fits = hasAnswerType(lookup, hit, type, asked, part.text, actionTerms, personFocus);
    // Fewer of the question's words will do for the thing asked, not without one the sources lack
    // nor without the question's action around it or in its article's title ("name the councillors
    // who resigned").
    const loose = (hit.coverage + hit.windowCoverage) / 2 < ASK_MIN_COVERAGE;
    if (loose && (!fits || lacksSomething || !actions.every((c) => around(lookup, hit, c)))) continue;
    const failed = failedCheck(hit, fits);
    if (failed) {
      nearest ??= { hit, failed };
      trace?.rejected.push({ passage: hit.passage.id, text: lookup.passageText(hit.passage), failed });
      continue;
    }
    const text = lookup.passageText(hit.passage);
    // "why was there a byelection in spitalfields": "This seat ... the sitting Labour councillor defected"
    // is in a post about Spitalfields; what its article is about counts as its setting, at half.
    const topic = lookup.topicTerms(hit.passage.article);
    const topical = hit.windowCoverage < 1 ? (conceptCoverage(plan.concepts, { has: (t) => hit.covered.has(t) || topic.has(t) }) + hit.windowCoverage) / 2 : 1;
    const factors = {
      coverage: ((hit.coverage + Math.max(hit.windowCoverage, topical)) / 2) ** 2,
      relevance: hit.relevance + 0.5 * hit.neighbourRelevance,
      // ("which councillors were it, names pls": the list of eight before a sentence naming two.)
      answerType: !fits ? WRONG_TYPE : type === 'reason' && reasonOfAction(text, mainActionTerms) ? ATTACHED_REASON : type === 'people' ? listLength(hit) : 1,
      involvesNamed: anyone ? 1 : OTHER_PEOPLE + (1 - OTHER_PEOPLE) * hit.involvesNamed,
      roles: anyone ? 1 : premise.roles(hit),
      speaks: !asksSpeech || speaksIn(lookup, hit, ASKS_SPEAKER.has(part.type) || speaksFor, speakers) || (SAYS.test(part.text) && silent(hit, speakers, text)) ? 1 : justifies ? NOT_THEIR_REASON : NOT_SPOKEN,
      // "why was ken expelled" is not answered by "faced calls for his expulsion".
      // "wasnt ken kicked out b4? when": not the news of the articles' day ("Earlier today ...").
      earlier: earlier && onlyRelativeDates(hit.passage) ? NEWS_OF_THE_DAY : 1,
      // "Will Livingstone urge Lutfur supporters to switch to Abbas?": a question the article asks
      // says nothing happened.
      questioned: ASKED_IN_TEXT.test(text) ? HYPOTHETICAL : 1,
      // "why is everyone saying ken should be expelled": the calls, not an expulsion that happened.
      asserted: ASSERTS.has(part.type) && (askedAsCall ? !hypothetical(text, mainActionTerms) : hypothetical(text, mainActionTerms)) ? HYPOTHETICAL : 1,
    };
    const score = Object.values(factors).reduce((a, b) => a * b, 1);
    const p = hit.passage;
    trace?.hits.push({ passage: p.id, text: lookup.passageText(p), score, factors });
    const shown = leadInTarget(lookup, hit);
    const candidate = candidateOf(shown, score);
    judged.set(candidate, shown);
    candidates.push(candidate);
  }
  trace?.hits.sort((a, b) => b.score - a.score).splice(8);
  if (candidates.length) {
    // "did ken livingstone or ken clark tell them": a choice, which the passage answers; no yes or no.
    // "was a tory win ever realistic": how likely, which "an unlikely event" answers with no yes or no.
    if (part.type !== 'yesno' || part.choices || part.likelihood || /\bor\b/.test(part.content)) return { candidates };
    const best = candidates.reduce((a, b) => (b.score > a.score ? b : a));
    return { candidates, verdict: confirms(lookup, part, plan, judged.get(best)!) ? 'yes' : 'otherwise' };
  }
  const result: AskResult = { candidates, refusal: refusalReason(part, nearest?.failed) };
  if (nearest) result.nearest = candidateOf(nearest.hit, 0);
  return result;
}

/** "what did the blog make of kens plea": what the writer says of the words that follow. */
const REACTION =
  /^what (?:did|does|do) (?:the |that |this |one of the )?(?:blog|blogs|blogger|bloggers|writer|author|article|post|piece|site|columnist)\s+(?:\w+\s+)?(?:make of|think of|thinks of|thought of|say about|said about|reckon (?:about|of)|reply to|respond to|react to)\s+(.+)$/;

/**
 * The writer's reaction to something said: the statement found by its words, then the first sentence
 * after its paragraph that nobody in the article is quoted saying (the post goes on "This is pure self
 * interest, dressed up as a call for party unity." after reprinting Ken's plea).
 */
function reaction(lookup: Lookup, part: QuestionPart): Candidate[] {
  const found = REACTION.exec(part.text);
  if (!found) return [];
  const { passages } = lookup.index.data;
  const spoken = (id: number) => lookup.quoted.has(id) || lookup.speakersOf.has(id);
  const candidates: Candidate[] = [];
  const said = searchPassages(lookup, searchPlan(lookup, contentOf(found[1]!)), { minCoverage: ASK_MIN_COVERAGE }).filter((h) => spoken(h.passage.id));
  for (const hit of said.slice(0, 2)) {
    let next = passages[hit.passage.id + 1];
    while (next && next.article === hit.passage.article && (next.paragraph === hit.passage.paragraph || spoken(next.id))) next = passages[next.id + 1];
    if (next && next.article === hit.passage.article && !candidates.some((c) => c.passages[0] === next!.id)) candidates.push(candidateOf({ ...hit, passage: next }, hit.relevance));
  }
  return candidates;
}

/**
 * "Ted Jeory adds:", "A Labour spokesman said:": a few words that only introduce what follows are no
 * snippet; the sentence they introduce (the next one of the article) stands for them.
 */
function leadInTarget(lookup: Lookup, hit: Hit): Hit {
  const text = lookup.passageText(hit.passage).trim();
  if (!text.endsWith(':') || text.split(/\s+/).length > LEAD_IN_WORDS) return hit;
  const next = lookup.index.data.passages[hit.passage.id + 1];
  return next && next.article === hit.passage.article ? { ...hit, passage: next } : hit;
}
const LEAD_IN_WORDS = 6;

/** True when the concept is in the passage, its neighbours or its article's title. */
function around(lookup: Lookup, hit: Hit, c: Concept): boolean {
  return conceptMatch(c, hit.covered) > 0 || conceptMatch(c, lookup.titleTerms(hit.passage.article)) > 0;
}

/** True when the text has every search term of a phrase ("expelled" in "have tonight been expelled"). */
function hasWordsOf(text: string, phrase: string): boolean {
  const had = new Set(terms(text));
  const wanted = terms(phrase);
  return wanted.length > 0 && wanted.every((t) => had.has(t));
}

/** Who a later part's he/she may be: an unknown name of the first part, else the people it names. */
function carriedPeople(lookup: Lookup, first: string): string[] {
  const unknown = searchPlan(lookup, first).concepts.filter((c) => c.missing && !c.ordinary);
  return unknown.length ? unknown.map((c) => c.word) : personsNamed(lookup, first).map((p) => p.name);
}

function candidateOf(hit: Hit, score: number): Candidate {
  const p = hit.passage;
  return { article: p.article, start: p.start, end: p.end, paragraph: p.paragraph, score, passages: [p.id] };
}

/** Why nothing answered, in one line. */
function refusalReason(part: QuestionPart, failed: string | undefined): string {
  const q = `“${part.text}”`;
  switch (failed) {
    case 'number':
      return `The sources give no figure for ${q}.`;
    case 'date':
      return `The sources give no date for ${q}.`;
    case 'person':
      return `The sources do not name who: ${q}.`;
    case 'list':
      return `The sources give no list of names for ${q}.`;
    case 'duration':
      return `The sources give no length of time for ${q}.`;
    case 'action':
      return `The sources do not say that: ${q}.`;
    case 'people':
      return `The sources say nothing of the kind about the people in ${q}.`;
    case 'focus': {
      // The thing described, else the year the question gives (see premise.ts).
      const thing = part.focus ?? /\b(?:19|20)\d\d\b/.exec(`${part.text} ${part.context ?? ''}`)?.[0];
      return thing ? `The sources do not mention “${thing}” in this sense: ${q}.` : `The sources do not answer ${q}.`;
    }
    default:
      return `The sources do not answer ${q}.`;
  }
}

/**
 * Whether a passage confirms a yes/no question: the same polarity (both say it happened, or both say
 * it did not: "is it true ken refused" / "He has refused"; "did the nec let him off" / "decided not
 * to take action"), no contrary description of a person the question describes ("a labour mp" / "the
 * Tory MP"), and no denial right after someone the question names ("Rahman asked me ..., Abbas
 * hasn't").
 */
function confirms(lookup: Lookup, part: QuestionPart, plan: SearchPlan, hit: Hit): boolean {
  const text = lookup.passageText(hit.passage);
  // Some paraphrases say a thing did not happen ("let him off" = did not act against him).
  const asksNegative = part.negated !== plan.concepts.some((c) => c.negative);
  const denied = hit.passage.mentions.some((m) => hit.named.includes(m.person) && ELLIPTICAL_DENIAL.test(lookup.index.data.articles[hit.passage.article]!.text.slice(m.end, m.end + 16)));
  // "was rania khan one of the 8 that got expelled": a list that names them says so, nothing else.
  if (MEMBERSHIP.test(part.text) && hit.named.length && !hit.passage.mentions.some((m) => hit.named.includes(m.person) && listed(lookup.index.data.articles[hit.passage.article]!.text, m))) return false;
  return (negative(text, actionTermsOf(plan)) || denied) === asksNegative && !contrasts(part.text, text);
}

/** True when a mention stands in a list of names: "– Oli Rahman, Lutfa Begum, Rania Khan, ...". */
function listed(text: string, m: { start: number; end: number }): boolean {
  const before = text.slice(Math.max(0, m.start - 4), m.start);
  const after = text.slice(m.end, m.end + 6);
  return /(?:,|–|—|:|\band)\s*$/.test(before) && /^\s*(?:,|and\b|\.|$)/.test(after);
}

/** "Abbas hasn't.", "Ken didn't": a denial that stands for the verb before it. */
const ELLIPTICAL_DENIAL = /^\s+(?:has|have|had|did|does|is|was|will|would)(?:n[’']t|\s+not)\b/i;

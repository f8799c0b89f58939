/**
 * The kind of thing a question asks for, and whether a passage holds one: a person for "who", several
 * for "list", a quantity next to what is counted for "how many", a length of time for "how long", a reason for "why", a place for
 * "where", a date for "when", a name next to its kind for "what system / which ward", a definition for
 * "what is".
 */
import { escapeRegExp, terms, termsOf } from '../retrieval/text.js';
import type { Lookup } from './lookup.js';
import type { Hit } from './textsearch.js';
import type { QuestionPart } from './understand/question.js';

export type AnswerType = 'person' | 'people' | 'number' | 'duration' | 'reason' | 'distinction' | 'definition' | 'place' | 'date' | 'name' | 'rule' | 'likelihood' | 'any';

/** "list the councillors": a passage naming at least this many people. */
const LIST_PEOPLE = 3;

/**
 * A question for a length of time: "how long", "how soon", "how many hours between his article and
 * the expulsions" (also read by engine.ts, which sends such a /when query to /ask).
 */
export const ASKS_DURATION = /^\s*how (?:long|soon|many (?:minutes|hours|days|weeks|months|years))\b/i;

export function answerType(part: QuestionPart): AnswerType {
  const q = part.text.replace(/[?!.\s]+$/, '');
  if (part.likelihood) return 'likelihood';
  switch (part.type) {
    case 'who':
      return 'person';
    case 'list':
      return 'people';
    case 'which':
      // "which councillors got expelled": their names.
      if (/^which\s+(?:\w+\s+)?(?:mps|people|councillors|members|candidates|politicians|ministers|leaders|men|women)\b/.test(q)) return 'people';
      if (/^which\s+(?:\w+\s+)?(?:mp|mps|person|people|man|woman|councillor|councillors|candidate|member|minister|leader|politician|one)\b/.test(q)) return 'person';
      return CATEGORY.test(q) ? 'name' : 'any';
    case 'count':
      return ASKS_DURATION.test(q) ? 'duration' : 'number';
    case 'why':
      return part.contrast ? 'distinction' : 'reason';
    case 'where':
      return 'place';
    case 'when':
      return 'date';
    default:
      // "what was lutfur accused of": the charge, given as a reason is ("amid allegations of ...").
      if (/\bwhat\s+(?:reason|motive)\b/.test(q) || /^what (?:was|were|is|are) .+ (?:accused|charged|suspected) (?:of|with)$/.test(q)) return 'reason';
      if (ASKS_RULE.test(q)) return 'rule';
      if (CATEGORY.test(q)) return 'name';
      return DEFINITION.test(q) ? 'definition' : 'any';
  }
}

/** "whats the actual rule ken broke", "what does the rulebook say", "the exact wording of the rule": the rule itself. */
const ASKS_RULE = /^(?:what|which)\s+(?:is|was|are|were|does|do|did)?\s*(?:the\s+)?(?:(?:actual\s+|exact\s+|precise\s+)?(?:wording|text|words|letter)\s+(?:of|in)\s+(?:the\s+)?)?(?:actual\s+|exact\s+|labour\s+|party\s+)*(?:rule|rules|rulebook|rule book|clause)\b|\b(?:rule ?book|rules?)\s+(?:actually\s+|even\s+)?say\b/;
/** A rule stated: what is forbidden or required, and what follows. */
const RULE = /\b(?:forbid\w*|prohibit\w*|must not|shall|may not|not allowed|automatic(?:ally)?|states? that|ineligible|sanction)\b/i;

/** A judgement of how likely something is: "never on the cards", "an unlikely event", "an excellent chance". */
const LIKELIHOOD = /\b(?:on the cards|(?:un)?likely|likelihood|chances?|hopeless|no hope|impossible|inevitable|realistic|probabl[ey]|odds)\b/i;

/** "What is the IFE", "what was Socialist Unity": the thing asked about is the last one to four words. */
const DEFINITION = /^what\s+(?:is|are|was|were)\s+(?:the\s+|an?\s+)?((?:\S+\s+){0,3}\S+)$/i;

/** Words that set two cases apart ("the NEC drew a distinction between the cases"). */
const DISTINCTION = /\b(?:distinction|distinguish\w*|differen\w*|unlike|whereas|in contrast|by contrast|while the)\b/i;

/** Words that give a reason or a cause ("amid allegations of ...", "for their backing of ..."). */
const REASON =
  /\b(?:because|so that|in order to|to (?:keep|ensure|stop|block|prevent|avoid)|objective|aim|reason|purpose|motive|why|since|the way to|amid|due to|owing to|as a result|after (?:he|she|they|it|\w+ing)|for (?:his|her|their|its) \w+|for \w+ing|over (?:his|her|their|the)|allegations?|accused|in protest|in response|with (?:the )?(?:\w+ ){0,2}so (?:close|near)|not (?:been )?possible|too busy|busy schedule)\b/i;
/**
 * "what voting system", "which ward", "what blog": a kind of thing, whose answer names one ("the
 * Alternative Vote system", "Spitalfields", "Socialist Unity").
 */
const CATEGORY = /^(?:what|which)\s+(?:(?:kind|sort|type)\s+of\s+)?(?:\w+\s+)?(system|party|group|ward|blog|website|site|paper|newspaper|outlet|publication|platform|word|seat|borough|constituency|area|place|organisation|organization|conference|committee|clause|rule)\b/;
/** Kinds the articles name with other words: a site a piece appeared on is a "site" or a "blog". */
const KIND_WORDS: Record<string, string> = {
  website: 'website|site|blog',
  site: 'website|site|blog',
  blog: 'blog|site',
  outlet: 'site|blog|paper|newspaper|outlet',
  publication: 'site|blog|paper|newspaper',
  platform: 'site|blog',
  paper: 'paper|newspaper',
  newspaper: 'paper|newspaper',
};
/** How near its kind a name stands: "the Alternative Vote system", "this very ward, Spitalfields". */
const NAME_REACH = 25;

/**
 * True when a capitalised name (not opening the sentence, not a person's) stands next to the kind of
 * thing asked: "this very ward, Spitalfields", not "this very ward, Ken".
 */
function namesOne(text: string, kind: string, people: { start: number; end: number }[]): boolean {
  if (!kind) return false;
  for (const k of text.matchAll(new RegExp(`\\b(?:${KIND_WORDS[kind] ?? kind})s?\\b`, 'gi'))) {
    const from = Math.max(0, k.index - NAME_REACH);
    for (const n of text.slice(from, k.index + k[0].length + NAME_REACH).matchAll(/(?<=\S\s+)\p{Lu}\p{Ll}+/gu)) {
      const at = from + n.index;
      if (!people.some((p) => at >= p.start && at < p.end)) return true;
    }
  }
  return false;
}

/**
 * A place: a capitalised name after a preposition of place ("in Spitalfields", "to the Roman Road"),
 * a site something appeared on ("on Socialist Unity", not "on Friday") or after the kind of place it
 * is ("this very ward, Spitalfields").
 */
const PLACE = /\b(?:[Ii]n|[Aa]t|[Tt]o|[Ff]rom|[Nn]ear|[Aa]round|[Aa]cross)\s+(?:the\s+)?\p{Lu}\p{L}+|\b(?:on|onto)\s+(?:the\s+)?(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)\b)\p{Lu}\p{L}+|\b(?:ward|borough|constituency|seat|district|area|town|city),?\s+\p{Lu}\p{L}+/u;
/** A quantity: digits that are not a year or decade, or a number word; "per cent" and "majority" count. */
const QUANTITY = /\b(?!(?:19|20)\d\d(?:s|\b))\d[\d,.]*\b|\b(?:per ?cent|percent|half|third|quarter|majority|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|hundreds?|thousands?)\b/gi;
/** A margin told in words: "by a landslide", "narrowly". */
const MARGIN = /\b(?:by a landslide|landslide|narrowly|comfortably|by a (?:wide|narrow|huge|big) margin)\b/i;
/** The size of a win or a defeat asked: "how big was rahmans win", "how large a victory", "how badly did abbas lose". */
const BIG_WIN = /\bhow (?:big|large|huge|wide|comfortable|convincing)\b.*\b(?:win|won|victory|margin|majority|lose|lost|losing|beaten|beat|defeated|defeat|thrashed|hammered|trounced|battered)\b/;
/** A question for a sum of money, and a sum of money: "£50,000", "$3m", "50 grand", "2 million pounds". */
const ASKS_MONEY = /\b(?:money|cash|pounds|quid|paid|pay|payed|salary|wage|cost|costs|worth|grand|funding|funded|spent|spend|fraud|fine|fined)\b/;
const MONEY = /[£$€]\s?\d|\b\d[\d,.]*\s?(?:pounds|quid|grand|k|m|million|bn|billion)\b/i;
/** What a share in per cent is of, unless it says otherwise. */
const VOTE = new Set(['vote', 'votes', 'ballot', 'poll']);
/** A share in per cent: "43 per cent", "(11%)". */
const PER_CENT = /\b\d+(?:\.\d+)?\s*(?:%|per ?cent\b|percent\b)/gi;
/** A length of time: "some six hours after", "four weeks before the poll", "the same day", "just last month". */
const DURATION =
  /\b(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|several|a few|a couple of)\s+(?:minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?)\b|\b(?:the same|that) (?:day|night|morning|evening)\b|\b(?:just|only) (?:last|this) (?:week|month|year)\b/i;
/** What a count is of, when the question says ("how many votes"); people are any count's subject. */
const COUNTED = /^(?:how (?:many|much)|what (?:share|percentage|proportion|number|majority) of) (?:of )?(?:the )?((?:[a-z]+ ){0,2}?[a-z]+)(?= (?:did|does|do|was|were|is|are|has|have|had|got|get|went|go)\b|$)|^(?:how (?:many|much)) ([a-z]+)/;
const HEDGES = new Set(['just', 'even', 'still', 'roughly', 'about', 'like', 'total', 'altogether', 'overall', 'in', 'all']);
const ANY_COUNT = new Set(['people', 'ppl', 'of', 'did', 'do', 'does', 'was', 'were', 'is', 'are', 'has', 'have', 'had', 'them', 'times', 'members', 'councillors']);
/** How much of the question a count's own sentence covers ("This seat was won by Labour ... 43 per cent"). */
export const COUNT_MIN_COVERAGE = 0.45;
/** Characters between a quantity and the thing counted ("43 per cent of the vote"). */
const COUNT_REACH = 30;

/**
 * True when the passage holds a quantity the question did not bring, next to what is counted when
 * the question names it: "a number of Lutfur Rahman supporters ... in the 1980s" is no vote count.
 */
function hasCount(text: string, question: string, actionTerms: ReadonlySet<string>): boolean {
  const asked = new Set(question.match(/\d+/g) ?? []);
  // The head of the counted phrase: "votes" of "how much of the spitalfields vote did ken get".
  const found = COUNTED.exec(question);
  // ("how many got binned altogether": a verb, not the thing counted; the action is what it stands by.)
  const phrase = found?.[1] ?? found?.[2];
  const counted = phrase && !/^(?:got|get|gets|getting|were|was|been|be)\b/.test(phrase) ? phrase.split(' ').filter((w) => !/ly$/.test(w) && !HEDGES.has(w)).at(-1) : undefined;
  const noun = counted && !ANY_COUNT.has(counted) ? termsOf(counted)[0] : undefined;
  // What the quantity must stand by: the counted thing, else the action ("how much did he nick").
  const near = (t: string) => (noun ? t === noun || t.startsWith(noun) || noun.startsWith(t) : actionTerms.has(t));
  // "did lutfur win? by how much": with nothing counted, a margin in words answers ("by a landslide").
  // So does "how big was rahmans win".
  if (!noun && (/\bhow much(?: by)?$/.test(question.replace(/[?!.\s]+$/, '')) || BIG_WIN.test(question)) && MARGIN.test(text)) return true;
  // "how much money was the fraud", "how much was robbani paid": only a sum of money answers.
  if (/^how much\b/.test(question) && ASKS_MONEY.test(question)) return MONEY.test(text);
  // "what % did labour get": only a share in per cent answers, not "October 21".
  const percent = /\b(?:percentage|per cent|percent|share)\b/.test(question);
  for (const m of text.matchAll(percent ? PER_CENT : QUANTITY)) {
    if (asked.has(m[0])) continue;
    if (!noun && actionTerms.size === 0) return true;
    // "what share of the vote did labour get": a share in per cent is of the vote ("Labour got 10%").
    if (percent && noun && VOTE.has(noun)) return true;
    // (A count of people acted on may head a long subject: "Eight Labour councillors, two officers
    // of the local party and one ordinary member have tonight been expelled".)
    const reach = noun ? COUNT_REACH : 4 * COUNT_REACH;
    const around = text.slice(Math.max(0, m.index - reach), m.index + m[0].length + reach);
    if (terms(around).some(near)) return true;
  }
  return false;
}

/** Characters after an action word within which a reason is that action's ("ex-pelled ..., amid allegations"). */
const REASON_REACH = 80;

/**
 * True when a reason stands right after one of the question's action words: "Mr Rahman was ex-pelled
 * from Labour four weeks before the poll, amid allegations of ..." gives why he was expelled; a
 * reason elsewhere in the sentence may be another clause's.
 */
export function reasonOfAction(text: string, actionTerms: ReadonlySet<string>): boolean {
  for (const m of text.matchAll(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)) {
    if (!termsOf(m[0]).some((t) => actionTerms.has(t))) continue;
    const after = m.index + m[0].length;
    if (REASON.test(text.slice(after, after + REASON_REACH))) return true;
  }
  return false;
}

/** The people a passage names whom the question does not name: who may be the answer. */
function notAsked(lookup: Lookup, hit: Hit, asked: ReadonlySet<string>): Set<string> {
  const people = new Set<string>();
  for (const m of hit.passage.mentions) {
    const name = lookup.persons.get(m.person)?.name ?? '';
    if (!terms(name).some((t) => asked.has(t))) people.add(m.person);
  }
  return people;
}

export function hasAnswerType(lookup: Lookup, hit: Hit, type: AnswerType, asked: ReadonlySet<string>, question: string, actionTerms: ReadonlySet<string>, focus: readonly string[] = []): boolean {
  const text = lookup.passageText(hit.passage);
  switch (type) {
    case 'person': {
      // A speaker counts, named or described ("a Labour source said ...").
      if (/\bsaid\b|\bsays?\b/.test(question) && lookup.quoted.has(hit.passage.id)) return true;
      const people = notAsked(lookup, hit, asked);
      // "the name of the tory guy": someone the passage describes so, next to their name.
      if (focus.length) {
        return hit.passage.mentions.some((m) => {
          if (!people.has(m.person)) return false;
          const near = lookup.termsNear(hit.passage, m);
          return focus.every((t) => near.has(t));
        });
      }
      return people.size > 0;
    }
    case 'people':
      return notAsked(lookup, hit, asked).size >= LIST_PEOPLE;
    case 'number':
      return hasCount(text, question, actionTerms);
    case 'duration':
      return DURATION.test(text);
    case 'reason':
      return REASON.test(text);
    case 'rule':
      return RULE.test(text);
    case 'likelihood':
      return LIKELIHOOD.test(text);
    case 'distinction':
      return DISTINCTION.test(text);
    case 'place':
      return PLACE.test(text);
    case 'name': {
      const people = hit.passage.mentions.map((m) => ({ start: m.start - hit.passage.start, end: m.end - hit.passage.start }));
      return namesOne(text, CATEGORY.exec(question.trim())?.[1] ?? '', people);
    }
    case 'date':
      return lookup.dated[hit.passage.id] === 1;
    case 'definition': {
      const subject = DEFINITION.exec(question.trim().replace(/[?!.\s]+$/, ''))?.[1] ?? '';
      const escaped = escapeRegExp(subject).replace(/\s+/g, '\\s+');
      const defined = new RegExp(`,\\s+(?:the\\s+)?${escaped}\\b|\\b${escaped}\\s*(?:\\(|,\\s+(?:the|a|an)\\b|\\s+(?:is|was|are)\\s+(?:the|a|an)\\b)`, 'i');
      return defined.test(text);
    }
    default:
      return true;
  }
}

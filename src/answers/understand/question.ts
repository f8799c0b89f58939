/**
 * What a question asks, read before any search and without the index: the chat writing normalised,
 * the question split into its parts, and for each part its type (who, when, why, how many, yes/no
 * ...), whether it is negated, and the words that carry its content. Pure text work; what the corpus
 * knows of these words is looked at later (see expand.ts).
 */
import { fold } from '../../retrieval/text.js';
import { FILLER, LIGHT_VERBS, SHORTHAND } from './chat.js';

export type QuestionType = 'who' | 'when' | 'where' | 'why' | 'how' | 'count' | 'which' | 'list' | 'yesno' | 'what' | 'other';

export interface QuestionPart {
  /** The part as normalised (shorthand expanded, contractions undone), question words kept. */
  text: string;
  type: QuestionType;
  /** The words to search for: question words, auxiliaries and chat filler removed. */
  content: string;
  /** The part says "not"/"never" (a yes/no answer then confirms a negative). */
  negated: boolean;
  /**
   * The thing asked about, when the question describes it ("who was the tory candidate" → "tory
   * candidate", "what was the turnout" → "turnout", "how many votes" → "votes"): every word of it
   * must be in an answer.
   */
  focus?: string;
  /** The focus is a kind of thing ("which ward"): named by the answer, not necessarily written in it. */
  focusIsKind?: true;
  /**
   * "why did the councillors get axed but ken didnt", "why did the nec treat ken different": a why
   * that asks what sets two cases apart, answered by a sentence that draws the distinction.
   */
  contrast?: true;
  /** Words that refine the part without defining it ("..., was it close"): weighed less. */
  context?: string;
  /** The first part's words, for a later part's pronouns ("did he bottle it" after "why did abbas ..."). */
  carried?: string;
  /**
   * "did ken tell ppl to put rahman 1st or 2nd", "was it fptp or av": a yes/no that offers answers
   * asks which; none is asserted (they are context), an answer names one, and no yes or no is given.
   */
  choices?: string[];
  /**
   * "was a tory win ever realistic", "was there a real chance of a tory mayor": how likely the thing
   * was, answered by a sentence that judges it ("which was never on the cards"); the judging words
   * are not searched for, and no yes or no is given (an "unlikely event" is no "no").
   */
  likelihood?: true;
}

export interface Question {
  original: string;
  /** The whole question normalised. */
  normalised: string;
  parts: QuestionPart[];
}

/** Apostrophe contractions, undone so that "didn't" and "didnt" read alike. */
const CONTRACTIONS: [RegExp, string][] = [
  [/\bcan't\b/g, 'cannot'],
  [/\bwon't\b/g, 'will not'],
  [/\bshan't\b/g, 'shall not'],
  [/n't\b/g, ' not'],
  [/\b(what|who|where|when|how|why|that|there|it|he|she)'s\b/g, '$1 is'],
  [/'re\b/g, ' are'],
  [/'ve\b/g, ' have'],
  [/'ll\b/g, ' will'],
  [/\b(i|you|he|she|we|they)'d\b/g, '$1 would'],
  [/\b(how|what|who|where|why|when)'d\b/g, '$1 did'],
  [/\bi'm\b/g, 'i am'],
];

const SENTENCE_BEFORE_QUESTION = /[.!]+\s+(?=(?:who|whom|whose|what|whats|when|where|why|how|which|is|are|was|were|did|does|do|has|have|had|can|could|will|would|should)\b)/g;

const WORD_OR_MARK = /[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*|[?&,]/gu;

/** Lower case, folded, contractions and shorthand expanded, repeated punctuation collapsed. */
export function normalise(text: string): string {
  // "what % of the vote": the sign is a word of its own.
  // ("how much $ was the fraud": an amount of money, asked with the sign alone.)
  let t = fold(text).replace(/(\d)\s*%/g, '$1 per cent').replace(/%/g, ' percentage ').replace(/(?<!\d\s*)[$£€](?!\s*\d)/g, ' money ');
  for (const [pattern, replacement] of CONTRACTIONS) t = t.replace(pattern, replacement);
  // "... too busy for. which one?": a sentence ending before a question is where a part ends.
  t = t.replace(SENTENCE_BEFORE_QUESTION, '? ');
  const tokens = t.match(WORD_OR_MARK) ?? [];
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const pair = i + 1 < tokens.length ? `${tokens[i]} ${tokens[i + 1]}` : '';
    // "by election" is a byelection, but not in "removed by election court".
    if (pair && SHORTHAND[pair] !== undefined && !(pair.startsWith('by ') && /ed$/.test(tokens[i - 1] ?? ''))) {
      out.push(SHORTHAND[pair]!);
      i++;
      continue;
    }
    const token = tokens[i]!;
    if (token === '?' && out.at(-1) === '?') continue;
    // ("spokesperson's": shorthand keeps its possessive.)
    const owner = /^(.+)'s$/.exec(token)?.[1];
    out.push(Object.hasOwn(SHORTHAND, token) ? SHORTHAND[token]!.toLowerCase() : owner && Object.hasOwn(SHORTHAND, owner) ? `${SHORTHAND[owner]!.toLowerCase()}'s` : token);
  }
  return out
    .join(' ')
    .replace(/\s+([?,])/g, '$1')
    .replace(/,+$/, '')
    .replace(/\bback (?=in (?:19|20)\d\d\b)/g, '') // "back in 2000": when, not backing
    // "how badly did abbas lose": the size of a defeat, asked as "how big" a win is.
    .replace(/\bhow (?:badly|heavily|soundly|decisively)\b(?=(?: \S+){1,4} (?:lose|lost|losing|beaten|beat|defeated|thrashed|hammered|trounced|battered)\b)/g, 'how big')
    // "in 04 vs 08", "back in '00": two-digit years after a word that dates.
    .replace(/\b(in|from|to|vs|versus|and|since|until|till|til|of|by)\s+'?(0\d|1\d)\b(?!\s*(?:per|%|people|members|councillors|votes))/g, '$1 20$2')
    .trim();
}

const AUX = 'is|are|was|were|did|does|do|has|have|had|can|could|will|would|should|may|might|shall';
/** Where a question turns into a second one: "..., and why does ...", "... or is it true ...". */
const PART_BREAK = new RegExp(`(?:,\\s*(?:like\\s+|as in\\s+|i mean\\s+)?|\\s+(?:and|or|but|also|plus)\\s+)(?=(?:(?:in|on|at|from|to|by|for|with)\\s+(?=which|what|whom|whose))?(?:who|whom|whose|what|when|where|why|how|which|is it true|${AUX})\\b)`, 'g');

/** Words that ask rather than say: dropped from the search words. */
const QUESTION_WORDS = new Set(
  `who whom whose what when where why how which many much long big ${AUX.replaceAll('|', ' ')} not never no right correct true false wrong`.split(' '),
);

/** A closing request for figures ("..., numbers pls", "... figures?"). */
const FIGURES_WANTED = /,?\s+(?:(?:the|actual|exact|any)\s+)*(?:numbers|figures|stats|statistics|percentages|per cents?)(?:\s+(?:please|pls|plz|ta|thanks))?$/;
/** Question types a request for figures turns into a count (not "who", "when", "why"). */
const FIGURE_TYPES = new Set<QuestionType>(['how', 'what', 'other', 'yesno', 'which']);

/** Two cases set against each other in a why question. */
// ("why didnt the nec go after ken when the councillors got warning notices": a case set against another.)
const CONTRAST = /^why (?:did|does|do|was|were|is|are|has|have) not\b.*\bwhen\b|\b(?:but|while|whilst)\b.*\b(?:not|never|no|got off|gets off|get off|let off|letting|off the hook|walked free|got away|gets away|get away|escaped|spared|sparing)\b|\bbut not\b|\bdifferent(?:ly)?\b|\bdouble standards?\b|\bsame (?:offence|thing|rules?|crime)\b|\bwhereas\b|\bunlike\b|\b(?:let \w+ (?:off|walk|go)|got off|gets off|spared|spare|walked free|got away with it|off the hook)\b.*\b(?:but|while|whilst)\b/;

/** "what is the difference between ...", "what was different about ...". */
const DIFFERENCE = /^what (?:is|was|are|were) (?:the )?(?:\S+ )?(?:difference|differences|distinction)\b|^what (?:is|was) (?:so )?different\b/;

/** "was it tom harris", "i thought it was oona king": a guess at who. */
const GUESS = /^(?:was it|is it|was that|i thought it was|i think it was|i thought|thought it was|or was it)\s+(?:\S+\s+){0,2}\S+$/;

/** "..., was it on his blog": a yes/no about the previous part's answer narrows it. */
const NARROWS = /^(?:was|is|were|did|does)\s+(?:it|that|this)\b(?! true)/;

/** Forms of "do", kept before "anything"/"nothing" where they are the verb, not the auxiliary. */
const DO = new Set(['do', 'does', 'did', 'done', 'doing']);

/** "what date/year/time": the words that ask for a date, in a question about when. */
const WHEN_WORDS = new Set(['date', 'year', 'day', 'month', 'time', 'exactly', 'earlier', 'prior']);
/** Words that alone ask nothing of their own. */
const GENERIC = new Set(['word', 'words', 'wording', 'precise', 'exact', 'guy', 'bloke', 'fella', 'person', 'term', 'phrase', 'way', 'kind', 'sort', 'type', '', 'it', 'that', 'this', 'the', 'about', 'number', 'numbers', 'details', 'detail', 'info', 'answer', 'name', 'names', 'so', 'then', 'for']);

/** Fillers as regular expressions, longest first so "is it true that" goes before "is it true". */
const FILLERS = [...FILLER].sort((a, b) => b.length - a.length).map((f) => new RegExp(`\\b${f.replace(/\s+/g, '\\s+')}\\b`, 'g'));

/** Grammatical negation; words that deny ("refused", "snubbed") are paraphrases marked negative. */
const NEGATION = /\b(?:not|never|no|nobody|none|nothing|neither|nor|cannot)\b/;

export function parseQuestion(original: string): Question {
  const normalised = normalise(original);
  const raw = normalised
    .split('?')
    .flatMap((s) => s.split(PART_BREAK))
    .map((s) => s.replace(/^(?:and|or|but|so|also|plus)\s+/, '').trim())
    .flatMap((s) => {
      // "after all the drama did ken apologise": a time clause before a yes/no with no comma sets its
      // scene, as it would with one.
      const scene = LEADING_SCENE.exec(s);
      return scene && questionType(s) === 'other' ? [scene[0].trim(), s.slice(scene[0].length)] : [s];
    })
    .filter(Boolean);
  const parts: QuestionPart[] = [];
  for (const text of raw) {
    const part = readPart(text);
    const previous = parts.at(-1);
    // "ken couldnt be bothered to campaign, could he": a tag asks about the statement before it.
    if (previous && BARE_TAG.test(part.text)) {
      previous.text = `${previous.text}, ${part.text}`;
      continue;
    }
    // "who said X, who was that", "was lutfur a councillor? where": a part with no words of its own
    // asks about the previous one; it lends its type when it is more telling than a yes/no.
    // "wasnt ken kicked out once? sometime around 2000 i think": a part that asks nothing narrows it.
    // "which mp went to miliband about ken, was it tom harris": the asker's guess at the answer is no
    // part of what to find; the question's words find who it was.
    if (previous && (previous.type === 'who' || previous.type === 'which') && GUESS.test(part.text)) {
      previous.text = `${previous.text}? ${part.text}`;
      continue;
    }
    if (previous && (part.type === 'other' || NARROWS.test(part.text)) && part.content) {
      previous.text = `${previous.text}? ${part.text}`;
      // "..., was it close": a yes/no about the answer refines it; a part that asks nothing adds to it.
      // So does a follow-up that asks nothing ("? not even a warning like the councillors got").
      previous.context = `${previous.context ?? ''} ${part.content}`.trim();
      continue;
    }
    // "what was lutfurs majority over abbas, like how many votes": the same question again, in a
    // word or so of its own, narrows the first.
    if (previous && part.type === previous.type && ASKS.has(part.type) && part.content && !part.content.includes(' ')) {
      previous.text = `${previous.text}? ${part.text}`;
      previous.context = `${previous.context ?? ''} ${part.content}`.trim();
      continue;
    }
    // "when was that and what for": a second question about the same thing, with its words.
    if (previous && !part.content && ASKS.has(part.type) && ASKS.has(previous.type) && part.type !== previous.type) {
      parts.push({ ...part, content: previous.content, ...(previous.context ? { context: previous.context } : {}), ...(previous.carried ? { carried: previous.carried } : {}) });
      continue;
    }
    if (previous && !part.content) {
      previous.text = `${previous.text}? ${part.text}`;
      // ("... or what" asks nothing more telling than the yes/no before it.)
      if (part.type !== 'other' && part.type !== 'yesno' && part.type !== 'what' && (previous.type === 'yesno' || previous.type === 'other' || previous.type === 'what')) previous.type = part.type;
      // ("... but let ken off for the same thing?? how does that make any sense": the two cases.)
      if (previous.type === 'why' && CONTRAST.test(previous.text)) previous.contrast = true;
      continue;
    }
    // "ok but why ...", "lol, who ...": a first part with no words of its own and no question in it.
    if (!previous && !part.content && part.type === 'other') continue;
    parts.push(part);
  }
  if (parts.length === 0) parts.push(readPart(normalised));
  // "back in 2000 when red ken went independent, who was the official labour guy he beat": a first
  // part that asks nothing sets the scene of the question after it, when that one asks something of
  // its own (not a tag such as "..., isn't he").
  // So does a first part that only names the topic ("whats this about a spitalfields byelection, did
  // ken refuse ...", "whats the deal with that mayor guy ken?? why ...").
  if (parts.length > 1 && (parts[0]!.type === 'other' || TOPIC_INTRO.test(parts[0]!.text)) && parts[1]!.content.split(' ').some((w) => w && !PRONOUNS.has(w))) {
    const [scene, question] = parts.splice(0, 2) as [QuestionPart, QuestionPart];
    const set = { ...question, context: [scene.content, question.context ?? ''].join(' ').trim(), carried: scene.content };
    // "the nec let ken off but the councillors got booted?? whats the reasoning": a why that asks
    // about the scene's two cases asks what sets them apart.
    if (question.type === 'why' && !question.contrast && CONTRAST.test(scene.text)) set.contrast = true;
    parts.unshift(set);
  }
  return { original, normalised, parts: parts.map((p, i) => (i === 0 ? p : carryPeople(parts[0]!, p))) };
}

function readPart(typed: string): QuestionPart {
  // "could someone tell me what ...", "can u list ...": the request around the question asks nothing;
  // "can you tell me if X" asks whether X.
  const { text: asked, source } = attributed(unwrap(typed));
  // "how did labour do in that seat last time, numbers pls": a figure is what is asked.
  const figures = FIGURES_WANTED.exec(asked);
  const text = figures ? asked.slice(0, figures.index) : asked;
  const type = figures && FIGURE_TYPES.has(questionType(text)) ? 'count' : questionType(text);
  // "did labour get legal advice or just wing it": the short alternative at the end of a yes/no
  // question is its other answer, not more of what to look for.
  // "was it fptp or av": two answers of a few words each, the whole question.
  const choice = type === 'yesno' ? (CHOICE_OF_THREE.exec(text) ?? CHOICE_OF_TWO.exec(text) ?? CHOICE.exec(text)) : null;
  let content = ` ${choice ? text.slice(0, choice.index) : type === 'yesno' ? text.replace(OR_JUST, '').replace(/\s+or\s+(?:\S+\s+){0,3}\S+$/, '') : text} `;
  const justifies = type === 'why' && JUSTIFY.test(text);
  const likelihood = (type === 'yesno' || type === 'what' || type === 'how') && ASKS_LIKELIHOOD.test(text);
  for (const filler of FILLERS) content = content.replace(filler, ' ');
  const words = content.split(/\s+/).map((w) => w.replace(/,$/, ''));
  content = words
    // "do anything", "did nothing", "what did he do about it": a verb of its own, not the question's auxiliary.
    // "how long before the vote": the vote is what the answer counts from, not a clause setting the
    // time (expand.ts weighs the words of "... after X" less).
    .filter((w, i) => w && !(likelihood && LIKELIHOOD_WORDS.has(w)) && !(type === 'list' && LIST_WORDS.has(w)) && !(type === 'count' && COUNT_WORDS.has(w)) && !(/^(?:before|after)$/.test(w) && /^(?:long|soon)$/.test(words[i - 1] ?? '')) && !(justifies && JUSTIFY_WORDS.has(w)) && !(type === 'why' && WHY_WORDS.has(w)) && (!QUESTION_WORDS.has(w) || (DO.has(w) && /^(?:anything|something|nothing|about)$/.test(words[i + 1] ?? ''))) && w !== '?' && !(type === 'when' && WHEN_WORDS.has(w)))
    .join(' ');
  // "whats the actual numbers", "what was it about": generic words ask about the previous part.
  if (content.split(' ').every((w) => GENERIC.has(w) || PRONOUNS.has(w))) content = '';
  // Not the rhetorical "wasnt it ..." at the start, nor the other answer in "... or not" at the end.
  // Nor "not just the councillors", "not only ken": more than those, no denial.
  const asserted = text.replace(/^(?:is it true|is it|was it|did|does|do|is|was|were|has|have|had)\s+(?:not|n't)\b/, '').replace(/\s+or\s+(?:not|nah|no)\s*$/, '').replace(/\bnot (?:just|only|merely)\b/g, '');
  const part: QuestionPart = { text, type, content, negated: NEGATION.test(asserted) };
  // "when did the 11 get the boot compared to when kens article went up": the event it is compared
  // with sets the time, as a clause with "after" does.
  const compared = type === 'when' ? COMPARED.exec(content) : null;
  if (compared) {
    part.content = content.slice(0, compared.index).trim();
    part.context = content.slice(compared.index + compared[0].length).trim();
  }
  // "who did ken stand against in 2000 when he went independent": a clause with "when" after the
  // question sets its time, as one with "after" does; its words need not be in the answer.
  // (Not what someone said "when asked ..." or "when he was at conference": there it is the occasion.)
  const clause = SET_IN_TIME.has(type) && !/\b(?:say|says|said|tell|told|asked)\b/.test(text) ? WHEN_CLAUSE.exec(text) : null;
  if (clause && !compared) {
    const setting = contentOf(clause[1]!);
    const words = setting.split(' ').filter(Boolean);
    if (words.length && words.length < part.content.split(' ').length) {
      part.content = part.content.split(' ').slice(0, -words.length).join(' ');
      part.context = `${part.context ?? ''} ${setting}`.trim();
    }
  }
  if (choice) {
    // "a labour mp or the tory guy": what names each answer, without its article or "guy".
    const named = (c: string) => c.replace(/^(?:a|an|the|his|her|their)\s+/, '').replace(/\s+(?:guy|bloke|one|person|lot)$/, '');
    part.choices = choice.slice(1).filter(Boolean).map((c) => named(c!));
    part.context = choice.slice(1).filter(Boolean).join(' ');
  }
  // "according to that blog": where the asker read it sets the scene; the sentence that answers
  // seldom names its own article.
  if (source) part.context = `${part.context ?? ''} ${contentOf(source)}`.trim();
  if (likelihood) part.likelihood = true;
  if (type === 'why' && CONTRAST.test(text)) part.contrast = true;
  // "whats the difference between their cases": what sets them apart, as a why that contrasts asks.
  if (type === 'what' && DIFFERENCE.test(text)) part.contrast = true;
  const found = FOCUS.exec(text);
  // ("how many councillors got done for ...": the thing counted, not the verb after it.)
  // ("how many people were expelled": people are what any count of the expelled is of.)
  const focus = found?.[1]?.split(' ').filter((w) => !QUESTION_WORDS.has(w) && !GENERIC.has(w) && !LIGHT_VERBS.has(w) && !(type === 'count' && (COUNT_WORDS.has(w) || COUNTED_PEOPLE.has(w))));
  // (What sets cases apart is said in words of its own: "the difference" need not be written.)
  if (focus?.length && !part.contrast) {
    part.focus = focus.join(' ');
    // "which ward", "what court": a kind of thing, which a name answers ("Spitalfields").
    if (/^(?:which|what) /.test(found![0]) && !/^what (?:is|was|are|were) /.test(found![0])) part.focusIsKind = true;
  }
  return part;
}

/** Question types whose closing "when" clause only sets the time (not "how was he treated when ..."). */
const SET_IN_TIME = new Set<QuestionType>(['who', 'which', 'why', 'where', 'count', 'list']);
/** A closing clause with "when" after the question's own words ("..., when he went independent"). */
const WHEN_CLAUSE = /\S\s+when\s+((?:\S+\s+){1,6}\S+)$/;

/** "compared to (when) ...", "relative to ...". */
const COMPARED = /\s+(?:compared|relative)\s+(?:to|with)\s+/;

/** "did miliband say anything or just hide behind the nec like usual": the asker's other answer, any length. */
const OR_JUST = /\s+or\s+(?:(?:did|does|was|is|were) (?:he|she|they|it|that)\s+)?(?:just|simply|only)\b.*$/;

/** "was it fptp or av", "was the mayoral fptp or av": two answers of up to four words each, after the subject. */
const CHOICE_OF_TWO = /(?<=^(?:was|is|were|are) (?:it|that|this|they|the \S+))\s+((?:\S+\s+){0,3}\S+)\s+or\s+(?!(?:not|no|nah|what|something|smth|anything|nothing|so|whatever)$)((?:\S+\s+){0,3}\S+)$/;
/** "... suspended, warned or expelled". */
const CHOICE_OF_THREE = /\s+([a-z0-9]+),\s+([a-z0-9]+),?\s+or\s+([a-z0-9]+)$/;
/**
 * Two one-word answers offered at the end of a yes/no ("... 1st or 2nd", "... in 2004 or 2008"); not
 * "or not", "or what" or "or just wing it", which only give the other answer.
 */
const CHOICE = /\s+([a-z0-9]+)\s+or\s+(?!(?:not|no|nah|what|something|smth|anything|nothing|so|whatever)$)([a-z0-9]+)$/;

/** A time clause of up to five words before a yes/no question's auxiliary. */
const LEADING_SCENE = new RegExp(`^(?:after|before|since|following|during)(?:\\s+\\S+){1,5}?\\s+(?=(?:${AUX})\\s+\\S)`);

/** Types that ask for a thing of their own (not a yes/no, nor a bare "what"). */
const ASKS = new Set<QuestionType>(['who', 'when', 'where', 'why', 'how', 'count', 'which', 'list']);

/** A part that is only a tag ("could he", "is not it"), after the statement it asks about. */
const BARE_TAG = new RegExp(`^(?:${AUX})(?:\\s+not)?\\s+(?:he|she|it|they|we|you|there|i)(?:\\s+not)?$`);

/** Words that set the event before the articles' own time ("his earlier expulsion", "kicked out before"). */
const EARLIER = /\b(?:earlier|previous|previously|prior|once before|the first time|last time)\b|\bbefore(?: though| tho)?$/;
/** True when a part of the question sets its event before the articles' own time. */
export function setsEarlier(text: string): boolean {
  return text.split('?').some((t) => EARLIER.test(t.trim()));
}

/** A question that only names a topic, before the real one. */
const TOPIC_INTRO = /^(?:what is|what are|whats) (?:this|that|all this|the deal|the story|going on|up) (?:about|with)\b/;

/** Words that stand for someone or something already said: no question of their own. */
const PRONOUNS = new Set(['he', 'she', 'it', 'they', 'him', 'her', 'them', 'his', 'their', 'that', 'this', 'there', 'ones', 'one']);

/** "was there a real chance of ...", "was X ever realistic / likely / on the cards", "how likely was ...". */
const ASKS_LIKELIHOOD = /\b(?:chance|chances|realistic|realistically|likely|unlikely|likelihood|probable|plausible|feasible|possible|possibility|on the cards|odds)\b/;
/** The words that only ask how likely: the judging sentence has its own ("never on the cards"). */
const LIKELIHOOD_WORDS = new Set(['chance', 'chances', 'realistic', 'realistically', 'likely', 'unlikely', 'likelihood', 'probable', 'plausible', 'feasible', 'possible', 'possibility', 'odds', 'real', 'ever', 'any', 'serious', 'on', 'cards']);

/** The words that ask for a list ("list the councillors", "names pls"). */
const LIST_WORDS = new Set(['list', 'name', 'names']);
/**
 * The words that ask for a count of everything ("how many ppl TOTAL", "altogether"), and the kind of
 * figure of "what % did labour get", which a quantity in per cent answers (answer-types.ts).
 */
const COUNT_WORDS = new Set(['total', 'altogether', 'overall', 'combined', 'percentage', 'percent', 'per', 'cent']);

/** Words for people in general: a count of them is of whoever the rest of the question says. */
const COUNTED_PEOPLE = new Set(['people', 'persons', 'folk', 'folks', 'individuals']);

/**
 * The question inside the chat around it: "ngl i dont get why ...", "could someone tell me what ...",
 * "can you tell me if X" (which asks whether X).
 */
function unwrap(typed: string): string {
  return (
    typed
      .replace(LEAD, '')
      .replace(REQUEST, '')
      // ("source for ken apologising": whether he did.)
      .replace(SOURCE_REQUEST, (found, offset: number, all: string) => (offset === 0 && !/^(?:who|whom|whose|what|whats|when|where|why|how|which)\b/.test(all.slice(found.length)) ? 'is it true that ' : ''))
      // (Not "if ken got expelled before how did he ...": a condition setting the scene of a question.)
      .replace(/^(?:if|whether)\s+(?!.*\b(?:how|why|what|who|when|where|which)\b)/, 'is it true that ')
      // "Would I be right in thinking that Mr Livingstone ...", "Is it the case that ...": whether so.
      .replace(/^(?:(?:would|am|was) i (?:be )?(?:right|correct|wrong) (?:in |to )?(?:thinking|saying|assuming|believing|think|say|assume)|(?:is|was) it (?:the case|so)|is it fair to say|would it be (?:fair|right|true) to say|am i to understand|i (?:have )?(?:heard|read) (?:it said|it claimed|somewhere)|i have heard)\s+(?:that\s+)?/, 'is it true that ')
      // "i thought the nec did discipline ken in the end": whether it did.
      .replace(/^(?:i thought|i always thought|i was told|i read|i remember)\s+(?:that\s+)?(?!(?:who|what|when|where|why|how|which)\b)/, 'is it true that ')
      // "was a tory win even likely, sounds like an excuse": the asker's comment after the question.
      .replace(/,\s*(?:sounds|seems|looks|feels) like\b.*$/, '')
      // "apart from lutfur who else does ken reckon ...": who is left out is no part of what to find.
      .replace(/^(?:apart from|aside from|besides|other than|except(?: for)?)\s+(?:\S+\s+){0,3}?(?=(?:who|whom|what|which|when|where|why|how)\b)/, '')
      // "who did ken run against in 2000, i thought it was oona king": the guess after the question.
      .replace(/,?\s+(?:i thought|i think|i reckon|thought|pretty sure|i was sure)\s+(?:it was|it were|he was|she was|they were|that was)\s+(?:\S+\s+){0,3}\S+$/, '')
      // "was it diane abbott who said ... ken should be expelled": who said it, Abbott a guess.
      .replace(/^(?:was|is) it\s+(?:\S+\s+){0,2}?\S+\s+(?=who\s)/, '')
      // "on which website ken published ...", "to whom did he ...": the question word leads.
      // "by how many votes did rahman win": so does "how many".
      .replace(/^(?:on|in|at|from|to|by|for|with|about|into|under)\s+(?=(?:which|what|whom|who|whose|how)\b)/, '') || typed
  );
}

/** What a question says it read somewhere: a writing, or the person who wrote it. */
const WRITING = String.raw`(?:blog posts?|blogs?|bloggers?|posts?|articles?|pieces?|statements?|reports?|stories|story|indy|independent|writers?|authors?|journos?|journalists?|reporters?|threads?|sites?|columns?)`;
const ATTRIBUTIONS = [
  // "according to ken, who picked abbas", "who nominated lutfur according to that rant blog"
  new RegExp(String.raw`^according to ((?:\S+ ){0,4}?\S+?),? (?=(?:who|whom|whose|what|whats|when|where|why|how|which|is|was|were|did|does|do|has|have|had)\b)`),
  new RegExp(String.raw`,? according to ((?:\S+ ){0,4}\S+)$`),
  // "why does the tower hamlets blogger reckon a tory win ...": what the writer reckons, asked as fact.
  new RegExp(String.raw`(?<=^(?:why|how come) )(?:does|did|do) ((?:the|that|this|one of the) (?:\S+ ){0,2}${WRITING}) (?:reckon|think|say|claim|believe|suggest|argue)s? (?:that )?`),
  // "that ranty blog says someone nominated lutfur", "the indy says 8 councillors were suspended"
  new RegExp(String.raw`(?<!\b(?:which|what) (?:\S+ )?)\b((?:the|that|this|his|her|their|\S+s) (?:\S+ ){0,2}?${WRITING}) (?:says|said|claims|reckons|thinks|argues|suggests) (?:that )?`),
  // "which far left group does the article say ken used to run with"
  new RegExp(String.raw`(?<=^(?:which|what|who|whom|when|where|how)\b.*?)\b(?:does|did|do) ((?:the|that|this|his|her) (?:\S+ ){0,2}?${WRITING}) (?:say|claim|reckon|think|suggest)s? (?:that )?`),
  // "does ken say anything about john biggs in his statement"
  new RegExp(String.raw`,? (?:in|on) ((?:his|her|their|the|that|this|\S+s) (?:\S+ ){0,2}?${WRITING})(?=$|,)`),
];

const NAMES_WRITING = new RegExp(String.raw`\baccording to\b|\b${WRITING}\b`);

/** The question without the writing it says it read, and that writing ("that rant blog"). */
function attributed(text: string): { text: string; source?: string } {
  // (Most questions name no writing: one look spares the patterns.)
  if (!NAMES_WRITING.test(text)) return { text };
  for (const pattern of ATTRIBUTIONS) {
    const found = pattern.exec(text);
    if (!found) continue;
    const rest = `${text.slice(0, found.index)} ${text.slice(found.index + found[0].length)}`.replace(/\s+/g, ' ').trim();
    if (rest.split(' ').length >= 3) return { text: rest, source: found[1]! };
  }
  return { text };
}

/**
 * "source for ken apologising", "what voting system was used, source?": asking for a source asks the
 * question; every answer cites one.
 */
const SOURCE_REQUEST = /^(?:(?:any|got a|need a|is there a)\s+)?sources?\s+(?:for|on)\s+(?:the\s+claim\s+(?:that\s+)?)?|,?\s+(?:(?:any|with|got a)\s+)?(?:sources?|src|citation|link)(?:\s+(?:pls|please))?$/;

/** A person's description or a topic as typed, without the request around it ("please tell me who is ..."). */
export function withoutRequest(typed: string): string {
  return fold(typed).trim().replace(LEAD, '').replace(REQUEST, '') || typed;
}

/** Chat words that open a question without being part of it ("ngl", "ok so", "tbh"). */
const LEAD = /^(?:(?:ngl|tbh|tbf|honestly|lol|lmao|ok|okay|so|and|but|hey|also|like|then|um|umm|hmm|right|wait|yo|fr|genuinely|seriously|precisely|exactly|roughly|basically|actually|just|go on|come on|hold on|hang on|wait a minute|wait a sec|pls|please|plz)\s*,?\s+)+/;

/** A polite or chatty request wrapped around the question. */
const REQUEST =
  /^(?:(?:can|could|would|will|pls|please)\s+(?:someone|somebody|anyone|anybody|you|u|ya|one of you)(?:\s+please)?(?:\s+(?:tell|remind|show)\s+(?:me|us)|\s+(?:explain|confirm|clarify|say|let me know|(?:happen to\s+)?know))?|(?:does|do|would|might)\s+(?:anyone|anybody|someone|you|u)\s+(?:happen to\s+)?know|any\s?one\s+know|i\s+(?:want|need|would like)\s+to\s+know|i\s+(?:am|was)\s+wondering|quick question|genuine question|honest question|serious question|(?:might|may|can|could) i ask|i (?:would|should) (?:like|be grateful) (?:to know|if (?:someone|anyone|you) could (?:tell me|explain|clarify))|(?:(?:pls|please|plz)\s+)?(?:tell|show|remind)\s+(?:me|us)(?:\s+please)?)\s*,?\s*|^i\s+(?:do not|cannot)\s+(?:get|understand|see)\s+(?=why|how|what|who|when|where|which|if|whether)|^i\s+(?:wonder|am wondering)\s+(?=why|how|what|who|when|where|which|if|whether)/;

/** "who was the X [for|in|of ...]", "what was the X", "how many X", "which X did": the thing asked about. */
const FOCUS =
  /^(?:what (?:is|was|are|were) (?:the )?names? of (?:the|a|an) |(?:who|what) (?:is|was|are|were) (?:the|a|an) |how many |(?:which|what) (?=[a-z]+ (?:did|does|do|was|were|is|are|has|have|had)\b))((?:[a-z]+ ){0,2}?[a-z]+)(?= (?:for|in|of|at|on|did|does|do|was|were|is|are|has|have|had|that|who|when|to)\b|$)/;

/** The search words of a text typed as it comes (a /when event, a topic): normalised, filler dropped. */
export function contentOf(text: string): string {
  return readPart(normalise(text).replace(/\?/g, ' ')).content;
}

/**
 * "why did abbas resign, did he bottle it": a he/she/they in a later part may be someone the first
 * part named; the first part's words go with it, for the answer code to find the names among them.
 */
function carryPeople(first: QuestionPart, later: QuestionPart): QuestionPart {
  return /\b(?:he|she|him|his|her|they|them)\b/.test(later.text) ? { ...later, carried: first.content } : later;
}

/**
 * "how did ken justify ...", "whats kens excuse for ...", "what was he trying to stop": a why question,
 * answered by the person's own reasons (ask.ts asks for their words).
 */
export const JUSTIFY =
  /^(?:how (?:did|does|do|can|could|would|will) (?:\S+ ){1,3}(?:justify|defend|explain|excuse)\b|what (?:is|was|were|are) (?:\S+ ){0,3}(?:excuse|justification|defen[cs]e|explanation|argument|reasoning|rationale)s?\b|what (?:is|was|were) (?:he|she|they|\S+) (?:trying|tryna|hoping|aiming|meant) to (?:stop|prevent|achieve|do|block|avoid)\b|what (?:reasons?|grounds|excuses?|justification) (?:did|does|do|has|have|had) (?:\S+ ){1,3}(?:give|gave|given|offer|offered|cite|cited|put forward)\b)/;
/** The words that ask for a justification, dropped from the search words with the other question words. */
/** Words that only ask why ("for what reason", "on what grounds", "what was the motive"). */
const WHY_WORDS = new Set(['reason', 'reasons', 'grounds', 'basis', 'motive', 'motives', 'purpose', 'reasoning', 'rationale']);
const JUSTIFY_WORDS = new Set(['justify', 'justified', 'defend', 'defended', 'explain', 'explained', 'explains', 'excuse', 'excuses', 'justification', 'defence', 'defense', 'explanation', 'argument', 'reasoning', 'rationale', 'trying', 'tryna', 'hoping', 'aiming', 'reason', 'reasons', 'grounds', 'give', 'gave', 'given', 'offer', 'offered', 'cite', 'cited']);

/** "what was that about", "what was it all about": the reason for what the question before told. */
const WHAT_ABOUT = /^what (?:is|was|were) (?:that|it|this|all that)(?: all)? (?:about|over|for)$/;

export function questionType(text: string): QuestionType {
  const t = unwrap(text).trim();
  // "what was the name of the tory guy": who; "whats the names of the cllrs": a list.
  if (/^what (?:is|was|are|were) (?:the )?names of\b/.test(t)) return 'list';
  if (/^what (?:is|was|are|were) (?:the )?name of\b/.test(t)) return 'who';
  // "what was rahman's winning margin": a figure.
  if (/^what (?:is|was|are|were) (?:\S+ ){0,3}(?:margin|majority|turnout|tally|vote count|percentage|share|vote share)\b/.test(t)) return 'count';
  if (/^(?:who|whom|whose)\b/.test(t) || /\bwho (?:was|is|were) (?:that|it|this|they)$/.test(t) || /\bwho did (?:that|it|this)$/.test(t)) return 'who';
  if (/^(?:when|what (?:date|year|day|month|time)|which (?:date|year|day|month))\b/.test(t) || /\bwhen$/.test(t)) return 'when';
  if (/^where\b/.test(t) || /\bwhere$/.test(t)) return 'where';
  // ("how does that make any sense": why it is so.)
  if (/^(?:why|how come|what for|(?:for |on )?what (?:reason|reasons|motive|basis|grounds)\b|how (?:does|did|do|is|was|can|could) (?:that|this|it) (?:even |possibly )?(?:make (?:any )?sense|fair|right|justified|allowed)\b)/.test(t) || /\b(?:why|what for)$/.test(t) || WHAT_ABOUT.test(t) || JUSTIFY.test(t)) return 'why';
  if (/^(?:how (?:many|much|big|long|large|often)|what (?:share|percentage|proportion|number|majority))\b/.test(t)) return 'count';
  if (/^(?:can you |could you )?(?:list|name)\b/.test(t) || /^(?:what|which) (?:were|are) the names\b/.test(t) || /\bnames\b/.test(t)) return 'list';
  if (/^which\b/.test(t)) return 'which';
  if (new RegExp(`^(?:is it true|is that true|${AUX})\\b`).test(t) || /\b(?:right|correct|true|innit|yes or no)$/.test(t) || /\b(?:did|does|do|is|was|has) (?:he|she|it|they) not$/.test(t)) return 'yesno';
  if (/^(?:what|whats)\b/.test(t)) return 'what';
  // "how did labour know they backed lutfur": the way something happened, a question of its own.
  if (new RegExp(`^how (?:${AUX})\\b`).test(t)) return 'how';
  return 'other';
}

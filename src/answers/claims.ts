/**
 * What a claim asserts, read from chat text: its assertions (a claim may make two), and for each the
 * pieces a source passage must match to support it: the content words (as concepts, each with the
 * paraphrases the sources may use), the people it names, the numbers and years it gives, whether it
 * is negated, and, for a reported claim ("X said that ..."), who is said to have said it.
 *
 * Hand-written because no library parses chat English into these roles: the rules are about the shape
 * of a sentence (tag questions, speech verbs, clause boundaries), not about particular claims.
 */
import { fold, termsOf, words } from '../retrieval/text.js';
import type { Lookup } from './lookup.js';
import { resolvePerson } from './persons.js';
import { type Concept, PARAPHRASE_WEIGHT, searchPlan } from './understand/expand.js';
import { CLAIM_FILLER, CLAIM_PARAPHRASES } from './understand/claim-words.js';
import { PARAPHRASES } from './understand/paraphrases.js';
import { VERB_FORMS } from './understand/irregular.js';
import { contentOf, normalise } from './understand/question.js';

export interface ClaimNumber {
  value: number;
  kind: 'year' | 'percent' | 'count' | 'ordinal';
  /** Search terms of the words right after the number ("councillors"), what it counts. */
  unit: string[];
  /** The number as the claim writes it. */
  text: string;
  /** Offset of the number in the text it was read from. */
  at: number;
}

export interface Assertion {
  /** The assertion's text, normalised (contractions expanded, number words as digits). */
  text: string;
  /** The proposition without its speech frame: "X said that P" → P. */
  content: string;
  /** For "X said/admits/claims that P": the words naming X ("greg hands", "his spokesman"). */
  speaker?: string;
  /** Concepts of the content, as the question-understanding module reads them (words and paraphrases). */
  concepts: Concept[];
  /** What to search the index for: the claim's words and the sources' words for them. */
  query: string;
  numbers: readonly ClaimNumber[];
  negated: boolean;
  /** Hypothetical or conditional ("if", "would", "should"): it asserts no fact. */
  modal: boolean;
  /** Concepts naming the act (verbs, verb phrases): a passage without them states another proposition. */
  predicates: Set<Concept>;
  /** The subject names something the sources never mention ("george galloway", "turnout"). */
  unknownSubject: boolean;
  /** The claim says its person was the one ("it was X who", "X himself", "X personally", "only X"). */
  exclusive: boolean;
  /** The subject's head concept when it is not a person ("the tories won"): a passage must be about it. */
  subject: Set<Concept>;
  /** Every concept of the subject (its names among them: "the green party"). */
  subjectWords: Set<Concept>;
  /** "X admitted he was ...": the speaker speaks of themself, in the first person. */
  selfReported: boolean;
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30,
  forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, dozen: 12,
};
const ORDINALS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4, '5th': 5 };

/**
 * Chat normalisation (understand/question.ts) that keeps the punctuation clauses are split on, and
 * writes percentages, thousands and the slang for money the way the numbers are read.
 */
export function normaliseChat(text: string): string {
  const t = text
    .replace(/[“”]/g, '"')
    .replace(/[‘’]/g, "'")
    .replace(/\b(\d+)\s*k\b/gi, '$1000')
    .replace(/\b(\d+) grand\b/gi, '$1000 pounds')
    .replace(/\s*(?:%|\bpercent\b|\bper cent\b)/gi, ' per cent')
    // "pro-ken", "anti-labour": for and against someone.
    .replace(/\bpro-(?=\p{L})/giu, 'supporting ')
    .replace(/\banti-(?=\p{L})/giu, 'opposing ')
    // A cleft says who did it: "it was X who did Y", "X was the one who did Y" → "X did Y".
    .replace(/\bit (?:was|is|were)\s+(.{2,40}?)\s+(?:who|that)\s+(?!(?:said|says|told|wrote|claimed)\b)/gi, '$1 personally ')
    .replace(/\b(?:is|was|were|are) (?:the|a) (?:one|ones|person|people|guy|man|woman) (?:who|that)\s+/gi, 'personally ')
    // "back in 2000" dates; it is not "backing" anyone.
    .replace(/\bback in (?=(?:1[89]|20)\d\d\b)/gi, 'in ')
    // Exclamations ("what a hypocrite", "make it make sense") judge, they do not claim.
    .replace(/[,.!]?\s*\b(?:what an?|make it make) [^,.;!?]*[!.]*$/i, '');
  // Each run between punctuation marks is normalised on its own, so the marks survive.
  return t
    .split(/([.,;:!?]+(?:\s+|$)|\s+-\s+)/)
    .map((piece, i) => (i % 2 ? piece.trim() + ' ' : normalise(piece).replace(/\?/g, '')))
    .join('')
    .replace(/\s+/g, ' ')
    .replace(/\s+([.,;:!?])/g, '$1')
    .trim();
}

/**
 * A tag question asserts its positive: "wasnt ken only let back in 2008" and "ken got expelled,
 * didnt he" both claim the positive, so their "not" is not the claim's negation.
 */
function dropTagQuestion(text: string): string {
  return text
    .replace(/^(?:(?:so|but|and|ok|wait|hang on)\s+)?(is|was|were|are|did|does|do|has|have|had) not\s+/i, '')
    .replace(/,?\s+(?:is|was|were|are|did|does|do|has|have|had) not (?:he|she|it|they|we|you|i)\s*\??\s*$/i, '')
    .replace(/,?\s+(?:right|no|innit|yeah|correct|true)\s*\??\s*$/i, '');
}

/** A cleft ("it was X who ...") rewritten keeps this word as its mark (a filler, never searched). */
const CLEFT_MARK = /\bpersonally\b/i;

/** Words whose presence makes a clause deny what it states. */
export const NEGATION =
  /\b\w+n['’]t\b|\b(?:not|never|no|none|nobody|nothing|neither|nor|without|refused|refuses|refuse|refusing|declined|declines|denied|denies|deny|denying|stops short of|stopped short of|decided against|warning against|warned against|warns against|argued against|arguing against|rather than|instead of|failure to|failed to|fails to)\b/gi;

const MODAL = /\b(?:if|would|could|should|might|may|whether|unless|supposed to)\b|\b(?:wants?|wanted|asked|urged|hopes?|hoped|expects?|expected|promised)\s+(?:[\p{L}'’]+\s+){0,3}to\b/iu;

/** Speech frames of a reported claim: "X said (that) P", "X admits P", "X's excuse is P". */
const SPEECH_VERB = 'said|says|say|claimed|claims|claim|admits|admitted|admit|wrote|writes|insisted|insists|argued|argues|told \\w+|tells \\w+|reckons|stated|states|confirmed|confirms|called it|called';
const REPORTED = [
  // "X wrote a piece on Y demanding P", "X put out a statement saying P": P is X's.
  /^(.{2,60}?)\s+(?:wrote|published|posted|put out|issued|filed|released)\s+(?:a|an|his|her|their)\s+(?:\w+\s+){0,2}?(?:piece|article|post|statement|blog|column|letter|op-ed|tweet)\b(?:\s+(?:on|in|for)\s+(?:\w+\s+){0,3}?)?\s*(?:demanding|saying|arguing|calling for|claiming|urging|insisting)\s+(?:that\s+)?(.+)$/i,
  new RegExp(`^(?:it was|its|it's)\\s+(.+?)\\s+who\\s+(?:${SPEECH_VERB})\\s+(?:on (?:his|her|their) \\w+\\s+)?(?:that\\s+)?(.+)$`, 'i'),
  new RegExp(`^(.{2,60}?)\\s+(?:${SPEECH_VERB})\\s+(?:on (?:his|her|their) \\w+\\s+)?(?:that\\s+)?(.+)$`, 'i'),
  /^(.{2,40}?)['’]s\s+(?:excuse|line|claim|argument|defence|defense|story|position|view)\s+(?:is|was)\s+(?:that\s+)?(.+)$/i,
];

/** A person or office can be a speaker; "it", "that" or a clause cannot. */
const SPEAKER_WORDS = /^(?:even\s+|then\s+|and\s+)*((?:the|a|an|his|her|their|labour's|labours|ken's|kens)?\s*[\p{L}'’ ()-]{2,50})$/iu;

/** Splits a claim into assertions: sentences, then clauses that each have their own verb. */
export function splitAssertions(normalised: string, clauses = true): string[] {
  const sentences = normalised
    .split(/(?<=[.!?;])\s+|\s+-\s+|\s*[;:]\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const out: string[] = [];
  for (const s of sentences) {
    if (!clauses) {
      out.push(s);
      continue;
    }
    // Clauses: after a comma, before "and/but" with a new subject and verb, and at a subordinator
    // ("even though they kept asking him", "because rahman asked"): each is asserted on its own.
    const parts = s.split(
      /,\s*(?:and\s+|but\s+|so\s+)?|\s+(?:and|but|while|whereas)\s+(?=\S+\s+(?:\S+\s+)?(?:was|were|is|are|got|had|has|did|said|\S+ed)\b)|\s+(?:even though|although|though|because(?! of)|since|whereas)\s+/i,
    );
    let current = '';
    for (const clause of parts.map((c) => c?.trim()).filter((c): c is string => !!c)) {
      // A clause without a verb ("the guy labour dumped", "landslide", "tories second") belongs to the one before.
      // So does an appositive ("the guy labour dumped") or a partitive ("8 of them sitting councillors").
      const continues = !hasVerb(clause) || words(clause).length < 3 || /^(?:the|a|an|who|which|whom|whose)\b|^\S+ of (?:them|those|whom|these)\b/i.test(clause);
      if (current && continues) current += `, ${clause}`;
      else {
        if (current) out.push(current);
        current = clause;
      }
    }
    if (current) out.push(current);
  }
  // A question followed by its answer ("who won X? gulam robbani right") is one assertion.
  const merged: string[] = [];
  for (const a of out) {
    const prev = merged.at(-1);
    if (prev && /^(?:who|what|whats|which|when|where|how)\b/i.test(prev) && !hasVerb(a)) {
      // "who won X? Y" claims "Y won X": the answer takes the question word's place.
      const who = /^(?:who|what|which)\s+(?!is\b|was\b|are\b|were\b)(.+?)\??$/i.exec(prev);
      merged[merged.length - 1] = who ? `${a} ${who[1]}` : `${prev} ${a}`;
    } else merged.push(a);
  }
  // Questions that assert nothing ("whats the actual rule here") are dropped when something else is claimed.
  const asserted = merged.filter((a) => !/^(?:who|what|whats|which|when|where|how|why)\b/i.test(a) || /\?\s*\S/.test(a));
  return asserted.length ? asserted : merged;
}

/** A verb form: a common verb, an -ed or -ing form, or an irregular form the understanding module lists ("broke", "hid"). */
export const VERB = { test: (w: string): boolean => VERB_PATTERN.test(w) || w.split(/\s+/).some((x) => VERB_FORMS.has(x.toLowerCase())) };
const VERB_PATTERN = /\b(?:is|was|were|are|be|been|got|get|gets|had|has|have|did|does|do|said|says|say|went|ran|run|runs|won|lost|made|told|let|came|gave|give|took|wrote|backed|dumped|kept|put|stood|left|called|asked|turned|admits|denies|refused)\b|\b\w{3,}(?:ed|ing)\b/i;
function hasVerb(clause: string): boolean {
  return VERB.test(clause);
}

/** Numbers, years, percentages and ordinals of a text, each with what it counts. */
export function numbersOf(text: string): readonly ClaimNumber[] {
  let found = numbersMemo.get(text);
  if (!found) {
    found = readNumbers(text);
    // Bounded: a check reads the same passages' numbers for every candidate and every claim.
    if (numbersMemo.size >= 20_000) numbersMemo.clear();
    numbersMemo.set(text, found);
  }
  return found;
}
const numbersMemo = new Map<string, readonly ClaimNumber[]>();

function readNumbers(text: string): ClaimNumber[] {
  const matches = [...fold(text).matchAll(/[\p{L}\p{N}]+(?:[.,]\d+)?|%|[,;:.!?()–—-]/gu)];
  const toks = matches.map((m) => m[0]);
  const out: ClaimNumber[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    let value: number | undefined;
    let kind: ClaimNumber['kind'] = 'count';
    if (/^\d+$/.test(t)) value = Number(t);
    else if (t in NUMBER_WORDS) value = NUMBER_WORDS[t];
    else if (t in ORDINALS) {
      value = ORDINALS[t];
      kind = 'ordinal';
    }
    if (value === undefined) continue;
    // "one rule for them", "no one": "one" is a number only before a counted noun or "of".
    if (t === 'one' && !/^(?:of|in)$/.test(toks[i + 1] ?? '')) continue;
    const after = toks.slice(i + 1, i + 5);
    const stop = after.findIndex((w) => /^[,;:.!?()–—-]$/.test(w));
    const next = stop < 0 ? after : after.slice(0, stop);
    if (kind === 'count' && /^\d{4}$/.test(t) && value >= 1900 && value <= 2099) kind = 'year';
    else if (kind === 'count' && (next[0] === 'per' || next[0] === '%')) kind = 'percent';
    const unit = next.filter((w) => !/^(?:per|cent|of|the|a|an|%|\d+)$/.test(w)).slice(0, 3).flatMap((w) => termsOf(w)).slice(0, 2);
    out.push({ value: value!, kind, unit, text: t, at: matches[i]!.index });
  }
  return out;
}

/** Reads one assertion: its speech frame, negation, numbers and concepts. */
/** "X said (that) P": the speaker's words and P, when the text is framed as someone's words. */
export function speechFrame(text: string): { speaker: string; content: string } | undefined {
  for (const re of REPORTED) {
    const m = re.exec(text);
    if (!m) continue;
    const who = SPEAKER_WORDS.exec(m[1]!.trim());
    if (!who || words(who[1]!).length > 6 || /^(?:it|that|this|there|which|so|and|but|i|you|we|they|he|she)$/i.test(who[1]!.trim())) continue;
    // "wrote a piece", "said a word": the verb has an object, not someone's words.
    if (/^(?:a|an)\s/i.test(m[2]!)) continue;
    const speaker = withoutFiller(contentOf(who[1]!.trim())) || who[1]!.trim();
    return { speaker, content: m[2]! };
  }
  return undefined;
}

/** Reads one assertion: its speech frame (or the one of the sentence it is part of), negation, numbers and concepts. */
export function readAssertion(lookup: Lookup, text: string, sentenceSpeaker?: string): Assertion {
  const frame = speechFrame(text);
  const content = frame?.content ?? text;
  const speaker = frame?.speaker ?? sentenceSpeaker;
  const negated = (content.match(NEGATION) ?? []).length % 2 === 1;
  const numbers = numbersOf(content);
  const numberTexts = new Set(numbers.map((n) => n.text));
  // Numbers are matched as numbers (a different value is a conflict, not a missing word).
  const plan = searchPlan(lookup, withoutFiller(contentOf(content)));
  // "per cent" belongs to its number.
  const percent = numbers.some((n) => n.kind === 'percent');
  const concepts = plan.concepts.filter((c) => !numberTexts.has(c.word) && !(percent && /^(?:per|cent|per cent)$/.test(c.word))).map((c) => withClaimParaphrases(lookup, c));
  const query = [plan.text, plan.alternativeText, ...numbers.map((n) => n.text), speaker ?? ''].join(' ').trim();
  // A relative clause describes ("the councillors who were expelled had signed ..."): its verb is not the act.
  const described = new Set([
    ...words(content.match(/\b(?:who|that|which)\s+(?:were|was|had been|have been|got|are|is)\s+(?:\w+ly\s+)?(\w+)/i)?.[1] ?? ''),
    // An appositive after a comma ("..., the guy labour dumped") describes someone; its verb is not the act.
    ...[...content.matchAll(/,\s*(?:the|a|an|who|which)\s+([^,.;]+)/gi)].flatMap((m) => words(m[1]!)),
  ]);
  // An act: a verb form, or an action word of the paraphrase lists that is not a noun ("back" in
  // "refused to back rahman", not "expulsions" in "the news of the expulsions").
  const predicates = new Set(concepts.filter((c) => (isPredicate(c.word) || (c.action && !/(?:ion|ions|ment|ments|s)$/.test(c.word))) && !isModifier(c.word, words(content)) && !c.word.split(' ').some((w) => described.has(w))));
  // The words before the first verb are the subject; when the sources use none of them
  // ("turnout", "jeremy corbyn"), or they name someone the sources do not ("george galloway",
  // "neil king"), the claim is about something they do not cover.
  const contentWords = words(content);
  const verbAt = contentWords.findIndex((w) => VERB.test(w));
  // The subject's head comes before any preposition ("turnout in the tower hamlets election").
  const prepAt = contentWords.findIndex((w) => /^(?:in|of|for|at|on|from|with|by|to|about)$/.test(w));
  const subjectEnd = Math.min(verbAt < 0 ? 0 : verbAt, 4, prepAt < 0 ? Infinity : prepAt);
  const subject = new Set(contentWords.slice(0, subjectEnd));
  const subjectConcepts = concepts.filter((c) => c.word.split(' ').every((w) => subject.has(w)));
  const unknownSubject =
    (subjectConcepts.length > 0 && subjectConcepts.every((c) => c.missing) && !namesPerson(lookup, subjectConcepts.map((c) => c.word).join(' '))) ||
    namesUnknownPerson(lookup, contentWords, new Set(concepts.filter((c) => c.missing).map((c) => c.word)));
  const modal = MODAL.test(content.replace(/\bwould not\b/g, ''));
  const exclusive = /\b(?:himself|herself|themselves|personally|only|the one|the ones|the person|the guy)\b/i.test(text) || /^it (?:was|is)\b/i.test(text) || CLEFT_MARK.test(text);
  // A word the sources never use where the verb stands ("the labour party sued ken") is an act they do not report.
  const unknownVerb = contentWords.findIndex((w, i) => i > 0 && /(?:ed|es)$/.test(w) && concepts.some((c) => c.missing && c.word === w));
  const verbSlot = verbAt >= 0 ? contentWords[subjectEnd] : contentWords[unknownVerb];
  for (const c of concepts) if (c.missing && verbSlot !== undefined && c.word.split(' ')[0] === verbSlot) predicates.add(c);
  // What must be in a passage: the subject's head noun (its last word: "the mayor vote" is a vote), and
  // check.ts adds any name it has ("the green party").
  const candidates = subjectConcepts.filter((c) => !c.missing && !namesPerson(lookup, c.word) && !lookup.nameTokens.has(c.word) && !GENERIC.test(c.word));
  const subjectSet = new Set(candidates.slice(-1));
  const selfReported = speaker !== undefined && /^(?:he|she)\b/i.test(content.trim());
  return { text, content, ...(speaker ? { speaker } : {}), concepts, query, numbers, negated, modal, predicates, unknownSubject, exclusive, subject: subjectSet, subjectWords: new Set(candidates), selfReported };
}

const CLAIM_FILLERS = [...CLAIM_FILLER].sort((a, b) => b.length - a.length).map((f) => new RegExp(`\\b${f.replace(/\s+/g, '\\s+')}\\b`, 'g'));
function withoutFiller(content: string): string {
  let t = ` ${content} `;
  for (const f of CLAIM_FILLERS) t = t.replace(f, ' ');
  return t.replace(/\s+/g, ' ').trim();
}

/**
 * The other ways users say the same act count as the sources' words too ("thrown out" for "kicked
 * out"): single words, and the verb of a verb-and-particle phrase.
 */
const SAY_ALIKE: { say: string; means: string[] }[] = [...PARAPHRASES, ...CLAIM_PARAPHRASES].flatMap((p) => {
  const verbs = p.say.flatMap((s) => {
    const w = s.split(' ');
    return w.length === 1 ? [s] : w.length === 2 && /^(?:out|off|up|down|in)$/.test(w[1]!) ? [w[0]!] : [];
  });
  return p.say.map((say) => ({ say, means: verbs.filter((v) => v.length >= 4) }));
});
const CLAIM_ENTRIES = [...CLAIM_PARAPHRASES.flatMap((p) => p.say.map((say) => ({ say, means: [...p.means] }))), ...SAY_ALIKE];
/** The claim paraphrases (understand/claim-words.ts) as further alternatives of a concept, weighted like the question ones. */
function withClaimParaphrases(lookup: Lookup, c: Concept): Concept {
  const extra = CLAIM_ENTRIES.filter((e) => e.say === c.word).flatMap((e) => e.means.flatMap((m) => [...termsOf(m)]));
  const found = extra.filter((t) => lookup.has(t) && !c.terms.includes(t) && !c.alternatives.has(t));
  if (!found.length) return c;
  const alternatives = new Map(c.alternatives);
  for (const t of found) alternatives.set(t, PARAPHRASE_WEIGHT);
  return { ...c, alternatives, missing: false, weight: c.missing ? Math.max(...found.map((t) => lookup.idf(t))) : c.weight };
}

/** Subjects that name no one in particular ("people got the boot", "everyone has to"). */
const GENERIC = /^(?:people|person|persons|everyone|everybody|someone|somebody|anyone|they|them|one|ones|guy|guys|lot|lots|folk|folks|members?)$/;

/** Verbs that say little by themselves ("went out on the campaign trail", "did a photo"). */
const LIGHT_VERB = /^(?:is|was|were|are|be|been|had|has|have|did|does|do|got|get|gets|went|go|goes|came|come|made|make|put|took|take|gave|give|kept|keep|let|turned|left|done|used|use|uses|using|counted|count|happened|became|seemed|going|getting|having|being)$/;

/** A participle used as an adjective ("the 8 expelled councillors"): it describes, it is not the act. */
function isModifier(word: string, ws: string[]): boolean {
  if (word.includes(' ')) return false;
  const i = ws.indexOf(word);
  if (i < 0) return false;
  const before = ws[i - 1] ?? '';
  const after = ws[i + 1] ?? '';
  return /^(?:the|a|an|those|these|their|his|her|its|our|\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)$/.test(before) && /^\p{L}{3,}$/u.test(after) && !/^(?:by|from|in|on|at|for|to|with|after|before|over|out)$/.test(after);
}

/** A verb or verb phrase: the act a claim is about. */
function isPredicate(word: string): boolean {
  const ws = word.split(' ');
  if (ws.length > 1) return VERB.test(word) || /^\w+ (?:out|back|in|up|off|down|against|for)$/.test(word);
  return VERB.test(word) && !LIGHT_VERB.test(word);
}

/**
 * A first name of the sources followed by a surname they lack ("george galloway"), or a surname
 * after a first name they lack ("neil king"): someone else than the person with that name.
 */
function namesUnknownPerson(lookup: Lookup, ws: string[], missing: ReadonlySet<string>): boolean {
  for (let i = 0; i + 1 < ws.length; i++) {
    const [a, b] = [ws[i]!, ws[i + 1]!];
    // A verb after a first name is what the person did ("ken wrote"), not their surname.
    if (VERB.test(a) || VERB.test(b)) continue;
    const firstKnown = missing.has(b) && (lookup.nameTokens.get(a) ?? []).some((p) => p.first === a || fold(p.first ?? '') === a);
    const lastKnown = missing.has(a) && (lookup.nameTokens.get(b) ?? []).some((p) => fold(p.last) === b);
    if ((firstKnown || lastKnown) && !namesPerson(lookup, `${a} ${b}`)) return true;
  }
  return false;
}

/** Every word names one person of the sources ("ken livingstone", not "george galloway"). */
function namesPerson(lookup: Lookup, text: string): boolean {
  return text.trim() !== '' && resolvePerson(lookup, text).kind === 'person';
}

/** The assertions of a claim as typed in chat. */
export function readClaim(lookup: Lookup, claim: string): Assertion[] {
  const normalised = dropTagQuestion(normaliseChat(claim));
  const assertions: Assertion[] = [];
  let texts: string[] = [];
  for (const sentence of splitAssertions(normalised, false)) {
    // "X said P and Q": both are X's words; after a comma ("..., and 6 hours later labour booted
    // 11 of them") the writer speaks again.
    const frame = speechFrame(dropTagQuestion(sentence));
    const groups = frame ? frame.content.split(/,\s*(?=(?:and|but|so|then)\s)/i) : [sentence];
    const clauses = groups.flatMap((g, i) => splitAssertions(g, true).map((c) => ({ c, speaker: i === 0 ? frame?.speaker : undefined })));
    for (const { c: clause, speaker } of clauses) {
      const text = dropTagQuestion(clause);
      const a = readAssertion(lookup, text, speaker);
      const previous = assertions.at(-1);
      // An ellipsis ("..., abbas did not") says nothing without the clause before it.
      if (previous && !hasOwnContent(lookup, a)) {
        texts[texts.length - 1] = `${texts.at(-1)} and ${text}`;
        assertions[assertions.length - 1] = readAssertion(lookup, texts.at(-1)!, previous.speaker);
        continue;
      }
      assertions.push(a);
      texts.push(text);
    }
  }
  texts = [];
  return assertions.filter((a) => a.concepts.length > 0 || a.numbers.length > 0);
}

/** Words of its own beyond the names of people. */
function hasOwnContent(lookup: Lookup, a: Assertion): boolean {
  // A number alone ("they got like 10% there") is said of what the clause before names.
  return a.concepts.some((c) => !(c.terms.length && c.word.split(' ').every((w) => lookup.nameTokens.has(w))));
}

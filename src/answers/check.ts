/**
 * `check CLAIM`: the passages that bear on a claim, each labelled supports, contradicts or context.
 *
 * A passage supports an assertion only when it states the same proposition: it covers the
 * assertion's words (or their paraphrases), involves the same people in the same roles, gives the
 * same numbers and years, and has the same polarity (no "decided not to", "denies", "refused",
 * "stops short of" where the claim has none). A reported claim ("X said that P") is supported only
 * by X saying P. A passage contradicts when it states the proposition with something else in one
 * slot: another number or year for the same thing, another known person doing it or saying it,
 * another place or kind, or the opposite polarity. Anything else that covers the claim is context.
 * A claim with several assertions gets the evidence for each; a contradicted part comes first,
 * since a claim with a false part is not true.
 */
import type { IndexedQuote, Passage } from '../retrieval/index.js';
import type { Mention } from '../retrieval/people.js';
import { sameWord, termsOf, words } from '../retrieval/text.js';
import { type Assertion, type ClaimNumber, NEGATION, numbersOf, readClaim, VERB } from './claims.js';
import { CLAIM_PARAPHRASES } from './understand/claim-words.js';
import { type Concept, conceptMatch } from './understand/expand.js';
import { PARAPHRASES } from './understand/paraphrases.js';
import { contrasts } from './understand/polarity.js';
import type { Lookup } from './lookup.js';
import { personsNamed } from './persons.js';
import type { Candidate } from './snippets.js';
import type { Stance } from './types.js';

export interface CheckedCandidate extends Candidate {
  stance: Stance;
}

/** Share of an assertion's information a passage (with its neighbours) must cover to bear on it at all. */
const BEARS = 0.45;
/** ... to support it. */
const SUPPORTS = 0.62;
/** ... to contradict it through a differing slot (the slot itself not counted). */
const CONTRADICTS = 0.7;
/** A conflict of person (rather than of number, polarity or speaker) counts for this share of its fit. */
const SWAP_DISCOUNT = 0.92;
/** Two sentences judged together count for this share of their fit, so one sentence wins a tie. */
const PAIR_DISCOUNT = 0.97;
/** Weight of a person or a number of the claim, against its words' (idf, about 1 to 5). */
const PERSON_WEIGHT = 3;
const NUMBER_WEIGHT = 3;
/** Candidate passages judged per assertion. */
const POOL = 120;
/** Two sentences are judged together only when short enough to quote as one snippet. */
const MAX_PAIR_LENGTH = 420;

interface Token {
  start: number;
  end: number;
  word: string;
  terms: readonly string[];
}

/** One sentence, or two consecutive sentences of a paragraph ("He has refused." after who asked him). */
interface Unit {
  passages: Passage[];
  start: number;
  end: number;
}

interface Judged {
  unit: Unit;
  stance: Stance;
  /** How well the unit matches the assertion, 0..1 (the slot that differs counted as matched). */
  fit: number;
  relevance: number;
  /** Which rule decided the stance (for inspecting the checker). */
  why: string;
}

/** The assertions of a claim and every unit judged for each, for inspecting the checker. */
export function explainCheck(lookup: Lookup, claim: string): { assertion: Assertion; judged: Judged[] }[] {
  return readClaim(lookup, claim).map((assertion) => ({ assertion, judged: judgeAll(lookup, assertion).sort(byFit) }));
}

export function check(lookup: Lookup, claim: string): CheckedCandidate[] {
  const assertions = readClaim(lookup, claim);
  const verdicts: { judged: Judged; order: number }[] = [];
  const others: Judged[] = [];
  assertions.forEach((a, i) => {
    const judged = judgeAll(lookup, a);
    const decisive = judged.filter((j) => j.stance !== 'context').sort(byFit);
    if (decisive[0]) verdicts.push({ judged: decisive[0], order: i });
    others.push(...judged.filter((j) => j !== decisive[0]));
  });
  if (verdicts.length === 0) return [];
  // A false part makes the claim false: its evidence is shown first.
  verdicts.sort((x, y) => rank(y.judged.stance) - rank(x.judged.stance) || x.order - y.order);
  const out: CheckedCandidate[] = [];
  const seen = new Set<number>();
  const push = (j: Judged, score: number) => {
    const ids = j.unit.passages.map((p) => p.id);
    if (ids.some((id) => seen.has(id))) return;
    for (const id of ids) seen.add(id);
    const first = j.unit.passages[0]!;
    out.push({ article: first.article, start: j.unit.start, end: j.unit.end, paragraph: first.paragraph, score, passages: ids, stance: j.stance });
  };
  verdicts.forEach((v, i) => push(v.judged, 1000 - i));
  others
    .filter((j) => j.stance !== 'context')
    .sort(byFit)
    .forEach((j) => push(j, 100 + j.fit));
  others
    .filter((j) => j.stance === 'context')
    .sort(byFit)
    .forEach((j) => push(j, j.fit));
  return out;
}

const rank = (s: Stance) => (s === 'contradicts' ? 2 : s === 'supports' ? 1 : 0);
const byFit = (a: Judged, b: Judged) => b.fit - a.fit || b.relevance - a.relevance || a.unit.start - b.unit.start;

interface Prepared {
  claimPeople: string[];
  speakerPeople: string[];
  concepts: Concept[];
  /** Each concept's weight; a word the sources never use counts no more than an average word. */
  weights: number[];
  /** Position of each concept's word among the claim's words, and of each claim person's name. */
  conceptAt: number[];
  personAt: Map<string, number>;
  /** Claim people said to be something ("X was the candidate"): their role may be on either side. */
  copula: Map<string, boolean>;
  /** The person a claim number is said of ("give lutfur their first preference", "ken got 68 percent"). */
  owners: Map<ClaimNumber, string>;
  /** The person a passive claim's act was done to ("ken got expelled"): the unit must do it to them. */
  patient?: string;
  /** The person right after the claim's act ("campaigning for rahman", "backed lutfur"): its object. */
  object?: string;
  /** The person before the claim's act, when active ("ken endorsed robbani"): its doer. */
  doer?: string;
}

function judgeAll(lookup: Lookup, a: Assertion): Judged[] {
  // A claim about something the sources never mention is not addressed by them, whatever else matches.
  if (!a.query || a.unknownSubject) return [];
  const { passages } = lookup.index.data;
  const claimPeople = peopleOf(lookup, a.content);
  const speakerPeople = a.speaker ? peopleOf(lookup, a.speaker) : [];
  const nameTerms = new Set(claimPeople.flatMap((id) => words(lookup.persons.get(id)!.name).flatMap(termsOf)));
  // People are matched as people (named in any form, or speaking), not as words.
  const concepts = a.concepts.filter((c) => !(c.terms.length && c.terms.every((t) => nameTerms.has(t))));
  const known = concepts.filter((c) => !c.missing).map((c) => c.weight);
  const average = known.length ? known.reduce((s, w) => s + w, 0) / known.length : lookup.idf('');
  const weights = concepts.map((c) => (c.missing ? Math.min(c.weight, average) : c.weight));
  const claimWords = words(a.content);
  const conceptAt = concepts.map((c) => claimWords.indexOf(c.word.split(' ')[0]!));
  const personAt = new Map<string, number>();
  for (const id of claimPeople) {
    const name = words(lookup.persons.get(id)!.name);
    personAt.set(id, claimWords.findIndex((w) => name.some((n) => w === n || w === `${n}s` || w === `${n}'s`)));
  }
  const copula = new Map<string, boolean>();
  for (const [id, at] of personAt) {
    // "X was the official candidate", "X is Labour's candidate": X is said to be something.
    const name = words(lookup.persons.get(id)!.name);
    let end = at;
    while (end + 1 < claimWords.length && name.some((n) => claimWords[end + 1] === n || claimWords[end + 1] === `${n}s`)) end++;
    const after = claimWords.slice(end + 1, end + 3).join(' ');
    copula.set(id, at >= 0 && /^(?:is|was|were|are) (?:the|a|an|labour's|labours|their|his|her|its|one|now|still)\b/.test(after));
  }
  const owners = new Map<ClaimNumber, string>();
  for (const n of a.numbers) {
    const at = words(a.content.slice(0, n.at)).length;
    let best: { id: string; d: number } | undefined;
    for (const [id, p] of personAt) {
      const d = Math.abs(p - at);
      if (p >= 0 && d <= 4 && (!best || d < best.d)) best = { id, d };
    }
    // Not across another number ("lutfur got 51 percent of first preferences"), nor a partitive "of first ...".
    const between = best ? a.numbers.some((m) => m !== n && Math.min(at, personAt.get(best!.id)!) < words(a.content.slice(0, m.at)).length && words(a.content.slice(0, m.at)).length < Math.max(at, personAt.get(best!.id)!)) : false;
    const partitive = /\bof\s*$/i.test(a.content.slice(0, n.at));
    if (best && !between && !partitive) owners.set(n, best.id);
  }
  // "ken got expelled", "lutfur was sacked": the person is who it was done to.
  let patient: string | undefined;
  for (const [id, at] of personAt) {
    if (at < 0) continue;
    const name = words(lookup.persons.get(id)!.name);
    let end = at;
    while (end + 1 < claimWords.length && name.includes(claimWords[end + 1]!)) end++;
    const adverb = '(?: (?:\\w+ly|already|just|only|even|also|then|once|ever|never|not))*';
    if (new RegExp(`^(?:(?:has|had|have) )?(?:was|were|got|get|gets|been|being|is|are)${adverb} (?:\\w+ed|thrown|kicked|booted|let|taken|given|sacked|beaten|chosen|picked)\\b`).test(claimWords.slice(end + 1, end + 7).join(' '))) patient = id;
  }
  // "campaigning for rahman", "backed lutfur": a person right after an act word is what it is done to or for.
  let object: string | undefined;
  for (const [id, at] of personAt) {
    const before = claimWords.slice(Math.max(0, at - 3), at);
    const actBefore = concepts.some((c) => a.predicates.has(c) && (before.at(-1) === c.word.split(' ').at(-1) || (/^(?:for|with|against|behind)$/.test(before.at(-1) ?? '') && before.at(-2) === c.word.split(' ').at(-1))));
    if (at >= 0 && actBefore) object = id;
  }
  // The doer: the person just before the first act word, in an active claim.
  const firstAct = Math.min(...concepts.flatMap((c, i) => (a.predicates.has(c) && conceptAt[i]! >= 0 ? [conceptAt[i]!] : [])));
  // A name followed by its verb ("ken endorsed", "ken has never backed"), not one modifying a noun ("the lutfur councillors").
  const nameEnd = (id: string, at: number) => {
    const name = words(lookup.persons.get(id)!.name);
    let end = at;
    while (end + 1 < claimWords.length && name.includes(claimWords[end + 1]!)) end++;
    return end;
  };
  const verbNext = (id: string, at: number) => {
    const next = claimWords.slice(nameEnd(id, at) + 1).find((w) => !/^(?:\w+ly|never|just|only|also|even|then|already|has|had|have|did|does|do|will|would)$/.test(w));
    return next !== undefined && VERB.test(next);
  };
  const doer = [...personAt.entries()].filter(([id, at]) => at >= 0 && at < firstAct && id !== patient && !copula.get(id) && verbNext(id, at)).sort((x, y) => y[1] - x[1])[0]?.[0];
  const prep: Prepared = { claimPeople, speakerPeople, concepts, weights, conceptAt, personAt, copula, owners, ...(patient ? { patient } : {}), ...(object ? { object } : {}), ...(doer ? { doer } : {}) };

  const results = lookup.index.postings.search(a.query, { ...lookup.passageSearch, limit: POOL });
  const judged: Judged[] = [];
  const done = new Set<string>();
  for (const r of results) {
    const p = passages[r.id]!;
    for (const unit of unitsAround(lookup, p)) {
      const key = `${unit.start}:${unit.end}:${p.article}`;
      if (done.has(key)) continue;
      done.add(key);
      const j = judge(lookup, a, unit, prep);
      if (j) judged.push({ ...j, fit: unit.passages.length > 1 ? j.fit * PAIR_DISCOUNT : j.fit, unit, relevance: r.score });
    }
  }
  return judged;
}

/**
 * The people a claim names. A short word matched to a name only up to a typo is more likely an
 * ordinary word ("pick" is not Peck): such a match is kept only for words of six letters or more
 * ("livingston", "rahmen").
 */
function peopleOf(lookup: Lookup, text: string): string[] {
  const typed = new Set(words(text).flatMap((w) => [w, w.replace(/'s$/, ''), w.replace(/s$/, '')]));
  return personsNamed(lookup, text)
    .filter((p) => words(p.name).some((n) => typed.has(n) || typed.has(n.replace(/s$/, ''))) || [...typed].some((w) => w.length >= 6 && words(p.name).some((n) => sameWord(w, n))))
    .map((p) => p.id);
}

/** The sentence alone, and with the sentence before or after it in its paragraph when both are short. */
function unitsAround(lookup: Lookup, p: Passage): Unit[] {
  const { passages } = lookup.index.data;
  const units: Unit[] = [{ passages: [p], start: p.start, end: p.end }];
  for (const [a, b] of [
    [passages[p.id - 1], p],
    [p, passages[p.id + 1]],
  ] as const) {
    if (!a || !b || a.article !== b.article || a.paragraph !== b.paragraph || b.end - a.start > MAX_PAIR_LENGTH) continue;
    units.push({ passages: [a, b], start: a.start, end: b.end });
  }
  return units;
}

/** Who (or what) is named at `m` does the act: before it in its clause, or after "by" in a passive. */
function doesIt(text: string, m: { start: number; end: number }, act: Token): boolean {
  if (m.end <= act.start) return act.start - m.end <= 80 && !/[.;:!?]\s/.test(text.slice(m.end, act.start));
  // The name must end the "by" phrase: in "run by Andy Newman, a prominent RESPECT activist" RESPECT only describes.
  return m.start >= act.end && /\bby\s+(?:the\s+)?(?:[\p{L}’',]+\s+){0,6}$/iu.test(text.slice(act.end, m.start)) && !/^\s+(?!(?:at|in|on|for|with|to|of|from|and|or|but|as|after|before|who|which|that|is|was|were|has|had|said)\b)\p{Ll}/u.test(text.slice(m.end, m.end + 12));
}

/**
 * The person undergoes the act: "Mr Rahman was ex-pelled", "Livingstone ..., having been expelled",
 * "expulsion of X", "action against X" — not "X warned against expelling people".
 */
function undergoes(text: string, m: Mention, act: Token): boolean {
  if (m.end <= act.start) {
    const between = text.slice(m.end, act.start);
    // "X was expelled", "X, having been expelled", or in apposition "Lutfur Rahman, thrown out of ...".
    return between.length <= 80 && !/[.;:!?]\s/.test(between) && (/\b(?:was|were|been|being|be|is|are|got|gets|get)\s+(?:\w+ly\s+)?$/i.test(between) || /^\s*,\s*$/.test(between));
  }
  const between = text.slice(act.end, m.start);
  return between.length <= 12 && /^\s*(?:of|against)\s+$/i.test(between);
}

const NOUN_ENDING = /(?:ion|ions|ment|ments)$/i;
/** What users say that the sources put as a denial ("let off" → "not to take action", "no action", "refused"). */
const NEGATIVE_SAY = new Set(
  [...PARAPHRASES, ...CLAIM_PARAPHRASES].filter((p) => p.means.some((m) => new RegExp(NEGATION.source, 'i').test(m))).flatMap((p) => p.say),
);
/** For each word users write, the nouns the paraphrase lists give for it ("kicked out" → expulsion). */
const ACT_NOUNS = new Map<string, Set<string>>();
for (const p of [...PARAPHRASES, ...CLAIM_PARAPHRASES]) {
  const nouns = p.means.filter((m) => NOUN_ENDING.test(m)).flatMap((m) => [...termsOf(m)]);
  for (const say of p.say) for (const n of nouns) (ACT_NOUNS.get(say) ?? ACT_NOUNS.set(say, new Set()).get(say)!).add(n);
}
function nounFor(c: Concept, t: Token): boolean {
  return t.terms.some((x) => c.terms.includes(x) || (ACT_NOUNS.get(c.word)?.has(x) ?? false));
}

/** A passage's mentions, with the he/she of a sentence naming no one as the person it refers to. */
function mentionsIn(lookup: Lookup, p: Passage): Mention[] {
  const pronoun = lookup.pronounSubject.get(p.id);
  if (!pronoun) return p.mentions;
  return [...p.mentions, ...pronoun.persons.map((person): Mention => ({ person, start: pronoun.start, end: pronoun.end, form: 'surname', cues: ['pronoun'] }))];
}

/** How much a set of terms covers each concept: 1 for the claim's own word, less for a paraphrase. */
function hits(concepts: Concept[], set: ReadonlySet<string>): number[] {
  return concepts.map((c) => conceptMatch(c, set));
}

function isConceptTerm(c: Concept, term: string): boolean {
  // A phrase ("take action") has no term of its own: its words stand for it.
  return c.terms.includes(term) || (c.alternatives.get(term) ?? 0) >= (c.terms.length ? 0.8 : 0.4);
}

function judge(lookup: Lookup, a: Assertion, unit: Unit, prep: Prepared): Omit<Judged, 'unit' | 'relevance'> | undefined {
  const { passages, articles } = lookup.index.data;
  const first = unit.passages[0]!;
  const last = unit.passages.at(-1)!;
  const text = articles[first.article]!.text;
  const tokens = tokenize(text, unit.start, unit.end);
  const window = [passages[first.id - 1], passages[last.id + 1]].filter((n): n is Passage => n?.article === first.article);
  const windowTokens = window.flatMap((n) => tokenize(text, n.start, n.end));
  const own = termSet(tokens);
  const around = termSet([...tokens, ...windowTokens]);
  const mentions = unit.passages.flatMap((p) => mentionsIn(lookup, p));

  const inUnit = hits(prep.concepts, own);
  const inWindow = hits(prep.concepts, around);
  const total = prep.weights.reduce((s, w) => s + w, 0);
  const share = (h: number[]) => (total ? prep.weights.reduce((s, w, i) => s + w * h[i]!, 0) / total : 1);

  const involvedHere = (id: string) => unit.passages.some((p) => lookup.involves(p, id));
  const involvedAround = (id: string) => involvedHere(id) || window.some((n) => lookup.involves(n, id));
  const peopleHere = prep.claimPeople.filter(involvedHere).length;
  const peopleAround = prep.claimPeople.filter(involvedAround).length;
  const unitNumbers = numbersOf(text.slice(unit.start, unit.end));
  const windowNumbers = window.flatMap((n) => numbersOf(text.slice(n.start, n.end)));
  const numbersHere = a.numbers.filter((n) => unitNumbers.some((m) => sameNumber(n, m))).length;
  const numbersAround = a.numbers.filter((n) => [...unitNumbers, ...windowNumbers].some((m) => sameNumber(n, m))).length;
  // People and numbers count as concepts of their own.
  const outOf = total + PERSON_WEIGHT * prep.claimPeople.length + NUMBER_WEIGHT * a.numbers.length || 1;
  const fitOf = (conceptShare: number, people: number, numbers: number) => (conceptShare * total + PERSON_WEIGHT * people + NUMBER_WEIGHT * numbers) / outOf;
  const fitHere = fitOf(share(inUnit), peopleHere, numbersHere);
  const fitAround = fitOf(share(inWindow), peopleAround, numbersAround);
  let fit = (fitHere + fitAround) / 2;
  if (fit < BEARS - 0.15) return undefined;

  const missing = prep.claimPeople.filter((id) => !involvedHere(id));
  // The fit the unit would have if the slot that differs held the claim's value.
  const slotFit = (conceptShare: number, people = prep.claimPeople.length, numbers = a.numbers.length) => fitOf(conceptShare, people, numbers);

  const numbers = numberVerdict(a.numbers, unitNumbers, (n) => ownNumber(text, unit, mentions, prep.owners.get(n), n));

  // 1. Another known person in a claim person's role ("Ken Clark delivered the news", not Ken
  // Livingstone; "Abul Hussain, who in turn was expelled"): a person the claim does not name is the
  // one next to the act, and the claim's person is absent or further from it. Weaker than the
  // other conflicts: a unit naming the claim's person in that role outweighs it.
  const roles = share(inUnit) >= 0.5 ? rivalInRole(text, prep, mentions, tokens, inUnit) : undefined;
  // An act the unit states (someone else doing the very thing), not merely words in common.
  // An act is stated by a verb or by a noun its paraphrases name ("expulsion" for "kicked out"), not
  // by a noun that merely shares the stem of one of them ("election" for "elected", said of a win).
  const actsIn = prep.concepts.map((c, i) =>
    tokens.some((t) => (!NOUN_ENDING.test(t.word) || nounFor(c, t)) && t.terms.some((x) => isConceptTerm(c, x)))
      ? 1
      : inWindow[i]! && !a.predicates.has(c) ? inWindow[i]! : 0,
  );
  const predicatesOk = prep.concepts.every((c, i) => !a.predicates.has(c) || actsIn[i]! >= 0.8);
  // Someone else doing an act excludes the claim's person only when the claim says they were the one
  // ("it was X who", "X himself", "X personally", "X was the candidate"), or for someone's words.
  const exclusive = a.exclusive || ((roles?.copula ?? false) && !/\b(?:is|was|were|are) (?:a|an|one of)\b/i.test(a.content));
  if (roles?.rival && roles.claimPersonAbsentOrUnbound && exclusive && missing.length <= 1 && share(inUnit) >= CONTRADICTS && predicatesOk) {
    return { why: 'person-swap', stance: 'contradicts', fit: SWAP_DISCOUNT * slotFit(share(inUnit), prep.claimPeople.length, numbersAround) };
  }

  // A description given otherwise ("greg hands is a labour mp" / "Greg Hands, the Tory MP"), said of the claim's person.
  if ([...prep.copula.values()].some(Boolean) && !missing.length && contrasts(a.content, text.slice(unit.start, unit.end))) {
    return { why: 'description', stance: 'contradicts', fit: Math.max(fit, SUPPORTS) };
  }

  // 2. A reported claim: someone else said it.
  const speakers = speakersOf(lookup, unit);
  if (a.speaker && prep.speakerPeople.length && speakers.people.length && !speakers.people.some((s) => prep.speakerPeople.includes(s))) {
    // Only for words distinctive enough to be the same quotation (three or more of the claim's words).
    // (or, for a saying of common words, "one rule for them, one rule for Ken", most of its words).
    const said = words(a.content);
    const unitWords = new Set(words(text.slice(unit.start, unit.end)));
    const quoted = inUnit.filter((h) => h >= 0.8).length >= 3 || (said.length >= 6 && said.filter((w) => unitWords.has(w)).length >= 0.8 * said.length);
    if (quoted && share(inUnit) >= CONTRADICTS) return { why: 'speaker', stance: 'contradicts', fit: slotFit(share(inUnit), peopleAround, numbersAround) };
  }

  // 3. Another place or kind in a slot: "in Spitalfields" / "in Roman Road", "expenses fraud" / "benefit fraud".
  // (Not for a denial: "refused to campaign in Spitalfields" is not undone by campaigning in Roman Road.)
  const slot = a.negated ? undefined : slotConflict(lookup, a, tokens, prep.concepts, inUnit.map((h) => h > 0), lookup.properTerms());
  if (slot !== undefined) {
    const withSlot = share(inUnit.map((h, i) => (i === slot ? 1 : h)));
    if (slotFit(withSlot, peopleAround, numbersAround) >= CONTRADICTS) return { why: 'slot', stance: 'contradicts', fit: slotFit(withSlot, peopleAround, numbersAround) };
  }

  // Support needs everything: words, the act, people in their roles, numbers, the speaker, a plain
  // statement, the same polarity. With everything but the polarity, the unit contradicts.
  // Polarity is read where the claim's act is stated (the densest run of its words and numbers),
  // not at another verb of the sentence ("warning against expelling people, 11 were given the boot").
  const actNegated = negatedNear(text, unit, densest(tokens, prep.concepts, a.numbers));
  // A claim whose negation sits in a clause of its own ("rahman asked and abbas did not") is
  // compared with the unit as a whole too: it agrees when either reading agrees.
  const wholeNegated = (text.slice(unit.start, unit.end).match(NEGATION) ?? []).length % 2 === 1;
  // A paraphrase that is itself a denial ("let him off" → "not to take action", "refused"): where the
  // unit states it through that paraphrase, its negation is the claim's meaning, not a contradiction.
  const denials = prep.concepts.filter((c, i) => inUnit[i]! > 0 && !c.terms.some((t) => own.has(t)) && NEGATIVE_SAY.has(c.word)).length;
  const claimNegated = a.negated !== (denials % 2 === 1);
  const polarityAgrees = actNegated === claimNegated || wholeNegated === claimNegated;
  const speakerOk = !a.speaker || speakerMatches(lookup, a, unit, text, prep.speakerPeople, speakers);
  const peopleOk = peopleAround === prep.claimPeople.length;
  const numbersOk = numbers === 'match';
  const actTokens = tokens.filter((t) => t.terms.some((x) => prep.concepts.some((c) => a.predicates.has(c) && isConceptTerm(c, x))));
  // A question in the sources ("Will Livingstone urge ...?") asserts nothing.
  const question = /\?[”"’']*$/.test(text.slice(unit.start, unit.end).trim());
  const asserted = !question && (a.modal || !modalNear(text, unit, actTokens.length ? actTokens : densest(tokens, prep.concepts, a.numbers)));
  // A claim of one word besides names ("abbas got the most votes") cannot be told from passages that merely use it.
  const matchedConcepts = prep.concepts.filter((c, i) => inWindow[i]! >= 0.8 && !c.missing);
  const enough = matchedConcepts.length + a.numbers.length >= 2 || matchedConcepts.some((c) => a.predicates.has(c));
  // Unnamed in the act's sentence, the person must be the one the sentence before is about ("Ken
  // Livingstone faced calls ... / The veteran, selected ..., appeared with Lutfur Rahman"), not merely
  // someone near it.
  const about = (t: Token, person: string) => {
    const sentence = unit.passages.find((p) => p.start <= t.start && t.end <= p.end);
    // Named there (or as its he/she), the person's place is read from the words themselves.
    if (!sentence || mentionsIn(lookup, sentence).some((m) => m.person === person)) return false;
    const before = passages[sentence.id - 1];
    return before?.article === sentence.article && before.mentions[0]?.person === person;
  };
  const patientNamed = mentions.filter((m) => m.person === prep.patient);
  // Per act word, in its own sentence (a unit may be two).
  const inSentenceOf = (t: Token, ms: Mention[]) => {
    const sentence = unit.passages.find((p) => p.start <= t.start && t.end <= p.end);
    return ms.filter((m) => sentence && m.start >= sentence.start && m.end <= sentence.end);
  };
  const patientOk =
    !prep.patient ||
    !actTokens.length ||
    actTokens.some((t) => {
      const here = inSentenceOf(t, patientNamed);
      return here.length ? here.some((m) => undergoes(text, m, t)) : !patientNamed.length && about(t, prep.patient!);
    });
  // Likewise the object: named in the unit, it must follow the act ("endorsing Lutfur", "with Lutfur Rahman").
  const objectNamed = mentions.filter((m) => m.person === prep.object);
  const objectOk =
    !prep.object ||
    !actTokens.length ||
    (objectNamed.length > 0 &&
      actTokens.some((t) =>
        objectNamed.some(
          (m) =>
            m.start >= t.end &&
            m.start - t.end <= 60 &&
            !/[.;:!?…]|\bbut\b|\band\b|\brather than\b/.test(text.slice(t.end, m.start)) &&
            // No one else in between: "backing Mr Rahman rather than ... Helal Abbas" backs Rahman.
            !mentions.some((o) => o.person !== prep.object && o.start >= t.end && o.end <= m.start),
        ),
      ));
  // And the doer: named in the unit, they stand before the act (or after "by"), not after it as its object.
  const doerNamed = prep.doer ? mentions.filter((m) => m.person === prep.doer) : [];
  // Unnamed in the act's sentence, the doer must be the one the sentence before is about ("Ken
  // Livingstone faced calls ... / The veteran ... appeared with Lutfur Rahman"), not merely someone near.
  const aboutDoer = (t: Token) => about(t, prep.doer!);
  // In the doer's own words (a statement of theirs), the doer is "I".
  const ownWords = prep.doer !== undefined && !doerNamed.length && speakers.people.includes(prep.doer);
  const doerOk =
    !prep.doer ||
    !actTokens.length ||
    (ownWords
      ? actTokens.some((t) => /\b(?:I|we)\b[^.;:!?]{0,40}$/.test(text.slice(Math.max(unit.start, t.start - 45), t.start)))
      : actTokens.some((t) => {
          const here = inSentenceOf(t, doerNamed);
          return here.length ? here.some((m) => doesIt(text, m, t)) : aboutDoer(t);
        }));
  // The claim's subject, when not a person, is what the unit is about ("the tories won ...").
  // Only a named subject is required (a party, a body: "the tories", "the NEC"); "people" may be "members".
  const named = prep.concepts.filter((c) => a.subjectWords.has(c) && words(c.word).flatMap(termsOf).some((t) => lookup.properTerms().has(t)));
  // Any subject (a party, "the councillors") is what the unit or its neighbours are about.
  const subjectOk = prep.concepts.every((c, i) => !(a.subject.has(c) || named.includes(c)) || inWindow[i]! >= 0.8);
  // Where the unit names that subject, it is the doer: before the act, or after "by" ("a blog run by
  // Andy Newman, a prominent RESPECT activist" is not RESPECT running anything).
  const subjectTokens = tokens.filter((t) => named.some((c) => t.terms.some((x) => isConceptTerm(c, x))));
  const subjectDoes = !subjectTokens.length || !actTokens.length || actTokens.some((t) => subjectTokens.some((m) => doesIt(text, m, t)));
  // "Ken admitted he was campaigning": his own words, in the first person, at the act.
  const selfOk = !a.selfReported || actTokens.some((t) => /\b(?:I|I['’]m|I['’]ve|me|my|we)\b/.test(text.slice(Math.max(unit.start, t.start - 30), t.start)));
  const checks: [boolean, string][] = [
    [fit >= SUPPORTS && enough, 'fit'],
    [subjectOk && selfOk, 'subject'],
    [predicatesOk, 'act'],
    [!roles?.rival && (roles ? !roles.copula || roles.claimBound : ![...prep.copula.values()].some(Boolean)) && patientOk && objectOk && doerOk && subjectDoes, 'role'],
    [fitHere >= 0.5, 'unit'],
    [peopleOk, 'people'],
    [numbersOk, 'numbers'],
    [speakerOk, 'speaker'],
    [asserted, 'modal'],
    [polarityAgrees, 'polarity'],
  ];
  if (checks.every(([ok]) => ok)) return { why: 'supports', stance: 'supports', fit };
  if (checks.every(([ok, name]) => ok || name === 'polarity')) return { why: 'polarity', stance: 'contradicts', fit };
  // The same event with another number or year ("readmitted in 2004", not 2008): the number's place counted as matched.
  if (numbers === 'conflict' || numbers === 'owned-conflict') {
    const here = fitOf(share(inUnit), peopleHere, a.numbers.length);
    const withNumber = (here + fitOf(share(inWindow), peopleAround, a.numbers.length)) / 2;
    // A number said of a person needs that person, not every one the claim names ("first preference over abbas").
    const ownersHere = [...prep.owners.values()].some((id) => involvedHere(id));
    const relaxed = ['numbers', 'fit', 'unit', ...(ownersHere ? ['people'] : [])];
    if (withNumber >= SUPPORTS - (ownersHere ? 0.1 : 0) && here >= 0.5 && checks.every(([ok, name]) => ok || relaxed.includes(name))) {
      // Said of the very person, the other number is the stronger evidence.
      return { why: 'numbers', stance: 'contradicts', fit: numbers === 'owned-conflict' ? Math.min(1, withNumber + 0.1) : withNumber };
    }
  }
  fit = Math.min(fit, SUPPORTS - 0.01);
  const failed = checks.filter(([ok]) => !ok).map(([, name]) => name);
  return fit >= BEARS ? { why: `context: ${failed.join(',')}`, stance: 'context', fit } : undefined;
}

function tokenize(text: string, start: number, end: number): Token[] {
  const out: Token[] = [];
  const re = /[\p{L}\p{N}]+(?:['’‘-][\p{L}\p{N}]+)*/gu;
  const slice = text.slice(start, end);
  for (const m of slice.matchAll(re)) out.push({ start: start + m.index, end: start + m.index + m[0].length, word: m[0], terms: termsOf(m[0]) });
  return out;
}

function termSet(tokens: Token[]): Set<string> {
  const s = new Set<string>();
  for (const t of tokens) for (const x of t.terms) s.add(x);
  return s;
}

/** The same number: the same value, a year only for a year. */
function sameNumber(n: ClaimNumber, m: ClaimNumber): boolean {
  return m.value === n.value && (m.kind === n.kind || (m.kind !== 'year' && n.kind !== 'year'));
}

/**
 * 'match' when every number of the claim is in the passage; 'conflict' when the passage gives another
 * value for the same kind of thing (a year for a year, a share for a share, a count of the same
 * noun, an ordinal for an ordinal) and not the claim's; 'owned-conflict' when that other value is
 * said of the person the claim says it of; 'missing' otherwise.
 */
function numberVerdict(claim: readonly ClaimNumber[], passage: readonly ClaimNumber[], owned: (n: ClaimNumber) => ClaimNumber | undefined): 'match' | 'conflict' | 'owned-conflict' | 'missing' {
  let verdict: 'match' | 'missing' = 'match';
  const sameThing = (n: ClaimNumber, m: ClaimNumber) => n.kind === 'year' || n.kind === 'percent' || m.unit.some((u) => n.unit.includes(u));
  for (const n of claim) {
    // A number said of a person: the unit's number next to that person decides.
    const own = owned(n);
    if (own && sameThing(n, own)) {
      if (own.value !== n.value) return 'owned-conflict';
      continue;
    }
    if (passage.some((m) => sameNumber(n, m))) continue;
    // Another value is a rival only when the claim does not give that value itself ("first ... and second").
    if (passage.some((m) => m.kind === n.kind && m.value !== n.value && sameThing(n, m) && !claim.some((o) => o !== n && sameNumber(o, m)))) return 'conflict';
    verdict = 'missing';
  }
  return verdict;
}

/** The unit's number of the claim number's kind nearest to a mention of its owner, in the same sentence. */
function ownNumber(text: string, unit: Unit, mentions: Mention[], owner: string | undefined, n: ClaimNumber): ClaimNumber | undefined {
  if (!owner) return undefined;
  let best: { m: ClaimNumber; d: number } | undefined;
  for (const p of unit.passages) {
    const own = mentions.filter((m) => m.person === owner && m.start >= p.start && m.end <= p.end);
    if (!own.length) continue;
    for (const m of numbersOf(text.slice(p.start, p.end))) {
      if (m.kind !== n.kind) continue;
      const at = p.start + m.at;
      for (const x of own) {
        const [from, to] = x.end <= at ? [x.end, at] : [at, x.start];
        // Next to the person, with no one else between ("Helal Abbas and Lutfur Rahman ... their second").
        if (to - from > 35 || mentions.some((o) => o.person !== owner && o.start >= from && o.end <= to)) continue;
        if (!best || to - from < best.d) best = { m, d: to - from };
      }
    }
  }
  return best?.m;
}

/**
 * A known person, not in the claim, in a claim person's place: the person mentioned nearest to the
 * unit's words for the claim's act (no clause boundary between), on the same side of them (doer
 * before, done-to after) as the claim's person is in the claim, or on either side when the claim
 * says what someone is ("X was the candidate the NEC imposed"), and nearer than any claim person.
 */
function rivalInRole(text: string, prep: Prepared, mentions: Mention[], tokens: Token[], inUnit: number[]): Roles | undefined {
  // The claim person closest to the act in the claim, and the act's first matched word.
  const acts = prep.concepts.flatMap((c, i) => (inUnit[i]! >= 0.8 && prep.conceptAt[i]! >= 0 ? [i] : []));
  if (!acts.length) return undefined;
  const anchorIndex = acts.reduce((best, i) => (prep.conceptAt[i]! < prep.conceptAt[best]! ? i : best));
  const people = [...prep.personAt.entries()].filter(([, at]) => at >= 0);
  if (!people.length) return undefined;
  const anchorAt = prep.conceptAt[anchorIndex]!;
  const [claimPerson, claimPos] = people.reduce((best, p) => (Math.abs(p[1] - anchorAt) < Math.abs(best[1] - anchorAt) ? p : best));
  const copula = prep.copula.get(claimPerson) ?? false;
  const claimBefore = claimPos < anchorAt;
  // Only the doer (or what someone is said to be) is compared: objects and obliques ("at lutfur's
  // press conference") are phrased too many ways to tell a swap from another wording.
  if (!claimBefore && !copula) return { copula, claimBound: true };
  // The act in the unit: where the most of the claim's matched concepts sit together.
  const conceptsAt = tokens.map((t) => prep.concepts.findIndex((c) => t.terms.some((x) => isConceptTerm(c, x))));
  let first = -1;
  let bestCount = 0;
  conceptsAt.forEach((ci, i) => {
    if (ci < 0) return;
    const near = new Set(conceptsAt.slice(i, i + 6).filter((x) => x >= 0));
    if (near.size > bestCount) {
      bestCount = near.size;
      first = i;
    }
  });
  if (first < 0) return undefined;
  let last = first;
  for (let k = first + 1; k < Math.min(tokens.length, first + 6); k++) if (conceptsAt[k]! >= 0) last = k;
  const act = { start: tokens[first]!.start, end: tokens[last]!.end };
  const gap = (m: Mention) => {
    const preceding = m.end <= act.start;
    const between = preceding ? text.slice(m.end, act.start) : text.slice(act.end, m.start);
    // "The news was delivered to members by ... Ken Clark": the doer of a passive comes after "by".
    const before = preceding || /\bby\b/i.test(between);
    // Saying what someone is binds only through apposition or a copula ("X, the candidate", "the
    // candidate X", "X is the candidate"), not across another verb ("X beat the candidate").
    const bound = copula
      ? between.length <= 40 && IDENTITY.test(between)
      : between.length <= 70 && !/[.;:!?]|\band\b|\bbut\b/.test(between);
    return { before, d: between.length, bound };
  };
  let best: { person: string; d: number } | undefined;
  for (const m of mentions) {
    if (prep.claimPeople.includes(m.person) || prep.speakerPeople.includes(m.person)) continue;
    const g = gap(m);
    if (!g.bound || (!copula && g.before !== claimBefore)) continue;
    if (!best || g.d < best.d) best = { person: m.person, d: g.d };
  }
  const own = mentions.filter((m) => m.person === claimPerson).map(gap);
  const claimBound = own.some((g) => g.bound && (copula || g.before === claimBefore));
  if (!best || own.some((g) => g.bound && g.d <= best!.d && (copula || g.before === claimBefore))) return { copula, claimBound };
  return { rival: best.person, copula, claimBound, claimPersonAbsentOrUnbound: !own.some((g) => g.bound) };
}

interface Roles {
  /** A person the claim does not name, in the claim person's role. */
  rival?: string;
  claimPersonAbsentOrUnbound?: boolean;
  /** The claim says what its person is; `claimBound`: the unit says it of them. */
  copula: boolean;
  claimBound: boolean;
}

/** What may stand between a person and what they are said to be: commas, articles, "is", "as", a possessive. */
const IDENTITY = /^[\s,–—-]*(?:(?:is|was|were|are|has been|had been|now|still|as|the|a|an|their|its|our|his|her|party['’]s|labour['’]s|[\p{L}]+['’]s|\p{Lu}\p{L}+|for [\p{L} ]{1,30}?,?)[\s,]+)*$/u;

/** Passage id → the quotations overlapping it, built once per index (a unit looks only its own up). */
const QUOTES_BY_PASSAGE = new WeakMap<object, Map<number, IndexedQuote[]>>();
function quotesAt(lookup: Lookup, id: number): IndexedQuote[] {
  let byPassage = QUOTES_BY_PASSAGE.get(lookup.index);
  if (!byPassage) {
    byPassage = new Map();
    for (const q of lookup.index.data.quotes) for (const p of q.passages) byPassage.set(p, [...(byPassage.get(p) ?? []), q]);
    QUOTES_BY_PASSAGE.set(lookup.index, byPassage);
  }
  return byPassage.get(id) ?? [];
}

function speakersOf(lookup: Lookup, unit: Unit): { people: string[]; labels: string[] } {
  const quotes = [...new Set(unit.passages.flatMap((p) => quotesAt(lookup, p.id)))];
  return { people: [...new Set(quotes.flatMap((q) => (q.person ? [q.person] : [])))], labels: quotes.map((q) => q.label) };
}

/** The unit is the speaker's words: quoted as theirs, or reported with a speech verb ("Tom Harris said on his blog that"). */
function speakerMatches(lookup: Lookup, a: Assertion, unit: Unit, text: string, speakerPeople: string[], speakers: { people: string[]; labels: string[] }): boolean {
  if (speakerPeople.length) {
    if (speakers.people.some((s) => speakerPeople.includes(s))) return true;
    if (speakers.labels.length) return false;
    const mentions = unit.passages.flatMap((p) => p.mentions).filter((m) => speakerPeople.includes(m.person));
    return mentions.some((m) => SPEECH_AFTER.test(text.slice(m.end, m.end + 60)) || SPEECH_BEFORE.test(text.slice(Math.max(0, m.start - 20), m.start)));
  }
  // A speaker described, not named ("his spokesman", "a labour source"): the description's nouns.
  const described = words(a.speaker!).flatMap(termsOf);
  const labelTerms = new Set(speakers.labels.flatMap((l) => words(l).flatMap(termsOf)));
  return described.some((t) => labelTerms.has(t));
}

const SPEECH = 'said|says|told|tells|insisted|insists|wrote|writes|argued|argues|claimed|claims|denied|denies|admitted|admits|confirmed|confirms|warned|urged|stated|added';
const SPEECH_AFTER = new RegExp(`^[^.;:!?]{0,45}?\\b(?:${SPEECH})\\b`, 'i');
const SPEECH_BEFORE = new RegExp(`\\b(?:${SPEECH})\\s*$`, 'i');

/** Negation cues a few words before the matched words, in their clause ("decided not to take action"), or "which he denies" after. */
/** The matched tokens of the densest run of the claim's concepts and numbers in a unit (within 8 words). */
function densest(tokens: Token[], concepts: Concept[], numbers: readonly ClaimNumber[]): Token[] {
  const values = new Set(numbers.flatMap((n) => [n.text, String(n.value)]));
  const keyOf = tokens.map((t) => {
    const ci = concepts.findIndex((c) => t.terms.some((x) => isConceptTerm(c, x)));
    if (ci >= 0) return `c${ci}`;
    const n = numbersOf(t.word)[0];
    return n && (values.has(String(n.value)) || values.has(t.word.toLowerCase())) ? `n${n.value}` : '';
  });
  let best: Token[] = [];
  let bestCount = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (!keyOf[i]) continue;
    const keys = new Set<string>();
    const run: Token[] = [];
    for (let k = i; k < Math.min(tokens.length, i + 8); k++) {
      if (!keyOf[k]) continue;
      keys.add(keyOf[k]!);
      run.push(tokens[k]!);
    }
    if (keys.size > bestCount) {
      bestCount = keys.size;
      best = run;
    }
  }
  return best;
}

function negatedNear(text: string, unit: Unit, matched: Token[]): boolean {
  if (!matched.length) return false;
  const seen = new Set<number>();
  for (const t of matched) {
    // A negation governs the act next to it ("decided not to take action", "no wave of expulsions"),
    // not one a few words off ("his failure to speak out about Labour's defeat").
    const before = text.slice(Math.max(unit.start, t.start - 28), t.end);
    const clause = before.split(/[,;:.!?–—]\s/).at(-1) ?? '';
    for (const m of clause.matchAll(NEGATION)) seen.add(t.end - clause.length + m.index);
  }
  let count = seen.size;
  const tail = text.slice(matched.at(-1)!.end, unit.end);
  if (/^[^.;]{0,60},\s*which (?:he|she|they|it) (?:denies|denied|deny)\b/i.test(tail)) count++;
  return count % 2 === 1;
}

const MODAL_CUE =
  /\b(?:if|would|could|should|might|may|whether|calls? for|calling for|faces?|faced|threat(?:ened)? (?:with|of)|believed to|warning notice that|(?:to )?(?:block|prevent|avoid|stop) (?:an? |the )?(?:[\p{L}]+ )?|(?:asked|asks|urged|urges|wants?|wanted|promised|hopes?|hoped|expects?|expected|repeatedly asked by [\p{L} ]+) (?:[\p{L}’']+ ){0,3}to)\b/iu;

/** Every matched word is hypothetical or demanded, not stated as fact ("calls for his expulsion"). */
function modalNear(text: string, unit: Unit, matched: Token[]): boolean {
  return matched.every((t) => {
    const before = text.slice(Math.max(unit.start, t.start - 30), t.start);
    return MODAL_CUE.test(before.split(/[,;:.!?]\s/).at(-1) ?? '');
  });
}

/**
 * A slot filled differently (the index of the claim's concept that differs): a word of the claim the
 * unit lacks, next to a word it has, where the unit has another word of the same sort in that place:
 * a capitalised name after the same preposition ("campaigned in Spitalfields" / "campaigned for Labour
 * in Roman Road"), or another modifier of the same noun ("expenses fraud" / "housing benefit fraud")
 * when the claim's modifier is a word the sources never use.
 */
function slotConflict(lookup: Lookup, a: Assertion, tokens: Token[], concepts: Concept[], matched: boolean[], proper: ReadonlySet<string>): number | undefined {
  const claimTokens = words(a.content);
  const conceptOf = (w: string) => concepts.findIndex((c) => c.word.split(' ').includes(w) || termsOf(w).some((t) => c.terms.includes(t)));
  const has = (t: Token, c: Concept) => t.terms.some((x) => isConceptTerm(c, x));
  for (let i = 0; i < claimTokens.length; i++) {
    const w = claimTokens[i]!;
    const ci = conceptOf(w);
    if (ci < 0 || matched[ci]) continue;
    const h = claimTokens[i + 1];
    const hi = h ? conceptOf(h) : -1;
    if (h && hi >= 0 && hi !== ci && matched[hi] && concepts[ci]!.missing && !/(?:ed|ing|ly)$/.test(w)) {
      const at = tokens.findIndex((t) => has(t, concepts[hi]!));
      const x = at > 0 ? tokens[at - 1]! : undefined;
      // Another noun in the modifier's place: a specific word, not an adjective ("former", "main").
      if (x && x.terms.length && !concepts.some((c) => has(x, c)) && /^\p{Ll}/u.test(x.word) && !/(?:ed|ing|ly|er|al|ous|ive|ful|ic|ish|est|ain)$/.test(x.word) && lookup.index.postings.documentFrequency(x.terms[0]!) <= 2) return ci;
    }
    const prep = claimTokens[i - 1];
    const verb = claimTokens[i - 2];
    const vi = verb ? conceptOf(verb) : -1;
    // (The claim's word must be a name the sources use, "Spitalfields", not "office".)
    if (prep && /^(?:in|at|from)$/.test(prep) && vi >= 0 && vi !== ci && matched[vi] && termsOf(w).some((t) => proper.has(t))) {
      const at = tokens.findIndex((t) => has(t, concepts[vi]!));
      if (at < 0) continue;
      const after = tokens.slice(at + 1, at + 6);
      const k = after.findIndex((t) => t.word.toLowerCase() === prep);
      const name = k >= 0 ? after[k + 1] : undefined;
      if (name && /^\p{Lu}/u.test(name.word) && !concepts.some((c) => has(name, c))) return ci;
    }
  }
  return undefined;
}

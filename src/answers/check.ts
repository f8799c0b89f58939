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
import type { Passage } from '../retrieval/index.js';
import { termsOf, words } from '../retrieval/text.js';
import { type Assertion, type ClaimNumber, NEGATION, numbersOf, readClaim } from './claims.js';
import type { Lookup } from './lookup.js';
import { personsNamed } from './persons.js';
import type { Candidate } from './snippets.js';
import type { Stance } from './types.js';
import { stanceParaphrases } from './understand/stance-lexicon.js';

export interface CheckedCandidate extends Candidate {
  stance: Stance;
}

/** Share of an assertion's information a passage (with its neighbours) must cover to bear on it at all. */
const BEARS = 0.45;
/** ... to support it. */
const SUPPORTS = 0.62;
/** ... to contradict it through a differing slot (the slot itself not counted). */
const CONTRADICTS = 0.6;
/** A conflict of person (rather than of number, polarity or speaker) counts for this share of its fit. */
const SWAP_DISCOUNT = 0.92;
/** Candidate passages judged per assertion. */
const POOL = 120;

interface Token {
  start: number;
  end: number;
  word: string;
  terms: readonly string[];
}

interface Judged {
  passage: Passage;
  stance: Stance;
  /** How well the passage matches the assertion, 0..1 (the slot that differs counted as matched). */
  fit: number;
  relevance: number;
  /** Which rule decided the stance (for debugging and tests). */
  why: string;
}

/** The assertions of a claim and every passage judged for each, for inspecting the checker. */
export function explainCheck(lookup: Lookup, claim: string): { assertion: Assertion; judged: Judged[] }[] {
  return readClaim(claim, stanceParaphrases).map((assertion) => ({ assertion, judged: judgeAll(lookup, assertion).sort(byFit) }));
}

export function check(lookup: Lookup, claim: string): CheckedCandidate[] {
  const assertions = readClaim(claim, stanceParaphrases);
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
    if (seen.has(j.passage.id)) return;
    seen.add(j.passage.id);
    const p = j.passage;
    out.push({ article: p.article, start: p.start, end: p.end, paragraph: p.paragraph, score, passages: [p.id], stance: j.stance });
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
const byFit = (a: Judged, b: Judged) => b.fit - a.fit || b.relevance - a.relevance || a.passage.id - b.passage.id;

function judgeAll(lookup: Lookup, a: Assertion): Judged[] {
  const query = [...a.concepts.flat(), ...a.numbers.map((n) => n.text), ...(a.speaker ? [a.speaker] : [])].join(' ');
  if (!query.trim()) return [];
  const { passages } = lookup.index.data;
  const claimPeople = personsNamed(lookup, a.content).map((p) => p.id);
  const speakerPeople = a.speaker ? personsNamed(lookup, a.speaker).map((p) => p.id) : [];
  const nameTerms = new Set(claimPeople.flatMap((id) => words(lookup.persons.get(id)!.name).flatMap(termsOf)));
  const concepts = a.concepts.filter((c) => !nameTerms.has(c[0]!));
  const weights = concepts.map((c) => conceptWeight(lookup, c));
  const results = lookup.index.postings.search(query, { ...lookup.passageSearch, limit: POOL });
  const judged: Judged[] = [];
  for (const r of results) {
    const p = passages[r.id]!;
    const j = judge(lookup, a, p, { claimPeople, speakerPeople, concepts, weights });
    if (j) judged.push({ ...j, passage: p, relevance: r.score });
  }
  return judged;
}

interface Prepared {
  claimPeople: string[];
  speakerPeople: string[];
  concepts: string[][];
  weights: number[];
}

/** A concept's weight: the rarity of the claim's word, or of the sources' word when the claim's is unknown. */
function conceptWeight(lookup: Lookup, concept: string[]): number {
  const df = (t: string) => lookup.index.data.termPassages[t] ?? 0;
  if (df(concept[0]!) > 0 || concept.length === 1) return lookup.idf(concept[0]!);
  const known = concept.filter((t) => df(t) > 0);
  return known.length ? Math.min(...known.map((t) => lookup.idf(t))) : lookup.idf(concept[0]!);
}

function judge(lookup: Lookup, a: Assertion, p: Passage, prep: Prepared): Omit<Judged, 'passage' | 'relevance'> | undefined {
  const { passages, articles } = lookup.index.data;
  const text = articles[p.article]!.text;
  const sentence = tokenize(text, p.start, p.end);
  const window = [passages[p.id - 1], passages[p.id + 1]].filter((n): n is Passage => n?.article === p.article);
  const windowTokens = window.flatMap((n) => tokenize(text, n.start, n.end));
  const own = termSet(sentence);
  const around = termSet([...sentence, ...windowTokens]);

  const matchedIn = (set: ReadonlySet<string>) => prep.concepts.map((c) => c.some((t) => set.has(t)));
  const inSentence = matchedIn(own);
  const inWindow = matchedIn(around);
  const total = prep.weights.reduce((s, w) => s + w, 0);
  const share = (m: boolean[]) => (total ? prep.weights.reduce((s, w, i) => s + (m[i] ? w : 0), 0) / total : 1);

  // People: each named person counts as one more concept.
  const involvedHere = (id: string) => lookup.involves(p, id);
  const involvedAround = (id: string) => involvedHere(id) || window.some((n) => lookup.involves(n, id));
  const PERSON_WEIGHT = 3;
  const peopleHere = prep.claimPeople.filter(involvedHere).length;
  const peopleAround = prep.claimPeople.filter(involvedAround).length;
  const weighted = (conceptShare: number, people: number) =>
    (conceptShare * total + PERSON_WEIGHT * people) / (total + PERSON_WEIGHT * prep.claimPeople.length || 1);
  const fitSentence = weighted(share(inSentence), peopleHere);
  const fitWindow = weighted(share(inWindow), peopleAround);
  let fit = (fitSentence + fitWindow) / 2;
  if (fit < BEARS - 0.15) return undefined;

  const matchedTokens = sentence.filter((t) => t.terms.some((x) => prep.concepts.some((c) => c.includes(x))));
  const otherPeople = p.mentions.filter((m) => !prep.claimPeople.includes(m.person) && !prep.speakerPeople.includes(m.person));
  const missing = prep.claimPeople.filter((id) => !involvedHere(id));
  // The fit the passage would have if the differing slot were the claim's.
  const slotFit = (conceptShare: number) => weighted(conceptShare, prep.claimPeople.length);

  // 1. Numbers and years: the same thing counted or dated differently.
  const numbers = numberVerdict(a.numbers, numbersOf(text.slice(p.start, p.end)));
  if (numbers === 'conflict' && slotFit(share(inWindow)) >= CONTRADICTS) return { why: 'numbers', stance: 'contradicts', fit: slotFit(share(inWindow)) };

  // 2. Another known person in a claim person's role ("it was Greg Hands who said ...", "Ken Clark
  // delivered the news"), the claim's person absent from the sentence or further from the act. Weaker
  // than the other conflicts: a passage naming the claim's person in that role outweighs it.
  const nearest = matchedTokens.length ? nearestPerson(p, matchedTokens) : undefined;
  const swapped =
    nearest !== undefined &&
    !prep.claimPeople.includes(nearest) &&
    !prep.speakerPeople.includes(nearest) &&
    roleBound(text, p, nearest, matchedTokens) &&
    (missing.length > 0 || prep.claimPeople.length === 1);
  if (swapped && prep.claimPeople.length && share(inSentence) >= CONTRADICTS + 0.1) {
    return { why: 'person-swap', stance: 'contradicts', fit: SWAP_DISCOUNT * slotFit(share(inSentence)) };
  }

  // 3. A reported claim: who said it.
  const speakers = speakersOf(lookup, p);
  if (a.speaker) {
    const saidByOther = prep.speakerPeople.length > 0 && speakers.people.length > 0 && !speakers.people.some((s) => prep.speakerPeople.includes(s));
    if (saidByOther && share(inSentence) >= CONTRADICTS + 0.1) return { why: 'speaker', stance: 'contradicts', fit: slotFit(share(inSentence)) };
  }

  // 4. Another place or kind in a slot: "in Spitalfields" / "in Roman Road", "expenses fraud" / "benefit fraud".
  const slot = slotConflict(lookup, a, sentence, prep.concepts, inSentence);
  if (slot && slotFit(share(inWindow) + slot.weight / (total || 1)) >= CONTRADICTS + 0.1) {
    return { why: 'slot', stance: 'contradicts', fit: slotFit(share(inWindow) + slot.weight / (total || 1)) };
  }

  // 5. Polarity: the passage denies what the claim asserts, or asserts what it denies.
  const passageNegated = negatedNear(text, p, matchedTokens);
  if (passageNegated !== a.negated && fit >= SUPPORTS - 0.05 && share(inSentence) >= 0.45) {
    return { why: 'polarity', stance: 'contradicts', fit };
  }

  // Support needs everything: words, people, numbers, the speaker, a plain statement.
  const speakerOk = !a.speaker || speakerMatches(lookup, a, p, window, prep.speakerPeople, speakers);
  const peopleOk = peopleAround === prep.claimPeople.length;
  const numbersOk = numbers === 'match';
  const asserted = a.modal || !modalNear(text, p, matchedTokens);
  if (fit >= SUPPORTS && share(inSentence) >= 0.4 && peopleOk && numbersOk && speakerOk && asserted && passageNegated === a.negated) {
    return { why: 'supports', stance: 'supports', fit };
  }
  fit = Math.min(fit, SUPPORTS - 0.01);
  return fit >= BEARS ? { why: `context ${[fit >= SUPPORTS ? '' : 'fit', share(inSentence) >= 0.4 ? '' : 'sentence', peopleOk ? '' : 'people', numbersOk ? '' : 'numbers', speakerOk ? '' : 'speaker', asserted ? '' : 'modal', passageNegated === a.negated ? '' : 'polarity'].filter(Boolean).join(',')}`, stance: 'context', fit } : undefined;
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

/**
 * 'match' when every number of the claim is in the passage; 'conflict' when the passage gives another
 * value for the same kind of thing (a year for a year, a share for a share, a count of the same
 * noun, an ordinal for an ordinal); 'missing' otherwise.
 */
function numberVerdict(claim: ClaimNumber[], passage: ClaimNumber[]): 'match' | 'conflict' | 'missing' {
  let verdict: 'match' | 'conflict' | 'missing' = 'match';
  for (const n of claim) {
    if (passage.some((m) => m.value === n.value && (m.kind === n.kind || (m.kind !== 'year' && n.kind !== 'year')))) continue;
    const rival = passage.some((m) => m.kind === n.kind && m.value !== n.value && (n.kind === 'year' || n.kind === 'percent' || m.unit.some((u) => n.unit.includes(u) || stanceParaphrases(u).some((x) => n.unit.includes(x)))));
    if (rival) return 'conflict';
    verdict = 'missing';
  }
  return verdict;
}

/** The person mentioned closest to the passage's words that match the claim. */
function nearestPerson(p: Passage, matched: Token[]): string | undefined {
  let best: { person: string; d: number } | undefined;
  for (const m of p.mentions) {
    const d = Math.min(...matched.map((t) => Math.max(0, t.start - m.end, m.start - t.end)));
    if (!best || d < best.d) best = { person: m.person, d };
  }
  return best?.person;
}

/** True when the person's mention is joined to the matched words without a clause boundary between. */
function roleBound(text: string, p: Passage, person: string, matched: Token[]): boolean {
  const m = p.mentions.find((x) => x.person === person)!;
  return matched.some((t) => {
    const between = t.start > m.end ? text.slice(m.end, t.start) : text.slice(t.end, m.start);
    return between.length <= 25 && !/[.;:!?]|\band\b/.test(between);
  });
}

function speakersOf(lookup: Lookup, p: Passage): { people: string[]; labels: string[] } {
  const quotes = lookup.index.data.quotes.filter((q) => q.passages.includes(p.id));
  return { people: [...new Set(quotes.flatMap((q) => (q.person ? [q.person] : [])))], labels: quotes.map((q) => q.label) };
}

/** The passage is the speaker's words, or names the speaker saying them nearby. */
function speakerMatches(lookup: Lookup, a: Assertion, p: Passage, window: Passage[], speakerPeople: string[], speakers: { people: string[]; labels: string[] }): boolean {
  if (speakerPeople.length) {
    if (speakers.people.some((s) => speakerPeople.includes(s))) return true;
    return speakers.people.length === 0 && [p, ...window].some((n) => speakerPeople.some((id) => lookup.involves(n, id)));
  }
  // A speaker described, not named ("his spokesman", "a labour source"): the description's words.
  const described = words(a.speaker!).flatMap(termsOf).filter((t) => !['ken', 'labour'].includes(t) || true);
  const labelTerms = new Set(speakers.labels.flatMap((l) => words(l).flatMap(termsOf)));
  const nouns = described.filter((t) => !/^(?:hi|her|their|the|a|an)$/.test(t));
  return nouns.length > 0 && nouns.some((t) => labelTerms.has(t));
}

/** Negation cues within a few words before (or a clause-final "which he denies" after) the matched words. */
function negatedNear(text: string, p: Passage, matched: Token[]): boolean {
  if (!matched.length) return false;
  let count = 0;
  const seen = new Set<number>();
  for (const t of matched) {
    const before = text.slice(Math.max(p.start, t.start - 45), t.start);
    const clause = before.split(/[,;:.!?–—]\s/).at(-1) ?? '';
    for (const m of clause.matchAll(NEGATION)) {
      const at = t.start - clause.length + m.index;
      if (seen.has(at)) continue;
      seen.add(at);
      count++;
    }
  }
  const tail = text.slice(matched.at(-1)!.end, p.end);
  if (/^[^.;]{0,60},\s*which (?:he|she|they|it) (?:denies|denied|deny)\b/i.test(tail)) count++;
  return count % 2 === 1;
}

const MODAL_CUE = /\b(?:if|would|could|should|might|may|whether|calls? for|calling for|faces?|faced|threat(?:ened)? (?:with|of)|believed to|warning notice that)\b/gi;

/** The matched words are hypothetical or demanded, not stated as fact ("calls for his expulsion"). */
function modalNear(text: string, p: Passage, matched: Token[]): boolean {
  return matched.every((t) => {
    const before = text.slice(Math.max(p.start, t.start - 30), t.start);
    const clause = before.split(/[,;:.!?]\s/).at(-1) ?? '';
    return MODAL_CUE.test(clause) && ((MODAL_CUE.lastIndex = 0), true);
  });
}

/**
 * A slot filled differently: a word of the claim that the passage lacks, next to a word it has,
 * where the passage has another word of the same sort in that place: a proper name after the same
 * preposition ("campaigned in Spitalfields" / "campaigned for Labour in Roman Road"), or another
 * modifier of the same noun ("expenses fraud" / "housing benefit fraud").
 */
function slotConflict(lookup: Lookup, a: Assertion, sentence: Token[], concepts: string[][], matched: boolean[]): { weight: number } | undefined {
  const claimTokens = words(a.content);
  const conceptOf = (w: string) => concepts.findIndex((c) => termsOf(w).some((t) => c[0] === t));
  const df = (t: string) => lookup.index.data.termPassages[t] ?? 0;
  for (let i = 0; i < claimTokens.length; i++) {
    const w = claimTokens[i]!;
    const ci = conceptOf(w);
    if (ci < 0 || matched[ci]) continue;
    // Modifier: "w h" in the claim, "x h" in the passage with x another content word.
    const h = claimTokens[i + 1];
    const hi = h ? conceptOf(h) : -1;
    if (h && hi >= 0 && matched[hi]) {
      const at = sentence.findIndex((t) => t.terms.some((x) => concepts[hi]!.includes(x)));
      const x = at > 0 ? sentence[at - 1]! : undefined;
      if (x && x.terms.length && !x.terms.some((tt) => concepts.some((c) => c.includes(tt))) && /^\p{Ll}/u.test(x.word) && df(termsOf(w)[0] ?? '') === 0) {
        return { weight: lookup.idf(concepts[ci]![0]!) };
      }
    }
    // Place: "in w" in the claim after a matched word; "in X" (a capitalised name) in the passage.
    const prep = claimTokens[i - 1];
    const verb = claimTokens[i - 2];
    const vi = verb ? conceptOf(verb) : -1;
    if (prep && /^(?:in|at|from|to)$/.test(prep) && vi >= 0 && matched[vi]) {
      const at = sentence.findIndex((t) => t.terms.some((x) => concepts[vi]!.includes(x)));
      if (at < 0) continue;
      const after = sentence.slice(at + 1, at + 6);
      const k = after.findIndex((t) => t.word.toLowerCase() === prep);
      const name = k >= 0 ? after[k + 1] : undefined;
      if (name && /^\p{Lu}/u.test(name.word) && !name.terms.some((tt) => concepts.some((c) => c.includes(tt)))) return { weight: lookup.idf(concepts[ci]![0]!) };
    }
  }
  return undefined;
}

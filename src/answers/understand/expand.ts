/**
 * A question's content words as the corpus knows them: each word becomes a concept that a passage
 * covers with the user's own word (fully) or with a paraphrase the corpus uses (partly, see
 * PARAPHRASE_WEIGHT), digits and number words stand for each other, possessives typed without an
 * apostrophe are found ("kens" → "ken"), and a word the corpus has in no form is kept as missing:
 * a question hinging on it cannot be answered from these sources.
 */
import { STOP_WORDS, terms, termsOf, words } from '../../retrieval/text.js';
import type { Lookup } from '../lookup.js';
import { LIGHT_VERBS, NUMBER_WORDS } from './chat.js';
import { isEnglish, nearEnglish, oneSlipFrom } from './english.js';
import { VERB_FORMS } from './irregular.js';
import { PARAPHRASES } from './paraphrases.js';

/** A paraphrase covers a concept this much: below the user's own word, everywhere. */
export const PARAPHRASE_WEIGHT = 0.8;
/**
 * A word the corpus has in no form weighs this many times the rarest word: a question hinging on
 * "turnout" or "Boris" is not answered by a passage that has its other words.
 */
const MISSING_WEIGHT = 2;
/**
 * An English word the corpus lacks weighs this many times the rarest word: nothing in a question
 * that asks for something (who, what, how many), where it is mostly the asker's own phrasing; fully
 * in one that asserts something (yes/no, why, when), where it may be the premise the sources lack
 * ("quitting the nec", "take labour to court").
 */
const ORDINARY_WEIGHT = { asks: 0, asserts: 1 };
/** A derivation of the user's word ("appearance" for "appeared") covers it this much. */
const DERIVATION_WEIGHT = 0.8;
/** Verbs that mean little without the rest of their phrase ("let" of "let back in", "got" of "got the boot"). */
const WEAK_HEADS = new Set('let get got gets getting take took taken give gave given ask asked asking put throw threw thrown turn turned show showed come came go went make made do did done side break broke stood stand ran run running'.split(' '));
/** One word of a phrase ("back" of "let back in") covers the phrase this much. */
const PHRASE_WORD_WEIGHT = 0.4;

export interface Concept {
  /** The word (or phrase) as the user wrote it, normalised. */
  word: string;
  /** Its search terms; matching any of them covers the concept fully. */
  terms: string[];
  /** Terms of the corpus's own words for it, with how much each covers. */
  alternatives: Map<string, number>;
  /** How much the concept weighs in coverage (its rarity in the corpus). */
  weight: number;
  /** True when neither the word nor any alternative occurs in the corpus (nor a near spelling). */
  missing: boolean;
  /** An action ("expelled", "backed"): where the question's roles meet. */
  action: boolean;
  /** The words say that something did not happen ("let him off", "bottled it"). */
  negative: boolean;
  /** Paraphrases of several words, which cover the concept only together ("wouldn’t come"). */
  together?: { terms: string[]; weight: number }[];
  /** The forms of a word the index does not search (a stop word), to find it written in a passage. */
  written?: string[];
  /** A phrase's own words: all of them in a passage is the phrase itself ("came second"). */
  allOf?: string[];
  /** In a clause that only sets the scene ("... before the nec parachuted abbas in"), or in context. */
  setting?: true;
  /** A word the corpus lacks that is the verb asserted of someone ("did ken apologise"). */
  predicate?: true;
  /** Its subject undergoes the action the articles tell ("rejoined" = was readmitted). */
  undergoes?: true;
  /** Missing, and an English word: the asker's phrasing, not a name the sources do not know. */
  ordinary?: true;
}

export interface Expansion {
  from: string;
  to: string;
  weight: number;
}

export interface SearchPlan {
  /** The user's words, for the main search. */
  text: string;
  /** The alternatives, for a second search weighted below the first. */
  alternativeText: string;
  concepts: Concept[];
  expansions: Expansion[];
}

interface Entry {
  say: string[];
  means: readonly string[];
  action: boolean;
  negative: boolean;
  headSays: boolean;
  undergoes: boolean;
}

/**
 * Paraphrase phrases, longest first, as word lists. Matched word for word, not by stem: the stemmer
 * makes "elected" and "election" one word, and an election is not a win.
 */
const ENTRIES: Entry[] = PARAPHRASES.flatMap((p) => p.say.map((s) => ({ say: s.split(' '), means: p.means, action: !p.thing, negative: p.negative ?? false, headSays: p.headSays ?? false, undergoes: p.undergoes?.includes(s) ?? false }))).sort((a, b) => b.say.length - a.say.length);
/** The entries by their first word, longest first: every word of every question is looked up. */
const BY_FIRST_WORD = new Map<string, Entry[]>();
for (const e of ENTRIES) {
  const list = BY_FIRST_WORD.get(e.say[0]!) ?? [];
  list.push(e);
  BY_FIRST_WORD.set(e.say[0]!, list);
}

/**
 * The concepts of a question's words. `context`: words that refine it without defining it (a tail
 * such as "was it close"), weighed as a time clause's words are.
 */
export function searchPlan(lookup: Lookup, content: string, asserts = false, context = ''): SearchPlan {
  const mainTokens = words(content).length;
  const tokens = words(`${content} ${context}`).map((w) => possessive(lookup, droppedG(lookup, w)));
  const concepts: Concept[] = [];
  const expansions: Expansion[] = [];
  // What the two searches are given: words as written, since the index stems them itself (and a
  // stem is not always its own stem: "ife" → "if", a stop word).
  const ownWords: string[] = [];
  const alternativeWords = new Set<string>();
  /** Inside a clause that sets the time of the main event ("... after the first time he got the boot"). */
  let setting = false;
  for (let i = 0; i < tokens.length; ) {
    if ((i >= mainTokens || TIME_CLAUSE.has(tokens[i]!)) && concepts.some((c) => c.weight > 0)) setting = true;
    // "got let off": the light verb gives way to the phrase after it.
    if (LIGHT_VERBS.has(tokens[i]!) && longestPhrase(tokens, i + 1) && (longestPhrase(tokens, i)?.gap.length ?? 1) > 0) {
      i++;
      continue;
    }
    const found = longestPhrase(tokens, i);
    const phrase = found?.entry;
    const span = phrase ? phrase.say.length : 1;
    const word = phrase ? phrase.say.join(' ') : tokens[i]!;
    // Words inside a split phrasal verb ("let [ken] back in") are read after it, as words of their own.
    if (found?.gap.length) tokens.splice(i + 1, found.gap.length + span - 1, ...found.gap);
    else i += span - 1;
    i++;
    // ("happend" is "happened" misspelt: as light.)
    if (!phrase && (LIGHT_VERBS.has(word) || (word.length >= 6 && !lookup.has(termsOf(word)[0] ?? '') && oneSlipFrom(word, (w) => LIGHT_VERBS.has(w))))) continue;
    // "kept dodging", "started backing": the aspect of the verb after it, not a verb of its own.
    if (!phrase && ASPECT.has(word) && (/ing$/.test(tokens[i] ?? '') || (tokens[i] === 'to' && TRYING.has(word)))) continue;
    // "the one ken kept dodging": a pronoun for something already named, not the number.
    if (!phrase && word === 'one' && /^(?:the|that|this|which)$/.test(tokens[i - 2] ?? '')) continue;
    const own = [...new Set(terms(word))];
    const alternatives = new Map<string, number>();
    const together: { terms: string[]; weight: number }[] = [];
    const alternative = (said: string, weight: number) => {
      const found = terms(said).filter((t) => !own.includes(t) && lookup.has(t));
      // "wouldn’t come", "not so far managed": such words say it only together ("come" alone is no
      // refusal); searched for each, they count when all are there.
      if (found.length > 1 && phrase?.means.includes(said)) together.push({ terms: found, weight });
      else for (const t of found) alternatives.set(t, Math.max(weight, alternatives.get(t) ?? 0));
      if (found.length === 0) return;
      alternativeWords.add(said);
      expansions.push({ from: word, to: said, weight });
    };
    // (With the irregular forms of a verb it gives: "go" of "going down" is "went" in an article.)
    for (const means of phrase?.means ?? []) for (const form of [means, ...(VERB_FORMS.get(means) ?? [])]) alternative(form, PARAPHRASE_WEIGHT);
    if (span === 1) for (const longer of derivations(lookup, own)) alternative(longer, DERIVATION_WEIGHT);
    // "was a tory win likely" is answered by "an unlikely event": the opposite, said with "un".
    if (span === 1 && /^[a-z]{4,}$/.test(word) && terms(`un${word}`).some((t) => lookup.has(t))) alternative(`un${word}`, DERIVATION_WEIGHT);
    for (const twin of numberTwins(word)) alternative(twin, 1);
    if (span === 1) for (const form of VERB_FORMS.get(word) ?? []) alternative(form, 1);
    const spelled = lookup.spelledOut.get(word);
    if (spelled) alternative(spelled, 1);
    if (own.length === 0 && alternatives.size === 0 && together.length === 0) continue;
    // Known: in the corpus, a near spelling of a word of it, or of a name ("abass" for Abbas).
    // Near spellings looked up once per word the corpus lacks (a fuzzy search of the vocabulary).
    const near = new Map(own.filter((t) => !lookup.has(t)).map((t) => [t, lookup.nearTerms(t)]));
    const known = own.filter((t) => lookup.has(t) || near.get(t)!.length > 0 || (span === 1 && lookup.similarNameTokens(word).length > 0));
    // A phrase means more than any one of its words: "back" alone (in "gaining back a seat") is not
    // "let back in". Its words count as weak alternatives, but for a verb that carries the meaning
    // ("campaign" of "campaign for"); a single word counts fully.
    let ownTerms = own;
    if (span > 1) {
      ownTerms = [];
      const [head] = terms(phrase!.say[0]!);
      for (const t of known) if (!alternatives.has(t)) alternatives.set(t, t === head && !WEAK_HEADS.has(phrase!.say[0]!) ? PARAPHRASE_WEIGHT : PHRASE_WORD_WEIGHT);
      if (known.length) alternativeWords.add(word);
    }
    // As rare as the user's own word; the alternatives' rarity only when the corpus lacks it (a rare
    // paraphrase must not make a common word weigh more).
    const ownKnown = known.filter((t) => lookup.has(t));
    // A typo weighs as the word it stands for ("livingstn" as "livingston").
    const asSpelled = ownKnown.length ? ownKnown : known.flatMap((t) => near.get(t) ?? []);
    const weighed = asSpelled.length ? asSpelled : [...alternatives.keys()].filter((t) => alternatives.get(t)! >= PARAPHRASE_WEIGHT);
    const weight = Math.max(0, ...(weighed.length ? weighed : known).map((t) => lookup.idf(t)));
    const unknown = known.length === 0 && alternatives.size === 0 && together.length === 0;
    // An English word the articles do not use says little ("rid", "saying") and weighs nothing, unless
    // it is what the question asks about ("what was the turnout"); an unknown word that is no English
    // word is a name the sources do not know ("boris"), which a question hinges on.
    const missing = unknown;
    // Three letters or fewer: chat shorthand no list has ("shd", "tf") far more often than a name.
    const ordinary = unknown && span === 1 && (isEnglish(word) || word.length <= 3 || nearEnglish(word));
    // An adverb in -ly ("obviously", "literally") is the asker's stance, never the premise; nor is
    // shorthand no list has ("vs", "tf").
    const stance = ordinary && (/ly$/.test(word) || (word.length <= 3 && !isEnglish(word)) || FUNCTION_WORDS.has(word));
    // (In the words that set the scene, an English word the sources lack is the asker's chat: "sorry
    // late to this thread, why ...".)
    const weighs = ordinary ? (setting ? 0 : ORDINARY_WEIGHT[asserts && !stance ? 'asserts' : 'asks'] * lookup.idf('')) : missing ? MISSING_WEIGHT * lookup.idf('') : weight;
    const concept: Concept = { word, terms: ownTerms, alternatives, weight: setting ? SETTING_WEIGHT * weighs : weighs, missing, action: !setting && (phrase?.action ?? false), negative: phrase?.negative ?? false };
    // A speech verb the index leaves out as too common ("telling", "said") is found in a passage's
    // text as written, in any of its forms ("who told me at the party conference"); as common as
    // the index takes it to be, it weighs little in how much of a question a passage covers.
    if (span === 1 && own.length === 0) {
      concept.written = [word, ...(VERB_FORMS.get(word) ?? [])];
      concept.weight *= SETTING_WEIGHT;
    }
    // "did ken admit he was campaigning": whether he said so is in his words (ask's speaker check),
    // not in the verb; the articles rarely write "admitted".
    if (!phrase && SPEECH_ACTS.has(word)) concept.weight *= SETTING_WEIGHT;
    // "tell people to": a phrase whose verb says it on its own is found written too ("he told me ...
    // that Abbas supporters should put Lutfur Rahman second").
    if (span > 1 && phrase!.headSays && terms(phrase!.say[0]!).length === 0) concept.written = [phrase!.say[0]!, ...(VERB_FORMS.get(phrase!.say[0]!) ?? [])];
    if (span > 1 && own.length > 1 && known.length === own.length) concept.allOf = own;
    if (together.length) concept.together = together;
    if (setting) concept.setting = true;
    if (phrase?.undergoes) concept.undergoes = true;
    if (ordinary) concept.ordinary = true;
    // "did ken apologise to miliband": the verb right after the person a question asserts something
    // of is what it asserts; when the articles never use it, they do not say so.
    const subject = tokens.slice(0, i - 1);
    if (asserts && ordinary && !stance && !setting && subject.length > 0 && subject.every((t) => SUBJECTS.has(t) || lookup.nameTokens.has(t))) concept.predicate = true;
    concepts.push(concept);
    if (ownTerms.length) ownWords.push(word);
  }
  // A question made mostly of words the articles never use is about something else ("london olympics
  // opening ceremony"), however ordinary the words: they weigh fully then.
  const ordinary = concepts.filter((c) => c.missing && c.weight === 0 && !c.setting);
  if (ordinary.length && ordinary.length >= concepts.length - ordinary.length) for (const c of ordinary) c.weight = lookup.idf('');
  return {
    text: ownWords.join(' '),
    alternativeText: [...alternativeWords].join(' '),
    concepts,
    expansions,
  };
}

/**
 * The search terms of a question's actions, its own words and their paraphrases; `main`: of its first
 * action only ("chucked ken out" of "chucked ken out for backing rahman").
 */
export function actionTermsOf(plan: SearchPlan, main = false): Set<string> {
  const actions = plan.concepts.filter((c) => c.action);
  return new Set((main ? actions.slice(0, 1) : actions).flatMap((c) => [...c.terms, ...c.alternatives.keys(), ...(c.together ?? []).flatMap((g) => g.terms)]));
}

/** Share of the concepts' weight a passage covers, given the terms it matched (own or alternative). */
export function conceptCoverage(concepts: readonly Concept[], matched: Pick<ReadonlySet<string>, 'has'>): number {
  let total = 0;
  let hit = 0;
  for (const c of concepts) {
    total += c.weight;
    hit += conceptMatch(c, matched) * c.weight;
  }
  return total ? hit / total : 0;
}

/** How much a set of matched terms covers one concept: 1 by its own word, less by a paraphrase. */
export function conceptMatch(c: Concept, matched: Pick<ReadonlySet<string>, 'has'>): number {
  if (c.terms.some((t) => matched.has(t)) || c.allOf?.every((t) => matched.has(t))) return 1;
  let best = 0;
  c.alternatives.forEach((w, t) => {
    if (w > best && matched.has(t)) best = w;
  });
  for (const g of c.together ?? []) if (g.weight > best && g.terms.every((t) => matched.has(t))) best = g.weight;
  return best;
}

/**
 * Words that open a clause setting the time of the main event: "when was ken let back in after the
 * first time he got the boot" dates the readmission, not the expulsion, whose words count less and
 * are not the action the answer must have.
 */
const TIME_CLAUSE = new Set(['after', 'before', 'since', 'following', 'until', 'while']);
const SETTING_WEIGHT = 0.35;

/**
 * Verbs of opinion or speech, whose clause is what a question asserts (premise.ts) and which the
 * words of the person before them tell (textsearch.ts).
 */
export const OPINION = /^(?:reckon|reckons|reckoned|think|thinks|thought|believe|believes|believed|say|says|said|claim|claims|claimed|feel|feels|felt|suggest|suggests|suggested|admit|admits|admitted)$/;

/** Verbs that tell how something was said, not what. */
const SPEECH_ACTS = new Set('admit admits admitted admitting deny denies denied denying confess confessed acknowledge acknowledged concede conceded'.split(' '));

/** Prepositions and pronouns the index keeps as words ("anyone inside labour"): no premise. */
const FUNCTION_WORDS = new Set(
  // The article's own writer ("why does the writer consider ..."), whom no article names so.
  // Degree words ("Mr Livingstone quite plainly broke the rules"): how much, not what was done.
  'inside outside within among amongst towards toward upon beside besides despite anyone anybody everyone everybody anything everything whatever whoever whichever yet writer author columnist journalist reporter quite rather very somewhat fairly pretty truly'.split(' '),
);

/** Pronouns and bodies a question may assert an action of (with named people, see `predicate`). */
const SUBJECTS = new Set(['he', 'she', 'they', 'the', 'labour', 'nec', 'party', 'councillors', 'mr']);

/** Verbs of aspect, before another verb's -ing form. */
const ASPECT = new Set(['keep', 'keeps', 'kept', 'keeping', 'start', 'started', 'starts', 'begin', 'began', 'continue', 'continued', ...'bother bothered try tried manage managed dare'.split(' ')]);
/** Of those, the ones also said with "to" ("bothered to campaign"). */
const TRYING = new Set('bother bothered try tried manage managed dare'.split(' '));

/** Most words a phrasal verb may have between its verb and its particle ("kicked [the councillors] out"). */
const MAX_GAP = 2;
/** The particles that make a phrasal verb separable ("let him back in"); "ran against" is not. */
const PARTICLES = new Set(['out', 'in', 'back', 'up', 'off', 'down', 'away', 'over', 'forward']);

/**
 * The longest paraphrase starting at token i, whole or, for a phrasal verb, split after its verb by
 * up to MAX_GAP words (returned as `gap`).
 */
function longestPhrase(tokens: string[], i: number): { entry: Entry; gap: string[] } | undefined {
  const candidates = BY_FIRST_WORD.get(tokens[i]!) ?? [];
  for (const entry of candidates) {
    const rest = entry.say.slice(1);
    if (rest.length === 0) continue;
    const maxGap = PARTICLES.has(rest[0]!) ? MAX_GAP : 0;
    for (let gap = 0; gap <= maxGap; gap++) {
      if (rest.every((w, k) => tokens[i + 1 + gap + k] === w)) return { entry, gap: tokens.slice(i + 1, i + 1 + gap) };
    }
  }
  const entry = candidates.find((e) => e.say.length === 1);
  return entry && { entry, gap: [] };
}

/** "kens" → "ken", "robbanis" → "robbani": a possessive typed without its apostrophe. */
/**
 * "backin", "doin", "keepin": an -ing written without its g, when the corpus lacks the word as typed
 * and has it with the g (or a paraphrase list knows it).
 */
function droppedG(lookup: Lookup, word: string): string {
  if (!word.endsWith('in') || word.length < 4) return word;
  const [own] = termsOf(word);
  if (own && lookup.has(own)) return word;
  const full = `${word}g`;
  const [withG] = termsOf(full);
  // "doin": "doing", a word too common to be searched, is what was meant all the same.
  if (withG === undefined) return STOP_WORDS.has(full) ? full : word;
  return lookup.has(withG) || BY_FIRST_WORD.has(full) ? full : word;
}

function possessive(lookup: Lookup, word: string): string {
  if (!word.endsWith('s') || word.length < 4) return word;
  const [own] = termsOf(word);
  if (own && lookup.has(own)) return word;
  const base = word.slice(0, -1);
  return lookup.nameTokens.has(base) ? base : word;
}

/**
 * Longer index terms built on a word's stem ("appear" → "appearance", "campaign" → "campaigner"):
 * the stemmer leaves derivations apart, and a user's verb is often the article's noun. Only stems of
 * five letters or more, and a few letters longer, so that short stems do not reach unrelated words.
 */
function derivations(lookup: Lookup, own: readonly string[]): string[] {
  return own.filter((t) => t.length >= 5).flatMap((t) => lookup.index.postings.withPrefix(t).filter((longer) => longer !== t && longer.length - t.length <= 4));
}

/** "8" ↔ "eight". */
function numberTwins(word: string): string[] {
  if (/^\d+$/.test(word)) {
    const w = NUMBER_WORDS[Number(word)];
    return w ? [w] : [];
  }
  const n = NUMBER_WORDS.indexOf(word);
  return n >= 0 ? [String(n)] : [];
}

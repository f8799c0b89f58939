/**
 * Query-time views of an index, so that a question only looks things up: which passages mention a
 * person (ranked), which quotations a person said, a search over quotation speakers and texts, and
 * how informative each search term is.
 *
 * What takes work to compute (each person's ranked passages, the quotation search index, the
 * acronyms the texts spell out, whom each he/she may be) is derived
 * once when the index is built (`deriveLookup`) and saved with it (`encodeLookup`/`decodeLookup`), so
 * that a start or a corpus swap only reads it; the rest is a few cheap maps made when the engine starts.
 */
import MiniSearch from 'minisearch';
import { checkOffsets, checkRange, InvalidIndex, runToEnd, type Section, type Sections, stringSections } from '../core/sections.js';
import { decodePostings, encodePostings } from '../retrieval/index-codec.js';
import type { IndexedQuote, Passage, SearchIndex } from '../retrieval/index.js';
import { MINISEARCH_OPTIONS, SEARCH_OPTIONS } from '../retrieval/index.js';
import { Postings, type PostingsSearchOptions } from '../retrieval/postings.js';
import type { Mention, Person } from '../retrieval/people.js';
import { sameWord, terms, typoAllowance, words } from '../retrieval/text.js';
import { personsNamed } from './persons.js';
import { isEnglish } from './understand/english.js';
import { rankIntroductions, type Introductions } from './who.js';

/** Paragraphs of an article a word must be in to be what the article is about (`topicTerms`). */
const TOPIC_PARAGRAPHS = 3;
/** Longest saved topic of one article (characters): a bound on what a damaged cache can make us read. */
const MAX_TOPIC = 100_000;
/** Characters either side of a name within which words describe that person (`termsNear`). */
const NEAR_NAME = 40;

export interface PersonMention {
  passage: Passage;
  mention: Mention;
}

interface QuoteDoc {
  id: number;
  /** The speaker as named, plus the text that describes them ("the flyer" + the sentence before). */
  speaker: string;
  text: string;
}

/** What the build derives for the lookup, saved with the index. */
export interface LookupData {
  /** Each person's passages (persons in index order), best introduction first: see who.ts. */
  introductions: { offsets: Int32Array; passages: Int32Array; scores: Float64Array };
  /** Quotations by speaker description ('speaker') and text ('text'). */
  quoteSearch: Postings;
  /** `spelledOut`'s entries, in order; found in the texts when absent. */
  spelledOut?: [string, string][];
  /** `pronounSubject`'s entries, in order (persons by index in the index's persons); resolved when absent. */
  pronouns?: { ids: Int32Array; start: Int32Array; end: Int32Array; offsets: Int32Array; persons: Int32Array };
  /** Each article's `topicTerms`, space-separated, in article order; read from the text when absent. */
  topics?: string[];
  /** `properTerms`, derived with the index; read from the texts when absent. */
  proper?: string[];
}

export class Lookup {
  readonly persons = new Map<string, Person>();
  readonly quotesOf = new Map<string, IndexedQuote[]>();
  /** Name tokens (folded) → persons having that token as first, middle or last name. */
  readonly nameTokens = new Map<string, Person[]>();
  /** Name tokens by length, so a typo search compares only words of a near length. */
  private readonly nameTokensByLength = new Map<number, string[]>();
  /** Typo matches already computed (queries repeat words); cleared when it grows past its bound. */
  private readonly similarMemo = new Map<string, string[]>();
  private readonly nameWordsMemo = new Map<string, string[]>();
  /**
   * Passage id → whom a sentence's he/she ("The veteran", ...) may be: the people named in the
   * sentence before (news sentences introduce someone, then go on "He was ..."). Which of them is
   * left open rather than guessed; a question naming one of them settles it.
   */
  readonly pronounSubject = new Map<number, { persons: string[]; start: number; end: number }>();
  /** Person id → nicknames the articles give them in quotes (Abul “Abs” Hussain), as folded words. */
  private readonly nicknames = new Map<string, string[]>();
  /**
   * Acronyms the articles spell out ("the NEC (National Executive Committee)", "Islamic Forum Europe
   * (IFE)"), both ways: folded acronym → its words, and the words → the acronym.
   */
  readonly spelledOut = new Map<string, string>();
  /** Passage ids holding a quotation whose speaker the article names or describes ("a Labour source"). */
  readonly quoted = new Set<number>();
  /** Passage id → persons who say it (quoted or in a reprinted statement). */
  readonly speakersOf = new Map<number, Set<string>>();
  /** Quotations by speaker description ('speaker') and text ('text'). */
  readonly quoteSearch: Postings;
  /** Passage id → 1 when the passage has a date expression (what `when` searches). */
  readonly dated: Uint8Array;
  /** Person id → the passages naming them, best introduction first (see who.ts). */
  private readonly introductions = new Map<string, Introductions>();
  private readonly passageCount: number;

  /**
   * @param derived What the build derived (`deriveLookup`); derived here when not given.
   * @param fill False only for `Lookup.create`, which fills the maps a slice at a time.
   */
  constructor(
    readonly index: SearchIndex,
    derived: LookupData = deriveLookup(index),
    fill = true,
  ) {
    this.passageCount = index.data.passages.length;
    this.dated = new Uint8Array(this.passageCount);
    this.quoteSearch = derived.quoteSearch;
    this.topics = derived.topics;
    if (derived.proper) this.properMemo = new Set(derived.proper);
    if (fill) runToEnd(this.fill(derived));
  }

  /** A lookup made a slice at a time (see runSliced), for a bot that swaps in a new index while it answers. */
  static *create(index: SearchIndex, derived: LookupData): Generator<void, Lookup> {
    const lookup = new Lookup(index, derived, false);
    yield* lookup.fill(derived);
    return lookup;
  }

  private *fill(derived: LookupData): Generator<void, void> {
    const { data } = this.index;
    for (const p of data.persons) {
      this.persons.set(p.id, p);
      for (const token of new Set(words(p.name))) {
        if (!this.nameTokens.has(token)) push(this.nameTokensByLength, token.length, token);
        push(this.nameTokens, token, p);
      }
      if (this.persons.size % 256 === 0) yield;
    }
    if (derived.spelledOut) for (const [from, to] of derived.spelledOut) this.spelledOut.set(from, to);
    else {
      for (let a = 0; a < data.articles.length; a++) {
        this.findAcronyms(data.articles[a]!.text);
        if (a % 64 === 63) yield;
      }
    }
    for (const passage of data.passages) {
      for (const mention of passage.mentions) {
        if (mention.cues.includes('nickname')) this.addNickname(mention.person, this.passageTextAt(passage.article, mention.start, mention.end));
      }
      if (passage.dates.length > 0) this.dated[passage.id] = 1;
      if (passage.id % 1024 === 0) yield;
    }
    const { offsets, passages, scores } = derived.introductions;
    data.persons.forEach((p, i) => {
      if (offsets[i + 1]! > offsets[i]!) this.introductions.set(p.id, { passages: passages.subarray(offsets[i], offsets[i + 1]), scores: scores.subarray(offsets[i], offsets[i + 1]) });
    });
    yield;
    for (const q of data.quotes) {
      if (q.label) for (const id of q.passages) this.quoted.add(id);
      if (q.id % 1024 === 0) yield;
      if (!q.person) continue;
      push(this.quotesOf, q.person, q);
      for (const id of q.passages) {
        const set = this.speakersOf.get(id) ?? new Set<string>();
        set.add(q.person);
        this.speakersOf.set(id, set);
      }
    }
    const saved = derived.pronouns;
    if (saved) {
      for (let i = 0; i < saved.ids.length; i++) {
        const persons = Array.from(saved.persons.subarray(saved.offsets[i], saved.offsets[i + 1]), (p) => data.persons[p]!.id);
        this.pronounSubject.set(saved.ids[i]!, { persons, start: saved.start[i]!, end: saved.end[i]! });
        if (i % 1024 === 0) yield;
      }
      return;
    }
    // After the speakers: a he/she may go on from someone speaking.
    for (const passage of data.passages) {
      this.resolvePronoun(passage);
      if (passage.id % 1024 === 0) yield;
    }
  }

  private findAcronyms(text: string): void {
    for (const m of text.matchAll(ACRONYM_THEN_WORDS)) this.addAcronym(m[1]!, m[2]!);
    for (const m of text.matchAll(WORDS_THEN_ACRONYM)) this.addAcronym(m[2]!, m[1]!);
  }

  private addAcronym(acronym: string, spelled: string): void {
    const words = spelled.split(/\s+/);
    // Only an acronym made of the words' initials: "(Conservative)" after "MP" is no expansion.
    if (words.filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('') !== acronym) return;
    this.spelledOut.set(acronym.toLowerCase(), spelled.toLowerCase());
    this.spelledOut.set(spelled.toLowerCase(), acronym.toLowerCase());
  }

  private passageTextAt(article: number, start: number, end: number): string {
    return this.index.data.articles[article]!.text.slice(start, end);
  }

  private addNickname(person: string, written: string): void {
    const p = this.persons.get(person);
    if (!p) return;
    const own = new Set(words(p.name));
    const quoted = /[“"‘']([^”"’']+)[”"’']/.exec(written)?.[1];
    for (const w of quoted ? words(quoted) : []) {
      if (own.has(w)) continue;
      push(this.nicknames, person, w);
      if (!this.nameTokens.has(w)) push(this.nameTokensByLength, w.length, w);
      push(this.nameTokens, w, p);
    }
  }

  private resolvePronoun(passage: Passage): void {
    const text = this.passageText(passage);
    // A sentence opening with its subject as "He"/"The veteran" goes on about someone named just
    // before (whatever else it names); a he/his further in, only in a sentence that names no one
    // ("Some six hours after he filed his article, ...").
    const m = OPENING_REFERENCE.exec(text) ?? (passage.mentions.length ? null : INNER_PRONOUN.exec(text));
    if (!m) return;
    const own = new Set(passage.mentions.map((x) => x.person));
    const persons = this.peopleJustBefore(passage).filter((id) => !own.has(id));
    if (persons.length === 0) return;
    const start = passage.start + m.index + m[0].length - m[1]!.length;
    this.pronounSubject.set(passage.id, { persons, start, end: start + m[1]!.length });
  }

  /**
   * The people the last sentences before a passage are about: named, speaking, or themselves a he/she
   * resolved already ("I haven't urged anyone." — Ken speaking — then "He certainly came down ...").
   */
  private peopleJustBefore(passage: Passage): string[] {
    const { passages } = this.index.data;
    for (let id = passage.id - 1; id >= 0 && id >= passage.id - PRONOUN_REACH; id--) {
      const p = passages[id]!;
      if (p.article !== passage.article) break;
      const found = new Set([...p.mentions.map((x) => x.person), ...(this.speakersOf.get(id) ?? []), ...(this.pronounSubject.get(id)?.persons ?? [])]);
      if (found.size) return [...found];
    }
    return [];
  }

  introductionsOf(person: string): Introductions {
    return this.introductions.get(person) ?? { passages: new Int32Array(0), scores: new Float64Array(0) };
  }

  /** True when the passage names the person (in any form) or is something they say. */
  involves(p: Passage, person: string): boolean {
    return p.mentions.some((m) => m.person === person) || (this.pronounSubject.get(p.id)?.persons.includes(person) ?? false) || (this.speakersOf.get(p.id)?.has(person) ?? false);
  }

  /** The search terms of an article's title: what every sentence of it is about, said or not. */
  titleTerms(article: number): ReadonlySet<string> {
    let t = this.titleTermsMemo.get(article);
    if (!t) this.titleTermsMemo.set(article, (t = new Set(terms(this.index.data.articles[article]!.ref.title))));
    return t;
  }
  private readonly titleTermsMemo = new Map<number, Set<string>>();

  /**
   * Every search term of an article's text, read on first use (only a few articles per question);
   * the most recently read are kept, so a long-running bot on a large corpus holds a bounded few.
   */
  articleTerms(article: number): ReadonlySet<string> {
    let t = this.articleTermsMemo.get(article);
    if (!t) {
      if (this.articleTermsMemo.size >= ARTICLE_TERMS_KEPT) this.articleTermsMemo.clear();
      this.articleTermsMemo.set(article, (t = new Set(terms(this.index.data.articles[article]!.text))));
    }
    return t;
  }
  private readonly articleTermsMemo = new Map<number, Set<string>>();

  /**
   * Terms the articles write capitalised inside a sentence and never in lower case: names of parties,
   * places, bodies ("Tories", "NEC", "Spitalfields"). A word also written in lower case ("a mayor",
   * "the party") is a common noun however titled. Derived with the index and saved with it; read
   * from the texts only for an index saved without it.
   */
  properTerms(): ReadonlySet<string> {
    return (this.properMemo ??= new Set(properTermsOf(this.index.data.articles)));
  }
  private properMemo: Set<string> | undefined;

  /**
   * What an article is about (see `articleTopic`): derived with the index and saved with it, so a
   * question only reads it.
   */
  topicTerms(article: number): ReadonlySet<string> {
    let t = this.topicTermsMemo.get(article);
    if (!t) {
      const saved = this.topics?.[article];
      t = new Set(saved === undefined ? articleTopic(this.index.data.articles[article]!) : saved.split(' ').filter(Boolean));
      this.topicTermsMemo.set(article, t);
    }
    return t;
  }
  private readonly topics: readonly string[] | undefined;
  private readonly topicTermsMemo = new Map<number, Set<string>>();

  /**
   * The search terms of a passage's words within NEAR_NAME characters of a span (a person's mention):
   * where the words describing or naming what the person did stand ("Greg Hands, the Tory MP").
   */
  termsNear(p: Passage, span: { start: number; end: number }): Set<string> {
    const text = this.index.data.articles[p.article]!.text;
    return new Set(terms(text.slice(Math.max(p.start, span.start - NEAR_NAME), Math.min(p.end, span.end + NEAR_NAME))));
  }

  passageText(p: Passage): string {
    return this.index.data.articles[p.article]!.text.slice(p.start, p.end);
  }

  quoteText(q: IndexedQuote): string {
    return this.index.data.articles[q.article]!.text.slice(q.start, q.end);
  }

  /**
   * How much a term tells apart passages (inverse document frequency). A term no passage has gets the
   * highest weight: a question that hinges on it cannot be answered by passages that lack it.
   */
  idf(term: string): number {
    const df = this.index.postings.documentFrequency(term);
    return Math.log(1 + this.passageCount / (df + 1));
  }

  /**
   * Passage search options for this corpus: a word the corpus has is taken as meant, so fuzzy and
   * prefix expansion (which make a search score many more passages) apply only to words it lacks,
   * the likely typos ("Rahmen", "livingstn").
   */
  readonly passageSearch: PostingsSearchOptions = {
    ...SEARCH_OPTIONS,
    fuzzy: (term) => (this.known(term) ? false : typeof SEARCH_OPTIONS.fuzzy === 'function' ? SEARCH_OPTIONS.fuzzy(term, 0, [term]) : false),
    prefix: (term) => !this.known(term) && term.length >= 5,
  };

  private known(term: string): boolean {
    return this.index.postings.documentFrequency(term) > 0;
  }

  /** True when some passage has the term. */
  has(term: string): boolean {
    return this.known(term);
  }

  /** The corpus terms the typo search would take this one for, keeping its first letter. */
  nearTerms(term: string): string[] {
    const fuzzy = SEARCH_OPTIONS.fuzzy;
    const f = typeof fuzzy === 'function' ? fuzzy(term, 0, [term]) : false;
    const distance = typeof f === 'number' ? Math.min(2, Math.round(term.length * f)) : 0;
    return this.index.postings.near(term, distance).filter((m) => m[0] === term[0]);
  }

  /** The idf of each distinct query term, computed once per question. */
  weights(queryTerms: string[]): Map<string, number> {
    const weights = new Map<string, number>();
    for (const t of queryTerms) if (!weights.has(t)) weights.set(t, this.idf(t));
    return weights;
  }

  /** Share of the query's information (by idf) that a set of matched terms covers, 0..1. */
  coverage(weights: ReadonlyMap<string, number>, matched: ReadonlySet<string>): number {
    let total = 0;
    let hit = 0;
    // forEach rather than for-of: no entry array per term, and this runs for every passage judged.
    weights.forEach((w, t) => {
      total += w;
      if (matched.has(t)) hit += w;
    });
    return total ? hit / total : 0;
  }

  /**
   * A person's name as folded words ("ken", "livingstone"), nicknames before the surname ("abul",
   * "abs", "hussain"), computed once.
   */
  nameWords(person: Person): string[] {
    let cached = this.nameWordsMemo.get(person.id);
    if (!cached) {
      const name = words(person.name);
      cached = [...name.slice(0, -1), ...(this.nicknames.get(person.id) ?? []), ...name.slice(-1)];
      this.nameWordsMemo.set(person.id, cached);
    }
    return cached;
  }

  /**
   * The long name words a pet form shortens ("livvy" → livingstone, "milli" → miliband, "lutty" →
   * lutfur and lutfa): the first three or more letters, a doubled consonant undone, and a pet ending.
   * Not for English words ("body", "army"), whose endings look the same.
   */
  private diminutiveOf(word: string): string[] {
    const stem = DIMINUTIVE.exec(word)?.[1]?.replace(/(.)\1$/, '$1');
    if (!stem || stem.length < 3 || isEnglish(word)) return [];
    const found: string[] = [];
    for (const [len, names] of this.nameTokensByLength) if (len >= stem.length + 3) for (const name of names) if (name.startsWith(stem)) found.push(name);
    return found;
  }

  /** Name tokens that are the given word up to the typos its length allows. */
  similarNameTokens(word: string): string[] {
    const memo = this.similarMemo.get(word);
    if (memo) return memo;
    const allowance = typoAllowance(word);
    const found: string[] = [];
    for (let len = word.length - allowance; len <= word.length + allowance; len++) {
      for (const name of this.nameTokensByLength.get(len) ?? []) if (sameWord(word, name)) found.push(name);
    }
    if (found.length === 0) found.push(...this.diminutiveOf(word));
    if (this.similarMemo.size >= 10_000) this.similarMemo.clear();
    this.similarMemo.set(word, found);
    return found;
  }
}

/** A pet form of a name: a short stem and an ending ("livvy", "lutty", "milli", "corbs"). */
const DIMINUTIVE = /^([a-z]{3,5}?)(?:y|ie|i|o|s|a|er|ers)$/;

/** How many sentences back a he/she may reach for the person it stands for. */
const PRONOUN_REACH = 3;
const OPENING_REFERENCE = /^[\s“"‘']*(?:(?:But|And|Yet|So|However|Now),?\s+)?(He|She|[Tt]he (?:[\p{L}-]+ ){0,2}(?:veteran|mayor|leader|politician|candidate|MP|councillor|minister|man|woman))\b/u;
const INNER_PRONOUN = /\b(he|she|his|her|him)\b/i;
const ACRONYM_THEN_WORDS = /\b(\p{Lu}{2,6})\s*\((\p{Lu}\p{Ll}+(?:\s+(?:of|for|and|the|\p{Lu}\p{Ll}+))+)\)/gu;
const WORDS_THEN_ACRONYM = /\b(\p{Lu}\p{Ll}+(?:\s+(?:of|for|and|the|\p{Lu}\p{Ll}+))+)\s*\((\p{Lu}{2,6})\)/gu;

/**
 * What an article is about: its title's terms and those of words in at least TOPIC_PARAGRAPHS of its
 * paragraphs ("Spitalfields" in a post on the Spitalfields byelection, whose spokesman's reply says
 * only "this byelection").
 */
function articleTopic(article: SearchIndex['data']['articles'][number]): string[] {
  const inParagraphs = new Map<string, number>();
  for (const p of article.paragraphs) for (const term of new Set(terms(article.text.slice(p.start, p.end)))) inParagraphs.set(term, (inParagraphs.get(term) ?? 0) + 1);
  const topic = new Set(terms(article.ref.title));
  for (const [term, n] of inParagraphs) if (n >= TOPIC_PARAGRAPHS) topic.add(term);
  return [...topic];
}

/** Derives what a lookup needs beyond the index: done by the build, on the thread that builds. */
export function deriveLookup(index: SearchIndex): LookupData {
  const { data } = index;
  const mentionsOf = new Map<string, PersonMention[]>();
  for (const passage of data.passages) {
    for (const mention of passage.mentions) push(mentionsOf, mention.person, { passage, mention });
  }
  const ranked = data.persons.map((p) => rankIntroductions(mentionsOf.get(p.id) ?? []));
  const offsets = new Int32Array(ranked.length + 1);
  ranked.forEach((r, i) => (offsets[i + 1] = offsets[i]! + r.passages.length));
  const passages = new Int32Array(offsets[ranked.length]!);
  const scores = new Float64Array(passages.length);
  ranked.forEach((r, i) => {
    passages.set(r.passages, offsets[i]);
    scores.set(r.scores, offsets[i]);
  });

  const introductions = { offsets, passages, scores };

  // Persons are resolved in speaker labels with a lookup that has everything but the quotation search.
  const newQuoteIndex = () => new MiniSearch<QuoteDoc>({ ...MINISEARCH_OPTIONS, fields: ['speaker', 'text'] } as never);
  const names = new Lookup(index, { introductions, quoteSearch: Postings.compile(newQuoteIndex(), MINISEARCH_OPTIONS) });
  const quoteIndex = newQuoteIndex();
  // A speaker described through a person ("Ken's spokesman") is found by that person's full name too.
  quoteIndex.addAll(
    data.quotes.map((q) => {
      const named = personsNamed(names, q.label).map((p) => p.name);
      return { id: q.id, speaker: [q.label, q.context, ...named].join(' '), text: names.quoteText(q) };
    }),
  );
  const personNo = new Map(data.persons.map((p, i) => [p.id, i]));
  const subjects = [...names.pronounSubject];
  const offsets2 = new Int32Array(subjects.length + 1);
  subjects.forEach(([, r], i) => (offsets2[i + 1] = offsets2[i]! + r.persons.length));
  const pronouns = {
    ids: Int32Array.from(subjects, ([id]) => id),
    start: Int32Array.from(subjects, ([, r]) => r.start),
    end: Int32Array.from(subjects, ([, r]) => r.end),
    offsets: offsets2,
    persons: Int32Array.from(subjects.flatMap(([, r]) => r.persons), (id) => personNo.get(id)!),
  };
  const topics = data.articles.map((a) => articleTopic(a).join(' '));
  const proper = properTermsOf(data.articles);
  return { introductions, quoteSearch: Postings.compile(quoteIndex, MINISEARCH_OPTIONS), spelledOut: [...names.spelledOut], pronouns, topics, proper };
}

/** The sections of derived lookup data. */
export function encodeLookup(data: LookupData): Section[] {
  const { offsets, passages, scores } = data.introductions;
  return [
    { name: 'lookup.introductions.offsets', value: offsets },
    { name: 'lookup.introductions.passages', value: passages },
    { name: 'lookup.introductions.scores', value: scores },
    ...encodePostings('lookup.quotes', data.quoteSearch),
    ...stringSections('lookup.spelledOut', data.spelledOut ?? []),
    { name: 'lookup.pronouns.ids', value: data.pronouns?.ids ?? new Int32Array(0) },
    { name: 'lookup.pronouns.start', value: data.pronouns?.start ?? new Int32Array(0) },
    { name: 'lookup.pronouns.end', value: data.pronouns?.end ?? new Int32Array(0) },
    { name: 'lookup.pronouns.offsets', value: data.pronouns?.offsets ?? new Int32Array(1) },
    { name: 'lookup.pronouns.persons', value: data.pronouns?.persons ?? new Int32Array(0) },
    ...stringSections('lookup.topics', data.topics ?? []),
    ...stringSections('lookup.proper', data.proper ?? []),
  ];
}

/** Derived lookup data saved for this index, checked: every ranked passage names its person. */
export function* decodeLookup(s: Sections, index: SearchIndex): Generator<void, LookupData> {
  const { persons, passages: all, quotes } = index.data;
  const offsets = s.int32('lookup.introductions.offsets', persons.length + 1);
  const passages = s.int32('lookup.introductions.passages');
  const scores = s.float64('lookup.introductions.scores', passages.length);
  checkOffsets('lookup.introductions.offsets', offsets, passages.length);
  yield;
  checkRange('lookup.introductions.passages', passages, 0, all.length);
  yield;
  for (let i = 0; i < persons.length; i++) {
    const id = persons[i]!.id;
    for (let j = offsets[i]!; j < offsets[i + 1]!; j++) {
      if (!Number.isFinite(scores[j]!) || !all[passages[j]!]!.mentions.some((m) => m.person === id)) {
        throw new InvalidIndex(`lookup: passage ${passages[j]} ranked for ${JSON.stringify(id).slice(0, 60)}`);
      }
      if ((j & 4095) === 4095) yield;
    }
    if (i % 256 === 0) yield;
  }
  const quoteSearch = yield* decodePostings(s, 'lookup.quotes', quotes.length);
  const isPair = (x: unknown): x is [string, string] => Array.isArray(x) && x.length === 2 && x.every((w) => typeof w === 'string' && w.length <= 300);
  const spelledOut = yield* s.listSteps('lookup.spelledOut', isPair);
  const ids = s.int32('lookup.pronouns.ids');
  const start = s.int32('lookup.pronouns.start', ids.length);
  const end = s.int32('lookup.pronouns.end', ids.length);
  const pOffsets = s.int32('lookup.pronouns.offsets', ids.length + 1);
  const pPersons = s.int32('lookup.pronouns.persons');
  checkOffsets('lookup.pronouns.offsets', pOffsets, pPersons.length);
  checkRange('lookup.pronouns.ids', ids, 0, all.length);
  checkRange('lookup.pronouns.persons', pPersons, 0, persons.length);
  for (let i = 0; i < ids.length; i++) {
    const p = all[ids[i]!]!;
    if (!(start[i]! >= p.start && start[i]! < end[i]! && end[i]! <= p.end) || pOffsets[i + 1] === pOffsets[i]) throw new InvalidIndex(`lookup: pronoun ${i} out of its passage`);
    if (i % 1024 === 0) yield;
  }
  const topics = yield* s.listSteps('lookup.topics', (x): x is string => typeof x === 'string' && x.length <= MAX_TOPIC);
  if (topics.length !== index.data.articles.length) throw new InvalidIndex(`lookup: ${topics.length} article topics for ${index.data.articles.length} articles`);
  const proper = yield* s.listSteps('lookup.proper', (x): x is string => typeof x === 'string' && x.length > 0 && x.length <= MAX_TERM);
  return { introductions: { offsets, passages, scores }, quoteSearch, spelledOut, pronouns: { ids, start, end, offsets: pOffsets, persons: pPersons }, topics, proper };
}

/** Articles whose terms `articleTerms` keeps at once. */
const ARTICLE_TERMS_KEPT = 256;

/** Longest proper term read back from a saved index. */
const MAX_TERM = 200;

/** The terms `Lookup.properTerms` holds: written capitalised inside a sentence, never in lower case. */
function properTermsOf(articles: readonly { text: string }[]): string[] {
  const proper = new Set<string>();
  const lower = new Set<string>();
  for (const article of articles) {
    for (const m of article.text.matchAll(/(?<=[\p{L},;] )\p{Lu}[\p{L}]+/gu)) for (const t of terms(m[0])) proper.add(t);
    for (const m of article.text.matchAll(/(?<![\p{L}])\p{Ll}[\p{L}]+/gu)) for (const t of terms(m[0])) lower.add(t);
  }
  return [...proper].filter((t) => !lower.has(t));
}

/** Search terms of a free-text query, as the index sees them. */
export function queryTerms(text: string): string[] {
  return terms(text);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

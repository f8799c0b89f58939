/**
 * People in the corpus: who is a person, which mentions refer to whom, and how each mention is
 * introduced (a title, a role, an appositive...). Identification is by context, because name lists
 * and generic taggers miss the names these articles use (Lutfur, Helal, Oona) and take "Chelsea" or a
 * sentence-initial "Will" for people:
 * - a title ("Mr Rahman", "Chancellor George Osborne") or a role word before the name ("official
 *   candidate Helal Abbas", "regional director, Ken Clark");
 * - an appositive or relative clause after it ("Greg Hands, the Tory MP", "Abul Hussain, who");
 * - a speech verb after it ("Tom Harris said"), a personal pronoun right after ("with his");
 * - "Mr Surname" anywhere in the corpus for a "First Surname";
 * - lists and pairs beside known people ("Oli Rahman, Lutfa Begum, ... and Shelina Aktar").
 * A person is one entity across all articles; a bare first name or surname refers to the person with
 * that name who is mentioned most in the same article (then in the corpus), and to nobody when that
 * is a tie, so "Khan" alone never picks one of three councillors at random.
 */
import { fold } from './text.js';

export type Cue =
  | 'title'
  | 'role-before'
  | 'appositive'
  | 'parenthesis'
  | 'relative'
  | 'copula'
  | 'speech'
  | 'pronoun'
  | 'list'
  | 'nickname'
  /** "in Tower Hamlets": counts against being a person. */
  | 'place'
  /**
   * A role word in the name's clause, close to it, with no other person between ("sacked by Labour
   * as their candidate", but not "MP Jim Fitzpatrick ... with Mr Miliband").
   */
  | 'role-near'
  /** Inside a quotation: someone's words about the person, not the writer's description. */
  | 'quoted'
  /** The name opens the sentence, which is then about the person ("Ed Miliband is facing ..."). */
  | 'opens';

export interface Person {
  id: string;
  name: string;
  first?: string;
  last: string;
  /** Mentions across the corpus (all forms). */
  mentions: number;
}

export interface Mention {
  person: string;
  /** File offsets of the name as written (title and nickname included, possessive excluded). */
  start: number;
  end: number;
  form: 'full' | 'surname' | 'first';
  cues: Cue[];
}

/** The unit people are found in: a sentence of an article. */
export interface SentenceText {
  article: string;
  start: number;
  end: number;
  /** The sentence's text, `fileText.slice(start, end)`. */
  text: string;
}

const TITLES = new Set(
  'mr mrs ms miss dr sir lord lady baroness dame councillor cllr president chancellor professor prof rev'.split(' '),
);
/** Nouns that name a person's role; used only as context, never as names. */
export const ROLE_NOUNS =
  'mp|mps|mep|candidate|candidates|director|councillor|councillors|leader|leaders|boss|spokesman|spokeswoman|spokesperson|minister|secretary|chairman|chairwoman|chair|activist|member|members|agent|adviser|advisor|organiser|organizer|editor|reporter|journalist|mayor|chancellor|president|colleague|deputy|chief|official|officer|campaigner|peer|politician|veteran|founder|councilor|whip|treasurer|ally|supporter';
const ROLE_BEFORE = new RegExp(`\\b(?:${ROLE_NOUNS})\\b[^,.;:!?]{0,30}?,\\s*$`, 'i');
const ROLE_IMMEDIATELY_BEFORE = new RegExp(`\\b(?:${ROLE_NOUNS})[,"“”]*\\s*$`, 'i');
const APPOSITIVE = new RegExp(`^\\s*,\\s*(?:the|a|an|our|their|his|her|its|\\p{Lu}\\p{L}*['’]s)\\b[^,.;()]{0,60}?\\b(?:${ROLE_NOUNS})\\b`, 'iu');
const PARENTHESIS = new RegExp(`^\\s*\\([^)]{0,60}?\\b(?:${ROLE_NOUNS})\\b`, 'i');
const RELATIVE = /^\s*,?\s*who\b/i;
const COPULA = /^\s+(?:is|was|has been|had been|remains|became)\s+(?:the|a|an|our|their|his|her|now|still|also|once)\b/i;
const SPEECH = /^\s*,?\s*(?:said|says|told|tells|reports|reported|adds|added|writes|wrote|asked|argued|insisted|claimed|stated|warned|explained|admitted|denied|confirmed|urged)\b/i;
const PRONOUN_AFTER = /^\s+(?:with|and)?\s*(?:his|her)\b/i;

/** A run of capitalised words: a name candidate, before we know whether it is a person. */
interface Run {
  sentence: number;
  start: number;
  end: number;
  tokens: string[];
  title?: string;
  cues: Set<Cue>;
  /** Runs joined by commas or "and" in one sentence share a group. */
  group: number;
}

const NAME_WORD = /^\p{Lu}[\p{Ll}\p{M}][\p{L}\p{M}'’-]*$/u;
const TOKEN = /[\p{L}\p{M}][\p{L}\p{M}'’‘-]*/gu;
const POSSESSIVE = /['’‘]s?$/;

/** Capitalised runs of one sentence, each with the cues its context gives. */
function findRuns(s: SentenceText, sentence: number, lowercaseWords: Set<string>, nextGroup: () => number): Run[] {
  const runs: Run[] = [];
  let current: Run | undefined;
  let lastEnd = -1;
  const close = () => {
    if (current && current.tokens.length) runs.push(current);
    current = undefined;
  };
  for (const m of s.text.matchAll(TOKEN)) {
    const raw = m[0];
    const possessive = POSSESSIVE.test(raw) && raw.length > 2;
    const word = possessive ? raw.replace(POSSESSIVE, '') : raw;
    let gap = s.text.slice(lastEnd, m.index);
    // A nickname in quotes may sit inside a name: Abul “Abs” Hussain.
    const nickname = current !== undefined && /^[ \u00a0]["“]$/.test(gap) && /^["”][ \u00a0]\p{Lu}/u.test(s.text.slice(m.index + raw.length));
    if (nickname) {
      current!.cues.add('nickname');
      continue;
    }
    if (/^[ \u00a0]["“][\p{L}\p{M}]+["”][ \u00a0]$/u.test(gap)) gap = ' ';
    lastEnd = m.index + raw.length;
    if (!NAME_WORD.test(word)) {
      close();
      continue;
    }
    const joins = current !== undefined && /^[ \u00a0]$/.test(gap);
    if (!joins) {
      close();
      const lower = fold(word);
      const sentenceStart = /^[\s"“‘'(–-]*$/.test(s.text.slice(0, m.index));
      // "Will Livingstone ...": a common word capitalised only because it starts the sentence.
      if (sentenceStart && lowercaseWords.has(lower) && !TITLES.has(lower)) continue;
      current = { sentence, start: s.start + m.index, end: 0, tokens: [], cues: new Set(), group: 0 };
    }
    const run = current!;
    if (run.tokens.length === 0 && run.title === undefined && TITLES.has(fold(word)) && !possessive) run.title = word;
    else run.tokens.push(word);
    run.end = s.start + m.index + word.length;
    if (possessive) close();
  }
  close();
  const named = runs.filter((r) => r.tokens.length > 0);
  named.forEach((run, i) => {
    const prev = named[i - 1];
    const gap = prev ? s.text.slice(prev.end - s.start, run.start - s.start) : '';
    run.group = prev && /^\s*(?:,|,?\s*(?:and|&))\s*$/.test(gap) ? prev.group : nextGroup();
    addCues(run, s);
  });
  return named;
}

function addCues(run: Run, s: SentenceText): void {
  const before = s.text.slice(0, run.start - s.start);
  const after = s.text.slice(run.end - s.start);
  if (run.title) run.cues.add('title');
  if (ROLE_IMMEDIATELY_BEFORE.test(before) || ROLE_BEFORE.test(before.slice(-45))) run.cues.add('role-before');
  if (APPOSITIVE.test(after)) run.cues.add('appositive');
  if (PARENTHESIS.test(after)) run.cues.add('parenthesis');
  if (RELATIVE.test(after)) run.cues.add('relative');
  if (COPULA.test(after)) run.cues.add('copula');
  if (SPEECH.test(after)) run.cues.add('speech');
  if (PRONOUN_AFTER.test(after)) run.cues.add('pronoun');
  if (PLACE_BEFORE.test(before)) run.cues.add('place');
}

const PERSON_EVIDENCE: Cue[] = ['title', 'role-before', 'appositive', 'parenthesis', 'relative', 'speech', 'pronoun', 'nickname'];
const PLACE_BEFORE = /\b(?:in|at|across|throughout|around|near|into|from)\s*$/i;

export interface PeopleIndex {
  persons: Person[];
  /** Mentions of each sentence, by the sentence's position in the input. */
  mentions: Mention[][];
}

/** A person's id, made from their name. */
export function personId(name: string): string {
  return fold(name)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Finds the people of a corpus and resolves every mention. */
export function findPeople(sentences: SentenceText[]): PeopleIndex {
  const lowercaseWords = new Set<string>();
  for (const s of sentences) for (const m of s.text.matchAll(/(?<![\p{L}'’])\p{Ll}+/gu)) lowercaseWords.add(m[0]);
  let groups = 0;
  const runsBySentence = sentences.map((s, i) => findRuns(s, i, lowercaseWords, () => groups++));
  const allRuns = runsBySentence.flat();

  const titledSurnames = new Set(allRuns.filter((r) => r.title && r.tokens.length === 1).map((r) => fold(r.tokens[0]!)));
  const isCandidateName = (r: Run) => r.tokens.length >= 2 && r.tokens.length <= 3;
  const personKeys = new Set<string>();
  const key = (r: Run) => r.tokens.map(fold).join(' ');
  // A name is a person when person cues outnumber place cues ("in Tower Hamlets, who voted..." is a
  // place however a relative clause follows it once).
  const evidence = new Map<string, number>();
  for (const r of allRuns) {
    if (!isCandidateName(r)) continue;
    const personal = PERSON_EVIDENCE.some((c) => r.cues.has(c)) || titledSurnames.has(fold(r.tokens.at(-1)!)) ? 1 : 0;
    const place = r.cues.has('place') ? 1 : 0;
    evidence.set(key(r), (evidence.get(key(r)) ?? 0) + personal - place);
  }
  for (const [k, score] of evidence) if (score > 0) personKeys.add(k);
  // Lists and pairs beside a known person: only names none of whose words is an ordinary word
  // elsewhere ("Labour Party" next to a person stays an organisation).
  const byGroup = new Map<number, Run[]>();
  for (const r of allRuns) {
    const members = byGroup.get(r.group);
    if (members) members.push(r);
    else byGroup.set(r.group, [r]);
  }
  for (const members of byGroup.values()) {
    if (members.length < 2 || !members.some((m) => personKeys.has(key(m)))) continue;
    for (const m of members) {
      if (isCandidateName(m) && (evidence.get(key(m)) ?? 0) >= 0 && m.tokens.every((t) => !lowercaseWords.has(fold(t)))) {
        personKeys.add(key(m));
        m.cues.add('list');
      }
    }
  }

  const persons = new Map<string, Person>();
  const surnames = new Set<string>();
  for (const run of allRuns) {
    const name = run.tokens.join(' ');
    if (!personKeys.has(key(run)) || persons.has(personId(name))) continue;
    persons.set(personId(name), { id: personId(name), name, first: run.tokens[0], last: run.tokens.at(-1)!, mentions: 0 });
    surnames.add(fold(run.tokens.at(-1)!));
  }
  // Someone known only as "Mr Uddin" or "President Obama" is still a person.
  for (const r of allRuns) {
    if (!r.title || r.tokens.length !== 1) continue;
    if (!surnames.has(fold(r.tokens[0]!))) {
      persons.set(personId(r.tokens[0]!), { id: personId(r.tokens[0]!), name: r.tokens[0]!, last: r.tokens[0]!, mentions: 0 });
    }
  }

  const resolver = new NameResolver([...persons.values()]);
  // Full-name mentions per article decide whom a bare "Ken" or "Rahman" refers to.
  const fullCounts = new Map<string, Map<string, number>>();
  for (const r of allRuns) {
    const p = resolver.full(r.tokens);
    if (!p) continue;
    const article = sentences[r.sentence]!.article;
    const counts = fullCounts.get(article) ?? new Map<string, number>();
    counts.set(p.id, (counts.get(p.id) ?? 0) + 1);
    fullCounts.set(article, counts);
  }
  const corpusCounts = new Map<string, number>();
  for (const counts of fullCounts.values()) for (const [id, n] of counts) corpusCounts.set(id, (corpusCounts.get(id) ?? 0) + n);

  const mentions = runsBySentence.map((runs, i) => {
    const found = runs.flatMap((r): Mention[] => {
      const article = sentences[i]!.article;
      const full = resolver.full(r.tokens);
      if (full) return [{ person: full.id, start: r.start, end: r.end, form: 'full', cues: [...r.cues] }];
      if (r.tokens.length !== 1) return [];
      const candidates = resolver.partial(r.tokens[0]!, r.title !== undefined);
      const chosen = pickDominant(candidates, fullCounts.get(article), corpusCounts);
      if (!chosen) return [];
      const form = fold(chosen.last) === fold(r.tokens[0]!) ? 'surname' : 'first';
      return [{ person: chosen.id, start: r.start, end: r.end, form, cues: [...r.cues] }];
    });
    for (const m of found) m.cues.push(...contextCues(sentences[i]!, m, found));
    return found;
  });
  for (const list of mentions) for (const m of list) persons.get(m.person)!.mentions++;
  return { persons: [...persons.values()].filter((p) => p.mentions > 0), mentions };
}

const ROLE_WORD = new RegExp(`\\b(?:${ROLE_NOUNS}|mayoralty|independent)\\b`, 'i');

/** The cues of a mention that depend on the other people its sentence names and on quotation marks. */
function contextCues(sentence: SentenceText, mention: Mention, all: Mention[]): Cue[] {
  const cues: Cue[] = [];
  const at = (offset: number) => offset - sentence.start;
  let from = mention.start - 50;
  let to = mention.end + 70;
  for (const other of all) {
    if (other.person === mention.person) continue;
    if (other.end <= mention.start) from = Math.max(from, other.end);
    if (other.start >= mention.end) to = Math.min(to, other.start);
  }
  // A role belongs to the name only within the same clause, and not across a quote mark ("A shadow
  // minister said: “... Ed would ...”" says nothing about Ed).
  const before = sentence.text.slice(Math.max(0, at(from)), at(mention.start)).split(/[“”"]|[.;:]\s/).at(-1)!;
  const after = sentence.text.slice(at(mention.end), Math.max(0, at(to))).split(/[,;:(“”"]|\s[-–—]\s/)[0]!;
  if (ROLE_WORD.test(before) || ROLE_WORD.test(after)) cues.push('role-near');
  const lead = sentence.text.slice(0, at(mention.start));
  if (count(lead, /“/g) > count(lead, /”/g) || count(lead, /"/g) % 2 === 1) cues.push('quoted');
  else if (/^\W*$/u.test(lead)) cues.push('opens');
  return cues;
}

function count(text: string, mark: RegExp): number {
  return text.match(mark)?.length ?? 0;
}

/** The candidate mentioned most in the article, then in the corpus; none when that is a tie. */
function pickDominant(candidates: Person[], inArticle: Map<string, number> | undefined, inCorpus: Map<string, number>): Person | undefined {
  if (candidates.length <= 1) return candidates[0];
  const score = (p: Person) => (inArticle?.get(p.id) ?? 0) * 1000 + (inCorpus.get(p.id) ?? 0);
  const ranked = [...candidates].sort((a, b) => score(b) - score(a));
  return score(ranked[0]!) > score(ranked[1]!) ? ranked[0] : undefined;
}

/** Matches name tokens to persons, exactly (for text) or with typos (for queries). */
export class NameResolver {
  private readonly byFull = new Map<string, Person>();
  private readonly bySurname = new Map<string, Person[]>();
  private readonly byFirst = new Map<string, Person[]>();
  constructor(readonly persons: Person[]) {
    const add = (map: Map<string, Person[]>, k: string, p: Person) => map.set(k, [...(map.get(k) ?? []), p]);
    for (const p of persons) {
      this.byFull.set(fold(p.name), p);
      add(this.bySurname, fold(p.last), p);
      if (p.first !== undefined && p.first !== p.last) add(this.byFirst, fold(p.first), p);
    }
  }

  /** The person whose full name is these tokens (or ends with them, after a leading title word). */
  full(tokens: string[]): Person | undefined {
    for (let from = 0; from < tokens.length - 1; from++) {
      const p = this.byFull.get(tokens.slice(from).map(fold).join(' '));
      if (p) return p;
    }
    return undefined;
  }

  /** Persons a single name may refer to: the surname always, the first name unless titled ("Mr Ken"). */
  partial(token: string, titled: boolean): Person[] {
    const t = fold(token);
    const bySurname = this.bySurname.get(t) ?? [];
    if (bySurname.length || titled) return bySurname;
    return this.byFirst.get(t) ?? [];
  }
}

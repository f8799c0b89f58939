/**
 * The search index as sections of typed arrays (see src/core/sections.ts), and back. Decoding checks
 * every value against the corpus before use: ids, offsets, field ids, lengths, enumerations, and that
 * the names, speakers and quotation texts it restores are the corpus's own, so a saved file that
 * kept its checksums but lies (a forged field id, shifted passage ids, a renamed person) is refused
 * instead of answering wrongly or throwing at question time. Every allocation is bounded by the
 * sizes of the sections themselves, so a forged length cannot cost more memory than the file.
 *
 * Decoding yields between slices (a generator; see runSliced) so that a bot swapping in a new index
 * keeps answering while it is read.
 */
import type { Article } from './corpus.js';
import type { DateKind, DateMention } from './dates.js';
import type { IndexedArticle, IndexedQuote, Passage, SearchIndex } from './index.js';
import { MINISEARCH_OPTIONS, namesInFull, NONE } from './index.js';
import type { Paragraph } from './passages.js';
import { type Cue, type Mention, type Person, personId } from './people.js';
import { Postings, type PostingsParts, vocabularyOf } from './postings.js';
import type { Attribution } from './quotes.js';
import { fold } from './text.js';
import { checkOffsets, checkRange, InvalidIndex, type Section, Sections, stringSections } from '../core/sections.js';

const CUE_CODES = {
  title: 0, 'role-before': 1, appositive: 2, parenthesis: 3, relative: 4, copula: 5, speech: 6, pronoun: 7,
  list: 8, nickname: 9, place: 10, 'role-near': 11, quoted: 12, opens: 13,
} satisfies Record<Cue, number>;
const CUES = Object.keys(CUE_CODES) as Cue[];
const FORMS = ['full', 'surname', 'first'] as const satisfies readonly Mention['form'][];
const DATE_KINDS = ['year', 'decade', 'calendar', 'weekday', 'relative'] as const satisfies readonly DateKind[];
const ATTRIBUTIONS = ['explicit', 'pronoun', 'continuation', 'introduced', 'statement'] as const satisfies readonly Attribution[];
/** MiniSearch fields a saved postings index may have: passages have one, quotations two. */
const MAX_FIELDS = 8;
/** Yield to the caller every this many items (a caller in a hurry checks its clock at each yield). */
const SLICE = 256;

/** The sections of an index (article texts and refs are not saved: they come from the corpus). */
export function encodeIndex(index: SearchIndex): Section[] {
  const { articles, passages, persons, quotes } = index.data;
  const personNo = new Map(persons.map((p, i) => [p.id, i]));
  const P = passages.length;
  const paraOffsets = new Int32Array(articles.length + 1);
  articles.forEach((a, i) => (paraOffsets[i + 1] = paraOffsets[i]! + a.paragraphs.length));
  const paragraphs = articles.flatMap((a) => a.paragraphs);

  const mentionOffsets = new Int32Array(P + 1);
  const dateOffsets = new Int32Array(P + 1);
  passages.forEach((p, i) => {
    mentionOffsets[i + 1] = mentionOffsets[i]! + p.mentions.length;
    dateOffsets[i + 1] = dateOffsets[i]! + p.dates.length;
  });
  const mentions = passages.flatMap((p) => p.mentions);
  const cueOffsets = new Int32Array(mentions.length + 1);
  mentions.forEach((m, i) => (cueOffsets[i + 1] = cueOffsets[i]! + m.cues.length));
  const dates = passages.flatMap((p) => p.dates);

  // Twin groups: each shared list once.
  const groups: (readonly number[])[] = [];
  const seen = new Set<readonly number[]>();
  for (const p of passages) {
    if (p.twins.length && !seen.has(p.twins)) {
      seen.add(p.twins);
      groups.push(p.twins);
    }
  }
  const twinOffsets = new Int32Array(groups.length + 1);
  groups.forEach((g, i) => (twinOffsets[i + 1] = twinOffsets[i]! + g.length));
  const quotePassageOffsets = new Int32Array(quotes.length + 1);
  quotes.forEach((q, i) => (quotePassageOffsets[i + 1] = quotePassageOffsets[i]! + q.passages.length));

  return [
    { name: 'paragraphs.offsets', value: paraOffsets },
    { name: 'paragraphs.start', value: Int32Array.from(paragraphs, (p) => p.start) },
    { name: 'paragraphs.end', value: Int32Array.from(paragraphs, (p) => p.end) },
    { name: 'passages.article', value: Int32Array.from(passages, (p) => p.article) },
    { name: 'passages.paragraph', value: Int32Array.from(passages, (p) => p.paragraph) },
    { name: 'passages.start', value: Int32Array.from(passages, (p) => p.start) },
    { name: 'passages.end', value: Int32Array.from(passages, (p) => p.end) },
    { name: 'mentions.offsets', value: mentionOffsets },
    { name: 'mentions.person', value: Int32Array.from(mentions, (m) => personNo.get(m.person)!) },
    { name: 'mentions.start', value: Int32Array.from(mentions, (m) => m.start) },
    { name: 'mentions.end', value: Int32Array.from(mentions, (m) => m.end) },
    { name: 'mentions.form', value: Uint8Array.from(mentions, (m) => FORMS.indexOf(m.form)) },
    { name: 'cues.offsets', value: cueOffsets },
    { name: 'cues.code', value: Uint8Array.from(mentions.flatMap((m) => m.cues), (c) => CUE_CODES[c]) },
    { name: 'dates.offsets', value: dateOffsets },
    { name: 'dates.start', value: Int32Array.from(dates, (d) => d.start) },
    { name: 'dates.end', value: Int32Array.from(dates, (d) => d.end) },
    { name: 'dates.kind', value: Uint8Array.from(dates, (d) => DATE_KINDS.indexOf(d.kind)) },
    { name: 'twins.offsets', value: twinOffsets },
    { name: 'twins.members', value: Int32Array.from(groups.flat()) },
    ...stringSections('persons', persons.map((p) => [p.id, p.name, p.first ?? null, p.last, p.mentions])),
    { name: 'persons.seen', value: index.data.personSeen },
    { name: 'quotes.article', value: Int32Array.from(quotes, (q) => q.article) },
    { name: 'quotes.start', value: Int32Array.from(quotes, (q) => q.start) },
    { name: 'quotes.end', value: Int32Array.from(quotes, (q) => q.end) },
    { name: 'quotes.paragraph', value: Int32Array.from(quotes, (q) => q.paragraph) },
    { name: 'quotes.person', value: Int32Array.from(quotes, (q) => (q.person === undefined ? -1 : personNo.get(q.person)!)) },
    { name: 'quotes.attribution', value: Uint8Array.from(quotes, (q) => ATTRIBUTIONS.indexOf(q.attribution)) },
    { name: 'quotes.unmarked', value: Uint8Array.from(quotes, (q) => (q.unmarked ? 1 : 0)) },
    { name: 'quotes.wordCount', value: Int32Array.from(quotes, (q) => q.wordCount) },
    { name: 'quotes.passages.offsets', value: quotePassageOffsets },
    { name: 'quotes.passages.ids', value: Int32Array.from(quotes.flatMap((q) => q.passages)) },
    ...stringSections('quotes.speaker', quotes.map((q) => [q.label, q.context])),
    ...encodePostings('postings', index.postings),
  ];
}

/** The sections of a compact search index, under a name prefix. */
export function encodePostings(prefix: string, postings: Postings): Section[] {
  const parts = postings.parts();
  return [
    ...stringSections(`${prefix}.meta`, [{ documentCount: parts.documentCount, fields: parts.fields, terms: parts.terms.length }]),
    { name: `${prefix}.averageFieldLength`, value: parts.averageFieldLength },
    // Terms are words (letters, digits, inner apostrophes and hyphens): a newline never occurs in one.
    { name: `${prefix}.terms`, value: parts.terms.join('\n') },
    { name: `${prefix}.starts`, value: parts.starts },
    { name: `${prefix}.docs`, value: parts.docs },
    { name: `${prefix}.freqs`, value: parts.freqs },
    { name: `${prefix}.fieldLengths`, value: parts.fieldLengths },
    { name: `${prefix}.ids`, value: parts.ids },
  ];
}

type PersonRow = [string, string, string | null, string, number];
const isPersonRow = (x: unknown): x is PersonRow =>
  Array.isArray(x) && x.length === 5 && typeof x[0] === 'string' && typeof x[1] === 'string' && (x[2] === null || typeof x[2] === 'string') && typeof x[3] === 'string' && Number.isInteger(x[4]) && x[4] > 0;
const isSpeakerRow = (x: unknown): x is [string, string] => Array.isArray(x) && x.length === 2 && typeof x[0] === 'string' && typeof x[1] === 'string';

/** The index saved as `sections` for this corpus, every value checked (throws InvalidIndex). */
export function* decodeIndex(s: Sections, corpus: Article[]): Generator<void, SearchIndex> {
  const fail = (what: string): never => {
    throw new InvalidIndex(what);
  };
  const A = corpus.length;

  // Paragraphs: in order inside each article's text, numbered from 1.
  const paraOffsets = s.int32('paragraphs.offsets', A + 1);
  const paraStart = s.int32('paragraphs.start');
  const paraEnd = s.int32('paragraphs.end', paraStart.length);
  checkOffsets('paragraphs.offsets', paraOffsets, paraStart.length);
  const articles: IndexedArticle[] = [];
  for (let a = 0; a < A; a++) {
    const text = corpus[a]!.text;
    const paragraphs: Paragraph[] = [];
    let previousEnd = 0;
    for (let i = paraOffsets[a]!; i < paraOffsets[a + 1]!; i++) {
      const start = paraStart[i]!;
      const end = paraEnd[i]!;
      if (!(start >= previousEnd && start < end && end <= text.length)) fail(`paragraph ${i - paraOffsets[a]! + 1} of article ${a} out of range`);
      paragraphs.push({ start, end, n: paragraphs.length + 1 });
      previousEnd = end;
    }
    articles.push({ ref: corpus[a]!.ref, text, paragraphs });
    if (a % SLICE === 0) yield;
  }

  // Persons: ids as their names make them, and every name taken from the corpus (checked with mentions below).
  const rows = yield* s.listSteps('persons', isPersonRow);
  const persons: Person[] = [];
  for (const [id, name, first, last, mentions] of rows) {
    const tokens = name.split(' ');
    if (tokens.some((t) => !t) || tokens[tokens.length - 1] !== last || (first !== null && tokens[0] !== first) || id !== personId(name)) fail(`person ${persons.length} (${JSON.stringify(name).slice(0, 60)}) is malformed`);
    persons.push(first === null ? { id, name, last, mentions } : { id, name, first, last, mentions });
    if (persons.length % SLICE === 0) yield;
  }
  const personIds = new Set(persons.map((p) => p.id));
  if (personIds.size !== persons.length) fail('two persons have the same id');
  yield;

  // Passages, their mentions and dates.
  const article = s.int32('passages.article');
  const P = article.length;
  const paragraph = s.int32('passages.paragraph', P);
  const pStart = s.int32('passages.start', P);
  const pEnd = s.int32('passages.end', P);
  const mOffsets = s.int32('mentions.offsets', P + 1);
  const mPerson = s.int32('mentions.person');
  const M = mPerson.length;
  checkOffsets('mentions.offsets', mOffsets, M);
  const mStart = s.int32('mentions.start', M);
  const mEnd = s.int32('mentions.end', M);
  const mForm = s.uint8('mentions.form', M);
  checkRange('mentions.person', mPerson, 0, persons.length);
  yield;
  checkRange('mentions.form', mForm, 0, FORMS.length);
  const cOffsets = s.int32('cues.offsets', M + 1);
  const cCode = s.uint8('cues.code');
  checkOffsets('cues.offsets', cOffsets, cCode.length);
  yield;
  checkRange('cues.code', cCode, 0, CUES.length);
  const dOffsets = s.int32('dates.offsets', P + 1);
  const dStart = s.int32('dates.start');
  const dEnd = s.int32('dates.end', dStart.length);
  const dKind = s.uint8('dates.kind', dStart.length);
  checkOffsets('dates.offsets', dOffsets, dStart.length);
  yield;
  checkRange('dates.kind', dKind, 0, DATE_KINDS.length);
  checkRange('passages.article', article, 0, A);
  yield;
  // Empty lists shared (see NONE): a quarter of a million empty arrays are also garbage-collection
  // work for a bot that swaps an index in while it answers.
  const NO_TWINS: readonly number[] = NONE;
  const passages: Passage[] = new Array(P);
  for (let i = 0; i < P; i++) {
    const a = article[i]!;
    const text = corpus[a]!.text;
    const start = pStart[i]!;
    const end = pEnd[i]!;
    const para = articles[a]!.paragraphs[paragraph[i]! - 1];
    if (!para || !(start >= para.start && start < end && end <= para.end)) fail(`passage ${i} out of range`);
    if (i > 0 && article[i - 1]! === a ? pStart[i]! < pEnd[i - 1]! : i > 0 && article[i - 1]! > a) fail(`passage ${i} out of order`);
    const mentions: Mention[] = mOffsets[i + 1]! > mOffsets[i]! ? [] : NONE;
    for (let m = mOffsets[i]!; m < mOffsets[i + 1]!; m++) {
      const ms = mStart[m]!;
      const me = mEnd[m]!;
      if (!(ms >= start && ms < me && me <= end)) fail(`mention ${m} of passage ${i} out of range`);
      const person = persons[mPerson[m]!]!;
      const form = FORMS[mForm[m]!]!;
      if (!mentionNames(text.slice(ms, me), person, form)) fail(`mention ${m} does not name ${JSON.stringify(person.name).slice(0, 60)}`);
      const cues: Cue[] = cOffsets[m + 1]! > cOffsets[m]! ? [] : NONE;
      for (let c = cOffsets[m]!; c < cOffsets[m + 1]!; c++) cues.push(CUES[cCode[c]!]!);
      mentions.push({ person: person.id, start: ms, end: me, form, cues });
    }
    const dates: DateMention[] = dOffsets[i + 1]! > dOffsets[i]! ? [] : NONE;
    for (let d = dOffsets[i]!; d < dOffsets[i + 1]!; d++) {
      if (!(dStart[d]! >= start && dStart[d]! < dEnd[d]! && dEnd[d]! <= end)) fail(`date ${d} of passage ${i} out of range`);
      dates.push({ start: dStart[d]!, end: dEnd[d]!, kind: DATE_KINDS[dKind[d]!]! });
    }
    passages[i] = { id: i, article: a, paragraph: paragraph[i]!, start, end, mentions, dates, twins: NO_TWINS };
    if (i % SLICE === 0) yield;
  }
  // Every person is named in full somewhere in the corpus (a rewritten name is not).
  const seen = s.int32('persons.seen', persons.length * 3);
  for (let i = 0; i < persons.length; i++) {
    const p = persons[i]!;
    const text = corpus[seen[i * 3]!]?.text;
    const start = seen[i * 3 + 1]!;
    const end = seen[i * 3 + 2]!;
    if (text === undefined || !(start >= 0 && start < end && end <= text.length && end - start <= 200) || !namesInFull(text.slice(start, end), p)) {
      fail(`person ${i} (${JSON.stringify(p.name).slice(0, 60)}) is not named there in the corpus`);
    }
    if (i % SLICE === 0) yield;
  }

  // Twin groups: at least two passages each, none in two groups.
  const tOffsets = s.int32('twins.offsets');
  const members = s.int32('twins.members');
  checkOffsets('twins.offsets', tOffsets, members.length);
  checkRange('twins.members', members, 0, P);
  for (let g = 0; g + 1 < tOffsets.length; g++) {
    const ids = Array.from(members.subarray(tOffsets[g]!, tOffsets[g + 1]!));
    if (ids.length < 2) fail(`twin group ${g} has fewer than two passages`);
    for (let k = 0; k < ids.length; k++) {
      const p = passages[ids[k]!]!;
      if (p.twins !== NO_TWINS || (k > 0 && ids[k]! <= ids[k - 1]!)) fail(`twin group ${g} repeats or misorders a passage`);
      p.twins = ids;
    }
    if (g % SLICE === 0) yield;
  }

  // Quotations: spans in their article, speakers the corpus names, passages they overlap.
  const qArticle = s.int32('quotes.article');
  const Q = qArticle.length;
  const qStart = s.int32('quotes.start', Q);
  const qEnd = s.int32('quotes.end', Q);
  const qParagraph = s.int32('quotes.paragraph', Q);
  const qPerson = s.int32('quotes.person', Q);
  const qAttribution = s.uint8('quotes.attribution', Q);
  const qUnmarked = s.uint8('quotes.unmarked', Q);
  const qWords = s.int32('quotes.wordCount', Q);
  const qpOffsets = s.int32('quotes.passages.offsets', Q + 1);
  const qpIds = s.int32('quotes.passages.ids');
  checkOffsets('quotes.passages.offsets', qpOffsets, qpIds.length);
  yield;
  checkRange('quotes.article', qArticle, 0, A);
  checkRange('quotes.person', qPerson, -1, persons.length);
  checkRange('quotes.attribution', qAttribution, 0, ATTRIBUTIONS.length);
  checkRange('quotes.unmarked', qUnmarked, 0, 2);
  checkRange('quotes.passages.ids', qpIds, 0, P);
  const speakers = yield* s.listSteps('quotes.speaker', isSpeakerRow);
  if (speakers.length !== Q) fail(`${speakers.length} quotation speakers for ${Q} quotations`);
  const quotes: IndexedQuote[] = [];
  for (let i = 0; i < Q; i++) {
    const a = qArticle[i]!;
    const text = corpus[a]!.text;
    const start = qStart[i]!;
    const end = qEnd[i]!;
    if (!(start >= 0 && start < end && end <= text.length) || !articles[a]!.paragraphs[qParagraph[i]! - 1]) fail(`quote ${i} out of range`);
    const ids = Array.from(qpIds.subarray(qpOffsets[i]!, qpOffsets[i + 1]!));
    for (const id of ids) if (passages[id]!.article !== a || passages[id]!.start >= end || passages[id]!.end <= start) fail(`passages of quote ${i}`);
    // Bounded, not recounted (counting the words of every quotation was most of a small corpus's load).
    if (!(qWords[i]! >= 1 && qWords[i]! <= end - start)) fail(`word count of quote ${i}`);
    const [label, context] = speakers[i]!;
    const person = qPerson[i]! >= 0 ? persons[qPerson[i]!]! : undefined;
    // A named speaker is labelled by their name; a described one ("a Labour spokesman") by words of the
    // article, and the context is the label or words of the article after it.
    if (person ? label !== person.name : !text.includes(label)) fail(`speaker of quote ${i}`);
    if (context !== label && !text.includes(context) && !(context.startsWith(`${label} `) && text.includes(context.slice(label.length + 1)))) fail(`speaker context of quote ${i}`);
    const quote: IndexedQuote = {
      start, end, paragraph: qParagraph[i]!, label, context, attribution: ATTRIBUTIONS[qAttribution[i]!]!, unmarked: qUnmarked[i] === 1,
      id: i, article: a, passages: ids, wordCount: qWords[i]!,
    };
    if (person) quote.person = person.id;
    quotes.push(quote);
    if (i % SLICE === 0) yield;
  }

  const postings = yield* decodePostings(s, 'postings', P);
  return { postings, data: { articles, passages, persons, personSeen: seen, quotes } };
}

/** A compact search index saved under `prefix`, checked: field ids, lengths, ids, posting order. */
export function* decodePostings(s: Sections, prefix: string, documents: number): Generator<void, Postings> {
  const fail = (what: string): never => {
    throw new InvalidIndex(`${prefix}: ${what}`);
  };
  const isMeta = (x: unknown): x is { documentCount: number; fields: string[]; terms: number } => {
    const m = x as { documentCount?: unknown; fields?: unknown; terms?: unknown };
    return typeof m === 'object' && m !== null && Number.isInteger(m.documentCount) && Number.isInteger(m.terms) && Array.isArray(m.fields) && m.fields.every((f) => typeof f === 'string');
  };
  const [meta] = yield* s.listSteps(`${prefix}.meta`, isMeta);
  if (!meta) return fail('no description');
  const F = meta.fields.length;
  if (F < 1 || F > MAX_FIELDS || new Set(meta.fields).size !== F) fail(`${F} fields`);
  if (meta.documentCount !== documents) fail(`${meta.documentCount} documents for ${documents} expected`);
  const ids = s.float64(`${prefix}.ids`, documents);
  const averageFieldLength = s.float64(`${prefix}.averageFieldLength`, F);
  for (const avg of averageFieldLength) if (!(avg > 0 && Number.isFinite(avg)) && documents > 0) fail('average field length');
  const fieldLengths = s.uint32(`${prefix}.fieldLengths`, documents * F);
  const docs = s.int32(`${prefix}.docs`);
  const freqs = s.uint32(`${prefix}.freqs`, docs.length);
  const terms = s.text(`${prefix}.terms`).split('\n');
  if (meta.terms === 0 && terms.length === 1 && terms[0] === '') terms.length = 0;
  if (terms.length !== meta.terms) fail(`${terms.length} terms, expected ${meta.terms}`);
  const starts = s.int32(`${prefix}.starts`, terms.length * F + 1);
  checkOffsets(`${prefix}.starts`, starts, docs.length);
  yield;
  // Within each posting list, ascending short ids of real documents, each counted at least once.
  for (let list = 0; list + 1 < starts.length; list++) {
    let previous = -1;
    for (let j = starts[list]!; j < starts[list + 1]!; j++) {
      const doc = docs[j]!;
      if (!(doc > previous && doc < documents) || freqs[j]! < 1) fail(`posting ${j} of list ${list}`);
      previous = doc;
    }
    if (list % (SLICE * 16) === 0) yield;
  }
  // Documents are indexed in id order (passage or quotation number), so a short id is the id.
  for (let doc = 0; doc < documents; doc++) if (ids[doc] !== doc) fail(`short id ${doc} is document ${ids[doc]}`);
  yield;
  const vocabulary = yield* vocabularyOf(terms);
  if (vocabulary.size !== terms.length) fail('a term is listed twice');
  yield;
  const parts: PostingsParts = { documentCount: documents, fields: meta.fields, averageFieldLength, terms, starts, docs, freqs, fieldLengths, ids };
  return new Postings(parts, MINISEARCH_OPTIONS, vocabulary);
}

/** Whether the text of a mention can name the person in that form (the names are the corpus's own). */
function mentionNames(written: string, person: Person, form: Mention['form']): boolean {
  const name = form === 'full' ? person.name : form === 'surname' ? person.last : (person.first ?? person.last);
  if (written.includes(name)) return true; // as written, the usual case: no folding needed
  if (form === 'full') return namesInFull(written, person);
  return fold(written).includes(fold(name));
}

/**
 * `timeline [TOPIC]`: the dated events of the sources in order. Each entry is a verbatim sentence
 * with one date expression marked, and a calendar date only where the sources give it:
 * - a year written in the expression ("in 2004", "October 21, 2010"), or, for a month and day, a
 *   year written in the same sentence, else in the same paragraph;
 * - the article's publication date (metadata) for "yesterday", "last month", "two weeks ago";
 * - an anchor event the text names ("four weeks before the poll") when that event is itself dated.
 * Anything else is shown as written, after the dated entries ("undated"), never guessed.
 * A sentence with two dates ("from 29 per cent in 2004 to 68 per cent in 2008") is two events.
 */
import { type DateMention, resolveDate } from '../retrieval/dates.js';
import type { Passage } from '../retrieval/index.js';
import { fold, terms } from '../retrieval/text.js';
import type { Lookup } from './lookup.js';
import { resolvePerson } from './persons.js';
import { toSnippets } from './snippets.js';
import { searchPassages } from './textsearch.js';
import type { Snippet } from './types.js';

export interface TimelineEntry {
  snippet: Snippet;
  /** True when no date could be resolved: listed after the dated entries, as written. */
  undated: boolean;
}

/** How much of a topic's information a dated sentence must cover to be on its timeline. */
const TOPIC_MIN_COVERAGE = 0.5;

export function timeline(lookup: Lookup, topic: string): TimelineEntry[] {
  const { passages, articles } = lookup.index.data;
  const keep = topicFilter(lookup, topic);
  const events: { passage: Passage; date: DateMention; resolved?: string; sortKey?: string }[] = [];
  for (const p of passages) {
    if (!lookup.dated[p.id] || !keep(p)) continue;
    for (const date of p.dates) {
      const resolved = resolveMention(lookup, p, date);
      // A decade ("the 1980s") is written in the sources: it has a place in the order, though no date of the YYYY forms.
      const decade = date.kind === 'decade' ? /(?:1[89]|20)\d0/.exec(articles[p.article]!.text.slice(date.start, date.end))?.[0] : undefined;
      const sortKey = resolved ?? decade;
      events.push({ passage: p, date, ...(resolved ? { resolved } : {}), ...(sortKey ? { sortKey } : {}) });
    }
  }
  // An anchored expression takes its anchor's date as a place in the order, never as its own date.
  // Anchors are looked for in the same article only, so each article's events are listed apart (a
  // search of every event for every anchored one took seconds on a large corpus).
  const byArticle = new Map<number, typeof events>();
  for (const e of events) {
    const list = byArticle.get(e.passage.article);
    if (list) list.push(e);
    else byArticle.set(e.passage.article, [e]);
  }
  for (const e of events) {
    if (e.sortKey) continue;
    const anchorKey = anchorOf(lookup, e.passage, e.date, byArticle.get(e.passage.article)!);
    if (anchorKey) e.sortKey = anchorKey;
  }
  const seenTwins = new Set<string>();
  const ordered = events
    .filter((e) => {
      // A passage printed in two articles is one event (toSnippets lists the other as "also in").
      const key = `${groupOf(e.passage)}:${fold(articles[e.passage.article]!.text.slice(e.date.start, e.date.end))}`;
      if (seenTwins.has(key)) return false;
      seenTwins.add(key);
      return true;
    })
    .sort((a, b) => {
      // Keys are ASCII (YYYY-MM-DD and markers): code-unit order, far cheaper than localeCompare.
      if (a.sortKey && b.sortKey) return (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0) || a.passage.id - b.passage.id || a.date.start - b.date.start;
      if (a.sortKey || b.sortKey) return a.sortKey ? -1 : 1;
      return a.passage.id - b.passage.id || a.date.start - b.date.start;
    });
  return ordered.map((e) => {
    const p = e.passage;
    const article = articles[p.article]!;
    const text = article.text.slice(e.date.start, e.date.end);
    const [snippet] = toSnippets(lookup.index, [
      {
        article: p.article,
        start: p.start,
        end: p.end,
        paragraph: p.paragraph,
        score: 1,
        passages: [p.id],
        highlights: [{ start: e.date.start, end: e.date.end, label: 'date' }],
        date: e.resolved ? { text, start: e.date.start, end: e.date.end, resolved: e.resolved } : { text, start: e.date.start, end: e.date.end },
      },
    ]);
    if (!e.sortKey) snippet!.date = { ...snippet!.date!, undated: true };
    return { snippet: snippet!, undated: !e.sortKey };
  });
}

/**
 * The passages of a passage's paragraph: its neighbours in passage order (an article's passages are
 * consecutive), found by walking out from it rather than by filtering every passage of the corpus.
 */
function paragraphOf(lookup: Lookup, p: Passage): Passage[] {
  const { passages } = lookup.index.data;
  const same = (x: Passage | undefined): x is Passage => x !== undefined && x.article === p.article && x.paragraph === p.paragraph;
  let from = p.id;
  while (same(passages[from - 1])) from--;
  let to = p.id;
  while (same(passages[to + 1])) to++;
  return passages.slice(from, to + 1);
}

/**
 * The first passage of a passage's group of twins (the same sentence printed elsewhere): a group's
 * list is shared by its passages and in passage order, so its first id is the smallest. Not a
 * spread over the list: a sentence repeated in thousands of articles made that quadratic.
 */
function groupOf(p: Passage): number {
  return p.twins.length ? Math.min(p.id, p.twins[0]!) : p.id;
}

/** The passages a topic keeps: all for no topic; a person's own; else those covering its words. */
function topicFilter(lookup: Lookup, topic: string): (p: Passage) => boolean {
  if (!topic.trim()) return () => true;
  const person = resolvePerson(lookup, topic);
  if (person.kind === 'person') {
    // "He was controversially readmitted ...": a sentence opening with a pronoun is about the person of the one before.
    const { passages } = lookup.index.data;
    const opensWithPronoun = (p: Passage) => /^\W*(?:he|she|his|her)\b/i.test(lookup.passageText(p));
    return (p) => {
      if (lookup.involves(p, person.person.id)) return true;
      const before = passages[p.id - 1];
      return opensWithPronoun(p) && before?.article === p.article && lookup.involves(before, person.person.id);
    };
  }
  const hits = searchPassages(lookup, topic, { filter: (id) => lookup.dated[id] === 1, minCoverage: TOPIC_MIN_COVERAGE, window: true, limit: 1000 });
  const ids = new Set(hits.map((h) => h.passage.id));
  return (p) => ids.has(p.id);
}

const YEAR = /\b(?:1[89]|20)\d\d\b/;
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** The calendar date of a date expression, when the sources make it certain. */
function resolveMention(lookup: Lookup, p: Passage, date: DateMention): string | undefined {
  const article = lookup.index.data.articles[p.article]!;
  const text = article.text.slice(date.start, date.end);
  switch (date.kind) {
    case 'year':
      return YEAR.exec(text)?.[0];
    case 'decade':
      return undefined;
    case 'calendar': {
      const full = calendarDate(text);
      if (full) return full;
      // A month and day: the year written in the sentence, else the paragraph, else the article's date.
      const year = yearsOther(p.dates, article.text, date)[0] ?? paragraphOf(lookup, p).flatMap((x) => yearsOther(x.dates, article.text, date))[0];
      return year ? calendarDate(`${text} ${year}`) : resolveDate(text, article.ref.date);
    }
    default:
      return resolveRelative(text, article.ref.date);
  }
}

function yearsOther(dates: DateMention[], text: string, not: DateMention): string[] {
  return dates.filter((d) => d !== not && d.kind === 'year').map((d) => text.slice(d.start, d.end));
}

/** "October 21, 2010", "21st October 2010", "October 2010" → ISO; undefined without a year. */
function calendarDate(text: string): string | undefined {
  const t = fold(text);
  const year = YEAR.exec(t)?.[0];
  const month = MONTHS.findIndex((m) => t.includes(m)) + 1 || MONTHS.findIndex((m) => new RegExp(`\\b${m.slice(0, 3)}\\b`).test(t)) + 1;
  if (!year || !month) return undefined;
  const day = /\b(\d{1,2})(?:st|nd|rd|th)?\b(?!\d)/.exec(t.replace(YEAR, ''))?.[1];
  const mm = String(month).padStart(2, '0');
  return day ? `${year}-${mm}-${day.padStart(2, '0')}` : `${year}-${mm}`;
}

/** Relative expressions from the article's publication date: days via resolveDate, months and years here. */
export function resolveRelative(text: string, published: string | undefined): string | undefined {
  const exact = resolveDate(text, published);
  if (exact || !published || !/^\d{4}-\d{2}-\d{2}$/.test(published)) return exact;
  const e = fold(text).replace(/['’]s$/, '').trim();
  const y = Number(published.slice(0, 4));
  const m = Number(published.slice(5, 7));
  const month = (yy: number, mm: number) => {
    const d = new Date(Date.UTC(yy, mm - 1, 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  };
  if (/^(?:just |only )?this month$/.test(e)) return month(y, m);
  if (/^(?:just |only )?last month$/.test(e)) return month(y, m - 1);
  if (/^(?:just |only )?next month$/.test(e)) return month(y, m + 1);
  if (/^(?:just |only )?this year$/.test(e)) return String(y);
  if (/^(?:just |only )?last year$/.test(e)) return String(y - 1);
  if (/^(?:just |only )?next year$/.test(e)) return String(y + 1);
  return undefined;
}

/**
 * "four weeks before the poll": the order key of the anchor event when the sources date it (an
 * entry of the same article, among `events`, whose sentence names the anchor's words and has a
 * resolved date).
 */
function anchorOf(lookup: Lookup, p: Passage, date: DateMention, events: { passage: Passage; date: DateMention; sortKey?: string }[]): string | undefined {
  const text = lookup.index.data.articles[p.article]!.text.slice(date.start, date.end);
  const m = /\b(before|after|ahead of|since)\s+(?:the|this|that|his|her|its|their)\s+(.+)$/i.exec(text);
  if (!m) return undefined;
  const anchorTerms = terms(m[2]!);
  const anchor = events.find(
    (e) =>
      e.sortKey &&
      e.passage.article === p.article &&
      e.passage.id !== p.id &&
      anchorTerms.every((t) => terms(lookup.passageText(e.passage)).includes(t)),
  );
  if (!anchor?.sortKey) return undefined;
  // Just before or after the anchor, so the anchored entry sits beside it without a date of its own.
  return m[1]!.toLowerCase() === 'after' || m[1]!.toLowerCase() === 'since' ? `${anchor.sortKey}~` : `${anchor.sortKey.slice(0, -1)}${String.fromCharCode(anchor.sortKey.charCodeAt(anchor.sortKey.length - 1) - 1)}~`;
}

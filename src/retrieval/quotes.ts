/**
 * Quotations and who said them. A quotation is text between double quote marks (curly or straight),
 * or a statement printed without marks after an introduction ("Here's Ken's statement in full:",
 * "Here is a snippet:"). Attribution follows how news text does it:
 * - "…," he said / "…," said a Labour spokesman / (“…,” according to the councillor);
 * - X said: "…" / X said on his blog that … "…" / X, the Tory MP, said: "…" / X who told me … "…";
 * - a pronoun goes to the person the text was last about, never to someone named inside a quote;
 * - a quote that opens the next paragraph, or follows right after an attributed one, continues it;
 * - a short phrase in quote marks with no speech verb is a scare quote: it has no speaker.
 */
import type { Mention } from './people.js';
import type { Span } from './passages.js';

export type Attribution = 'explicit' | 'pronoun' | 'continuation' | 'introduced' | 'statement';

export interface Quote {
  start: number;
  end: number;
  /** Paragraph number (1-based, body paragraphs). */
  paragraph: number;
  /** The speaker as the article names them ("a Labour spokesman", "Tom Harris"). */
  label: string;
  /** Person id when the speaker is a known person. */
  person?: string;
  /**
   * Text that describes the speaker: the label, plus the sentence before it when the label is a
   * description ("the flyer" after "Mr Robbani's main election leaflet ...").
   */
  context: string;
  attribution: Attribution;
  /** True for a statement printed without quote marks. */
  unmarked: boolean;
}

export interface QuoteInput {
  text: string;
  /** Body paragraphs and bylines in file order. */
  blocks: { start: number; end: number; role: 'body' | 'byline'; n: number }[];
  /** Sentences of body paragraphs, in order, with the paragraph number they belong to. */
  sentences: (Span & { paragraph: number })[];
  /** Person mentions of each sentence (same order as `sentences`). */
  mentions: Mention[][];
  /** Mentions found in byline blocks, keyed by the block's start offset. */
  bylineMentions: Map<number, Mention[]>;
  personName: (id: string) => string;
}

const SPEECH_VERBS =
  'said|says|say|told|tells|added|adds|insisted|insists|argued|argues|claimed|claims|stated|states|warned|warns|explained|explains|admitted|admits|replied|replies|wrote|writes|declared|declares|urged|urges|asked|asks|confirmed|confirms|continued|went on';
const VERB_AFTER = new RegExp(`^[\\s,]*(?:(${SPEECH_VERBS})\\s+((?:[\\p{L}’'-]+\\s*){1,6}?)(?=[.,;:!?)]|$)|((?:[\\p{L}’'-]+\\s+){0,5}?[\\p{L}’'-]+)\\s+(${SPEECH_VERBS})\\b|\\(?according to\\s+((?:[\\p{L}’'-]+\\s*){1,6}?)(?=[.,;:!?)]|$))`, 'iu');
const LAST_VERB = new RegExp(`\\b(${SPEECH_VERBS}|according to)\\b`, 'giu');
const PRONOUNS = /^(he|she|they|it)$/i;
const INTRO_NOUNS = /\b(statement|snippet|article|letter|text|extract|excerpt|speech|post|words|remarks|message|email|tweet)\b/i;

interface MarkedSpan extends Span {
  /** The paragraph ended while the quote was still open (it runs on into the next one). */
  runsOn: boolean;
}

/** Quote-mark spans of one paragraph; a closing mark without an opening one is ignored. */
export function findQuoteMarks(text: string, para: Span): MarkedSpan[] {
  const spans: MarkedSpan[] = [];
  let open = -1;
  for (let i = para.start; i < para.end; i++) {
    const c = text[i];
    if (c === '“' || (c === '"' && open < 0)) {
      if (open < 0) open = i;
    } else if ((c === '”' || c === '"') && open >= 0) {
      spans.push({ start: open, end: i + 1, runsOn: false });
      open = -1;
    }
  }
  if (open >= 0 && para.end - open > 1) spans.push({ start: open, end: para.end, runsOn: true });
  return spans;
}

function wordCount(s: string): number {
  return s.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

/** Finds and attributes the quotations of one article. */
export function findQuotes(input: QuoteInput): Quote[] {
  const { text, sentences, mentions } = input;
  const quotes: Quote[] = [];
  const body = input.blocks.filter((b) => b.role === 'body');
  const quoteSpans = body.map((p) => findQuoteMarks(text, p));
  // Looked up, not rescanned: a scan of every quote span per position, or of every sentence per
  // paragraph, made an article of 8,000 one-sentence paragraphs take 83 s.
  const allSpans = quoteSpans.flat(); // in file order, none overlapping
  const inQuote = (pos: number) => {
    const at = lastAtOrBefore(allSpans, pos);
    return at >= 0 && pos < allSpans[at]!.end;
  };
  const byParagraph = new Map<number, (Span & { paragraph: number; i: number })[]>();
  sentences.forEach((s, i) => {
    const list = byParagraph.get(s.paragraph);
    if (list) list.push({ ...s, i });
    else byParagraph.set(s.paragraph, [{ ...s, i }]);
  });
  const sentencesOf = (n: number) => byParagraph.get(n) ?? [];
  const blockAt = new Map(input.blocks.map((b, i) => [b.start, i]));

  /** The person the text is about just before `pos`: the first person named outside quotes in the latest sentence that names one. */
  // For each sentence, the latest sentence up to it naming someone outside quotation marks: the walk
  // back to the last person named jumps there, where it stepped through every sentence (quadratic in
  // an article of many attributed quotations that names no one).
  const namedUpTo = new Int32Array(sentences.length);
  sentences.forEach((_, i) => (namedUpTo[i] = mentions[i]!.some((m) => !inQuote(m.start)) ? i : i > 0 ? namedUpTo[i - 1]! : -1));
  const subjectBefore = (pos: number): { person: string; label: string } | undefined => {
    const last = quotes.at(-1);
    const from = lastBefore(sentences, pos);
    if (from < 0) return undefined;
    // The latest sentence before `pos` naming someone (before `pos`, in the sentence it falls in).
    const named = mentions[from]!.some((m) => m.end <= pos && !inQuote(m.start)) ? from : from > 0 ? namedUpTo[from - 1]! : -1;
    // The last quotation's speaker, when the walk back reaches the sentence it ends in first.
    if (last?.person && last.end <= pos && last.attribution !== 'statement') {
      const reached = lastBefore(sentences, last.end);
      if (reached >= 0 && reached >= named) return { person: last.person, label: last.label };
    }
    if (named < 0) return undefined;
    const own = mentions[named]!.filter((m) => m.end <= pos && !inQuote(m.start) && !isPossessiveModifier(text, m));
    const chosen = own[0] ?? mentions[named]!.find((m) => m.end <= pos && !inQuote(m.start))!;
    return { person: chosen.person, label: input.personName(chosen.person) };
  };

  /** Resolves a noun phrase that names a speaker: a person, a pronoun, or a description. */
  const speakerOf = (np: string, npStart: number, npEnd: number, sentenceIndex: number, beforePos: number) => {
    const words = np.trim();
    if (PRONOUNS.test(words)) {
      const subject = subjectBefore(beforePos);
      return subject ? { ...subject, attribution: 'pronoun' as const, context: subject.label } : undefined;
    }
    const person = mentions[sentenceIndex]!.find((m) => m.start >= npStart && m.end <= npEnd && !isPossessiveModifier(text, m));
    if (person) return { person: person.person, label: input.personName(person.person), attribution: 'explicit' as const, context: words };
    // A description: "a Labour spokesman", "the flyer". Definite ones point back to the previous sentence.
    const prev = sentences[sentenceIndex - 1];
    const context = /^the\b/i.test(words) && prev ? `${words} ${text.slice(prev.start, prev.end)}` : words;
    return { label: words, attribution: 'explicit' as const, context };
  };

  body.forEach((para, pi) => {
    const paraSentences = sentencesOf(para.n);
    for (const q of quoteSpans[pi]!) {
      const si = containing(paraSentences, q.start)?.i ?? paraSentences[0]?.i;
      const ei = containing(paraSentences, q.end - 1)?.i ?? si;
      if (si === undefined || ei === undefined || wordCount(text.slice(q.start, q.end)) < 1) continue;
      const attributed = attributeInSentence(q, si, ei) ?? introducedBy(q, para, pi) ?? continuation(q, para, pi);
      if (!attributed) continue; // a scare quote or a quote we cannot attribute: no speaker
      quotes.push({ start: q.start, end: q.end, paragraph: para.n, unmarked: false, ...attributed });
    }
    statementAfter(para, pi);
  });

  return quotes.sort((a, b) => a.start - b.start);

  function attributeInSentence(q: MarkedSpan, si: number, ei: number) {
    const s = sentences[si]!;
    // After the closing mark: "…," he said / said X / X said / according to X.
    const tailStart = q.end;
    const tail = text.slice(tailStart, Math.max(tailStart, sentences[ei]!.end));
    const after = VERB_AFTER.exec(tail);
    const np = after ? (after[2] ?? after[3] ?? after[5] ?? '') : '';
    if (after && np && !/^(?:and|but|or|that|to|who|which|then)\b/i.test(np.trim()) && wordCount(np) <= 6) {
      const npStart = tailStart + after[0].indexOf(np);
      const found = speakerOf(np, npStart, npStart + np.length, ei, q.start);
      if (found) return found;
    }
    // Before the opening mark: the last speech verb of the sentence before the quote, and its subject.
    const head = text.slice(s.start, q.start);
    const verbs = [...head.matchAll(LAST_VERB)].filter((m) => !inQuote(s.start + m.index));
    for (let v = verbs.length - 1; v >= 0; v--) {
      const verb = verbs[v]!;
      const before = head.slice(0, verb.index);
      if (/\b(?:and|but)\s*$/i.test(before) && v > 0) continue; // "said that … and added:": the earlier verb has the subject
      const subject = subjectPhrase(before);
      if (subject === undefined || /,\s*$/.test(before) || /\b(?:and|but)\s*$/i.test(before)) {
        // "X, the Tory MP for Chelsea, said:" / "X … but insisted": the sentence's subject speaks.
        const first = mentions[si]!.find((m) => m.start < s.start + verb.index && !inQuote(m.start) && !isPossessiveModifier(text, m));
        if (first) return { person: first.person, label: input.personName(first.person), attribution: 'explicit' as const, context: input.personName(first.person) };
        continue;
      }
      const npStart = s.start + subject.start;
      return speakerOf(subject.phrase, npStart, npStart + subject.phrase.length, si, q.start);
    }
    return undefined;
  }

  /** A quote opening a paragraph after an attributed quote, or right after one in the same paragraph. */
  function continuation(q: MarkedSpan, para: Span, pi: number) {
    const last = quotes.at(-1);
    if (!last) return undefined;
    const gap = text.slice(last.end, q.start);
    const opensParagraph = /^\s*$/.test(text.slice(para.start, q.start));
    const previousPara = body[pi - 1];
    const followsInParagraph = last.end >= para.start && gap.length <= 40 && !/[“"]/.test(gap);
    // The previous paragraph must end with that quote (and its "he said"), not merely contain one.
    const followsPreviousParagraph =
      opensParagraph &&
      previousPara !== undefined &&
      last.end > previousPara.start &&
      last.paragraph === previousPara.n &&
      previousPara.end - last.end <= 40;
    if (!followsInParagraph && !followsPreviousParagraph) return undefined;
    const { label, person, context } = last;
    return { label, person, context, attribution: 'continuation' as const };
  }

  /** "I reported them here; here they are again:" then a quote: the last person named before the colon. */
  function introducedBy(q: MarkedSpan, para: Span, pi: number) {
    const prev = body[pi - 1];
    if (!prev || !/:\s*$/.test(text.slice(prev.start, prev.end)) || !/^\s*$/.test(text.slice(para.start, q.start))) return undefined;
    const candidates = sentencesOf(prev.n).flatMap(({ i }) => mentions[i]!.filter((m) => !inQuote(m.start)));
    const chosen = candidates.at(-1);
    if (!chosen) return undefined;
    const label = input.personName(chosen.person);
    return { person: chosen.person, label, context: label, attribution: 'introduced' as const };
  }

  /** "Here's Ken's statement in full:" followed by paragraphs without quote marks. */
  function statementAfter(intro: Span & { n: number }, pi: number) {
    const introText = text.slice(intro.start, intro.end);
    const lastSentence = sentencesOf(intro.n).at(-1);
    if (!lastSentence || !/:\s*$/.test(introText)) return;
    const introLine = text.slice(lastSentence.start, lastSentence.end);
    if (!INTRO_NOUNS.test(introLine) && !/\bin full\b/i.test(introLine)) return;
    const blockIndex = blockAt.get(intro.start) ?? -1;
    const byline = input.blocks[blockIndex + 1]?.role === 'byline' ? input.blocks[blockIndex + 1] : undefined;
    const speaker =
      (byline && input.bylineMentions.get(byline.start)?.[0]) ??
      authorIn(intro.n, /\b(?:statement|snippet|article|letter|text|speech|post|words|remarks|message|email)\s+(?:by|from)\s*$/i) ??
      sentencesOf(intro.n)
        .flatMap((s) => mentions[s.i]!)
        .find((m) => /^['’‘]s\b/.test(text.slice(m.end, m.end + 3)) && INTRO_NOUNS.test(text.slice(m.end, m.end + 40)));
    if (!speaker) return;
    const whole = /\bin full\b/i.test(introLine) || byline !== undefined;
    const following = body.slice(pi + 1);
    const statement = whole ? following : following.slice(0, 1);
    for (const para of statement) {
      if (findQuoteMarks(text, para).some((q) => q.start === para.start)) break; // a quoted paragraph is not part of it
      for (const s of sentencesOf(para.n)) {
        const label = input.personName(speaker.person);
        quotes.push({ start: s.start, end: s.end, paragraph: para.n, label, person: speaker.person, context: label, attribution: 'statement', unmarked: true });
      }
    }
  }

  /** A person named right after "article by" in the introducing paragraph. */
  function authorIn(n: number, cue: RegExp): Mention | undefined {
    for (const s of sentencesOf(n)) {
      for (const m of mentions[s.i]!) {
        if (cue.test(text.slice(Math.max(s.start, m.start - 40), m.start))) return m;
      }
    }
    return undefined;
  }
}

/** Index of the last span starting at or before `pos` (spans sorted by start), or -1. */
function lastAtOrBefore(spans: readonly Span[], pos: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (spans[mid]!.start <= pos) lo = mid + 1;
    else hi = mid - 1;
  }
  return hi;
}

/** Index of the last span starting before `pos` (spans sorted by start), or -1. */
function lastBefore(spans: readonly Span[], pos: number): number {
  return lastAtOrBefore(spans, pos - 1);
}

/** The first of the sorted, non-overlapping spans that contains `pos`. */
function containing<T extends Span>(spans: readonly T[], pos: number): T | undefined {
  const at = lastAtOrBefore(spans, pos);
  const span = spans[at];
  return span && pos < span.end ? span : undefined;
}

/** "Ken’s spokesman": the person modifies a noun and is not the one speaking. */
function isPossessiveModifier(text: string, m: Mention): boolean {
  return /^['’‘]s?\s+\p{Ll}/u.test(text.slice(m.end, m.end + 4));
}

/** The noun phrase right before a speech verb: up to six words back to a clause boundary. */
function subjectPhrase(before: string): { phrase: string; start: number } | undefined {
  const m = /((?:[\p{L}\p{N}’'-]+\s+){0,5}[\p{L}\p{N}’'-]+)\s*$/u.exec(before);
  if (!m) return undefined;
  // Stop at words that end a clause, so "that, if Mr X had campaigned" is not a subject.
  const words = m[1]!.split(/\s+/);
  const cut = words.map((w) => /^(that|if|when|because|while|as|and|but|after|before|to|of)$/i.test(w)).lastIndexOf(true);
  const kept = words.slice(cut + 1);
  if (!kept.length) return undefined;
  if (/^who$/i.test(kept.at(-1)!)) {
    // "Ken Livingstone who told me": the subject is before "who".
    const rest = before.slice(0, before.length - m[0].length + m[1]!.lastIndexOf(kept.at(-1)!));
    return subjectPhrase(rest);
  }
  const phrase = kept.join(' ');
  const start = before.length - m[0].length + m[1]!.length - phrase.length;
  return { phrase, start };
}

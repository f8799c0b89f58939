/**
 * Synthetic corpora for the benchmark, made from the real articles so that the text has their shape
 * (chrome, bylines, quotations, dates, names in context) at any size. Every synthetic article starts
 * from one real article and varies it enough that the index is not trivially deduplicated:
 * - paragraphs dropped and borrowed from other articles;
 * - half of the people renamed, consistently within the article, from pools of first names and
 *   surnames (so the people index grows with the corpus, as it would with real articles);
 * - numbers, years, months and weekdays changed;
 * - three ordinary words of every sentence swapped for other words of the corpus, so that a sentence
 *   is not repeated verbatim thousands of times (a real corpus does not do that, and the twin links
 *   of repeated passages would grow quadratically);
 * - a few articles reprint a paragraph of the previous one verbatim, as syndicated text does.
 * Generation is deterministic for a given seed, so every run measures the same corpus.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '../src/retrieval/corpus.js';
import { classifyBlocks } from '../src/retrieval/passages.js';
import type { Person } from '../src/retrieval/people.js';
import { STOP_WORDS } from '../src/retrieval/text.js';

const FIRST_NAMES =
  'Aisha Amir Anwar Asif Bilal Claire David Deborah Emma Farid Fatima Gareth Hannah Harun Ian Imran Jamal Jane Joanna Karim Kate Leila Liam Mahmud Maria Mark Michael Mina Nadia Nasir Neil Nora Omar Paul Priya Rachel Rashid Rehana Robert Ruth Sadia Salma Samir Sarah Shahid Simon Sophie Tahir Tariq Victoria William Yasmin Zahid Zara'.split(' ');
const LAST_NAMES =
  'Ahmed Akhtar Ali Archer Baker Barker Begum Bennett Bose Campbell Carter Chaudhry Clarke Cooper Davies Dixon Edwards Evans Fisher Foster Graham Green Hall Haque Harrison Hassan Hughes Hussain Islam Jackson James Jones Kamal Kelly Lewis Mahmood Malik Marsh Mason Miah Mitchell Morgan Murray Nash Noor Owen Parker Patel Price Qureshi Rahim Reid Roberts Sarkar Shah Sharif Siddiqui Taylor Thomas Turner Walker Ward Watson Webb Wood Wright Yousuf'.split(' ');
const OUTLETS = ['East London Advertiser', 'Evening Standard', 'The Guardian', 'Labour List', 'Harry’s Place', 'The Times', 'Socialist Unity'];
const MONTHS = 'January February March April May June July August September October November December'.split(' ');
const WEEKDAYS = 'Monday Tuesday Wednesday Thursday Friday Saturday Sunday'.split(' ');

/** Deterministic pseudo-random numbers (mulberry32), so a seed always gives the same corpus. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SynthArticle {
  name: string;
  text: string;
  meta: { title: string; kind: string; outlet?: string; author?: string; date?: string };
}

export interface SynthOptions {
  /** How many articles to make. */
  articles: number;
  /** Seed of the pseudo-random choices; the same seed gives the same corpus. */
  seed?: number;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Makes synthetic articles from real ones. `persons` are the people of the real corpus (from its
 * index): the names the generator renames.
 */
export function synthesize(real: Article[], persons: Person[], options: SynthOptions): SynthArticle[] {
  const rnd = random(options.seed ?? 2010);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const bodies = real.map((a) => classifyBlocks(a.text).map((b) => ({ role: b.role, text: a.text.slice(b.start, b.end) })));
  const allBody = bodies.flatMap((blocks) => blocks.filter((b) => b.role === 'body').map((b) => b.text));
  const vocabulary = [...new Set(real.flatMap((a) => a.text.match(/(?<![\p{L}'’-])\p{Ll}{4,}(?![\p{L}'’-])/gu) ?? []))].filter((w) => !STOP_WORDS.has(w));
  // Real corpora keep meeting new words as they grow; invented words (about three per article) give
  // the index a vocabulary that grows with the corpus instead of staying at the real articles' size.
  const syllables = 'ba be bi bo da de di do fa fe fo ga ge go ka ke ki ko la le li lo ma me mi mo na ne ni no pa pe po ra re ri ro sa se si so ta te ti to va ve vi wa we ya zo'.split(' ');
  const invented = Array.from({ length: Math.min(30_000, 3 * options.articles) }, () =>
    Array.from({ length: 2 + Math.floor(rnd() * 3) }, () => pick(syllables)).join('') + pick(['', 'n', 'r', 'st', 'l', 'ck'] as const),
  );
  const swapIn = () => (invented.length && rnd() < 0.3 ? pick(invented) : pick(vocabulary));
  const named = persons.filter((p) => p.first !== undefined && p.first !== p.last);
  // One pattern for every name form, longest first, so "Lutfur Rahman" wins over "Rahman".
  const forms = new Map<string, { person: Person; part: 'full' | 'first' | 'last' }>();
  for (const p of named) {
    forms.set(p.name, { person: p, part: 'full' });
    if (!forms.has(p.last)) forms.set(p.last, { person: p, part: 'last' });
    if (!forms.has(p.first!)) forms.set(p.first!, { person: p, part: 'first' });
  }
  const namePattern = new RegExp(`(?<![\\p{L}])(?:${[...forms.keys()].sort((a, b) => b.length - a.length).map(escape).join('|')})(?![\\p{L}])`, 'gu');

  const out: SynthArticle[] = [];
  for (let i = 0; i < options.articles; i++) {
    const base = i % real.length;
    const source = real[base]!;
    const renamed = new Map<string, { first: string; last: string }>();
    for (const p of named) if (rnd() < 0.5) renamed.set(p.id, { first: pick(FIRST_NAMES), last: pick(LAST_NAMES) });
    const vary = (text: string) =>
      text
        .replace(namePattern, (form) => {
          const { person, part } = forms.get(form)!;
          const to = renamed.get(person.id);
          if (!to) return form;
          return part === 'full' ? `${to.first} ${to.last}` : part === 'first' ? to.first : to.last;
        })
        .replace(/\b(1[89]|20)\d\d\b/g, () => String(1990 + Math.floor(rnd() * 36)))
        .replace(/\b\d{1,3}\b/g, (n) => String(Math.max(1, Math.floor(rnd() * 10 ** n.length))))
        .replace(new RegExp(`\\b(?:${MONTHS.join('|')})\\b`, 'g'), () => pick(MONTHS))
        .replace(new RegExp(`\\b(?:${WEEKDAYS.join('|')})\\b`, 'g'), () => pick(WEEKDAYS));
    const swapWords = (paragraph: string) =>
      paragraph
        .split(/(?<=[.!?]["”’]?)(?=\s)/)
        .map((sentence) => {
          const slots = [...sentence.matchAll(/(?<![\p{L}'’-])\p{Ll}{4,}(?![\p{L}'’-])/gu)].filter((m) => !STOP_WORDS.has(m[0]));
          const chosen = new Set<number>();
          while (chosen.size < Math.min(3, slots.length)) chosen.add(Math.floor(rnd() * slots.length));
          let result = sentence;
          for (const k of [...chosen].sort((a, b) => b - a)) {
            const m = slots[k]!;
            result = result.slice(0, m.index) + swapIn() + result.slice(m.index + m[0].length);
          }
          return result;
        })
        .join('');

    const blocks: string[] = [];
    for (const b of bodies[base]!) {
      if (b.role !== 'body') {
        blocks.push(vary(b.text));
        continue;
      }
      if (rnd() < 0.15) continue;
      blocks.push(swapWords(vary(b.text)));
      if (rnd() < 0.1) blocks.push(swapWords(vary(pick(allBody))));
    }
    const previous = out.at(-1);
    if (previous && rnd() < 0.03) {
      const reprinted = previous.text.split('\n\n').filter((b) => b.length > 200);
      if (reprinted.length) blocks.push(pick(reprinted));
    }
    const meta: SynthArticle['meta'] = { title: `${vary(source.ref.title)} (${i + 1})`.slice(0, 200), kind: source.ref.kind };
    if (rnd() < 0.6) meta.outlet = pick(OUTLETS);
    if (rnd() < 0.5) meta.author = `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`;
    if (rnd() < 0.7) meta.date = `${2008 + Math.floor(rnd() * 5)}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
    out.push({ name: `synthetic-${String(i + 1).padStart(5, '0')}-${source.ref.id}`, text: `${blocks.join('\n\n')}\n`, meta });
  }
  return out;
}

/** Writes a synthetic corpus as `NAME.txt` + `NAME.meta.json` files into a fresh folder. */
export function writeCorpus(dir: string, articles: SynthArticle[]): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const a of articles) {
    writeFileSync(join(dir, `${a.name}.txt`), a.text);
    writeFileSync(join(dir, `${a.name}.meta.json`), `${JSON.stringify(a.meta, null, 2)}\n`);
  }
}

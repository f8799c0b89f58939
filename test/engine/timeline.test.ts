/** /timeline on the real corpus and on a small dated corpus (what may be resolved, and how). */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/answers/engine.js';
import { loadEngine as loadProjectEngine } from '../../src/runtime/load.js';
import { resolveRelative } from '../../src/answers/timeline.js';
import type { Answer, Snippet } from '../../src/answers/types.js';
import { expectVerbatim, fileText, loadEngine } from './helpers.js';

/** Every entry of a timeline, all pages. */
function all(engine: Engine, query: string): Snippet[] {
  const out: Snippet[] = [];
  let a: Answer;
  let page = 0;
  do {
    a = engine.answer({ command: 'timeline', query, page: page++ });
    out.push(...a.snippets);
  } while (a.hasMore);
  return out;
}

describe('timeline of the bundled corpus', () => {
  let entries: Snippet[];
  beforeAll(async () => {
    entries = all(await loadEngine(), '');
  }, 60_000);

  it('quotes every entry verbatim, its date expression inside it and exactly the file slice', () => {
    expect(entries.length).toBeGreaterThan(20);
    for (const s of entries) {
      expectVerbatim(s);
      expect(s.date).toBeDefined();
      expect(s.date!.start).toBeGreaterThanOrEqual(s.start);
      expect(s.date!.end).toBeLessThanOrEqual(s.end);
      expect(fileText(s.file).slice(s.date!.start, s.date!.end)).toBe(s.date!.text);
      if (s.date!.resolved) expect(s.date!.resolved).toMatch(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/);
    }
  });

  it('puts resolved dates in order, and the undated entries after all of them', () => {
    const firstUndated = entries.findIndex((s) => s.date!.undated);
    expect(firstUndated).toBeGreaterThan(0);
    expect(entries.slice(firstUndated).every((s) => s.date!.undated)).toBe(true);
    const resolved = entries.slice(0, firstUndated).flatMap((s) => (s.date!.resolved ? [s.date!.resolved] : []));
    expect(resolved).toEqual([...resolved].sort());
  });

  it('holds the events whose years the sources write, and the election "on October 21"', () => {
    const find = (phrase: string, date: string) => entries.find((s) => s.text.includes(phrase) && s.date!.text === date);
    expect(find('expelled in 2000 under the same clause', '2000')?.date!.resolved).toBe('2000');
    expect(find('readmitted to the party in 2004', '2004')?.date!.resolved).toBe('2004');
    // One sentence, two events: the 2004 and the 2008 mayoral votes.
    expect(find('from 29 per cent of the vote in the 2004 mayoral election', '2004')?.date!.resolved).toBe('2004');
    expect(find('from 29 per cent of the vote in the 2004 mayoral election', '2008')?.date!.resolved).toBe('2008');
    // No year is written for October 21 and the article has no date: shown as written, never guessed.
    const october = find('for the mayoral election on October 21', 'October 21');
    expect(october).toBeDefined();
    expect(october!.date!.resolved).toBeUndefined();
    expect(october!.date!.undated).toBe(true);
  });

  it('filters by a person, counting a "He ..." sentence that follows one naming them', async () => {
    const ken = all(await loadEngine(), 'Livingstone');
    expect(ken.some((s) => s.text.startsWith('He was controversially readmitted'))).toBe(true);
    expect(ken.every((s) => !s.text.includes('Legal advice was taken'))).toBe(true);
  });
});

describe('what the sources allow to be resolved', () => {
  let dir: string;
  let engine: Engine;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'timeline-'));
    mkdirSync(join(dir, 'corpus'));
    const text = [
      'Town hall poll ends in a recount',
      'The poll was held on 21 October 2010, and the count ran late into the night.',
      'Mr Smith was expelled four weeks before the poll, a spokesman said yesterday.',
      'He had been selected last month and will face the panel next Tuesday.',
    ].join('\n\n');
    writeFileSync(join(dir, 'corpus', 'recount.txt'), text);
    writeFileSync(join(dir, 'corpus', 'recount.meta.json'), JSON.stringify({ title: 'Town hall poll ends in a recount', kind: 'news report', date: '2010-10-25' }));
    engine = await loadProjectEngine({ root: dir });
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('resolves a full date, "yesterday" and "last month" from the article date, and places an anchored date by its anchor', () => {
    const entries = all(engine, '');
    const by = (t: string) => entries.find((s) => s.date!.text === t)!;
    expect(by('21 October 2010').date!.resolved).toBe('2010-10-21');
    expect(by('yesterday').date!.resolved).toBe('2010-10-24');
    expect(by('last month').date!.resolved).toBe('2010-09');
    const anchored = by('four weeks before the poll');
    expect(anchored.date!.resolved).toBeUndefined();
    expect(anchored.date!.undated).toBeUndefined();
    // Placed just before the poll it is anchored to, after everything earlier.
    const order = entries.map((s) => s.date!.text);
    expect(order.indexOf('last month')).toBeLessThan(order.indexOf('four weeks before the poll'));
    expect(order.indexOf('four weeks before the poll')).toBe(order.indexOf('21 October 2010') - 1);
    // "next Tuesday" could be resolved, but only a day the sources make certain is given.
    expect(by('next Tuesday').date!.undated).toBe(true);
  });

  it('resolves relative months and years only from a publication date', () => {
    expect(resolveRelative('last month', '2010-01-15')).toBe('2009-12');
    expect(resolveRelative('this year', '2010-01-15')).toBe('2010');
    expect(resolveRelative('last month', undefined)).toBeUndefined();
    expect(resolveRelative('a couple of weekends ago', '2010-01-15')).toBeUndefined();
  });
});

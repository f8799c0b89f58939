import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/answers/engine.js';
import { loadEngine } from '../../src/runtime/load.js';
import { findDates, resolveDate, type DateKind } from '../../src/retrieval/dates.js';

/** The date expressions of a text, as written. */
function dates(text: string): string[] {
  return findDates(text).map((d) => text.slice(d.start, d.end));
}

/** Expects exactly one date in the sentence, covering `core` (a lead word like "on" and a possessive allowed). */
function expectOneDate(sentence: string, core: string, kind?: DateKind): void {
  const found = findDates(sentence);
  expect(found, sentence).toHaveLength(1);
  const d = found[0]!;
  const written = sentence.slice(d.start, d.end);
  expect(written, sentence).toContain(core);
  expect(written.length, sentence).toBeLessThanOrEqual(core.length + 6); // "on Thursday’s" may keep its preposition and possessive
  if (kind) expect(d.kind, sentence).toBe(kind);
}

describe('findDates finds the date expressions news text uses', () => {
  it('years and decades', () => {
    expectOneDate('He was first elected mayor in 2000 as an independent.', '2000', 'year');
    expectOneDate('It recalled the purges of the party in the 1980s and after.', '1980s', 'decade');
    expectOneDate('Turnout fell in the 2008 election.', '2008', 'year');
  });

  it('a month and day', () => {
    expectOneDate('Voters go to the polls on October 21 to choose a mayor.', 'October 21', 'calendar');
    expectOneDate('The hearing is set for 3 November, officials said.', '3 November', 'calendar');
    expectOneDate('It was signed on March 4th, 1999 in Paris.', 'March 4th, 1999', 'calendar');
  });

  it('weekdays and relative expressions', () => {
    expectOneDate("The party wants to focus on Thursday's election.", 'Thursday');
    expectOneDate('She told me last Saturday that she would stand.', 'last Saturday');
    expectOneDate('He came down to the borough yesterday.', 'yesterday', 'relative');
    expectOneDate('He was expelled four weeks before the poll, amid allegations of fraud.', 'four weeks before the poll', 'relative');
    expectOneDate('Instead, a couple of weekends ago, he went to a different part of town.', 'a couple of weekends ago', 'relative');
    expectOneDate('Two days ago the council met in private.', 'Two days ago', 'relative');
    expectOneDate('More about the candidate tomorrow, by the way.', 'tomorrow', 'relative');
    expectOneDate('The byelection is the day after tomorrow.', 'the day after tomorrow', 'relative');
  });

  it('several dates in one sentence, in order, with exact offsets', () => {
    const text = 'He won 29 per cent in 2004 and 68 per cent in 2008, and spoke on Friday.';
    const found = findDates(text);
    expect(found.map((d) => text.slice(d.start, d.end))).toEqual(['2004', '2008', 'on Friday']);
    expect(found.map((d) => d.start)).toEqual([...found.map((d) => d.start)].sort((a, b) => a - b));
  });

  it('offsets are shifted by the passage offset', () => {
    const prefix = 'x'.repeat(100);
    const text = 'He resigned yesterday.';
    const [d] = findDates(text, prefix.length);
    expect((prefix + text).slice(d!.start, d!.end)).toBe('yesterday');
  });

  it('what is not a date: percentages, money, the Evening Standard, "now", plain numbers, "may"', () => {
    for (const text of [
      'Ken won 68 per cent of the vote.',
      'He took 2010 per cent more than expected.',
      'The campaign cost £2000 and the leaflets $1999.',
      "He told London's Evening Standard newspaper nothing.",
      'He is now standing as an independent.',
      'A majority of more than 500 votes.',
      'Labour may lose the seat, he said.',
      'It happened in room 1984b of the town hall.',
      'There were 2,000 ballots and 1.2000 spoilt.',
      'Will Livingstone urge his supporters to switch?',
    ]) {
      expect(dates(text), text).toEqual([]);
    }
  });
});

describe('resolveDate: only with a publication date', () => {
  it('without a publication date nothing is resolved', () => {
    for (const e of ['yesterday', 'today', 'October 21', 'last Saturday', 'two days ago']) expect(resolveDate(e, undefined), e).toBeUndefined();
  });

  it('relative days count from the publication date', () => {
    expect(resolveDate('yesterday', '2010-10-19')).toBe('2010-10-18');
    expect(resolveDate('today', '2010-10-19')).toBe('2010-10-19');
    expect(resolveDate('tomorrow', '2010-10-19')).toBe('2010-10-20');
    expect(resolveDate('Yesterday', '2010-03-01')).toBe('2010-02-28');
    expect(resolveDate('yesterday', '2010-01-01')).toBe('2009-12-31');
    expect(resolveDate('two days ago', '2010-10-19')).toBe('2010-10-17');
    expect(resolveDate('the day after tomorrow', '2010-10-19')).toBe('2010-10-21');
  });

  it('"last Saturday" is the Saturday in the week before the publication date', () => {
    const r = resolveDate('last Saturday', '2010-10-19')!; // a Tuesday
    const day = new Date(`${r}T12:00:00Z`);
    expect(day.getUTCDay()).toBe(6);
    const back = (Date.parse('2010-10-19T12:00:00Z') - day.getTime()) / 86_400_000;
    expect(back).toBeGreaterThanOrEqual(1);
    expect(back).toBeLessThanOrEqual(7);
  });

  it('a month and day takes the publication year', () => {
    expect(resolveDate('October 21', '2010-10-19')).toBe('2010-10-21');
    expect(resolveDate('21 October', '2010-10-19')).toBe('2010-10-21');
    expect(resolveDate('March 4', '1999-01-02')).toBe('1999-03-04');
  });

  it('vague expressions stay as written', () => {
    for (const e of ["Thursday's", 'last week', 'a couple of weekends ago', 'in the 1980s', 'four weeks before the poll']) {
      expect(resolveDate(e, '2010-10-19'), e).toBeUndefined();
    }
  });
});

describe('the engine labels a resolved date only when the metadata gives a publication date', () => {
  const root = mkdtempSync(join(tmpdir(), 'affair-dates-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const TEXT =
    'Council row deepens\n\nThe council leader resigned yesterday after a row over the library budget.\n\nThe borough will elect a new leader on October 21, officials said.\n';

  async function engineWith(date: string | undefined): Promise<Engine> {
    const dir = join(root, date ?? 'undated');
    mkdirSync(join(dir, 'corpus'), { recursive: true });
    writeFileSync(join(dir, 'corpus', 'row.txt'), TEXT);
    writeFileSync(join(dir, 'corpus', 'row.meta.json'), JSON.stringify({ title: 'Council row deepens', kind: 'news report', ...(date ? { date } : {}) }));
    return loadEngine({ root: dir });
  }

  it('with a publication date: "yesterday" and "October 21" are resolved, the text stays as written', async () => {
    const engine = await engineWith('2010-10-19');
    const a = engine.answer({ command: 'when', query: 'council leader resigned' });
    expect(a.abstained).toBe(false);
    const s = a.snippets[0]!;
    expect(s.date).toMatchObject({ text: 'yesterday', resolved: '2010-10-18' });
    expect(s.text.slice(s.date!.start - s.start, s.date!.end - s.start)).toBe('yesterday');
    const b = engine.answer({ command: 'when', query: 'elect a new leader' });
    expect(b.snippets[0]!.date).toMatchObject({ text: 'October 21', resolved: '2010-10-21' });
  });

  it('without one: the same dates are quoted as written and not resolved', async () => {
    const engine = await engineWith(undefined);
    const a = engine.answer({ command: 'when', query: 'council leader resigned' });
    expect(a.snippets[0]!.date?.text).toBe('yesterday');
    expect(a.snippets[0]!.date?.resolved).toBeUndefined();
  });
});

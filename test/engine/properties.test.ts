import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/answers/engine.js';
import { COMMANDS, UserInputError, type Answer, type AnswerRequest, type CommandName } from '../../src/answers/types.js';
import { bounded, corpusFiles, fileText, loadEngine } from './helpers.js';

let engine: Engine;
let vocabulary: string[];
let names: string[];
beforeAll(async () => {
  engine = await loadEngine();
  vocabulary = [...new Set(corpusFiles().flatMap((f) => fileText(f).match(/[\p{L}\p{N}’'-]+/gu) ?? []))];
  names = engine.people('', 1000).map((p) => p.name);
});

/** A word with one character dropped, doubled or swapped: a plausible typo. */
const typo = (word: string, at: number, kind: number): string => {
  if (word.length < 3) return word;
  const i = at % (word.length - 1);
  if (kind === 0) return word.slice(0, i) + word.slice(i + 1);
  if (kind === 1) return word.slice(0, i) + word[i] + word.slice(i);
  return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
};

/** Queries made of corpus words, person names, typos of them and random unicode. */
const queryArb = () =>
  fc.oneof(
    fc.array(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 6 }).map((ws) => ws.join(' ')),
    fc.constantFrom(...names),
    fc.tuple(fc.constantFrom(...names, ...vocabulary), fc.nat(), fc.nat(2)).map(([w, at, k]) => typo(w, at, k)),
    fc.tuple(fc.constantFrom('Who is', 'When was', 'What did', 'Why did', 'How many'), fc.array(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 5 }))
      .map(([lead, ws]) => `${lead} ${ws.join(' ')}?`),
    fc.tuple(fc.constantFrom(...vocabulary), fc.string({ unit: 'grapheme', maxLength: 8 })).map(([w, s]) => `${w}${s}`),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }),
  );

const commandArb = fc.constantFrom<CommandName>(...COMMANDS);

/** Runs one request; a UserInputError is an accepted refusal (returned as undefined). */
function tryAnswer(request: AnswerRequest): Answer | undefined {
  try {
    return engine.answer(request);
  } catch (err) {
    if (err instanceof UserInputError) {
      expect(err.message.trim().length).toBeGreaterThan(0);
      return undefined;
    }
    throw err;
  }
}

describe('every snippet is verbatim (property)', () => {
  it('for arbitrary queries of every command, every snippet, highlight and date span is exact', () => {
    fc.assert(
      fc.property(commandArb, queryArb(), fc.option(queryArb(), { nil: undefined }), fc.nat(2), (command, query, about, page) => {
        const request: AnswerRequest = { command, query, page, ...(about !== undefined && command === 'quote' ? { about } : {}) };
        const a = tryAnswer(request);
        if (!a) return;
        expect(a.snippets.length).toBeLessThanOrEqual(3);
        if (a.abstained) expect(a.snippets).toEqual([]);
        for (const s of a.snippets) {
          const text = fileText(s.file);
          expect(s.text).toBe(text.slice(s.start, s.end));
          expect(s.text.trim().length).toBeGreaterThan(0);
          for (const h of s.highlights) {
            expect(h.start).toBeGreaterThanOrEqual(s.start);
            expect(h.end).toBeLessThanOrEqual(s.end);
          }
          if (s.date) {
            expect(s.date.text).toBe(text.slice(s.date.start, s.date.end));
            expect(s.date.start).toBeGreaterThanOrEqual(s.start);
            expect(s.date.end).toBeLessThanOrEqual(s.end);
          }
          for (const o of s.alsoIn ?? []) expect(fileText(o.file).slice(o.start, o.end)).toBe(s.text);
        }
      }),
      bounded(800),
    );
  });
});

describe('any input returns an answer or a clear refusal (property)', () => {
  const nasty = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.string({ unit: 'grapheme' }),
    fc.string({ unit: 'binary', minLength: 300, maxLength: 10_000 }),
    fc.string({ unit: fc.constantFrom('\u0000', '\u0007', '\u001b', '\u007f', '\u200b', '\u202e', '\ufeff', '\t', '\n', 'a', ' '), maxLength: 50 }),
    fc.string({ unit: fc.constantFrom(...'!?.,;:"\'“”‘’()[]{}<>/\\|-–—…*&^%$#@~`+=_'), minLength: 1, maxLength: 40 }),
    fc.constantFrom(
      '@everyone',
      '@here',
      '<@123456789012345678>',
      '😀🔥🇬🇧',
      '👨‍👩‍👧‍👦 Ken',
      '.*',
      '(a+)+$',
      '[',
      '\\',
      "'; DROP TABLE persons; --",
      '" OR 1=1 --',
      '%s %d {{x}} ${x}',
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      'x'.repeat(10_000),
      'Ken '.repeat(2_500),
      ' '.repeat(10_000),
      '',
      '\u00a0\u00a0',
    ),
  );

  it('never throws anything but a UserInputError with a message, for query, about and page', () => {
    fc.assert(
      fc.property(commandArb, nasty, fc.option(nasty, { nil: undefined }), fc.option(fc.integer({ min: -5, max: 1000 }), { nil: undefined }), (command, query, about, page) => {
        const request: AnswerRequest = { command, query, ...(about !== undefined ? { about } : {}), ...(page !== undefined ? { page } : {}) };
        const a = tryAnswer(request);
        if (!a) return;
        expect(typeof a.abstained).toBe('boolean');
        expect(Array.isArray(a.snippets)).toBe(true);
        if (a.abstained) expect(a.reason?.trim()).toBeTruthy();
      }),
      bounded(1000),
    );
  });

  it('specific bad inputs are refused with a clear message, never a crash', () => {
    for (const query of ['', '   ', 'x'.repeat(10_000), 'Ken\u0000Livingstone', '?!?!...', '\u202eKen']) {
      let error: unknown;
      try {
        engine.answer({ command: 'who', query });
      } catch (err) {
        error = err;
      }
      expect(error, JSON.stringify(query.slice(0, 20))).toBeInstanceOf(UserInputError);
      expect((error as Error).message).not.toMatch(/\bat .*\.ts:\d+/); // no stack trace in the message
    }
  });

  it('an unknown command is a UserInputError too', () => {
    expect(() => engine.answer({ command: 'rm -rf' as CommandName, query: 'Ken' })).toThrow(UserInputError);
  });

  it('non-string queries (from untyped callers) are refused, not crashed on', () => {
    for (const query of [undefined, null, 42, {}, ['Ken']]) {
      expect(() => engine.answer({ command: 'who', query: query as unknown as string })).toThrow(UserInputError);
    }
  });

  it('any page number gives a real page (a whole number from 0) or a refusal, never "page NaN"', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({ min: -10, max: 1e6, noNaN: true }), fc.constantFrom(Number.NaN, Infinity, -Infinity, -1, 0.5, 1e6)), (page) => {
        const a = tryAnswer({ command: 'who', query: 'Lutfur Rahman', page });
        if (!a) return;
        expect(Number.isInteger(a.page) && a.page >= 0, `page ${page} answered as page ${a.page}`).toBe(true);
        // The sources do name Lutfur Rahman: a missing page may say there is no further page, not that he is absent.
        if (a.abstained) expect(a.reason).not.toMatch(/^Not in the sources/);
      }),
      bounded(200),
    );
  });
});

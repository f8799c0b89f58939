/**
 * Every cut the bot makes to fit Discord's limits falls between graphemes (never inside an emoji,
 * a flag, a ZWJ sequence or a letter and its accents), checked as a property over such text.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cutText, shorten } from '../../src/bot/escape.js';
import { LIMITS } from '../../src/bot/limits.js';
import { fitChoices, toMessageOptions } from '../../src/bot/respond.js';
import { LONE_SURROGATE } from '../fake-discord/fake-discord.js';

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
const boundaries = (text: string) => new Set([...graphemes.segment(text)].map((s) => s.index).concat(text.length));

/** Graphemes that a cut by UTF-16 units or code points would break. */
const PIECES = [
  'a', ' ', 'é', 'e\u0301', 'a\u0308\u0323', 'ñ', '字', '👍', '👍🏽', '👨‍👩‍👧‍👦', '🏳️‍🌈', '🇬🇧', '🇫🇷', '🧑🏿‍💻', '❤️', 'ก\u0e49', '\u0928\u093f', '𝔸',
];
const text = fc.string({ unit: fc.constantFrom(...PIECES), maxLength: 400 });
// Short caps as well as Discord's: the cut lands anywhere in the text.
const cap = fc.oneof(fc.integer({ min: 1, max: 40 }), fc.constantFrom(LIMITS.choiceName, LIMITS.embedTitle, LIMITS.customId, LIMITS.buttonLabel));

describe('cuts on grapheme boundaries', () => {
  it('cutText: a start of the text, within the cap, ending between graphemes, never half a surrogate pair', () => {
    fc.assert(
      fc.property(text, cap, (t, max) => {
        const cut = cutText(t, max);
        expect(cut.length).toBeLessThanOrEqual(max);
        expect(t.startsWith(cut)).toBe(true);
        expect(LONE_SURROGATE.test(cut)).toBe(false);
        // On a grapheme boundary, unless even the first grapheme is longer than the cap.
        const first = [...graphemes.segment(t)][0]?.segment ?? '';
        if (first.length <= max) expect(boundaries(t).has(cut.length)).toBe(true);
        // Nothing more could have fitted.
        if (cut.length < t.length && first.length <= max) {
          const next = [...boundaries(t)].filter((b) => b > cut.length).sort((a, b) => a - b)[0]!;
          expect(next).toBeGreaterThan(max);
        }
      }),
      { numRuns: 500 },
    );
  }, 60_000);

  it('shorten: marks the cut with an ellipsis and stays within the cap', () => {
    fc.assert(
      fc.property(text, cap, (t, max) => {
        const s = shorten(t, max);
        expect(s.length).toBeLessThanOrEqual(max);
        expect(LONE_SURROGATE.test(s)).toBe(false);
        if (t.length <= max) expect(s).toBe(t);
        else expect(s.endsWith('…')).toBe(true);
      }),
      { numRuns: 500 },
    );
  }, 60_000);

  it('the respond helper: titles, descriptions, fields, footers, author, content, labels and autocomplete stay whole-grapheme', () => {
    const long = fc.string({ unit: fc.constantFrom(...PIECES), minLength: 1, maxLength: 3000 });
    fc.assert(
      fc.property(long, long, long, long, long, (title, description, field, footer, name) => {
        const sent = toMessageOptions({
          content: description.repeat(2),
          embeds: [{ title, description: description.repeat(3), footer: { text: footer }, author: { name }, fields: [{ name: field, value: field }] }],
          components: [{ type: 1, components: [{ type: 2, style: 2, custom_id: 'pin', label: title }] }],
        });
        for (const s of stringsOf(sent)) expect(LONE_SURROGATE.test(s)).toBe(false);
        const e = sent.embeds[0]!;
        expect(e.title!.length).toBeLessThanOrEqual(LIMITS.embedTitle);
        expect(e.footer!.text.length).toBeLessThanOrEqual(LIMITS.footerText);
        expect(e.author!.name.length).toBeLessThanOrEqual(LIMITS.authorName);
        const choices = fitChoices([{ name: name.repeat(3), value: 'Ken Livingstone' }]);
        expect(choices[0]!.name.length).toBeLessThanOrEqual(LIMITS.choiceName);
        expect(LONE_SURROGATE.test(choices[0]!.name)).toBe(false);
        expect(boundaries(name.repeat(3)).has(choices[0]!.name.replace(/…$/, '').length) || choices[0]!.name === name.repeat(3)).toBe(true);
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});

function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsOf);
  return [];
}

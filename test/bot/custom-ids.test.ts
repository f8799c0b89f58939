import { describe, expect, it } from 'vitest';
import { decodeButton, encodeButton, fingerprint, type ButtonState } from '../../src/bot/custom-ids.js';
import { LIMITS } from '../../src/bot/limits.js';
import { MAX_ARTICLE_ID_LENGTH } from '../../src/retrieval/corpus.js';

const context = (articleId: string, over: Partial<ButtonState & { kind: 'context' }> = {}): ButtonState => ({
  kind: 'context',
  index: 0,
  articleId,
  paragraph: 3,
  start: 1234,
  length: 56,
  fingerprint: fingerprint('The council met on Tuesday.'),
  ...over,
});

describe('Context button ids', () => {
  it('carry any article id the corpus accepts, colons and empty included, and read back the same', () => {
    for (const id of ['livingstone-faces-expulsion', 'a:b', '', '::', 'ctx:0:1', 'café ☕ 2010', 'x'.repeat(MAX_ARTICLE_ID_LENGTH)]) {
      const state = context(id);
      const encoded = encodeButton(state);
      expect(encoded, id).toBeDefined();
      expect(decodeButton(encoded!)).toEqual(state);
    }
  });

  it('the longest accepted article id fits with the largest numbers any article can have', () => {
    const worst = context('\u{1F600}'.repeat(MAX_ARTICLE_ID_LENGTH / 2), { index: 24, paragraph: 2 ** 31 - 1, start: 2 ** 31 - 1, length: 2 ** 31 - 1 });
    const encoded = encodeButton(worst);
    expect(encoded).toBeDefined();
    expect(encoded!.length).toBeLessThanOrEqual(LIMITS.customId);
    expect(decodeButton(encoded!)).toEqual(worst);
  });

  it('a fingerprint tells passages apart and is 8 URL-safe characters', () => {
    const a = fingerprint('Ken Livingstone said he would campaign.');
    expect(a).toMatch(/^[\w-]{8}$/);
    expect(fingerprint('Ken Livingstone said he would campaign.')).toBe(a);
    expect(fingerprint('Ken Livingstone said he would not campaign.')).not.toBe(a);
  });

  it('ids of the older layout or forged ones are not read as Context buttons', () => {
    for (const id of ['ctx:0:town-hall-report:3', 'ctx:0:3:0:a:short:x', 'ctx:0:3:-1:a:AAAAAAAA:x', 'ctx:x:3:0:a:AAAAAAAA:x', 'ctx:0:3:0:aaaaaaaa:AAAAAAAA:x']) {
      expect(decodeButton(id), id).toBeUndefined();
    }
  });
});

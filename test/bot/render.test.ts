import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { decodeButton } from '../../src/bot/custom-ids.js';
import { embedLength, LIMITS } from '../../src/bot/limits.js';
import { readFooterState, renderAnswer, renderContext, renderSources } from '../../src/bot/render.js';
import { fitChoices, toMessageOptions } from '../../src/bot/respond.js';
import { ARTICLE, BLOG, answer, prose, snippet } from './fixtures.js';
import { visibleText } from './visible.js';

const opts = { pinnable: true, articleCount: 5 };

/** The Context id the renderer must give a fixture snippet: ¶, start and length in base 36, a hash of its text, the article id. */
function contextId(i: number, text: string, start = 100): string {
  const hash = createHash('sha256').update(text).digest('base64url').slice(0, 8);
  return `ctx:${i}:3:${start.toString(36)}:${text.length.toString(36)}:${hash}:town-hall-report`;
}

describe('renderAnswer (pure)', () => {
  it('renders the question, each snippet quoted with its citation, and the buttons', () => {
    const text = 'The official candidate, Helal Abbas, was chosen on 22 October 2010.';
    const payload = renderAnswer(answer([snippet(text, { bold: [[24, 35, 'person']] })], { hasMore: true }), opts);
    expect(payload).toEqual({
      embeds: [
        {
          title: 'Who is Helal Abbas?',
          description:
            '> The official candidate, **Helal Abbas**, was chosen on 22 October 2010.\n' +
            '**[1]** *Mayor race: \\*the\\* count* · news report · East End Gazette · 2010-10-22 · ¶ 3',
          color: 0x3b6ea5,
          footer: { text: '/who name: Helal Abbas' },
        },
      ],
      components: [
        {
          type: 1,
          components: [
            { type: 2, custom_id: contextId(0, text), label: 'Context', style: 2 },
            { type: 2, custom_id: 'more:who:1:11:0', label: 'More', style: 1 },
            { type: 2, custom_id: 'pin', label: 'Pin', style: 2 },
          ],
        },
      ],
    });
  });

  it('escapes markdown inside a snippet so it shows exactly its own characters', () => {
    const text = '# Not a heading\n- not a list\n1. not a number *not bold* _not italic_ ~~no~~ `no` ||no|| <@123> [x](http://y) \\';
    const payload = renderAnswer(answer([snippet(text)]), opts);
    const description = payload.embeds![0]!.description!;
    expect(visibleText(description)).toContain(text);
    expect(description).not.toMatch(/(?<!\\)\*not bold(?<!\\)\*/);
    expect(description).toContain('\\# Not a heading');
  });

  it('bolds the /when date and names the speaker of a quotation', () => {
    const when = snippet('He was readmitted in 2004, allowing him to stand.', { date: { text: '2004', start: 121, end: 125 } });
    expect(renderAnswer(answer([when], { command: 'when', answeredAs: 'when' }), opts).embeds![0]!.description).toContain('**2004**');
    const quote = snippet('"He should be expelled," he said.', { speaker: 'Tom Harris' });
    expect(renderAnswer(answer([quote], { command: 'quote', answeredAs: 'quote' }), opts).embeds![0]!.description).toContain(
      '**[1]** Tom Harris, in *Mayor race',
    );
  });

  it('says where else the same passage appears', () => {
    const s = snippet('Shared text.', { alsoIn: [{ article: BLOG, file: BLOG.file, start: 5, end: 17, paragraph: 7 }] });
    expect(renderAnswer(answer([s]), opts).embeds![0]!.description).toContain('\nalso in: *A blog post* ¶ 7');
  });

  it('shows fewer snippets rather than cutting one, and says so', () => {
    const texts = [prose(2500, 1), prose(2500, 2), prose(2500, 3)];
    const payload = renderAnswer(answer(texts.map((t, i) => snippet(t, { start: i * 5000 }))), opts);
    const description = payload.embeds![0]!.description!;
    expect(description.length).toBeLessThanOrEqual(LIMITS.embedDescription);
    expect(visibleText(description)).toContain(texts[0]);
    expect(description).not.toContain('excerpt');
    expect(description).toContain('2 more snippets were too long to show in one message.');
    // Context only for what is shown.
    expect(payload.components![0]!.components.map((b) => (b as { custom_id: string }).custom_id)).toEqual([contextId(0, texts[0]!, 0), 'pin']);
  });

  it('shows a snippet too long for any message as a marked excerpt of whole, unaltered words around its highlight', () => {
    const before = prose(6000, 4);
    const text = `${before} Helal Abbas ${prose(6000, 5)}`;
    const at = before.length + 1;
    const payload = renderAnswer(answer([snippet(text, { bold: [[at, at + 11, 'person']] })]), opts);
    const description = payload.embeds![0]!.description!;
    expect(description.length).toBeLessThanOrEqual(LIMITS.embedDescription);
    expect(description).toContain('**Helal Abbas**');
    const [quoted, citation] = description.split('\n**[1]** ');
    expect(citation).toMatch(/· excerpt$/);
    const inner = visibleText(quoted!);
    expect(inner.startsWith('… ')).toBe(true);
    expect(inner.endsWith(' …')).toBe(true);
    const words = inner.slice(2, -2);
    expect(text).toContain(words);
    // Cut between words, never inside one.
    const i = text.indexOf(words);
    expect(text[i - 1]).toBe(' ');
    expect(text[i + words.length]).toBe(' ');
  });

  it('renders an abstention as a short "not in the sources" naming what was searched', () => {
    const payload = renderAnswer(
      answer([], { command: 'quote', answeredAs: 'quote', query: 'Boris', about: 'buses', abstained: true, reason: 'Nobody called “Boris” is quoted.' }),
      opts,
    );
    expect(payload.embeds![0]!.description).toBe(
      'Not in the sources, sorry. I searched the 5 articles for “Boris” about “buses” and found nothing that answers it.\n' +
        '*Nobody called “Boris” is quoted.*\nTry other words, or `/sources` to see what the bot knows about.',
    );
    expect(payload.components).toEqual([]);
  });

  it('the More button and the footer round-trip the exact question, whatever it contains', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('who', 'when', 'quote', 'ask' as const),
        fc.string({ minLength: 1, maxLength: 300 }),
        fc.option(fc.string({ minLength: 1, maxLength: 100 }), { nil: undefined }),
        (command, query, about) => {
          const a = answer([snippet('Some text.')], { command, answeredAs: 'ask', query, ...(about ? { about } : {}), hasMore: true, page: 2 });
          const payload = renderAnswer(a, opts);
          const ids = payload.components!.flatMap((r) => r.components.map((b) => (b as { custom_id: string }).custom_id));
          for (const id of ids) expect(id.length).toBeLessThanOrEqual(LIMITS.customId);
          const more = decodeButton(ids.find((id) => id.startsWith('more:'))!);
          expect(more).toMatchObject({ kind: 'more', command, page: 3 });
          if (more?.kind !== 'more') return;
          const back = readFooterState(payload.embeds![0]!.footer!.text, command, more.queryLength, more.aboutLength);
          expect(back).toEqual({ query, ...(about ? { about } : {}) });
        },
      ),
    );
  });

  it('any answer, however large or strange, stays within every limit and never alters a snippet', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', ' ', ' ', '\n', '*', '_', '#', '>', '-', '1', '.', '`', '\\', '<', '@', 'é', '“'), maxLength: 7000 });
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 5 }), fc.string({ maxLength: 300 }), fc.boolean(), (texts, query, hasMore) => {
        const snippets = texts.map((t, i) => snippet(t, { start: i * 10_000, paragraph: i + 1 }));
        const payload = renderAnswer(answer(snippets, { query, hasMore }), opts);
        const sent = toMessageOptions(payload);
        // The renderer fitted everything itself: the respond helper's safety net changed nothing.
        expect(sent.embeds).toEqual(payload.embeds);
        const embed = sent.embeds[0]!;
        expect(embed.title!.length).toBeLessThanOrEqual(LIMITS.embedTitle);
        expect(embed.description!.length).toBeLessThanOrEqual(LIMITS.embedDescription);
        expect(embedLength(embed)).toBeLessThanOrEqual(LIMITS.embedTotal);
        expect(sent.allowedMentions).toEqual({ parse: [] });
        const description = embed.description!;
        const blocks = description.split(/\n\*\*\[\d+\]\*\* [^\n]*(?:\nalso in:[^\n]*)?(?:\n\n|$)/).filter((b) => b.startsWith('>'));
        blocks.forEach((block, i) => {
          const seen = visibleText(block);
          if (description.includes(`**[${i + 1}]** *Mayor race: \\*the\\* count* · news report · East End Gazette · 2010-10-22 · ¶ ${i + 1} · excerpt`)) {
            const inner = seen.replace(/^… /, '').replace(/ …$/, '');
            expect(texts[i]).toContain(inner);
          } else {
            expect(seen).toBe(texts[i]);
          }
        });
      }),
      { numRuns: 150 },
    );
  });
});

describe('other renderers', () => {
  it('context keeps the cited paragraph whole and drops far neighbours first when space is short', () => {
    const paragraphs = [1, 2, 3, 4, 5].map((n) => ({ n, text: prose(1500, n), start: n * 2000, end: n * 2000 + 1500 }));
    const payload = renderContext(ARTICLE, paragraphs, 3);
    const d = payload.embeds![0]!.description!;
    expect(d.length).toBeLessThanOrEqual(LIMITS.embedDescription);
    expect(d).toContain('**¶ 3 (cited)**');
    expect(visibleText(d)).toContain(paragraphs[2]!.text);
    expect(d).toContain('**¶ 2**');
    expect(d).not.toContain('**¶ 5**');
    expect(payload.ephemeral).toBe(true);
  });

  it('sources lists every article, or says how many did not fit', () => {
    const many = Array.from({ length: 200 }, (_, i) => ({ ...ARTICLE, id: `a${i}`, title: `Article number ${i} with a fairly long title` }));
    const d = renderSources(many).embeds![0]!.description!;
    expect(d.length).toBeLessThanOrEqual(LIMITS.embedDescription);
    expect(d).toMatch(/…and \d+ more\.$/);
  });
});

describe('the respond helper', () => {
  it('keeps content, embeds and buttons within Discord limits and mentions nobody', () => {
    const sent = toMessageOptions({
      content: 'x'.repeat(5000),
      embeds: [{ title: 't'.repeat(400), description: 'd'.repeat(5000), fields: Array.from({ length: 30 }, () => ({ name: 'n', value: 'v'.repeat(2000) })) }],
      ephemeral: true,
    });
    expect(sent.content!.length).toBe(LIMITS.content);
    const embed = sent.embeds[0]!;
    expect(embed.title!.length).toBeLessThanOrEqual(LIMITS.embedTitle);
    expect(embed.description!.length).toBeLessThanOrEqual(LIMITS.embedDescription);
    expect(embed.fields!.length).toBeLessThanOrEqual(LIMITS.embedFields);
    for (const f of embed.fields!) expect(f.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
    expect(embedLength(embed)).toBeLessThanOrEqual(LIMITS.embedTotal);
    expect(sent.allowedMentions).toEqual({ parse: [] });
    expect(sent.flags).toBe(64);
  });

  it('answers autocomplete with at most 25 choices of at most 100 characters, never a wrong value', () => {
    const choices = Array.from({ length: 40 }, (_, i) => ({ name: `Person ${i} ${'x'.repeat(150)}`, value: `Person ${i}` }));
    choices.push({ name: 'too long', value: 'v'.repeat(101) });
    const fitted = fitChoices([{ name: 'too long', value: 'v'.repeat(101) }, ...choices]);
    expect(fitted).toHaveLength(25);
    expect(fitted[0]!.value).toBe('Person 0');
    for (const c of fitted) expect(c.name.length).toBeLessThanOrEqual(100);
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { decodeButton } from '../../src/bot/custom-ids.js';
import { embedLength, LIMITS } from '../../src/bot/limits.js';
import { readRequest, renderAnswer, renderContext, renderHelp, renderSources } from '../../src/bot/render.js';
import { fitChoices, toMessageOptions } from '../../src/bot/respond.js';
import { ARTICLE, BLOG, answer, prose, snippet } from './fixtures.js';
import { visibleText } from './visible.js';

const opts = { pinnable: true, articleCount: 5 };
const clean = (t: string) => t.replace(/\s+/g, ' ').trim();

/** The Context id the renderer must give a fixture snippet: ¶, start and length in base 36, a hash of its text, the article id. */
function contextId(i: number, text: string, start = 100, paragraph = 3): string {
  const hash = createHash('sha256').update(text).digest('base64url').slice(0, 8);
  return `ctx:${i}:${paragraph.toString(36)}:${start.toString(36)}:${text.length.toString(36)}:${hash}:town-hall-report`;
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
            '**[1]** *Mayor race: \\*the\\* count* · news report · East End Gazette · 2010-10-22 · ¶\u00a03',
          color: 0x3b6ea5,
          footer: { text: '/who' },
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
    // The title asks what Helal Abbas said; a quotation by someone else is labelled with its speaker.
    expect(renderAnswer(answer([quote], { command: 'quote', answeredAs: 'quote' }), opts).embeds![0]!.description).toContain(
      '**[1]** Tom Harris, in *Mayor race',
    );
  });

  it('says where else the same passage appears', () => {
    const s = snippet('Shared text.', { alsoIn: [{ article: BLOG, file: BLOG.file, start: 5, end: 17, paragraph: 7 }] });
    expect(renderAnswer(answer([s]), opts).embeds![0]!.description).toContain('\nalso in: *A blog post* ¶\u00a07');
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

  it('the More button reads the exact question back from the message, whatever it contains', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('who', 'when', 'quote', 'ask' as const),
        // What checkQuery lets through: no zero-width characters, white space folded, trimmed.
        fc.string({ minLength: 1, maxLength: 300, unit: fc.constantFrom('a', 'B', ' ', '*', '\\', '_', '#', '@', '<', ':', '/', '.', '1', 'é', '👍🏽', '🇬🇧', 'e\u0301', '…', '?') }).map(clean).filter(Boolean),
        fc.option(fc.string({ minLength: 1, maxLength: 100, unit: fc.constantFrom('x', ' ', '*', '@', '\\', 'https://', '👨‍👩‍👧‍👦') }).map(clean).filter(Boolean), { nil: undefined }),
        (command, query, about) => {
          const a = answer([snippet('Some text.')], { command, answeredAs: 'ask', query, ...(about ? { about } : {}), hasMore: true, page: 2 });
          const payload = renderAnswer(a, opts);
          const ids = payload.components!.flatMap((r) => r.components.map((b) => (b as { custom_id: string }).custom_id));
          for (const id of ids) expect(id.length).toBeLessThanOrEqual(LIMITS.customId);
          const more = decodeButton(ids.find((id) => id.startsWith('more:'))!);
          expect(more).toMatchObject({ kind: 'more', command, page: 3 });
          if (more?.kind !== 'more') return;
          const embed = payload.embeds![0]!;
          const back = readRequest(embed.title!, embed.footer!.text, command, more.queryLength, more.aboutLength);
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
    expect(d).toContain('**¶\u00a03 (cited)**');
    expect(visibleText(d)).toContain(paragraphs[2]!.text);
    expect(d).toContain('**¶\u00a02**');
    expect(d).not.toContain('**¶\u00a05**');
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

/** Discord's autolink rule for bare URLs (its markdown's `url` rule). */
const AUTOLINK = /(?:https?|steam):\/\/[^\s<]+[^<.,:;"')\]\s]/;

describe('messages people can read at a glance (render fixtures)', () => {
  const KEN = { id: 'ken-livingstone', name: 'Ken Livingstone' };

  it('a refusal says it once: the title, one line of reason, and no restated question in the footer', () => {
    const payload = renderAnswer(
      answer([], { command: 'quote', answeredAs: 'quote', query: 'Boris', about: 'buses', abstained: true, reason: 'The sources quote no one matching “Boris”.' }),
      opts,
    );
    const embed = payload.embeds![0]!;
    expect(embed.title).toBe('What did Boris say about buses?');
    expect(embed.description).toBe('The sources quote no one matching “Boris”.');
    expect(embed.footer!.text).toBe('/quote · try other words, or /sources for what I know about');
    expect(payload.components).toEqual([]);
    // Without a reason from the engine, one line all the same.
    const bare = renderAnswer(answer([], { abstained: true }), opts).embeds![0]!;
    expect(bare.description).toBe('Not in the sources: none of the 5 articles answers this.');
  });

  it('a refusal with a nearest passage shows it verbatim, clearly marked as not an answer', () => {
    const nearest = snippet('Helal Abbas was the official candidate.', { paragraph: 9 });
    const payload = renderAnswer(answer([], { query: 'Abbas wife', abstained: true, reason: 'No one called “Abbas wife” is named in the sources.', nearest }), opts);
    expect(payload.embeds![0]!.description).toBe(
      'No one called “Abbas wife” is named in the sources.\n\n**Nearest passage** (not an answer to the question):\n' +
        '> Helal Abbas was the official candidate.\n*Mayor race: \\*the\\* count* · news report · East End Gazette · 2010-10-22 · ¶\u00a09',
    );
    expect(payload.components![0]!.components.map((b) => (b as { custom_id: string }).custom_id)).toEqual([contextId(0, nearest.text, 100, 9)]);
    // Too long for the message: an excerpt of whole words, still marked.
    const long = snippet(`${prose(3000, 1)} Helal Abbas ${prose(3000, 2)}`, { paragraph: 9 });
    const d = renderAnswer(answer([], { abstained: true, reason: 'Not found.', nearest: long }), opts).embeds![0]!.description!;
    expect(d.length).toBeLessThanOrEqual(LIMITS.embedDescription);
    expect(d).toContain('**Nearest passage** (not an answer to the question):');
    expect(d).toMatch(/ · excerpt$/);
  });

  it('"¶ N" is joined with a no-break space, everywhere', () => {
    const s = snippet('Shared text.', { alsoIn: [{ article: BLOG, file: BLOG.file, start: 5, end: 17, paragraph: 7 }] });
    const d = renderAnswer(answer([s]), opts).embeds![0]!.description!;
    expect(d).toContain('¶\u00a03');
    expect(d).toContain('¶\u00a07');
    expect(d).not.toMatch(/¶ /);
    const context = renderContext(ARTICLE, [{ n: 3, text: 'One.', start: 0, end: 4 }], 3).embeds![0]!.description!;
    expect(context).toBe('**¶\u00a03 (cited)**\n> One.');
  });

  it('/who and /quote say whom the answer is about when the query was partial, and who else it names', () => {
    const s = snippet('Ken Livingstone, the former mayor, said so.');
    const who = renderAnswer(answer([s], { query: 'Ken', person: KEN, alsoNamed: [KEN, { id: 'ken-clark', name: 'Ken Clark' }] }), opts).embeds![0]!;
    expect(who.title).toBe('Who is Ken?');
    expect(who.description!.split('\n')[0]).toBe('About **Ken Livingstone**. Also called “Ken” in the sources: Ken Clark.');
    const quote = renderAnswer(answer([snippet('"No," he said.', { speaker: 'Ken Livingstone' })], { command: 'quote', answeredAs: 'quote', query: 'Livingstone', person: KEN }), opts).embeds![0]!;
    expect(quote.description!.split('\n')[0]).toBe('About **Ken Livingstone**.');
    // A full name needs no such line.
    const full = renderAnswer(answer([s], { query: 'ken livingstone', person: KEN }), opts).embeds![0]!;
    expect(full.description).not.toContain('About');
  });

  it('a yes/no question: what the quotes say comes first, in the console\'s words', () => {
    const yes = renderAnswer(answer([snippet('He backed Rahman.')], { command: 'ask', answeredAs: 'ask', query: 'Did he back Rahman?', verdict: 'yes' }), opts);
    expect(yes.embeds![0]!.description!.split('\n')[0]).toBe('Yes, the sources say:');
    const no = renderAnswer(answer([snippet('He backed Abbas.')], { command: 'ask', answeredAs: 'ask', query: 'Did he back Rahman?', verdict: 'otherwise' }), opts);
    expect(no.embeds![0]!.description!.split('\n')[0]).toBe('The sources say otherwise:');
  });

  it('the quote label does not repeat a speaker the title names; another speaker is still named', () => {
    const q = { command: 'quote' as const, answeredAs: 'quote' as const, query: 'Tom Harris' };
    const same = renderAnswer(answer([snippet('"Expel him," he said.', { speaker: 'Tom Harris' }), snippet('"Now," said Harris.', { speaker: 'Harris', start: 900 })], q), opts);
    expect(same.embeds![0]!.description).not.toContain('Harris, in');
    expect(same.embeds![0]!.description).toContain('**[1]** *Mayor race');
    expect(same.embeds![0]!.description).toContain('**[2]** *Mayor race');
    const other = renderAnswer(answer([snippet('"No comment."', { speaker: 'a Labour spokesman' })], q), opts);
    expect(other.embeds![0]!.description).toContain('**[1]** a Labour spokesman, in *Mayor race');
  });

  it('/help: one command per line', () => {
    const lines = renderHelp().embeds![0]!.description!.split('\n');
    const commandLines = lines.filter((l) => l.startsWith('`/'));
    expect(commandLines.map((l) => l.match(/^`\/(\w+)/)![1])).toEqual(['who', 'when', 'quote', 'ask', 'check', 'timeline', 'sources', 'help']);
    for (const l of lines) expect(l.match(/`\/\w+/g)?.length ?? 0).toBeLessThanOrEqual(l.startsWith('`/') ? 1 : 2);
  });

  it('the Context reply shows title, kind, outlet, author and date, never a file path', () => {
    const article = { ...ARTICLE, author: 'Jo Reporter' };
    const embed = renderContext(article, [{ n: 3, text: 'One.', start: 0, end: 4 }], 3).embeds![0]!;
    expect(embed.title).toBe(article.title);
    expect(embed.footer!.text).toBe('news report · East End Gazette · Jo Reporter · 2010-10-22');
    expect(JSON.stringify(embed)).not.toMatch(/corpus\/|\.txt/);
  });

  it('/sources lists outlet, author, date and paragraph count; "(untitled blog post)" is said there once, not in citations', () => {
    const untitled = { ...BLOG, title: 'Councillors expelled (untitled blog post)', author: 'A Blogger', date: '2010-11-02' };
    const d = renderSources([ARTICLE, untitled], (a) => (a.id === ARTICLE.id ? 12 : 1)).embeds![0]!.description!;
    expect(d.split('\n')).toEqual([
      '**1.** *Mayor race: \\*the\\* count* — news report · East End Gazette · 2010-10-22 · 12 paragraphs',
      '**2.** *Councillors expelled (untitled blog post)* — blog/opinion · by A Blogger · 2010-11-02 · 1 paragraph',
    ]);
    const s = snippet('Text.', { article: untitled, alsoIn: [{ article: untitled, file: untitled.file, start: 0, end: 5, paragraph: 2 }] });
    const cited = renderAnswer(answer([s]), opts).embeds![0]!.description!;
    expect(cited).toContain('*Councillors expelled* · blog/opinion');
    expect(cited).toContain('also in: *Councillors expelled* ¶\u00a02');
    expect(cited).not.toContain('untitled');
  });

  it("More's footer does not restate a long question; the title holds it, and the footer only what the title could not", () => {
    const question = `Why ${'was the Labour candidate in Tower Hamlets replaced so late '.repeat(5)}`.trim().slice(0, 300);
    const short = renderAnswer(answer([snippet('Text.')], { command: 'ask', answeredAs: 'ask', query: 'Why was Rahman dropped?', hasMore: true }), opts).embeds![0]!;
    expect(short.title).toBe('Why was Rahman dropped?');
    expect(short.footer!.text).toBe('/ask');
    const long = renderAnswer(answer([snippet('Text.')], { command: 'ask', answeredAs: 'ask', query: question, hasMore: true, page: 1 }), opts).embeds![0]!;
    expect(long.title!.length).toBeLessThanOrEqual(LIMITS.embedTitle);
    expect(long.title!.endsWith('…')).toBe(true);
    expect(long.footer!.text).not.toContain(question);
    expect(long.footer!.text.length).toBeLessThan(question.length - 200);
    expect(long.footer!.text).toMatch(/^….* · \/ask · page 2$/);
    expect(readRequest(long.title!, long.footer!.text, 'ask', question.length, 0)).toEqual({ query: question });
  });

  it('a bare URL a user typed is never a link in a public answer (title, whom-line, reason)', () => {
    const url = 'https://evil.example/free-nitro';
    const answered = renderAnswer(answer([snippet('Text.')], { command: 'ask', answeredAs: 'ask', query: `is ${url} real?`, hasMore: true }), opts);
    const refused = renderAnswer(answer([], { command: 'ask', answeredAs: 'ask', query: `see ${url}`, abstained: true, reason: `The sources do not answer “see ${url}”.` }), opts);
    const partial = renderAnswer(answer([snippet('Text.')], { query: `steam://x ${url}`, person: KEN, alsoNamed: [{ id: 'k2', name: 'Ken Clark' }] }), opts);
    for (const payload of [answered, refused, partial]) {
      const sent = toMessageOptions(payload);
      expect(sent.embeds[0]!.title).not.toMatch(AUTOLINK);
      expect(sent.embeds[0]!.description).not.toMatch(AUTOLINK);
      expect(sent.embeds[0]!.footer!.text).not.toMatch(AUTOLINK);
    }
    // The reader still sees the address (a zero-width space breaks the link, not the text).
    expect(answered.embeds![0]!.title!.replaceAll('\u200b', '')).toBe(`is ${url} real?`);
  });
});

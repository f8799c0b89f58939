import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/answers/engine.js';
import { loadCorpus } from '../../src/retrieval/corpus.js';
import { buildIndex, type SearchIndex } from '../../src/retrieval/index.js';
import { bodyParagraphs, classifyBlocks, splitBlocks, splitSentences, type Block, type Span } from '../../src/retrieval/passages.js';
import { CHROME, CORPUS_DIR, ROOT, allPages, expectVerbatim, fileText, loadEngine } from './helpers.js';

let index: SearchIndex;
let engine: Engine;
beforeAll(async () => {
  index = buildIndex(loadCorpus(CORPUS_DIR, ROOT));
  engine = await loadEngine();
});

const article = (id: string) => index.data.articles.find((a) => a.ref.id === id)!;
const slice = (text: string, s: Span) => text.slice(s.start, s.end);

describe('site chrome on the real corpus is never indexed or quoted', () => {
  it('no passage, paragraph or quotation contains chrome', () => {
    const { articles, passages, quotes } = index.data;
    const texts = [
      ...passages.map((p) => articles[p.article]!.text.slice(p.start, p.end)),
      ...articles.flatMap((a) => a.paragraphs.map((p) => a.text.slice(p.start, p.end))),
      ...quotes.map((q) => articles[q.article]!.text.slice(q.start, q.end)),
    ];
    expect(texts.length).toBeGreaterThan(100);
    for (const t of texts) for (const c of CHROME) expect(t, `chrome "${c}" indexed`).not.toContain(c);
  });

  it('the chrome really is in the files (so the test above can fail)', () => {
    const all = index.data.articles.map((a) => a.text).join('\n');
    for (const c of CHROME) expect(all).toContain(c);
  });

  it('no answer shows chrome, even to a question made of chrome words', () => {
    const requests = [
      { command: 'ask', query: 'Click to follow Indy Politics' },
      { command: 'ask', query: 'Share this article' },
      { command: 'ask', query: 'Leave a Reply' },
      { command: 'ask', query: 'You are commenting using your Twitter account' },
      { command: 'ask', query: 'Connecting to %s' },
      { command: 'ask', query: "Lutfur Rahman candidate's leaflet praising Ken" },
      { command: 'who', query: 'Lutfur Rahman' },
      { command: 'quote', query: 'Ken Livingstone' },
      { command: 'when', query: 'Labour Lutfur Rahman' },
    ] as const;
    for (const r of requests) {
      for (const a of allPages(engine, r)) {
        for (const s of a.snippets) {
          expectVerbatim(s);
          for (const c of CHROME) expect(s.text, `${r.command} ${r.query}`).not.toContain(c);
        }
      }
    }
  });

  it('short body lines are kept: a one-line verdict and an "X adds:" introduction are body text', () => {
    const bodies = index.data.articles.flatMap((a) => a.paragraphs.map((p) => a.text.slice(p.start, p.end)));
    expect(bodies).toContain('Utter, utter bollocks.');
    expect(bodies).toContain('Ted Jeory adds:');
    expect(bodies).toContain('Paul Waugh reports:');
  });

  it('headlines are recognised and not counted as body paragraphs', () => {
    const faces = article('livingstone-faces-expulsion');
    const first = faces.paragraphs[0]!;
    expect(faces.text.slice(first.start, first.end)).toMatch(/^Ken Livingstone faced calls for his expulsion/);
    const blocks = classifyBlocks(faces.text);
    expect(blocks[0]!.role).toBe('headline');
    expect(slice(faces.text, blocks[0]!)).toBe('Ken Livingstone faces expulsion from the Labour Party');
  });

  it('"by Ken Livingstone" is a byline, not a body paragraph', () => {
    const st = article('livingstone-statement-in-full');
    const blocks = classifyBlocks(st.text);
    const by = blocks.find((b) => slice(st.text, b) === 'by Ken Livingstone');
    expect(by?.role).toBe('byline');
  });
});

/** Blocks of a made-up article with their roles, as text → role. */
function roles(text: string): [string, Block['role']][] {
  return classifyBlocks(text).map((b) => [slice(text, b).replace(/\s+/g, ' '), b.role]);
}

describe('the same rules classify chrome on new, made-up news pages', () => {
  const page = [
    'Council votes to close central library',
    'Follow us on Twitter',
    'Local News',
    'The borough council voted last night to close the central library, ending a service that has run for ninety years.',
    'Residents packed the public gallery. "This is a sad day for the town," said Mary Jones, who has used the library since 1962.',
    'Protesters outside the town hall on Monday evening',
    'Share on Twitter',
    'Share on Facebook',
    'The council leader, Peter Smith, said the savings were unavoidable.',
    'He refused.',
    'Libraries,  Council,  Budget cuts',
    'Leave a comment',
    'Your email address will not be published. Required fields are marked with an asterisk and we will review them.',
    'Great article, thanks for writing it, I agree with every word of it and more besides.',
    'Logged in as %s. Log out?',
  ].join('\n\n');

  it('headline, follow/share buttons, section label, caption, tag line and comment form', () => {
    expect(roles(page)).toEqual([
      ['Council votes to close central library', 'headline'],
      ['Follow us on Twitter', 'chrome'],
      ['Local News', 'chrome'],
      [expect.stringMatching(/^The borough council voted/), 'body'],
      [expect.stringMatching(/^Residents packed/), 'body'],
      ['Protesters outside the town hall on Monday evening', 'chrome'],
      ['Share on Twitter', 'chrome'],
      ['Share on Facebook', 'chrome'],
      [expect.stringMatching(/^The council leader/), 'body'],
      ['He refused.', 'body'],
      ['Libraries, Council, Budget cuts', 'chrome'],
      ['Leave a comment', 'chrome'],
      [expect.stringMatching(/^Your email address/), 'chrome'],
      [expect.stringMatching(/^Great article/), 'chrome'],
      ['Logged in as %s. Log out?', 'chrome'],
    ]);
  });

  it('body paragraphs of the made-up page are numbered from 1 in order, chrome skipped', () => {
    const paras = bodyParagraphs(classifyBlocks(page));
    expect(paras.map((p) => p.n)).toEqual([1, 2, 3, 4]);
    expect(paras.map((p) => page.slice(p.start, p.end).slice(0, 12))).toEqual(['The borough ', 'Residents pa', 'The council ', 'He refused.']);
  });

  it('a comment form with a template placeholder is chrome even without a "Leave a comment" heading', () => {
    const text = 'Mayor resigns\n\nThe mayor resigned on Friday after a long row over the budget.\n\nPosting your comment as %s via your account\n';
    expect(roles(text).map(([, r]) => r)).toEqual(['headline', 'body', 'chrome']);
  });

  it('a sharing line that ends in a full stop is still chrome', () => {
    const text = 'The mayor resigned on Friday after a long row over the budget.\n\nShare this story.\n';
    expect(roles(text).map(([, r]) => r)).toEqual(['body', 'chrome']);
  });

  it('the chrome of a made-up page never reaches an engine-built index', () => {
    const idx = buildIndex([{ ref: { id: 'made-up', file: 'made-up.txt', title: 'Made up', kind: 'news report' }, text: page }]);
    const passages = idx.data.passages.map((p) => page.slice(p.start, p.end));
    for (const chrome of ['Follow us', 'Local News', 'Protesters outside', 'Share on', 'Libraries,', 'Leave a comment', 'email address', 'Great article', '%s']) {
      for (const p of passages) expect(p).not.toContain(chrome);
    }
    expect(passages.some((p) => p.includes('sad day for the town'))).toBe(true);
  });
});

describe('paragraphs and their offsets', () => {
  it('blank-line files: paragraphs are the blank-line-separated blocks that are not chrome', () => {
    for (const id of ['livingstone-faces-expulsion', 'livingstone-refuses-to-stump', 'councillors-expelled', 'miliband-bottles-it']) {
      const a = article(id);
      const blocks = a.text
        .split(/\n\s*\n/)
        .map((b) => b.trim())
        .filter(Boolean);
      const paras = a.paragraphs.map((p) => a.text.slice(p.start, p.end));
      expect(paras.length).toBeGreaterThan(8);
      // Every paragraph is one whole block, in file order.
      let at = 0;
      for (const p of paras) {
        const i = blocks.indexOf(p, at);
        expect(i, `${id}: ${p.slice(0, 40)}`).toBeGreaterThanOrEqual(at);
        at = i + 1;
        expect(p).not.toMatch(/\n\s*\n/);
      }
      expect(a.paragraphs.map((p) => p.n)).toEqual(paras.map((_, i) => i + 1));
    }
  });

  it('the single-newline file: every line but the byline is a paragraph with exact offsets', () => {
    const a = article('livingstone-statement-in-full');
    expect(a.text).not.toMatch(/\n[ \t]*\n/);
    const lines = a.text.split('\n').filter((l) => l.trim() && l.trim() !== 'by Ken Livingstone');
    expect(lines.length).toBeGreaterThanOrEqual(15);
    const paras = a.paragraphs.map((p) => a.text.slice(p.start, p.end));
    expect(paras).toEqual(lines.map((l) => l.trim()));
    for (const p of a.paragraphs) {
      expect(p.start === 0 || a.text[p.start - 1] === '\n').toBe(true);
      expect(p.end === a.text.length || /\s/.test(a.text[p.end]!)).toBe(true);
    }
  });

  it('splitBlocks on made-up text: blank lines with spaces or non-breaking spaces separate, offsets are exact', () => {
    const text = '  First para line one\nline two.\n \u00a0\nSecond para.\n\n\n\nThird.  ';
    const spans = splitBlocks(text);
    expect(spans.map((s) => slice(text, s))).toEqual(['First para line one\nline two.', 'Second para.', 'Third.']);
    expect(spans[0]!.start).toBe(2);
  });

  it('splitBlocks on made-up text without blank lines: one paragraph per line', () => {
    const text = 'Headline here\nFirst paragraph.\nSecond paragraph.\n';
    expect(splitBlocks(text).map((s) => slice(text, s))).toEqual(['Headline here', 'First paragraph.', 'Second paragraph.']);
  });

  it('paragraph numbers of the engine match paragraphContext', () => {
    const a = article('councillors-expelled');
    const p = a.paragraphs[3]!;
    const ctx = engine.paragraphContext('councillors-expelled', p.n, 0);
    expect(ctx?.paragraphs).toEqual([{ n: p.n, start: p.start, end: p.end, text: a.text.slice(p.start, p.end) }]);
  });
});

/** Sentences of a one-paragraph text. */
function sentences(text: string): string[] {
  return splitSentences(text, { start: 0, end: text.length }).map((s) => slice(text, s));
}

describe('sentence splitting on made-up text', () => {
  it('plain sentences, "Mr", "Dr" and initials', () => {
    expect(sentences('Mr Smith arrived late. Dr. Patel spoke first. J. K. Rowling was not there. The meeting ended.')).toEqual([
      'Mr Smith arrived late.',
      'Dr. Patel spoke first.',
      'J. K. Rowling was not there.',
      'The meeting ended.',
    ]);
    expect(sentences('The letter went to Mr. Jones. He replied.')).toEqual(['The letter went to Mr. Jones.', 'He replied.']);
  });

  it('curly and straight quotes stay with their sentence', () => {
    expect(sentences('He said: “I am sorry.” Then he left. She said "we will win." The crowd cheered.')).toEqual([
      'He said: “I am sorry.”',
      'Then he left.',
      'She said "we will win."',
      'The crowd cheered.',
    ]);
  });

  it('a sentence may start with an opening quote', () => {
    expect(sentences('The vote was close. “We lost,” she said. \'It hurts,\' he added.')).toEqual([
      'The vote was close.',
      '“We lost,” she said.',
      "'It hurts,' he added.",
    ]);
  });

  it('an ellipsis inside a sentence does not end it; one before a capital does', () => {
    expect(sentences('When he campaigned here, it was… for the opposition. Nobody forgot.')).toEqual([
      'When he campaigned here, it was… for the opposition.',
      'Nobody forgot.',
    ]);
    expect(sentences('He paused... Then he spoke again.')).toEqual(['He paused...', 'Then he spoke again.']);
    expect(sentences('“That’s why I am supporting her…” More about that tomorrow.')).toEqual(['“That’s why I am supporting her…”', 'More about that tomorrow.']);
  });

  it('a quote spanning two sentences: each sentence keeps its own marks, attribution stays with the last', () => {
    const text = '“People have to realise this. I’m not happy about it,” the source said. Nobody replied.';
    expect(sentences(text)).toEqual(['“People have to realise this.', 'I’m not happy about it,” the source said.', 'Nobody replied.']);
  });

  it('question and exclamation marks end sentences; a lowercase continuation does not start one', () => {
    expect(sentences('Why should they? He asked again! and again. Fine.')).toEqual(['Why should they?', 'He asked again! and again.', 'Fine.']);
  });

  it('offsets are file offsets inside the paragraph, with non-breaking spaces trimmed', () => {
    const text = 'Headline\n\n\u00a0First one.  Second\u00a0one.\u00a0\n';
    const para = { start: 10, end: text.length };
    const spans = splitSentences(text, para);
    expect(spans.map((s) => slice(text, s))).toEqual(['First one.', 'Second\u00a0one.']);
    for (const s of spans) expect(s.start).toBeGreaterThanOrEqual(10);
  });

  it('the real corpus: sentences cover each paragraph, in order, without overlap or lost words', () => {
    for (const a of index.data.articles) {
      for (const p of a.paragraphs) {
        const ss = splitSentences(a.text, p);
        let at = p.start;
        for (const s of ss) {
          expect(s.start).toBeGreaterThanOrEqual(at);
          expect(a.text.slice(at, s.start).trim()).toBe('');
          at = s.end;
        }
        expect(at).toBe(p.end);
      }
    }
    expect(fileText('corpus/councillors-expelled.txt')).toContain('Ted Jeory adds:');
  });
});

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ARTICLE_KINDS, CorpusError, loadArticle, loadCorpus } from '../../src/retrieval/corpus.js';
import { CORPUS_DIR, ROOT, corpusFiles } from './helpers.js';

describe('the real corpus', () => {
  const corpus = loadCorpus(CORPUS_DIR, ROOT);

  it('holds the five articles, one per text file', () => {
    expect(corpus).toHaveLength(5);
    expect(corpus.map((a) => a.ref.file).sort()).toEqual(corpusFiles());
    expect(new Set(corpus.map((a) => a.ref.id)).size).toBe(5);
  });

  it('keeps every text byte for byte', () => {
    for (const a of corpus) {
      const bytes = readFileSync(join(ROOT, a.ref.file));
      expect(Buffer.from(a.text, 'utf8').equals(bytes), a.ref.file).toBe(true);
    }
  });

  it('keeps the text quirks the articles really have (non-breaking space, both quote styles)', () => {
    const all = corpus.map((a) => a.text).join('\n');
    expect(all).toContain('\u00a0');
    expect(all).toContain('“');
    expect(all).toContain('"');
    expect(all).toContain('ex-pelled');
    expect(all).toContain('Livingstone‘s');
  });

  it('gives each article the metadata of its .meta.json: an id, a title and a known kind', () => {
    for (const a of corpus) {
      const meta = JSON.parse(readFileSync(join(CORPUS_DIR, `${a.ref.id}.meta.json`), 'utf8')) as Record<string, unknown>;
      expect(a.ref.file).toBe(`corpus/${a.ref.id}.txt`);
      expect(a.ref.title).toBe(meta['title']);
      expect(a.ref.title.trim().length).toBeGreaterThan(0);
      expect(ARTICLE_KINDS).toContain(a.ref.kind);
      expect(a.ref.kind).toBe(meta['kind']);
      for (const field of ['outlet', 'author', 'date'] as const) expect(a.ref[field]).toBe(meta[field]);
    }
  });

  it('uses the headline as title where the article prints one', () => {
    const faces = corpus.find((a) => a.ref.id === 'livingstone-faces-expulsion')!;
    expect(faces.text.startsWith(faces.ref.title)).toBe(true);
    const bottles = corpus.find((a) => a.ref.id === 'miliband-bottles-it')!;
    expect(bottles.text).toContain(bottles.ref.title);
  });

  it('invents no publication date: the articles print none, so no date field is set', () => {
    for (const a of corpus) expect(a.ref.date).toBeUndefined();
  });
});

describe('bad corpus entries fail with a CorpusError naming the file and the problem', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  /** A temp project with one article `corpus/story.txt`; `meta` undefined = no meta file. */
  function project(text: string | Buffer, meta: string | undefined): string {
    const root = mkdtempSync(join(tmpdir(), 'affair-corpus-'));
    dirs.push(root);
    const corpus = join(root, 'corpus');
    mkdirSync(corpus);
    writeFileSync(join(corpus, 'story.txt'), text);
    if (meta !== undefined) writeFileSync(join(corpus, 'story.meta.json'), meta);
    return root;
  }

  function failure(root: string): CorpusError {
    try {
      loadCorpus(join(root, 'corpus'), root);
    } catch (err) {
      expect(err).toBeInstanceOf(CorpusError);
      return err as CorpusError;
    }
    throw new Error('expected the corpus to be refused');
  }

  const TEXT = 'A headline\n\nThe council met on Tuesday and voted to adjourn.\n';
  const GOOD = JSON.stringify({ title: 'A headline', kind: 'news report' });

  it('accepts a well-formed article (control case)', () => {
    const root = project(TEXT, GOOD);
    const [a] = loadCorpus(join(root, 'corpus'), root);
    expect(a?.ref).toMatchObject({ id: 'story', file: 'corpus/story.txt', title: 'A headline', kind: 'news report' });
    expect(a?.text).toBe(TEXT);
  });

  it('missing metadata file', () => {
    const e = failure(project(TEXT, undefined));
    expect(e.message).toContain('story.meta.json');
    expect(e.message).toMatch(/missing/i);
  });

  it('metadata that is not JSON', () => {
    const e = failure(project(TEXT, '{ "title": "A headline", kind: news }'));
    expect(e.message).toContain('story.meta.json');
    expect(e.message).toMatch(/JSON/);
  });

  it('a typo in a field name is refused, not ignored', () => {
    const e = failure(project(TEXT, JSON.stringify({ title: 'A headline', kind: 'news report', autor: 'Jane Doe' })));
    expect(e.message).toContain('story.meta.json');
    expect(e.message).toContain('autor');
  });

  it('a kind that is not one of the known kinds', () => {
    const e = failure(project(TEXT, JSON.stringify({ title: 'A headline', kind: 'gossip' })));
    expect(e.message).toContain('story.meta.json');
    expect(e.message).toContain('kind');
  });

  it('a missing or blank title', () => {
    let e = failure(project(TEXT, JSON.stringify({ kind: 'news report' })));
    expect(e.message).toContain('story.meta.json');
    expect(e.message).toContain('title');
    e = failure(project(TEXT, JSON.stringify({ title: '   ', kind: 'news report' })));
    expect(e.message).toContain('title');
  });

  it('a date that is not a calendar date', () => {
    const e = failure(project(TEXT, JSON.stringify({ title: 'A headline', kind: 'news report', date: '21 October 2010' })));
    expect(e.message).toContain('story.meta.json');
    expect(e.message).toContain('date');
  });

  it('metadata that is JSON but not an object', () => {
    const e = failure(project(TEXT, '["A headline", "news report"]'));
    expect(e.message).toContain('story.meta.json');
  });

  it('an empty (or white-space only) article', () => {
    for (const text of ['', ' \n\u00a0\n\t ']) {
      const e = failure(project(text, GOOD));
      expect(e.message).toContain('story.txt');
      expect(e.message).toMatch(/empty/i);
    }
  });

  it('text that is not valid UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from('The mayor said: '), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(' and left.\n')]);
    const e = failure(project(bytes, GOOD));
    expect(e.message).toContain('story.txt');
    expect(e.message).toMatch(/UTF-8/);
  });

  it('loadArticle reports the same problems for a single file', () => {
    const root = project(TEXT, JSON.stringify({ title: 'A headline', kind: 'opinion' }));
    expect(() => loadArticle(join(root, 'corpus', 'story.txt'), root)).toThrow(CorpusError);
    expect(() => loadArticle(join(root, 'corpus', 'story.txt'), root)).toThrow(/story\.meta\.json.*kind/);
  });
});

import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadEngine } from '../../src/runtime/load.js';
import { ARTICLE_KINDS, CorpusError, MAX_ARTICLE_ID_LENGTH, loadArticle, loadCorpus, readCorpus } from '../../src/retrieval/corpus.js';
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

describe('hostile corpus files: each is refused by name and rule, the rest of the corpus is served', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  const TEXT = 'A headline\n\nThe council met on Tuesday and voted to adjourn.\n';
  const META = JSON.stringify({ title: 'A headline', kind: 'news report' });

  /** A temp project whose corpus holds one good article, `good.txt`, plus whatever the test adds. */
  function project(): { root: string; corpus: string } {
    const root = mkdtempSync(join(tmpdir(), 'affair-hostile-'));
    dirs.push(root);
    const corpus = join(root, 'corpus');
    mkdirSync(corpus);
    writeFileSync(join(corpus, 'good.txt'), TEXT);
    writeFileSync(join(corpus, 'good.meta.json'), META);
    return { root, corpus };
  }

  /** Adds `NAME.txt` (text given) and its metadata. */
  function add(corpus: string, name: string, text: string | Buffer, meta = META): void {
    writeFileSync(join(corpus, `${name}.txt`), text);
    writeFileSync(join(corpus, `${name}.meta.json`), meta);
  }

  /** Reads the corpus; expects the good article served and exactly one refusal, which it returns. */
  function refusal(p: { root: string; corpus: string }, limits = {}): CorpusError {
    const { articles, refused } = readCorpus(p.corpus, p.root, limits);
    expect(articles.map((a) => a.ref.file)).toEqual(['corpus/good.txt']);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toBeInstanceOf(CorpusError);
    return refused[0]!;
  }

  it('a link leading out of the corpus folder is not followed', () => {
    const p = project();
    writeFileSync(join(p.root, 'secret.txt'), 'The bot token is hunter2, do not share it with anyone at all.\n');
    symlinkSync(join(p.root, 'secret.txt'), join(p.corpus, 'leak.txt'));
    writeFileSync(join(p.corpus, 'leak.meta.json'), META);
    const e = refusal(p);
    expect(e.file).toBe('corpus/leak.txt');
    expect(e.message).toMatch(/link leading out of the corpus folder/);
  });

  it('a link to another file inside the folder is read (control case)', () => {
    const p = project();
    symlinkSync('good.txt', join(p.corpus, 'alias.txt'));
    writeFileSync(join(p.corpus, 'alias.meta.json'), META);
    const { articles, refused } = readCorpus(p.corpus, p.root);
    expect(refused).toEqual([]);
    expect(articles.map((a) => a.text)).toEqual([TEXT, TEXT]);
  });

  it('a metadata file linking out of the folder is not followed either', () => {
    const p = project();
    writeFileSync(join(p.corpus, 'story.txt'), TEXT);
    writeFileSync(join(p.root, 'outside.json'), META);
    symlinkSync(join(p.root, 'outside.json'), join(p.corpus, 'story.meta.json'));
    const e = refusal(p);
    expect(e.file).toBe('corpus/story.meta.json');
    expect(e.message).toMatch(/link leading out/);
  });

  it('a folder named like an article is not a regular file', () => {
    const p = project();
    mkdirSync(join(p.corpus, 'folder.txt'));
    const e = refusal(p);
    expect(e.file).toBe('corpus/folder.txt');
    expect(e.message).toMatch(/is a folder, not a regular file/);
  });

  it('an article over the size limit: 5 MB by default, or the configured limit', () => {
    const p = project();
    add(p.corpus, 'huge', `${TEXT}${'The council met again. '.repeat(240_000)}`); // about 5.5 MB
    let e = refusal(p);
    expect(e.file).toBe('corpus/huge.txt');
    expect(e.message).toMatch(/over the limit of 5 MB per article \(CORPUS_MAX_ARTICLE_MB\)/);
    rmSync(join(p.corpus, 'huge.txt'));
    add(p.corpus, 'long', TEXT.repeat(40)); // 2.4 KB
    e = refusal(p, { maxArticleBytes: 1024 });
    expect(e.file).toBe('corpus/long.txt');
    expect(e.message).toContain('is 2.38 KB, over the limit of 1 KB per article (CORPUS_MAX_ARTICLE_MB)');
    expect(readCorpus(p.corpus, p.root, { maxArticleBytes: 4096 }).refused).toEqual([]);
  });

  it('a 10 MB metadata field is refused, and so is a field longer than a citation can show', () => {
    const p = project();
    add(p.corpus, 'outlet', TEXT, JSON.stringify({ title: 'A headline', kind: 'news report', outlet: 'x'.repeat(10 * 1024 * 1024) }));
    let e = refusal(p);
    expect(e.file).toBe('corpus/outlet.meta.json');
    expect(e.message).toMatch(/over the limit of 64 KB per metadata file/);
    add(p.corpus, 'outlet', TEXT, JSON.stringify({ title: 'A headline', kind: 'news report', outlet: 'The Daily '.repeat(30) }));
    e = refusal(p);
    expect(e.file).toBe('corpus/outlet.meta.json');
    expect(e.message).toMatch(/field "outlet": .*200/);
    for (const field of ['author', 'source']) {
      add(p.corpus, 'outlet', TEXT, JSON.stringify({ title: 'A headline', kind: 'news report', [field]: 'y'.repeat(201) }));
      expect(refusal(p).message).toContain(`field "${field}"`);
    }
  });

  it('binary that is valid UTF-8 is refused: NUL characters, or many control characters', () => {
    const p = project();
    add(p.corpus, 'nul', `${TEXT}\u0000\u0000\u0000${TEXT}`);
    let e = refusal(p);
    expect(e.file).toBe('corpus/nul.txt');
    expect(e.message).toMatch(/NUL characters: binary data, not text/);
    rmSync(join(p.corpus, 'nul.txt'));
    const controls = Array.from({ length: 400 }, (_, i) => String.fromCharCode(1 + (i % 8)) + 'ab').join('');
    add(p.corpus, 'controls', `${TEXT}${controls}`);
    e = refusal(p);
    expect(e.file).toBe('corpus/controls.txt');
    expect(e.message).toMatch(/control characters: binary data, not text/);
  });

  it('a stray control character in a real article is tolerated (control case)', () => {
    const p = project();
    add(p.corpus, 'stray', `${TEXT.repeat(5)}\u0008`);
    expect(readCorpus(p.corpus, p.root).refused).toEqual([]);
  });

  it('a byte-order mark stays in the text, so offsets are file offsets and every snippet is the file slice', async () => {
    const p = project();
    const text = 'Councillor quits\n\nJane Doe, the Labour councillor for Bow West, resigned yesterday.\n';
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
    add(p.corpus, 'bom', bytes, `\uFEFF${JSON.stringify({ title: 'Councillor quits', kind: 'news report' })}`);
    const { articles, refused } = readCorpus(p.corpus, p.root);
    expect(refused).toEqual([]);
    const bom = articles.find((a) => a.ref.id === 'bom')!;
    expect(Buffer.from(bom.text, 'utf8').equals(bytes)).toBe(true);
    const engine = await loadEngine({ root: p.root, corpusDir: p.corpus });
    const answer = engine.answer({ command: 'who', query: 'Jane Doe' });
    expect(answer.snippets.length).toBeGreaterThan(0);
    const file = readFileSync(join(p.corpus, 'bom.txt'), 'utf8');
    for (const s of answer.snippets) {
      expect(file.slice(s.start, s.end)).toBe(s.text);
      expect(s.text).toContain('Jane Doe');
    }
  });

  it('odd but carriable names are accepted: a colon, or nothing before .txt', () => {
    const p = project();
    add(p.corpus, 'a:b', TEXT);
    add(p.corpus, '', TEXT);
    const { articles, refused } = readCorpus(p.corpus, p.root);
    expect(refused).toEqual([]);
    expect(articles.map((a) => a.ref.id).sort()).toEqual(['', 'a:b', 'good']);
  });

  it('names that answer buttons cannot carry are refused by name: too long, control characters, not UTF-8', () => {
    const p = project();
    const long = 'x'.repeat(MAX_ARTICLE_ID_LENGTH + 1);
    add(p.corpus, long, TEXT);
    let e = refusal(p);
    expect(e.file).toBe(`corpus/${long}.txt`);
    expect(e.message).toMatch(/longer than 60 characters/);
    rmSync(join(p.corpus, `${long}.txt`));
    expect(readCorpus(p.corpus, p.root).refused).toEqual([]);
    add(p.corpus, 'x'.repeat(MAX_ARTICLE_ID_LENGTH), TEXT); // the longest name that fits
    expect(readCorpus(p.corpus, p.root).refused).toEqual([]);
    rmSync(join(p.corpus, `${'x'.repeat(MAX_ARTICLE_ID_LENGTH)}.txt`));
    add(p.corpus, 'line\nbreak', TEXT);
    e = refusal(p);
    expect(e.message).toMatch(/control characters/);
    rmSync(join(p.corpus, 'line\nbreak.txt'));
    const latin1 = Buffer.concat([Buffer.from(`${p.corpus}/caf`), Buffer.from([0xe9]), Buffer.from('.txt')]);
    writeFileSync(latin1, TEXT);
    e = refusal(p);
    expect(e.message).toMatch(/not valid UTF-8/);
  });
});

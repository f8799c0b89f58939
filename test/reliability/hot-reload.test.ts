/**
 * The corpus changes while the bot runs: new and edited articles are served without a restart, no
 * question fails during the swap, bad articles are rejected by name, and the folder is never touched.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LiveEngine, type ReloadLog } from '../../src/runtime/live.js';
import { PROJECT_ROOT } from '../../src/runtime/paths.js';

const NEW_ARTICLE = `Councillor quits over byelection row

Jane Doe, the Labour councillor for Bow West, resigned yesterday over the handling of the byelection.

"I could not stay in a group that treats members this way," Jane Doe said.
`;
const NEW_META = JSON.stringify({ title: 'Councillor quits over byelection row', kind: 'news report' });

interface Line { level: 'info' | 'error'; obj: Record<string, unknown>; msg: string }

function memoryLog(lines: Line[]): ReloadLog {
  return {
    info: (obj, msg) => lines.push({ level: 'info', obj: obj as Record<string, unknown>, msg }),
    error: (obj, msg) => lines.push({ level: 'error', obj: obj as Record<string, unknown>, msg }),
  };
}

function folderHash(dir: string): string {
  const h = createHash('sha256');
  for (const name of readdirSync(dir).sort()) h.update(name).update(readFileSync(join(dir, name)));
  return h.digest('hex');
}

/** Waits for a condition; the deadline is generous, for a busy 2-core machine re-indexing in a worker. */
async function until(check: () => boolean, what: string, deadlineMs = 60_000): Promise<void> {
  for (const end = Date.now() + deadlineMs; Date.now() < end; ) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

let root: string;
let corpus: string;
let lines: Line[];
let live: LiveEngine | undefined;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'affair-live-'));
  corpus = join(root, 'corpus');
  cpSync(join(PROJECT_ROOT, 'corpus'), corpus, { recursive: true });
  lines = [];
});

afterEach(() => {
  live?.stop();
  live = undefined;
  rmSync(root, { recursive: true, force: true });
});

describe('a corpus that changes while the bot runs', () => {
  it('serves an added article without a restart', async () => {
    live = LiveEngine.start({ root, corpusDir: corpus, log: memoryLog(lines), debounceMs: 50 });
    expect(live.answer({ command: 'who', query: 'Jane Doe' }).abstained).toBe(true);
    writeFileSync(join(corpus, 'councillor-quits.meta.json'), NEW_META);
    writeFileSync(join(corpus, 'councillor-quits.txt'), NEW_ARTICLE);
    await until(() => !live!.answer({ command: 'who', query: 'Jane Doe' }).abstained, 'the new article to be served');
    const answer = live.answer({ command: 'who', query: 'Jane Doe' });
    expect(answer.snippets[0]!.text).toContain('the Labour councillor for Bow West');
    expect(answer.snippets[0]!.file).toBe('corpus/councillor-quits.txt');
    expect(live.articles()).toHaveLength(6);
  });

  it('with a cache folder, indexes a change in a worker thread and takes over what it built', async () => {
    live = LiveEngine.start({ root, corpusDir: corpus, log: memoryLog(lines), debounceMs: 50, cacheDir: join(root, 'cache') });
    writeFileSync(join(corpus, 'councillor-quits.meta.json'), NEW_META);
    writeFileSync(join(corpus, 'councillor-quits.txt'), NEW_ARTICLE);
    await until(() => lines.some((l) => l.msg === 'corpus re-indexed'), 'the re-index');
    expect(lines.filter((l) => l.level === 'error')).toEqual([]);
    // Built and saved by the worker; the main thread took over what it built instead of building.
    expect(lines.find((l) => l.msg === 'corpus re-indexed')!.obj).toMatchObject({ builtBy: 'worker', index: 'saved', articles: 6 });
    expect(readdirSync(join(root, 'cache')).filter((f) => f.endsWith('.idx'))).toHaveLength(1);
    expect(live.answer({ command: 'who', query: 'Jane Doe' }).snippets[0]!.text).toContain('the Labour councillor for Bow West');
  });

  it('with a cache folder it cannot write, still serves what the worker built, without building again', async () => {
    const blocked = join(root, 'a-file');
    writeFileSync(blocked, 'x');
    live = LiveEngine.start({ root, corpusDir: corpus, log: memoryLog(lines), debounceMs: 50, cacheDir: join(blocked, 'cache') });
    writeFileSync(join(corpus, 'councillor-quits.meta.json'), NEW_META);
    writeFileSync(join(corpus, 'councillor-quits.txt'), NEW_ARTICLE);
    await until(() => lines.some((l) => l.msg === 'corpus re-indexed'), 'the re-index');
    expect(lines.find((l) => l.msg === 'corpus re-indexed')!.obj).toMatchObject({ builtBy: 'worker', index: 'unsaved', articles: 6 });
    expect(lines.filter((l) => l.level === 'error').map((l) => l.msg)).toEqual(['background re-index could not save the index; serving it unsaved']);
    expect(live.answer({ command: 'who', query: 'Jane Doe' }).snippets[0]!.text).toContain('the Labour councillor for Bow West');
  });

  it('answers every question while re-indexing, from the old index or the new', async () => {
    live = LiveEngine.start({ root, corpusDir: corpus, log: memoryLog(lines), debounceMs: 10 });
    const before = live.generation;
    writeFileSync(join(corpus, 'councillor-quits.meta.json'), NEW_META);
    writeFileSync(join(corpus, 'councillor-quits.txt'), NEW_ARTICLE);
    let asked = 0;
    while (live.generation === before && asked < 5000) {
      const a = live.answer({ command: 'who', query: 'Helal Abbas' });
      expect(a.abstained).toBe(false);
      asked++;
      await new Promise((r) => setImmediate(r));
    }
    expect(live.generation).toBeGreaterThan(before);
    expect(live.answer({ command: 'who', query: 'Helal Abbas' }).abstained).toBe(false);
  });

  it('rejects a bad new article by name and keeps serving the rest', () => {
    live = LiveEngine.start({ root, corpusDir: corpus, log: memoryLog(lines), debounceMs: 10_000 });
    writeFileSync(join(corpus, 'broken.txt'), NEW_ARTICLE);
    writeFileSync(join(corpus, 'broken.meta.json'), JSON.stringify({ title: 'Broken', kind: 'gossip' }));
    writeFileSync(join(corpus, 'empty.txt'), '   \n');
    writeFileSync(join(corpus, 'empty.meta.json'), NEW_META);
    writeFileSync(join(corpus, 'latin1.txt'), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a]));
    writeFileSync(join(corpus, 'latin1.meta.json'), NEW_META);
    expect(live.reload()).toBe(false);
    const errors = lines.filter((l) => l.level === 'error');
    expect(errors.map((e) => e.obj.file)).toEqual(['corpus/broken.meta.json', 'corpus/empty.txt', 'corpus/latin1.txt']);
    expect(String(errors[0]!.obj.problem)).toContain('kind');
    expect(String(errors[1]!.obj.problem)).toContain('empty');
    expect(String(errors[2]!.obj.problem)).toContain('UTF-8');
    expect(live.answer({ command: 'who', query: 'Helal Abbas' }).abstained).toBe(false);
    expect(live.articles()).toHaveLength(5);
  });

  it('refuses by name an article linking out of corpus/, or over the size limit, and never serves it', () => {
    live = LiveEngine.start({ root, corpusDir: corpus, log: memoryLog(lines), debounceMs: 10_000, limits: { maxArticleBytes: 64 * 1024 } });
    writeFileSync(join(root, 'outside.txt'), NEW_ARTICLE);
    symlinkSync(join(root, 'outside.txt'), join(corpus, 'outside.txt'));
    writeFileSync(join(corpus, 'outside.meta.json'), NEW_META);
    writeFileSync(join(corpus, 'huge.txt'), `${NEW_ARTICLE}\n${'Jane Doe spoke again. '.repeat(4000)}`);
    writeFileSync(join(corpus, 'huge.meta.json'), NEW_META);
    expect(live.reload()).toBe(false);
    const errors = lines.filter((l) => l.level === 'error');
    expect(errors.map((e) => e.obj.file)).toEqual(['corpus/huge.txt', 'corpus/outside.txt']);
    expect(String(errors[0]!.obj.problem)).toMatch(/over the limit of 64 KB per article/);
    expect(String(errors[1]!.obj.problem)).toMatch(/link leading out of the corpus folder/);
    expect(live.answer({ command: 'who', query: 'Jane Doe' }).abstained).toBe(true);
  });

  it('keeps the last good version of an article whose edit broke it', () => {
    live = LiveEngine.start({ root, corpusDir: corpus, log: memoryLog(lines), debounceMs: 10_000 });
    writeFileSync(join(corpus, 'livingstone-faces-expulsion.meta.json'), '{ not json');
    live.reload();
    expect(lines.some((l) => l.level === 'error' && l.obj.kept === true)).toBe(true);
    const answer = live.answer({ command: 'who', query: 'Greg Hands' });
    expect(answer.snippets[0]!.text).toContain('Tory MP for Chelsea and Fulham');
  });

  it('serves an edited article in its new version', () => {
    live = LiveEngine.start({ root, corpusDir: corpus, log: memoryLog(lines), debounceMs: 10_000 });
    const file = join(corpus, 'miliband-bottles-it.txt');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n\nJohn Smith, the treasurer of the Bow branch, called the decision a disgrace.\n`);
    expect(live.reload()).toBe(true);
    expect(live.answer({ command: 'who', query: 'John Smith' }).snippets[0]!.text).toContain('treasurer of the Bow branch');
  });

  it('never writes to the corpus folder', async () => {
    const hash = folderHash(corpus);
    live = LiveEngine.start({ root, corpusDir: corpus, log: memoryLog(lines), debounceMs: 10, cacheDir: join(root, 'cache') });
    live.reload();
    for (const command of ['who', 'when', 'quote', 'ask'] as const) live.answer({ command, query: 'Ken Livingstone' });
    expect(folderHash(corpus)).toBe(hash);
  });
});

describe('the corpus folder replaced while the bot runs', () => {
  /** A complete new corpus beside the old one: the old articles plus one more. */
  function newCorpus(): string {
    const next = join(root, 'corpus.new');
    cpSync(corpus, next, { recursive: true });
    writeFileSync(join(next, 'councillor-quits.meta.json'), NEW_META);
    writeFileSync(join(next, 'councillor-quits.txt'), NEW_ARTICLE);
    return next;
  }
  const served = () => !live!.answer({ command: 'who', query: 'Jane Doe' }).abstained;

  it('logs the folder it watches', () => {
    live = LiveEngine.start({ root, corpusDir: corpus, log: memoryLog(lines), debounceMs: 50 });
    expect(lines.find((l) => l.msg === 'watching the corpus folder for changes')?.obj).toMatchObject({ dir: corpus });
  });

  it('moved aside and replaced (mv corpus corpus.old; mv corpus.new corpus): the new folder is served and watched', async () => {
    live = LiveEngine.start({ root, corpusDir: corpus, log: memoryLog(lines), debounceMs: 50 });
    const next = newCorpus();
    renameSync(corpus, join(root, 'corpus.old'));
    renameSync(next, corpus);
    await until(served, 'the replaced folder to be served');
    expect(lines.some((l) => l.msg === 'corpus folder replaced; watching the new one' && l.obj.dir === corpus)).toBe(true);
    // Still watched afterwards: an edit in the new folder is served too.
    writeFileSync(join(corpus, 'miliband-bottles-it.txt'), `${readFileSync(join(corpus, 'miliband-bottles-it.txt'), 'utf8')}\n\nJohn Smith, the treasurer of the Bow branch, called the decision a disgrace.\n`);
    await until(() => !live!.answer({ command: 'who', query: 'John Smith' }).abstained, 'an edit in the new folder to be served');
  });

  it('deleted and replaced (rm -r corpus; mv corpus.new corpus): the last good index is served meanwhile, then the new folder', async () => {
    live = LiveEngine.start({ root, corpusDir: corpus, log: memoryLog(lines), debounceMs: 50 });
    const next = newCorpus();
    rmSync(corpus, { recursive: true });
    await until(() => lines.some((l) => l.level === 'error' && l.obj.dir === corpus), 'the missing folder to be noticed');
    expect(live.answer({ command: 'who', query: 'Helal Abbas' }).abstained).toBe(false);
    renameSync(next, corpus);
    await until(served, 'the new folder to be served');
    expect(live.articles()).toHaveLength(6);
  });
});

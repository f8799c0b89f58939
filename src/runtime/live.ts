/**
 * An engine that follows the corpus folder while the bot runs: an added or edited article is indexed
 * aside and swapped in whole, so a question is always answered by one complete index, old or new.
 * A bad article (unreadable, empty, not UTF-8, invalid metadata) is rejected with a log line naming
 * the file and the problem; an article that was good keeps being served in its last good version.
 * Nothing in the corpus folder is ever written, moved or deleted.
 *
 * With a cache folder, a change is indexed by a worker thread, which builds everything and saves it.
 * The main thread never holds the event loop for long meanwhile: it reads the corpus, hands it to the
 * worker and checks what comes back a slice at a time (runSliced), then swaps one reference; the
 * bench's `editStallMs` measures the longest stall.
 */
import { existsSync, type FSWatcher, watch } from 'node:fs';
import { join, relative } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Engine } from '../answers/engine.js';
import type { Answer, AnswerRequest, ArticleRef } from '../answers/types.js';
import { runSliced, runToEnd } from '../core/sections.js';
import { type Article, articleFiles, loadArticle } from '../retrieval/corpus.js';
import { decodeSteps, loadOrBuildIndex } from './cache.js';
import { PROJECT_ROOT } from './paths.js';
import type { ReindexMessage, ReindexOptions, ReindexReply } from './reindex-worker.js';

/** Articles per message to the worker: small enough that copying one batch never stalls the thread. */
const BATCH = 100;

/** The little a live engine needs of a logger (pino's Logger fits). */
export interface ReloadLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface LiveEngineOptions {
  /** Folder of `*.txt` articles and their `*.meta.json`; default `<root>/corpus`. */
  corpusDir?: string;
  /** Project root that snippet paths are relative to; default this project's root. */
  root?: string;
  /** Saved-index folder (see retrieval/cache.ts); default none. */
  cacheDir?: string;
  /** Quiet time after the last change before re-indexing, so a copy in progress is read once, whole. */
  debounceMs?: number;
  log: ReloadLog;
}

export class LiveEngine {
  private engine: Engine;
  /** Last good version of every article, by file path relative to the root. */
  private readonly good = new Map<string, Article>();
  private watcher: FSWatcher | undefined;
  private timer: NodeJS.Timeout | undefined;
  /** The background re-index in progress, and whether the corpus changed again meanwhile. */
  private running: Promise<void> | undefined;
  private changedAgain = false;
  private worker: Worker | undefined;
  private stopped = false;
  private readonly corpusDir: string;
  private readonly root: string;
  /** Counts swaps; tests and logs use it to tell which index answered. */
  generation = 0;

  private constructor(private readonly options: LiveEngineOptions) {
    this.root = options.root ?? PROJECT_ROOT;
    this.corpusDir = options.corpusDir ?? join(this.root, 'corpus');
    const { articles } = runToEnd(this.readCorpus());
    if (articles.length === 0) throw new Error(`affair-bot: no valid article in ${this.corpusDir}`);
    this.engine = this.build(articles).engine;
  }

  /** Loads the corpus (bad articles are logged and left out) and starts watching it. */
  static start(options: LiveEngineOptions): LiveEngine {
    const live = new LiveEngine(options);
    live.watcher = watch(live.corpusDir, () => live.schedule());
    live.watcher.on('error', (err) => options.log.error({ err, dir: live.corpusDir }, 'corpus watch failed; serving the last good index'));
    return live;
  }

  get current(): Engine {
    return this.engine;
  }

  answer(request: AnswerRequest): Answer {
    return this.engine.answer(request);
  }
  people(prefix: string, limit?: number): ReturnType<Engine['people']> {
    return this.engine.people(prefix, limit);
  }
  articles(): ArticleRef[] {
    return this.engine.articles();
  }
  paragraphContext(articleId: string, paragraph: number, radius?: number): ReturnType<Engine['paragraphContext']> {
    return this.engine.paragraphContext(articleId, paragraph, radius);
  }

  /** Re-reads the corpus now and indexes it on this thread; returns true when a new index was swapped in. */
  reload(): boolean {
    const articles = this.usable(runToEnd(this.readCorpus()));
    if (!articles) return false;
    this.swap(this.build(articles), articles.length, 'here');
    return true;
  }

  /**
   * Re-reads the corpus and, with a cache folder, has a worker thread build (and save) the index while
   * this thread goes on answering, then takes it over a slice at a time. Without a cache folder, or
   * when the worker fails, indexes here. Resolves to true when a new index was swapped in.
   */
  async reloadAside(): Promise<boolean> {
    const articles = this.usable(await runSliced(this.readCorpus()));
    if (!articles || this.stopped) return false;
    if (this.options.cacheDir === undefined) {
      this.swap(this.build(articles), articles.length, 'here');
      return true;
    }
    const reply = await this.buildInWorker(articles, { cacheDir: this.options.cacheDir }).catch((err: unknown): ReindexReply => ({ ok: false, error: String(err) }));
    if (this.stopped) return false; // shutting down: the worker was stopped, nothing more to serve
    if (!reply.ok) {
      this.options.log.error({ problem: reply.error }, 'background re-index failed; indexing on the main thread');
      this.swap(this.build(articles), articles.length, 'here');
      return true;
    }
    // The worker built everything; a cache it could not write only means the next start builds again.
    if (reply.problem) this.options.log.error({ problem: reply.problem }, 'background re-index could not save the index; serving it unsaved');
    const built = await runSliced(decodeSteps(reply.sections, articles));
    const engine = await runSliced(Engine.create(built, built.lookup));
    this.swap({ engine, source: reply.problem ? 'unsaved' : 'saved' }, articles.length, 'worker');
    return true;
  }

  stop(): void {
    this.stopped = true;
    this.watcher?.close();
    if (this.timer) clearTimeout(this.timer);
    void this.worker?.terminate();
  }

  /** The articles to index, or undefined when nothing changed or nothing valid is left. */
  private usable({ articles, changed }: { articles: Article[]; changed: boolean }): Article[] | undefined {
    if (!changed) return undefined;
    if (articles.length === 0) {
      this.options.log.error({ dir: this.corpusDir }, 'corpus has no valid article; serving the last good index');
      return undefined;
    }
    return articles;
  }

  private swap(next: { engine: Engine; source: string }, articles: number, builtBy: 'worker' | 'here'): void {
    this.engine = next.engine; // one assignment: a question sees the old index or the new, never half of one
    this.generation++;
    this.options.log.info({ articles, generation: this.generation, builtBy, index: next.source }, 'corpus re-indexed');
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      // One background re-index at a time; changes during it are picked up by one more round.
      if (this.running) {
        this.changedAgain = true;
        return;
      }
      this.running = this.reloadUntilSettled().finally(() => (this.running = undefined));
    }, this.options.debounceMs ?? 300);
  }

  private async reloadUntilSettled(): Promise<void> {
    do {
      this.changedAgain = false;
      try {
        await this.reloadAside();
      } catch (err) {
        this.options.log.error({ err }, 'corpus re-index failed; serving the last good index');
      }
    } while (this.changedAgain);
  }

  private async buildInWorker(articles: Article[], options: ReindexOptions): Promise<ReindexReply> {
    const worker = startWorker(options);
    this.worker = worker;
    const reply = new Promise<ReindexReply>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => {
        if (this.worker === worker) this.worker = undefined;
        reject(new Error(`re-index worker exited with code ${code}`)); // ignored once settled
      });
    });
    reply.catch(() => {}); // awaited below; a failure while batches are still being sent is not unhandled
    for (let i = 0; i < articles.length; i += BATCH) {
      worker.postMessage({ articles: articles.slice(i, i + BATCH) } satisfies ReindexMessage);
      await new Promise((resume) => setImmediate(resume));
      if (this.stopped) break;
    }
    worker.postMessage({ done: true } satisfies ReindexMessage);
    return reply;
  }

  private build(articles: Article[]): { engine: Engine; source: 'cache' | 'build' } {
    const cache = this.options.cacheDir === undefined ? {} : { cacheDir: this.options.cacheDir };
    const index = loadOrBuildIndex(articles, cache);
    return { engine: new Engine(index, index.lookup), source: index.source };
  }

  /**
   * Every article that reads and validates, in file order; a bad one is logged and its last good
   * version kept. `changed`: whether that differs from the articles of the last read. Yields between
   * files (see runSliced).
   */
  private *readCorpus(): Generator<void, { articles: Article[]; changed: boolean }> {
    const seen = new Set<string>();
    const articles: Article[] = [];
    let changed = false;
    for (const path of existsSync(this.corpusDir) ? articleFiles(this.corpusDir) : []) {
      yield;
      let file = relative(this.root, path).split('\\').join('/');
      try {
        const article = loadArticle(path, this.root);
        file = article.ref.file;
        const before = this.good.get(file);
        if (!before || before.text !== article.text || !sameRef(before.ref, article.ref)) changed = true;
        this.good.set(file, article);
      } catch (err) {
        const kept = this.good.has(file);
        this.options.log.error(
          { file: (err as { file?: string }).file ?? file, problem: err instanceof Error ? err.message : String(err), kept },
          kept ? 'article rejected; serving its last good version' : 'article rejected',
        );
      }
      seen.add(file);
      const good = this.good.get(file);
      if (good) articles.push(good);
    }
    for (const file of [...this.good.keys()]) {
      if (!seen.has(file)) {
        this.good.delete(file);
        changed = true;
      }
    }
    return { articles, changed };
  }
}

/**
 * The worker runs this folder's reindex-worker module. Under tsx (how the bot runs), a worker does not
 * inherit the TypeScript loader, so it is started through tsx's own import.
 */
function startWorker(options: ReindexOptions): Worker {
  const self = new URL(import.meta.url);
  const entry = new URL(`./reindex-worker${self.pathname.slice(self.pathname.lastIndexOf('.'))}`, self);
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { workerData: options });
  const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(({ tsImport }) => tsImport(${JSON.stringify(entry.href)}, ${JSON.stringify(self.href)}))`;
  return new Worker(boot, { eval: true, workerData: options });
}

function sameRef(a: ArticleRef, b: ArticleRef): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof ArticleRef>;
  for (const k of keys) if (a[k] !== b[k]) return false;
  return true;
}

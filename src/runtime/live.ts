/**
 * An engine that follows the corpus folder while the bot runs: an added or edited article is indexed
 * aside and swapped in whole, so a question is always answered by one complete index, old or new.
 * A bad article (unreadable, empty, not UTF-8, invalid metadata) is rejected with a log line naming
 * the file and the problem; an article that was good keeps being served in its last good version.
 * Nothing in the corpus folder is ever written, moved or deleted.
 *
 * The folder may itself be replaced (`mv corpus.new corpus`, or a link switched to a new release): a
 * watch follows one folder, not a name, so the parent folder is watched for the name, and the watch
 * moves to whatever folder the name leads to whenever that changes.
 *
 * With a cache folder, a change is indexed by a worker thread, which builds everything and saves it.
 * The main thread never holds the event loop for long meanwhile: it reads the corpus, hands it to the
 * worker and checks what comes back a slice at a time (runSliced), then swaps one reference; the
 * bench's `editStallMs` measures the longest stall.
 */
import { existsSync, type FSWatcher, statSync, watch } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { Engine } from '../answers/engine.js';
import type { Answer, AnswerRequest, ArticleRef } from '../answers/types.js';
import { runSliced, runToEnd } from '../core/sections.js';
import { type Article, articleFiles, type CorpusLimits, CorpusError, loadArticle } from '../retrieval/corpus.js';
import { decodeSteps, loadOrBuildIndex } from './cache.js';
import { startModuleWorker } from './module-worker.js';
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
  /** Saved-index folder (see runtime/cache.ts); default none. */
  cacheDir?: string;
  /** Quiet time after the last change before re-indexing, so a copy in progress is read once, whole. */
  debounceMs?: number;
  /** Size limit per article (CORPUS_MAX_ARTICLE_MB); default the corpus module's. */
  limits?: CorpusLimits;
  log: ReloadLog;
}

export class LiveEngine {
  private engine: Engine;
  /** Last good version of every article, by file path relative to the root. */
  private readonly good = new Map<string, Article>();
  /** Watches the corpus folder's entries; replaced when the folder is. */
  private watcher: FSWatcher | undefined;
  /** Watches the folder holding the corpus folder, to see the corpus folder replaced. */
  private parentWatcher: FSWatcher | undefined;
  /** Which folder `watcher` follows (device and inode), or undefined while there is none. */
  private watched: string | undefined;
  private recheck: NodeJS.Timeout | undefined;
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
    const parent = dirname(live.corpusDir);
    const name = basename(live.corpusDir);
    live.parentWatcher = watch(parent, (_event, entry) => {
      if (entry === null || entry.toString() === name) live.followFolder();
    });
    live.parentWatcher.on('error', (err) => options.log.error({ err, dir: parent }, 'cannot watch the folder holding the corpus; a replaced corpus folder is noticed within 10 s'));
    // Belt and braces: some file systems report no events for the parent; a cheap check catches those.
    live.recheck = setInterval(() => live.followFolder(), 10_000).unref();
    live.watchFolder();
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
    this.parentWatcher?.close();
    if (this.recheck) clearInterval(this.recheck);
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

  /** Watches the folder the corpus path now leads to (none while it is missing), and logs which. */
  private watchFolder(): void {
    this.watcher?.close();
    this.watcher = undefined;
    const dir = this.corpusDir;
    this.watched = folderIdentity(dir);
    if (this.watched === undefined) {
      this.options.log.error({ dir }, 'corpus folder is missing; serving the last good index until it is back');
      return;
    }
    try {
      const watcher = watch(dir, () => this.schedule());
      watcher.on('error', (err) => {
        // A deleted folder may end its watch with an error: the parent's watch takes over.
        this.options.log.error({ err, dir }, 'corpus watch failed; serving the last good index');
        this.followFolder();
      });
      this.watcher = watcher;
      this.options.log.info({ dir, parent: dirname(dir) }, 'watching the corpus folder for changes');
    } catch (err) {
      this.options.log.error({ err, dir }, 'cannot watch the corpus folder; serving the last good index');
    }
  }

  /** When the corpus path leads to another folder than the one watched (or to none), follows it and re-reads. */
  private followFolder(): void {
    if (this.stopped || folderIdentity(this.corpusDir) === this.watched) return;
    if (existsSync(this.corpusDir)) this.options.log.info({ dir: this.corpusDir }, 'corpus folder replaced; watching the new one');
    this.watchFolder();
    this.schedule();
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
    const worker = startModuleWorker(import.meta.url, 'reindex-worker', { workerData: options });
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
        const article = loadArticle(path, this.root, this.options.limits);
        file = article.ref.file;
        const before = this.good.get(file);
        if (!before || before.text !== article.text || !sameRef(before.ref, article.ref)) changed = true;
        this.good.set(file, article);
      } catch (err) {
        const kept = this.good.has(file);
        this.options.log.error(
          { file: err instanceof CorpusError ? err.file : file, problem: err instanceof CorpusError ? err.problem : String(err), kept },
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

/** Which folder a path leads to now (device and inode, links followed), or undefined when none. */
function folderIdentity(path: string): string | undefined {
  try {
    const st = statSync(path);
    return st.isDirectory() ? `${st.dev}:${st.ino}` : undefined;
  } catch {
    return undefined;
  }
}

function sameRef(a: ArticleRef, b: ArticleRef): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof ArticleRef>;
  for (const k of keys) if (a[k] !== b[k]) return false;
  return true;
}

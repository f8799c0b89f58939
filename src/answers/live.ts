/**
 * An engine that follows the corpus folder while the bot runs: an added or edited article is indexed
 * aside and swapped in whole, so a question is always answered by one complete index, old or new.
 * A bad article (unreadable, empty, not UTF-8, invalid metadata) is rejected with a log line naming
 * the file and the problem; an article that was good keeps being served in its last good version.
 * Nothing in the corpus folder is ever written, moved or deleted.
 */
import { existsSync, type FSWatcher, watch } from 'node:fs';
import { join, relative } from 'node:path';
import { type Article, articleFiles, loadArticle } from '../retrieval/corpus.js';
import { loadOrBuildIndex } from '../retrieval/cache.js';
import { Engine, PROJECT_ROOT } from './engine.js';
import type { Answer, AnswerRequest, ArticleRef } from './types.js';

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
  private readonly corpusDir: string;
  private readonly root: string;
  /** Counts swaps; tests and logs use it to tell which index answered. */
  generation = 0;

  private constructor(private readonly options: LiveEngineOptions) {
    this.root = options.root ?? PROJECT_ROOT;
    this.corpusDir = options.corpusDir ?? join(this.root, 'corpus');
    const articles = this.readCorpus();
    if (articles.length === 0) throw new Error(`affair-bot: no valid article in ${this.corpusDir}`);
    this.engine = this.build(articles);
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

  /** Re-reads the corpus now; returns true when a new index was swapped in. */
  reload(): boolean {
    const before = [...this.good.values()];
    const articles = this.readCorpus();
    if (sameArticles(before, articles)) return false;
    if (articles.length === 0) {
      this.options.log.error({ dir: this.corpusDir }, 'corpus has no valid article; serving the last good index');
      return false;
    }
    const next = this.build(articles);
    this.engine = next; // one assignment: a question sees the old index or the new, never half of one
    this.generation++;
    this.options.log.info({ articles: articles.length, generation: this.generation }, 'corpus re-indexed');
    return true;
  }

  stop(): void {
    this.watcher?.close();
    if (this.timer) clearTimeout(this.timer);
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      try {
        this.reload();
      } catch (err) {
        this.options.log.error({ err }, 'corpus re-index failed; serving the last good index');
      }
    }, this.options.debounceMs ?? 300);
  }

  private build(articles: Article[]): Engine {
    const cache = this.options.cacheDir === undefined ? {} : { cacheDir: this.options.cacheDir };
    return new Engine(loadOrBuildIndex(articles, cache));
  }

  /** Every article that reads and validates; a bad one is logged and its last good version kept. */
  private readCorpus(): Article[] {
    const seen = new Set<string>();
    for (const path of existsSync(this.corpusDir) ? articleFiles(this.corpusDir) : []) {
      try {
        const article = loadArticle(path, this.root);
        seen.add(article.ref.file);
        this.good.set(article.ref.file, article);
      } catch (err) {
        const file = relative(this.root, path).split('\\').join('/');
        seen.add(file);
        const kept = this.good.has(file);
        this.options.log.error(
          { file: (err as { file?: string }).file ?? file, problem: err instanceof Error ? err.message : String(err), kept },
          kept ? 'article rejected; serving its last good version' : 'article rejected',
        );
      }
    }
    for (const file of [...this.good.keys()]) if (!seen.has(file)) this.good.delete(file);
    return [...this.good.values()].sort((a, b) => a.ref.file.localeCompare(b.ref.file));
  }
}

function sameArticles(a: Article[], b: Article[]): boolean {
  const key = (x: Article) => `${x.ref.file}\u0000${JSON.stringify(x.ref)}\u0000${x.text}`;
  const sorted = (xs: Article[]) => xs.map(key).sort();
  const [ka, kb] = [sorted(a), sorted(b)];
  return ka.length === kb.length && ka.every((k, i) => k === kb[i]);
}

/**
 * Answers off the main thread: a pool of worker threads, each holding the index loaded from the saved
 * copy (runtime/cache.ts), answering one question at a time. The main thread only passes questions
 * and answers, so it stays free for Discord: a burst of questions is received, deferred within
 * Discord's 3 seconds and answered as the workers get to them, where answering them one after another
 * on the main thread made most of a burst miss the deadline (at 10,000 articles an answer takes
 * milliseconds; even on the 5 bundled articles, 2,000 questions at once were more than one thread
 * could receive, answer and acknowledge in 3 seconds). The offline console needs no pool.
 *
 * Memory: every worker holds its own copy of the index (about 440 MB of heap at 10,000 articles; a
 * few MB for the bundled corpus), on top of the copy the main thread keeps for autocomplete, the
 * Context button and re-indexing. A pool of 2 therefore roughly triples the index's memory; sharing
 * one copy needs an index made of SharedArrayBuffer-backed typed arrays, which the saved format does
 * not give yet.
 *
 * Each worker reads the saved index itself (the bot saved it, so loading is reading); a question a
 * worker cannot answer (it crashed) is rejected, and the worker is replaced.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { Engine } from '../answers/engine.js';
import type { EngineOptions } from './load.js';
import { type Answer, type AnswerRequest, type ArticleRef, UserInputError } from '../answers/types.js';
import { startModuleWorker } from './module-worker.js';

export type ToWorker = { kind: 'answer'; id: number; request: AnswerRequest } | { kind: 'reload'; generation: number };

export type FromWorker =
  | { kind: 'ready'; articles: number }
  | { kind: 'failed'; message: string }
  | { kind: 'answer'; id: number; answer: Answer; ms: number }
  | { kind: 'refused'; id: number; code: UserInputError['code']; message: string }
  | { kind: 'fault'; id: number; message: string; stack?: string | undefined }
  | { kind: 'reloaded'; generation: number; articles: number }
  | { kind: 'reload-failed'; generation: number; message: string };

/** The little the pool needs of a logger (pino's Logger fits). */
export interface PoolLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface AnswerPoolOptions extends EngineOptions {
  /** Worker threads; default one per core (the main thread mostly waits on the network). */
  size?: number;
  /**
   * The engine whose corpus the pool serves (LiveEngine): when its generation changes (a new index
   * swapped in), the workers load the new saved index, one after another.
   */
  follow?: { readonly generation: number };
  log?: PoolLog;
}

interface Pending {
  resolve(answer: Answer): void;
  reject(err: Error): void;
  sentAt: number;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
  /** Loading an index: questions go to the other workers while there are any. */
  busyLoading: boolean;
  /** When its last answer arrived (performance.now()). */
  lastDone: number;
  reloaded?: (message: FromWorker & { kind: 'reloaded' | 'reload-failed' }) => void;
}

/**
 * An engine whose questions the pool answers; the quick look-ups stay with `local` on this thread.
 * `local` is a fixed Engine or a LiveEngine, whose generation tells when its articles changed.
 */
export function pooledEngine(local: Pick<Engine, 'people' | 'articles' | 'paragraphContext'> & { readonly generation?: number }, pool: AnswerPool) {
  // Every answer shows the number of articles: listing 10,000 of them per answer on the main thread
  // is work a burst cannot spare, so the list is kept until the corpus changes.
  let listed: { generation: number | undefined; articles: ArticleRef[] } | undefined;
  return {
    answer: (request: AnswerRequest) => pool.answer(request),
    expectedWaitMs: () => pool.expectedWaitMs(),
    people: (prefix: string, limit?: number) => local.people(prefix, limit),
    articles: () => {
      if (listed?.generation !== local.generation || !listed) listed = { generation: local.generation, articles: local.articles() };
      return listed.articles;
    },
    paragraphContext: (articleId: string, paragraph: number, radius?: number) => local.paragraphContext(articleId, paragraph, radius),
  };
}

export function defaultPoolSize(): number {
  return Math.max(1, availableParallelism());
}

export class AnswerPool {
  private nextId = 1;
  private stopped = false;
  private followed: number;
  private reloading: Promise<void> | undefined;
  private reloadAgain = false;
  /**
   * Moving average of the wall-clock time a worker takes per answer (ms), for `expectedWaitMs`: from
   * when it could start on a question (sent, or its previous answer done) to the answer's arrival, so
   * a machine busy with other work counts. Pessimistic until answers are measured: a burst's first
   * questions are all queued before any has been answered.
   */
  private serviceMs = 5;

  private constructor(
    private readonly slots: Slot[],
    private readonly options: AnswerPoolOptions,
  ) {
    this.followed = options.follow?.generation ?? 0;
  }

  /** Starts the workers; resolves once every one has loaded the index. */
  static async start(options: AnswerPoolOptions = {}): Promise<AnswerPool> {
    const size = Math.max(1, options.size ?? defaultPoolSize());
    const pool = new AnswerPool([], options);
    const slots = Array.from({ length: size }, () => pool.startSlot());
    pool.slots.push(...slots.map((s) => s.slot));
    try {
      await Promise.all(slots.map((s) => s.ready));
    } catch (err) {
      await pool.stop();
      throw err;
    }
    return pool;
  }

  get size(): number {
    return this.slots.length;
  }

  /**
   * About how long a question asked now would wait for its answer: the questions queued ahead of it
   * on the least busy worker, times the recent time per answer. The bot defers at once when this is
   * long, so a burst's deferrals go out as the questions arrive rather than all together 1.5 s later.
   */
  expectedWaitMs(): number {
    const queued = Math.min(...this.slots.map((s) => s.pending.size + (s.busyLoading ? 1 : 0)));
    return (queued + 1) * this.serviceMs;
  }

  /** The answer from the least busy worker; rejects with UserInputError for input that cannot be a question. */
  answer(request: AnswerRequest): Promise<Answer> {
    if (this.stopped) return Promise.reject(new Error('answer pool stopped'));
    const generation = this.options.follow?.generation;
    if (generation !== undefined && generation !== this.followed) {
      this.followed = generation;
      void this.reload();
    }
    const slot = this.leastBusy();
    const id = this.nextId++;
    return new Promise<Answer>((resolve, reject) => {
      slot.pending.set(id, { resolve, reject, sentAt: performance.now() });
      try {
        slot.worker.postMessage({ kind: 'answer', id, request } satisfies ToWorker);
      } catch {
        // A request that cannot be copied to a thread (a function, a symbol) cannot be a question either.
        slot.pending.delete(id);
        reject(new UserInputError('bad-command', 'That request cannot be answered.'));
      }
    });
  }

  /**
   * Has every worker load the saved index again (after the corpus changed), one worker at a time so
   * that the others go on answering. Calls during a reload are folded into one more round.
   */
  reload(): Promise<void> {
    if (this.reloading) {
      this.reloadAgain = true;
      return this.reloading;
    }
    this.reloading = (async () => {
      do {
        this.reloadAgain = false;
        for (const slot of [...this.slots]) await this.reloadSlot(slot);
      } while (this.reloadAgain && !this.stopped);
    })().finally(() => (this.reloading = undefined));
    return this.reloading;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private leastBusy(): Slot {
    const ready = this.slots.filter((s) => !s.busyLoading);
    const from = ready.length ? ready : this.slots;
    return from.reduce((best, s) => (s.pending.size < best.pending.size ? s : best));
  }

  private async reloadSlot(slot: Slot): Promise<void> {
    if (this.stopped || !this.slots.includes(slot)) return;
    slot.busyLoading = true;
    const generation = this.followed;
    const done = await new Promise<FromWorker & { kind: 'reloaded' | 'reload-failed' }>((resolve) => {
      slot.reloaded = resolve;
      slot.worker.postMessage({ kind: 'reload', generation } satisfies ToWorker);
    });
    slot.busyLoading = false;
    if (done.kind === 'reloaded') this.options.log?.info({ generation, articles: done.articles }, 'answer worker loaded the new index');
    else this.options.log?.error({ generation, problem: done.message }, 'answer worker could not load the new index; it keeps the last one');
  }

  private startSlot(): { slot: Slot; ready: Promise<void> } {
    const { size: _size, follow: _follow, log: _log, ...engineOptions } = this.options;
    const worker = startModuleWorker(import.meta.url, 'answer-worker', { workerData: engineOptions });
    const slot: Slot = { worker, pending: new Map(), busyLoading: true, lastDone: 0 };
    const ready = new Promise<void>((resolve, reject) => {
      worker.on('message', (message: FromWorker) => {
        switch (message.kind) {
          case 'ready':
            slot.busyLoading = false;
            return resolve();
          case 'failed':
            return reject(new Error(`answer worker could not load the index: ${message.message}`));
          case 'reloaded':
          case 'reload-failed':
            slot.reloaded?.(message);
            slot.reloaded = undefined;
            return;
          default:
            return this.settle(slot, message);
        }
      });
      worker.on('error', (err) => {
        reject(err);
        this.options.log?.error({ err }, 'answer worker failed');
      });
      worker.on('exit', (code) => {
        reject(new Error(`answer worker exited with code ${code}`)); // ignored once ready
        this.replace(slot, code);
      });
    });
    return { slot, ready };
  }

  private settle(slot: Slot, message: Extract<FromWorker, { kind: 'answer' | 'refused' | 'fault' }>): void {
    const pending = slot.pending.get(message.id);
    if (!pending) return;
    slot.pending.delete(message.id);
    const now = performance.now();
    if (message.kind === 'answer') this.serviceMs += (Math.max(message.ms, now - Math.max(slot.lastDone, pending.sentAt)) - this.serviceMs) / 16;
    slot.lastDone = now;
    if (message.kind === 'answer') pending.resolve(message.answer);
    else if (message.kind === 'refused') pending.reject(new UserInputError(message.code, message.message));
    else {
      const err = new Error(message.message);
      if (message.stack) err.stack = message.stack;
      pending.reject(err);
    }
  }

  /** A worker that died takes its questions with it (each gets an error); a new one takes its place. */
  private replace(slot: Slot, code: number): void {
    for (const pending of slot.pending.values()) pending.reject(new Error(`answer worker exited with code ${code}`));
    slot.pending.clear();
    slot.reloaded?.({ kind: 'reload-failed', generation: this.followed, message: `worker exited with code ${code}` });
    const at = this.slots.indexOf(slot);
    if (this.stopped || at < 0) return;
    this.options.log?.error({ code }, 'answer worker exited; starting another');
    const next = this.startSlot();
    this.slots[at] = next.slot;
    next.ready.catch((err: unknown) => this.options.log?.error({ err }, 'replacement answer worker could not start'));
  }
}

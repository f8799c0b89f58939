/**
 * Builds and saves the index of a corpus off the main thread, for LiveEngine: the main thread then
 * loads the saved index, which takes a fraction of a build (8% at 10,000 articles), so answers wait
 * seconds, not the minute a large build takes. Receives the articles, replies with the outcome.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Article } from '../retrieval/corpus.js';
import { loadOrBuildIndex } from '../retrieval/cache.js';

export interface ReindexRequest {
  articles: Article[];
  cacheDir: string;
}

/** `problem`: the index was built but could not be saved, so the main thread will build it again. */
export type ReindexReply = { ok: true; problem?: string } | { ok: false; error: string };

const { articles, cacheDir } = workerData as ReindexRequest;
let reply: ReindexReply;
try {
  const index = loadOrBuildIndex(articles, { cacheDir });
  reply = index.problem === undefined ? { ok: true } : { ok: true, problem: index.problem };
} catch (err) {
  reply = { ok: false, error: err instanceof Error ? err.message : String(err) };
}
parentPort!.postMessage(reply);

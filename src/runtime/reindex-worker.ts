/**
 * Builds the index of a corpus off the main thread, for LiveEngine: everything (the index and the
 * answers' lookup data) is built here, saved when the cache folder allows, and handed back as
 * sections whose arrays are transferred, not copied. The main thread then only checks and assembles
 * them a slice at a time and swaps one reference, so answers never wait for a build; and when the
 * cache cannot be written, the main thread still gets the built index instead of building it again.
 *
 * Protocol: the articles arrive in batches (`{ articles }`), so that the main thread never stops to
 * copy the whole corpus in one message; `{ done: true }` starts the build; one reply follows.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import type { Section } from '../core/sections.js';
import type { Article } from '../retrieval/corpus.js';
import { buildAll, corpusKey, saveIndex, sectionsOf } from './cache.js';

export interface ReindexOptions {
  cacheDir?: string;
}

export type ReindexMessage = { articles: Article[] } | { done: true };

/** `problem`: the index was built but could not be saved (the next start builds it again). */
export type ReindexReply = { ok: true; key: string; sections: Section[]; problem?: string } | { ok: false; error: string };

const { cacheDir } = workerData as ReindexOptions;
lowerPriority();
const articles: Article[] = [];
parentPort!.on('message', (message: ReindexMessage) => {
  if ('articles' in message) {
    articles.push(...message.articles);
    return;
  }
  let reply: ReindexReply;
  const transfer = new Set<ArrayBuffer>();
  try {
    const key = corpusKey(articles);
    const sections = sectionsOf(buildAll(articles));
    const problem = cacheDir === undefined ? undefined : saveIndex(cacheDir, key, sections);
    for (const s of sections) if (typeof s.value !== 'string') transfer.add(s.value.buffer as ArrayBuffer);
    reply = problem === undefined ? { ok: true, key, sections } : { ok: true, key, sections, problem };
  } catch (err) {
    reply = { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  parentPort!.postMessage(reply, [...transfer]);
  parentPort!.close();
});

/**
 * Builds at a lower priority than the thread that answers questions: on a host with few cores the
 * build would otherwise take the core the bot's event loop is waiting for. On Linux a thread's own id
 * (from /proc/thread-self) names just this thread to setpriority; elsewhere nothing changes.
 */
function lowerPriority(): void {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, 10);
  } catch {
    // Not Linux, or not allowed: the build runs at the bot's priority.
  }
}

/**
 * One thread of the answer pool (see answer-pool.ts): loads the saved index, then answers the
 * requests the pool sends it, one at a time, until told to load the index again or to stop.
 */
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import type { Engine } from '../answers/engine.js';
import { type EngineOptions, loadEngine } from './load.js';
import { UserInputError } from '../answers/types.js';
import type { FromWorker, ToWorker } from './answer-pool.js';

// Answering yields to the main thread, which receives interactions and must acknowledge each within
// 3 seconds: on Linux a nice value belongs to the thread that sets it (pid 0 is this thread), so the
// workers run at low priority and the main thread gets a core whenever it has work.
try {
  setPriority(0, 10);
} catch {
  // Not permitted or not supported here: answers then compete with the main thread as equals.
}

const options = workerData as EngineOptions;
const port = parentPort!;
const send = (message: FromWorker) => port.postMessage(message);

let engine: Engine;
try {
  engine = await loadEngine(options);
  send({ kind: 'ready', articles: engine.articles().length });
} catch (err) {
  send({ kind: 'failed', message: err instanceof Error ? err.message : String(err) });
  process.exit(1);
}

port.on('message', async (message: ToWorker) => {
  if (message.kind === 'reload') {
    try {
      engine = await loadEngine(options);
      send({ kind: 'reloaded', generation: message.generation, articles: engine.articles().length });
    } catch (err) {
      // The last good index goes on answering; the pool logs why the new one did not load.
      send({ kind: 'reload-failed', generation: message.generation, message: err instanceof Error ? err.message : String(err) });
    }
    return;
  }
  const start = performance.now();
  try {
    const answer = engine.answer(message.request);
    send({ kind: 'answer', id: message.id, answer, ms: performance.now() - start });
  } catch (err) {
    if (err instanceof UserInputError) send({ kind: 'refused', id: message.id, code: err.code, message: err.message });
    else send({ kind: 'fault', id: message.id, message: err instanceof Error ? err.message : String(err), stack: err instanceof Error ? err.stack : undefined });
  }
});

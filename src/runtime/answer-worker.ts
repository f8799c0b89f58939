/**
 * One thread of the answer pool (see answer-pool.ts): loads the saved index, then answers the
 * requests the pool sends it, one at a time, until told to load the index again or to stop.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Engine, type EngineOptions } from '../answers/engine.js';
import { UserInputError } from '../answers/types.js';
import type { FromWorker, ToWorker } from './answer-pool.js';

const options = workerData as EngineOptions;
const port = parentPort!;
const send = (message: FromWorker) => port.postMessage(message);

let engine: Engine;
try {
  engine = await Engine.load(options);
  send({ kind: 'ready', articles: engine.articles().length });
} catch (err) {
  send({ kind: 'failed', message: err instanceof Error ? err.message : String(err) });
  process.exit(1);
}

port.on('message', async (message: ToWorker) => {
  if (message.kind === 'reload') {
    try {
      engine = await Engine.load(options);
      send({ kind: 'reloaded', generation: message.generation, articles: engine.articles().length });
    } catch (err) {
      // The last good index goes on answering; the pool logs why the new one did not load.
      send({ kind: 'reload-failed', generation: message.generation, message: err instanceof Error ? err.message : String(err) });
    }
    return;
  }
  try {
    send({ kind: 'answer', id: message.id, answer: engine.answer(message.request) });
  } catch (err) {
    if (err instanceof UserInputError) send({ kind: 'refused', id: message.id, code: err.code, message: err.message });
    else send({ kind: 'fault', id: message.id, message: err instanceof Error ? err.message : String(err), stack: err instanceof Error ? err.stack : undefined });
  }
});

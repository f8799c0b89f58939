/**
 * Starting an engine from the corpus folder: read the articles, load the saved index when it matches
 * them (or build and save it), and hand the loaded index to the pure answer engine.
 */
import { join } from 'node:path';
import { Engine } from '../answers/engine.js';
import { loadOrBuildIndex } from './cache.js';
import { loadCorpus } from '../retrieval/corpus.js';
import { PROJECT_ROOT } from './paths.js';

export interface EngineOptions {
  /** Folder holding `*.txt` articles and their `*.meta.json`; default `<root>/corpus`. */
  corpusDir?: string;
  /** Project root that snippet `file` paths are relative to; default this project's root folder. */
  root?: string;
  /** Folder for the saved index (reused while the corpus is unchanged); default none. */
  cacheDir?: string;
}

/** An engine over the corpus folder, from its saved index when there is a valid one. */
export async function loadEngine(options: EngineOptions = {}): Promise<Engine> {
  const root = options.root ?? PROJECT_ROOT;
  const corpus = loadCorpus(options.corpusDir ?? join(root, 'corpus'), root);
  const index = loadOrBuildIndex(corpus, options.cacheDir === undefined ? {} : { cacheDir: options.cacheDir });
  return new Engine(index, index.lookup);
}

/**
 * Starting an engine from the corpus folder: read the articles, load the saved index when it matches
 * them (or build and save it), and hand the loaded index to the pure answer engine.
 */
import { join, relative } from 'node:path';
import { Engine } from '../answers/engine.js';
import { CorpusError, type CorpusLimits, readCorpus } from '../retrieval/corpus.js';
import { loadOrBuildIndex } from './cache.js';
import { PROJECT_ROOT } from './paths.js';

export interface EngineOptions {
  /** Folder holding `*.txt` articles and their `*.meta.json`; default `<root>/corpus`. */
  corpusDir?: string;
  /** Project root that snippet `file` paths are relative to; default this project's root folder. */
  root?: string;
  /** Folder for the saved index (reused while the corpus is unchanged); default none. */
  cacheDir?: string;
  /** Size limit per article (CORPUS_MAX_ARTICLE_MB); default the corpus module's. */
  limits?: CorpusLimits;
  /** Told of each refused article, which is left out while the rest is served; default a line on stderr. */
  onRefused?: (refusal: CorpusError) => void;
}

/** An engine over the corpus folder, from its saved index when there is a valid one. */
export async function loadEngine(options: EngineOptions = {}): Promise<Engine> {
  const root = options.root ?? PROJECT_ROOT;
  const dir = options.corpusDir ?? join(root, 'corpus');
  const { articles, refused } = readCorpus(dir, root, options.limits);
  for (const refusal of refused) (options.onRefused ?? ((r) => console.error(`${r.message} (left out)`)))(refusal);
  if (articles.length === 0) throw new CorpusError(relative(root, dir) || dir, 'the folder holds no valid article');
  const index = loadOrBuildIndex(articles, options.cacheDir === undefined ? {} : { cacheDir: options.cacheDir });
  return new Engine(index, index.lookup);
}

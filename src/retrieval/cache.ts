/**
 * Where a built index comes from: a saved copy keyed by the corpus content when one is valid,
 * otherwise a fresh build. (Saving and loading land with the benchmark work; for now it builds.)
 */
import type { Article } from './corpus.js';
import { buildIndex, type SearchIndex } from './index.js';

export interface CacheOptions {
  /** Folder for saved indexes; undefined disables the cache. */
  cacheDir?: string;
}

export function loadOrBuildIndex(corpus: Article[], _options: CacheOptions = {}): SearchIndex {
  return buildIndex(corpus);
}

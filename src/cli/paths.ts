import { join } from 'node:path';
import { PROJECT_ROOT } from '../runtime/paths.js';

/**
 * The saved index (see runtime/cache.ts) shared by `npm start` and `npm run ask`, so neither
 * re-indexes an unchanged corpus that the other has indexed.
 */
export const CACHE_DIR = join(PROJECT_ROOT, '.cache', 'index');

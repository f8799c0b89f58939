import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root: two levels up from this file (src/runtime), where `corpus/` and `.cache/` live. */
export const PROJECT_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/**
 * `npm run eval [-- QUESTIONS.jsonl ...]`: top-1, top-3, abstention and verbatim rates of the engine
 * on question files (default: the dev set copy in test/fixtures).
 */
import { join } from 'node:path';
import { loadEngine } from '../runtime/load.js';
import { PROJECT_ROOT } from '../runtime/paths.js';
import { evaluate, formatScore, readQuestions } from './evaluate.js';

const files = process.argv.slice(2);
const engine = await loadEngine();
for (const file of files.length ? files : [join(PROJECT_ROOT, 'test/fixtures/dev.jsonl')]) {
  console.log(`== ${file}`);
  console.log(formatScore(evaluate(engine, readQuestions(file), PROJECT_ROOT)));
}

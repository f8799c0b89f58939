/**
 * `npm run eval [-- QUESTIONS.jsonl ...]`: top-1, top-3, abstention and verbatim rates of the engine
 * on question files (default: the dev set copy in test/fixtures).
 */
import { join } from 'node:path';
import { Engine, PROJECT_ROOT } from '../answers/engine.js';
import { evaluate, formatScore, readQuestions } from './evaluate.js';

const files = process.argv.slice(2);
const engine = await Engine.load();
for (const file of files.length ? files : [join(PROJECT_ROOT, 'test/fixtures/dev.jsonl')]) {
  console.log(`== ${file}`);
  console.log(formatScore(evaluate(engine, readQuestions(file), PROJECT_ROOT)));
}

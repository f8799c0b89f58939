// The floor `npm run bench` compares the console's start with: a whole process that reads the
// bundled articles, indexes them with MiniSearch (split into paragraphs, as passages) and answers one
// question, printing the best paragraph. Plain JavaScript, as the compiled console is.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import MiniSearch from 'minisearch';

const dir = resolve(process.argv[2] ?? join(import.meta.dirname, '..', 'corpus'));
const question = process.argv[3] ?? 'Helal Abbas';
const passages = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .flatMap((f) => readFileSync(join(dir, f), 'utf8').split(/\n\s*\n/).map((text, n) => ({ id: `${f}#${n}`, text })));
const index = new MiniSearch({ fields: ['text'], storeFields: ['text'] });
index.addAll(passages);
const [best] = index.search(question);
process.stdout.write(`${best ? best.text : 'no answer'}\n`);

// The layering the guide asks for, checked on the sources: retrieval never reaches up into answers or
// the runtime, and the answer engine never touches files, workers or Discord.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../src');

function imports(folder: string): { file: string; from: string }[] {
  return readdirSync(join(SRC, folder), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .flatMap((f) => [...readFileSync(join(SRC, folder, f), 'utf8').matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g)].map((m) => ({ file: `${folder}/${f}`, from: m[1]! })));
}

describe('layers', () => {
  it('src/retrieval and src/core import nothing from answers, runtime, bot or cli', () => {
    const up = [...imports('retrieval'), ...imports('core')].filter((i) => /\.\.\/(answers|runtime|bot|cli)\//.test(i.from));
    expect(up).toEqual([]);
  });

  it('src/answers knows nothing of files, workers, the runtime or Discord', () => {
    // The one file read: the English word list the `word-list` package ships (a dictionary, like a
    // library's own data, not the corpus or the saved index).
    const dictionary = (i: { file: string; from: string }) => i.file === 'answers/understand/english.ts' && i.from === 'node:fs';
    const edges = imports('answers').filter((i) => !dictionary(i) && /^(node:)?(fs|fs\/promises|worker_threads|child_process)$|^discord\.js$|\.\.\/(runtime|bot|cli)\//.test(i.from));
    expect(edges).toEqual([]);
  });
});

/** A throwaway copy of the project (sources, corpus, settings; node_modules linked) to run as a process. */
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/runtime/paths.js';

export interface ProjectCopy {
  root: string;
  corpus: string;
  remove(): void;
}

export function copyProject(): ProjectCopy {
  const root = mkdtempSync(join(tmpdir(), 'affair-project-'));
  for (const entry of ['src', 'corpus', 'package.json', 'tsconfig.json']) cpSync(join(PROJECT_ROOT, entry), join(root, entry), { recursive: true });
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
  return { root, corpus: join(root, 'corpus'), remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** The environment of a child process: no token (so `npm start` opens the console), nothing from a .env. */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  delete env.DISCORD_TOKEN;
  return env;
}

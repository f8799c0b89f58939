/**
 * Running the project as a user does: `npm start` and `npm run ask` run the compiled build in dist/,
 * so these helpers build it when stale (as those scripts do) and copy it with the corpus to run aside.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/runtime/paths.js';

export interface ProjectCopy {
  root: string;
  corpus: string;
  remove(): void;
}

/** Builds dist/ when it is older than the sources, as `npm start` does before it runs. */
export function ensureBuilt(): void {
  const built = spawnSync(process.execPath, ['scripts/ensure-built.mjs'], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 240_000 });
  if (built.status !== 0) throw new Error(`building dist/ failed: ${built.stderr}`);
}

/** A throwaway copy of the built project (dist, corpus, package.json; node_modules linked). */
export function copyProject(): ProjectCopy {
  ensureBuilt();
  const root = mkdtempSync(join(tmpdir(), 'affair-project-'));
  for (const entry of ['dist', 'corpus', 'package.json']) cpSync(join(PROJECT_ROOT, entry), join(root, entry), { recursive: true });
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
  return { root, corpus: join(root, 'corpus'), remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** The environment of a child process: no token (so `npm start` opens the console), nothing from a .env. */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  delete env.DISCORD_TOKEN;
  return env;
}

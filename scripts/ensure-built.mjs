// Runs before `npm start`, `npm run ask` and `npm run register`: production runs the compiled
// JavaScript in dist/, so dist/ must exist and be newer than every source file. `npm ci` builds it
// (the `prepare` script); this catches a `git pull` or an edit since. Plain JavaScript with no
// dependency, because it must run before anything is compiled; checking file times takes ~20 ms,
// where even a no-op `tsc` takes ~0.5 s.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const stamp = join(root, 'dist', '.tsbuildinfo');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const inputs = Math.max(newestSource(join(root, 'src')), ...['tsconfig.json', 'tsconfig.build.json', 'package.json'].map((f) => statSync(join(root, f)).mtimeMs));
if (!existsSync(stamp) || statSync(stamp).mtimeMs < inputs) {
  process.stderr.write('affair-bot: compiling the sources to dist/ (npm run build)...\n');
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  if (!existsSync(tsc)) {
    process.stderr.write('affair-bot: dist/ is missing or older than src/, and TypeScript is not installed to build it; run `npm ci` (with dev dependencies), then `npm run build`.\n');
    process.exit(1);
  }
  const run = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
  // tsc leaves its build info untouched when no output changed (a source touched, not edited).
  const now = new Date();
  utimesSync(stamp, now, now);
}

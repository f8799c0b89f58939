// `npm start` runs the compiled build: these tests build dist/ when it is stale (as `npm start`
// does) and run it as a whole process, the way a user starts the offline console.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shardExecArgv, shardMain } from '../../src/bot/shards.js';

const ROOT = resolve(import.meta.dirname, '../..');
const tmp = mkdtempSync(join(tmpdir(), 'affair-bot-start-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const START_FLAGS = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

beforeAll(() => {
  const built = spawnSync(process.execPath, ['scripts/ensure-built.mjs'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  expect(built.status, built.stderr).toBe(0);
}, 120_000);

/**
 * A module hook (for `--import register-NAME.mjs`) that writes every module the process and its
 * worker threads resolve to a file, whose path it returns.
 */
function recordModules(name: string): string {
  const log = join(tmp, `loaded-${name}.txt`);
  writeFileSync(
    join(tmp, `hooks-${name}.mjs`),
    `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(${JSON.stringify(log)}, resolved.url + '\\n');
  return resolved;
}`,
  );
  writeFileSync(join(tmp, `register-${name}.mjs`), `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(join(tmp, `hooks-${name}.mjs`)).href)});\n`);
  return log;
}

describe('the compiled start', () => {
  it('npm start runs dist/ with its V8 flags, not a transpiler', () => {
    expect(START_FLAGS.start).toMatch(/^node (--[\w-]+(=\S+)? )*dist\/main\.js$/);
    expect(START_FLAGS.start).toContain('--v8-pool-size=0');
    expect(START_FLAGS.start).not.toContain('tsx');
    expect(START_FLAGS.ask).toMatch(/dist\/cli\/ask\.js$/);
    expect(START_FLAGS.prepare).toContain('build'); // `npm ci` builds dist/
    expect(readFileSync(join(ROOT, '.gitignore'), 'utf8')).toMatch(/^dist\/$/m);
  });

  it('the offline console answers from the compiled build without loading discord.js', { timeout: 60_000 }, () => {
    const log = recordModules('console');
    const run = spawnSync(process.execPath, ['--v8-pool-size=0', '--import', join(tmp, 'register-console.mjs'), 'dist/main.js'], {
      cwd: ROOT,
      input: '/who Helal Abbas\n',
      encoding: 'utf8',
      env: { ...process.env, DISCORD_TOKEN: '' },
      timeout: 60_000,
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('offline console');
    expect(run.stdout).toMatch(/who: Helal Abbas\n\n1\. “/);
    const loaded = readFileSync(log, 'utf8');
    expect(loaded).toContain('/dist/answers/engine.js'); // the hook saw the compiled modules...
    expect(loaded).toContain('minisearch');
    expect(loaded).not.toMatch(/discord\.js|@discordjs|\/src\/.*\.ts$|tsx/m); // ...and neither discord.js nor a transpiler
  });

  it('the answer pool starts its worker threads from the compiled build', { timeout: 60_000 }, () => {
    const script = join(tmp, 'pool.mjs');
    writeFileSync(
      script,
      `import { AnswerPool } from ${JSON.stringify(pathToFileURL(join(ROOT, 'dist/runtime/answer-pool.js')).href)};
const pool = await AnswerPool.start({ size: 1 });
const answer = await pool.answer({ command: 'who', query: 'Helal Abbas' });
await pool.stop();
console.log(JSON.stringify({ snippets: answer.snippets.length }));`,
    );
    const log = recordModules('pool');
    const run = spawnSync(process.execPath, ['--import', join(tmp, 'register-pool.mjs'), script], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).snippets).toBeGreaterThan(0);
    const loaded = readFileSync(log, 'utf8');
    expect(loaded).toContain('/dist/runtime/answer-worker.js'); // the worker thread's module, compiled
    expect(loaded).not.toMatch(/tsx|\.ts$/m);
  });

  it('npm run ask answers from the saved index the bot uses', { timeout: 60_000 }, () => {
    const ask = () =>
      spawnSync(process.execPath, ['dist/cli/ask.js', 'who', 'Helal Abbas', '--json'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    const first = ask();
    expect(first.status, first.stderr).toBe(0);
    const saved = readdirSync(join(ROOT, '.cache', 'index')).filter((f) => /^index-[0-9a-f]{64}\.idx$/.test(f));
    expect(saved.length).toBe(1);
    const second = ask();
    expect(second.status, second.stderr).toBe(0);
    expect(JSON.parse(second.stdout)).toEqual(JSON.parse(first.stdout));
  });
});

describe('shard processes', () => {
  it('run the main module of the same build as the manager', () => {
    expect(shardMain('file:///app/dist/bot/shards.js')).toBe('/app/dist/main.js');
    expect(shardMain('file:///app/src/bot/shards.ts')).toBe('/app/src/main.ts');
  });

  it("start with the manager's Node flags (V8 flags, loader), never its debugger port", () => {
    expect(shardExecArgv(['--v8-pool-size=0', '--enable-source-maps'])).toEqual(['--v8-pool-size=0', '--enable-source-maps']);
    expect(shardExecArgv(['--import', 'tsx', '--inspect=9229', '--inspect-brk', '--v8-pool-size=0'])).toEqual(['--import', 'tsx', '--v8-pool-size=0']);
  });
});

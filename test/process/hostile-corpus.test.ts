/**
 * `npm start` without a token, as a process, over the real corpus with hostile entries beside it:
 * a FIFO (which once blocked start-up forever), a link to /dev/zero (which once read without end),
 * a link out of corpus/ (which once served any file) and a FIFO as metadata. The console must start,
 * name each refused file on stderr, and answer from the real articles.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { childEnv, copyProject, type ProjectCopy } from './project-copy.js';

const META = JSON.stringify({ title: 'Hostile', kind: 'news report' });

let project: ProjectCopy | undefined;
let child: ChildProcess | undefined;
afterEach(() => {
  child?.kill('SIGKILL');
  child = undefined;
  project?.remove();
  project = undefined;
});

it.skipIf(process.platform === 'win32')('a FIFO, a link to /dev/zero and a link out of corpus/ are refused by name; the console answers', async () => {
  project = copyProject();
  const { corpus, root } = project;
  expect(spawnSync('mkfifo', [join(corpus, 'fifo.txt')]).status).toBe(0);
  symlinkSync('/dev/zero', join(corpus, 'zero.txt'));
  writeFileSync(join(root, 'secret.txt'), 'DISCORD_TOKEN=not-for-the-corpus, a secret the bot must never quote.\n');
  symlinkSync(join(root, 'secret.txt'), join(corpus, 'outside.txt'));
  for (const name of ['fifo', 'zero', 'outside']) writeFileSync(join(corpus, `${name}.meta.json`), META);
  // A good article whose metadata is a FIFO: reading the metadata must not block either.
  writeFileSync(join(corpus, 'piped.txt'), 'Piped\n\nAn article whose metadata file is a named pipe.\n');
  expect(spawnSync('mkfifo', [join(corpus, 'piped.meta.json')]).status).toBe(0);

  const proc = spawn(process.execPath, ['--v8-pool-size=0', 'dist/main.js'], { cwd: root, env: childEnv() }); // what `npm start` runs
  child = proc;
  let stdout = '';
  let stderr = '';
  proc.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  proc.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  proc.stdin.end('/who Helal Abbas\n/sources\n/quit\n');
  const code = await new Promise<number | null>((resolve) => proc.once('exit', resolve));

  expect(code, stderr).toBe(0);
  for (const [file, rule] of [
    ['corpus/fifo.txt', /a FIFO \(named pipe\), not a regular file/],
    ['corpus/zero.txt', /link leading out of the corpus folder/],
    ['corpus/outside.txt', /link leading out of the corpus folder/],
    ['corpus/piped.meta.json', /a FIFO \(named pipe\), not a regular file/],
  ] as const) {
    const line = stderr.split('\n').find((l) => l.includes(`corpus file ${file}:`));
    expect(line, stderr).toMatch(rule);
  }
  expect(stdout).toContain('offline console: 5 articles');
  expect(stdout).toContain('Helal Abbas');
  expect(stdout).not.toContain('not-for-the-corpus');
  expect(stdout).not.toContain('Hostile');
}, 120_000);

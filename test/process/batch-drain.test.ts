/**
 * `npm run ask -- --batch` as a process, its output read slowly (as a pipe to a slow consumer is):
 * every answer must be written before the process exits. It once called process.exit() with output
 * still pending, and a piped run of 401 questions ended after 278 lines with exit code 0.
 */
import { spawn } from 'node:child_process';
import { expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/runtime/paths.js';
import { childEnv, ensureBuilt } from './project-copy.js';

const QUESTIONS = [
  { command: 'who', query: 'Helal Abbas' },
  { command: 'when', query: 'Livingstone readmitted' },
  { command: 'quote', query: 'Ken Livingstone', about: 'Tories' },
  { command: 'ask', query: 'why were the councillors expelled?' },
  { command: 'who', query: 'Nobody Atall' },
];

/** Reads a stream in small bites with pauses, like a slow consumer at the end of a pipe. */
function slowLines(stream: NodeJS.ReadableStream): Promise<string[]> {
  return new Promise((resolve, reject) => {
    let text = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      text += chunk;
      stream.pause();
      setTimeout(() => stream.resume(), 3);
    });
    stream.on('error', reject);
    stream.on('end', () => resolve(text.split('\n').filter(Boolean)));
  });
}

it('writes all of 1,000 answers, one line each, to a slow reader before exiting', async () => {
  const input = Array.from({ length: 1000 }, (_, i) => JSON.stringify(QUESTIONS[i % QUESTIONS.length])).join('\n');
  ensureBuilt();
  const proc = spawn(process.execPath, ['dist/cli/ask.js', '--batch', '--json'], { cwd: PROJECT_ROOT, env: childEnv() }); // what `npm run ask` runs
  let stderr = '';
  proc.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => proc.once('exit', resolve));
  const lines = slowLines(proc.stdout);
  proc.stdin.end(`${input}\n`);
  expect(await exited, stderr).toBe(0);
  const out = await lines;
  expect(out).toHaveLength(1000);
  out.forEach((line, i) => {
    const answer = JSON.parse(line) as { query: string; abstained: boolean };
    expect(answer.query).toBe(QUESTIONS[i % QUESTIONS.length]!.query);
  });
}, 240_000);

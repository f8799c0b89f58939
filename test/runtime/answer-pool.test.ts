/**
 * The answer pool: worker threads that load the saved index and answer exactly what the engine on
 * the main thread answers, refuse bad input the same way, and follow a corpus that changed.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Engine } from '../../src/answers/engine.js';
import { loadEngine } from '../../src/runtime/load.js';
import { PROJECT_ROOT } from '../../src/runtime/paths.js';
import { UserInputError } from '../../src/answers/types.js';
import { AnswerPool } from '../../src/runtime/answer-pool.js';
import { QUESTIONS } from '../../bench/questions.js';

const TIMEOUT = 60_000;
const tmp = mkdtempSync(join(tmpdir(), 'affair-bot-pool-'));
const corpusDir = join(tmp, 'corpus');
const cacheDir = join(tmp, 'cache');
const options = { corpusDir, root: PROJECT_ROOT, cacheDir };
const lines: { msg: string; obj: Record<string, unknown> }[] = [];
const log = { info: (obj: object, msg: string) => lines.push({ obj: obj as Record<string, unknown>, msg }), error: (obj: object, msg: string) => lines.push({ obj: obj as Record<string, unknown>, msg }) };
const follow = { generation: 0 };
let pool: AnswerPool;
let engine: Engine;

beforeAll(async () => {
  cpSync(join(PROJECT_ROOT, 'corpus'), corpusDir, { recursive: true });
  engine = await loadEngine(options); // saves the index the workers then load
  pool = await AnswerPool.start({ ...options, size: 2, follow, log });
}, TIMEOUT);
afterAll(async () => {
  await pool?.stop();
  rmSync(tmp, { recursive: true, force: true });
});

describe('the answer pool', () => {
  it('answers every question of the bench mix exactly as the engine does, many at once', { timeout: TIMEOUT }, async () => {
    expect(pool.size).toBe(2);
    const questions = QUESTIONS.slice(0, 120);
    const answers = await Promise.all(questions.map((q) => pool.answer({ ...q }).catch((err: unknown) => err)));
    for (const [i, q] of questions.entries()) {
      let expected: unknown;
      try {
        expected = engine.answer({ ...q });
      } catch (err) {
        expected = err;
      }
      expect(answers[i], `${q.command} ${q.query}`).toEqual(expected);
    }
  });

  it('refuses input that cannot be a question with the same UserInputError', { timeout: TIMEOUT }, async () => {
    const refused = await pool.answer({ command: 'who', query: '   ' }).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(UserInputError);
    expect((refused as UserInputError).code).toBe('empty');
    const odd = await pool.answer({ command: 'who', query: (() => 'x') as unknown as string }).catch((err: unknown) => err);
    expect(odd).toBeInstanceOf(UserInputError);
  });

  it('loads the new index in every worker, one after another, when the engine it follows swapped one in', { timeout: TIMEOUT }, async () => {
    writeFileSync(join(corpusDir, 'jane-doe.txt'), 'Councillor quits\n\nJane Doe, the Labour councillor for Bow West, resigned yesterday over the byelection.\n');
    writeFileSync(join(corpusDir, 'jane-doe.meta.json'), JSON.stringify({ title: 'Councillor quits', kind: 'news report' }));
    await loadEngine(options); // what the live engine does on a change: index and save
    expect((await pool.answer({ command: 'who', query: 'Jane Doe' })).abstained).toBe(true); // not swapped in yet
    follow.generation++;
    await pool.answer({ command: 'who', query: 'Jane Doe' }); // notices the new generation, starts the reload
    const loaded = () => lines.filter((l) => l.msg === 'answer worker loaded the new index').map((l) => l.obj.articles);
    await vi.waitFor(() => expect(loaded()).toEqual([6, 6]), { timeout: 30_000 });
    const after = await Promise.all([1, 2, 3, 4].map(() => pool.answer({ command: 'who', query: 'Jane Doe' })));
    for (const a of after) expect(a.snippets[0]?.file).toMatch(/\/corpus\/jane-doe\.txt$/);
  });

  it('a worker that dies fails only its own questions, and another takes its place', { timeout: TIMEOUT }, async () => {
    const slots = (pool as unknown as { slots: { worker: { terminate(): Promise<number> } }[] }).slots;
    const dying = slots[0]!.worker;
    const asked = Array.from({ length: 6 }, () => pool.answer({ command: 'ask', query: 'Why was Lutfur Rahman removed?' }).then(() => 'answered', (err: Error) => err.message));
    await dying.terminate();
    const outcomes = await Promise.all(asked);
    expect(outcomes.every((o) => o === 'answered' || /answer worker exited/.test(o))).toBe(true);
    await vi.waitFor(() => expect(slots[0]!.worker).not.toBe(dying), { timeout: 30_000 });
    expect(lines.some((l) => l.msg === 'answer worker exited; starting another')).toBe(true);
    const after = await Promise.all([1, 2, 3, 4].map(() => pool.answer({ command: 'who', query: 'Helal Abbas' })));
    for (const a of after) expect(a.snippets.length).toBeGreaterThan(0);
  });
});

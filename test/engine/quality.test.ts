/**
 * The quality bar of the issue as a regression test, scored the way the project's question scorer
 * does: quotes, case and white space normalised; a question is right at top-1 when the top snippet
 * contains one of its expected phrases (and, when the question names source articles by their
 * received-file prefix and the metadata records that provenance, comes from one of them).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/answers/engine.js';
import type { CommandName, Snippet } from '../../src/answers/types.js';
import { ROOT, fileText, loadEngine, norm } from './helpers.js';

interface Question {
  id: string;
  command: CommandName;
  query: string;
  about?: string;
  expect?: string[];
  seeds?: string[];
  abstain?: boolean;
}

interface Score {
  answerable: number;
  top1: number;
  top3: number;
  abstentions: number;
  abstentionsRight: number;
  snippets: number;
  verbatim: number;
  medianTopLength: number;
  misses: string[];
}

let engine: Engine;
beforeAll(async () => {
  engine = await loadEngine();
});

function questions(name: string): Question[] {
  return readFileSync(join(ROOT, 'test', 'fixtures', name), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Question);
}

/** The received-file prefix ("003") of a snippet's article, when its metadata records one. */
function seedOf(s: Snippet): string | undefined {
  const source = (s.article as { source?: unknown }).source;
  return typeof source === 'string' ? source.slice(0, 3) : undefined;
}

function score(qs: Question[]): Score {
  const r: Score = { answerable: 0, top1: 0, top3: 0, abstentions: 0, abstentionsRight: 0, snippets: 0, verbatim: 0, medianTopLength: 0, misses: [] };
  const lengths: number[] = [];
  for (const q of qs) {
    const a = engine.answer({ command: q.command, query: q.query, ...(q.about ? { about: q.about } : {}) });
    for (const s of a.snippets) {
      r.snippets++;
      if (s.text.length > 0 && fileText(s.file).slice(s.start, s.end) === s.text) r.verbatim++;
      else r.misses.push(`${q.id}: snippet not verbatim at ${s.file}:${s.start}-${s.end}`);
    }
    const abstained = a.abstained || a.snippets.length === 0;
    if (q.abstain) {
      r.abstentions++;
      if (abstained) r.abstentionsRight++;
      else r.misses.push(`${q.id}: answered an out-of-corpus question: ${JSON.stringify(a.snippets[0]?.text.slice(0, 80))}`);
      continue;
    }
    r.answerable++;
    if (abstained) {
      r.misses.push(`${q.id}: abstained (${a.reason ?? ''})`);
      continue;
    }
    const ok = (s: Snippet | undefined) => {
      if (!s || !(q.expect ?? []).some((e) => norm(s.text).includes(norm(e)))) return false;
      const seed = seedOf(s);
      return !q.seeds || seed === undefined || q.seeds.includes(seed);
    };
    lengths.push(a.snippets[0]!.text.length);
    if (ok(a.snippets[0])) r.top1++;
    else r.misses.push(`${q.id} (${q.command} ${q.query}${q.about ? ` / ${q.about}` : ''}): top answer ${JSON.stringify(a.snippets[0]!.text.slice(0, 100))}`);
    if (a.snippets.slice(0, 3).some(ok)) r.top3++;
  }
  lengths.sort((x, y) => x - y);
  r.medianTopLength = lengths[lengths.length >> 1] ?? 0;
  return r;
}

describe('dev set (test/fixtures/dev.jsonl)', () => {
  let r: Score;
  beforeAll(() => {
    r = score(questions('dev.jsonl'));
  });

  it('has answerable and out-of-corpus questions to score', () => {
    expect(r.answerable).toBeGreaterThanOrEqual(20);
    expect(r.abstentions).toBeGreaterThanOrEqual(4);
  });

  it('top-1 >= 95%', () => {
    expect(r.top1 / r.answerable, r.misses.join('\n')).toBeGreaterThanOrEqual(0.95);
  });

  it('every abstention right', () => {
    expect(r.abstentionsRight, r.misses.join('\n')).toBe(r.abstentions);
  });

  it('100% verbatim', () => {
    expect(r.snippets).toBeGreaterThan(r.answerable);
    expect(r.verbatim, r.misses.join('\n')).toBe(r.snippets);
  });

  it('median top snippet <= 250 characters', () => {
    expect(r.medianTopLength).toBeGreaterThan(0);
    expect(r.medianTopLength).toBeLessThanOrEqual(250);
  });
});

describe('held-out set (test/fixtures/heldout.jsonl)', () => {
  let r: Score;
  beforeAll(() => {
    r = score(questions('heldout.jsonl'));
  });

  it('top-1 >= 90%', () => {
    expect(r.answerable).toBeGreaterThanOrEqual(30);
    expect(r.top1 / r.answerable, r.misses.join('\n')).toBeGreaterThanOrEqual(0.9);
  });

  it('every abstention right', () => {
    expect(r.abstentions).toBeGreaterThanOrEqual(5);
    expect(r.abstentionsRight, r.misses.join('\n')).toBe(r.abstentions);
  });

  it('100% verbatim', () => {
    expect(r.verbatim, r.misses.join('\n')).toBe(r.snippets);
  });
});

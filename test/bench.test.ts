// The benchmark runs and reports every figure. Never a time: timings on shared machines are noisy,
// so only the presence and sanity of the figures is checked here. Bounded: the bundled corpus and a
// 20-article one, one repeat each; in the slow project, so no other test file runs beside it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/answers/types.js';
import { QUESTIONS } from '../bench/questions.js';

const ROOT = resolve(import.meta.dirname, '..');
const out = mkdtempSync(join(tmpdir(), 'affair-bot-bench-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function bench(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'bench/bench.ts', '--out', out, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 540_000 });
}

const positive = (n: unknown) => typeof n === 'number' && Number.isFinite(n) && n > 0;
const nonNegative = (n: unknown) => typeof n === 'number' && Number.isFinite(n) && n >= 0;

describe('npm run bench', () => {
  it('times a question mix of at least 200 questions covering every command', () => {
    expect(QUESTIONS.length).toBeGreaterThanOrEqual(200);
    for (const c of COMMANDS) expect(QUESTIONS.filter((q) => q.command === c).length).toBeGreaterThanOrEqual(50);
  });

  it('--json prints one object with every figure for every scale', { timeout: 600_000 }, () => {
    const run = bench('--quick', '--scales', 'bundled,20', '--json', '--repeats', '1', '--build-runs', '1', '--load-runs', '2', '--startup-runs', '1', '--burst', '40', '--scaling-n', '50');
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as {
      command: string;
      machine: { cpus: number };
      startup: Record<string, number>;
      scales: Record<string, any>[];
      scaling: { shape: string; n: number; ms: number; tenTimesMs: number; ratio: number }[];
      targets: { target: string; scale: string; value: number | null; met: boolean | null }[];
    };
    expect(report.command).toContain('--scales bundled,20');
    expect(report.machine.cpus).toBeGreaterThan(0);
    expect(report.scales.map((s) => s.scale)).toEqual(['bundled', '20']);
    const { consoleFirstAnswerMs, minimalMiniSearchMs, tsxConsoleFirstAnswerMs, ratio } = report.startup;
    expect([consoleFirstAnswerMs, minimalMiniSearchMs, tsxConsoleFirstAnswerMs, ratio].every(positive), JSON.stringify(report.startup)).toBe(true);
    expect(ratio).toBeCloseTo(consoleFirstAnswerMs! / minimalMiniSearchMs!, 1);
    for (const s of report.scales) {
      expect(s.articles).toBe(s.scale === 'bundled' ? 5 : 20);
      for (const figure of [s.passages, s.terms, s.buildMs.median, s.buildPeakRssMB, s.readyFromSavedMs, s.readyAfterRebuildMs, s.editStallMs, s.coldStartMs, s.cacheMB, s.startFromCacheMs.median, s.engineLoadMs, s.memory.rssMB, s.memory.heapUsedMB, s.memory.peakRssMB]) {
        expect(positive(figure), JSON.stringify(s)).toBe(true);
      }
      expect(s.engine).toBe(true);
      expect(s.errors).toEqual([]);
      // The burst went through the fake Discord: every command answered, timed, none dropped.
      expect(s.burst.count).toBe(40);
      expect(positive(s.burst.perSecond) && positive(s.burst.p99Ms)).toBe(true);
      expect(s.burst.unanswered).toBe(0);
      expect(nonNegative(s.burst.overDeadline) && nonNegative(s.burst.deferred)).toBe(true);
      expect(s.burst.workers).toBeGreaterThan(0);
      expect(positive(s.burst.rssMB) && s.burst.peakRssMB >= s.burst.rssMB).toBe(true);
      for (const c of [...COMMANDS, 'all']) {
        for (const table of [s.latencyMs, s.rawSearchMs]) {
          const { n, p50, p99, max } = table[c];
          expect(n).toBeGreaterThanOrEqual(c === 'all' ? 200 : 50);
          expect([p50, p99, max].every(nonNegative)).toBe(true);
          expect(p50 <= p99 && p99 <= max).toBe(true);
        }
        expect(positive(s.ratioP50[c])).toBe(true);
      }
    }
    // Build time at 10 times the text, for each shape that once was quadratic and for ordinary articles.
    expect(report.scaling).toHaveLength(4);
    for (const c of report.scaling) expect([c.ms, c.tenTimesMs, c.ratio].every(positive) && c.n === 50).toBe(true);
    // Every target of the bundled scale is measured (met or not; the verdict is not tested).
    const bundled = report.targets.filter((t) => t.scale === 'bundled');
    expect(bundled.map((t) => t.target).sort()).toEqual(
      [
        ...COMMANDS.map((c) => `${c} p99 (ms)`),
        'ready from saved index / rebuild (%)',
        'longest event-loop stall of an edit (ms)',
        "console's first answer / minimal MiniSearch script (×)",
        'burst of 40: first responses past 3 s',
      ].sort(),
    );
    for (const t of bundled) expect(typeof t.met).toBe('boolean');
  });

  it('prints a table with every row and the targets', { timeout: 600_000 }, () => {
    const run = bench('--scales', 'bundled', '--repeats', '1', '--build-runs', '1', '--load-runs', '2', '--startup-runs', '1', '--burst', '20', '--no-scaling');
    expect(run.status, run.stderr).toBe(0);
    for (const row of [
      'articles / passages / terms',
      'index build, median (ms)',
      'first start: build + save (ms)',
      'saved index (MB)',
      'peak memory while building (MB)',
      'ready after a rebuild, fresh process (ms)',
      'ready from saved index, fresh process (ms)',
      'start from saved index, median (ms)',
      'edit: longest event-loop stall (ms)',
      'resident memory / heap after loading (MB)',
      'peak resident memory while starting (MB)',
      ...COMMANDS.map((c) => `${c}: p50 / p99 / max (ms)`),
      'raw MiniSearch: p50 / p99 (ms)',
      'pipeline p50 / raw p50',
      'burst of 20 slash commands: answers/s, p99 (ms), past 3 s, deferred',
      'bot process during the burst: resident / peak (MB)',
    ]) {
      expect(run.stdout).toMatch(new RegExp(`^\\| ${row.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} \\| \\S`, 'm'));
    }
    expect(run.stdout).not.toMatch(/\| – \|/); // no figure missing
    expect(run.stdout).toMatch(/^Start-up, whole processes \(median of 1\): console's first answer \d+ ms .*: [\d.]+×$/m);
    expect(run.stdout).toMatch(/^Targets:\n(- (met|MISSED): .+\n)+/m);
  });

  it('refuses a scale that is not a number of articles, naming it', () => {
    const run = bench('--scales', 'bundled,lots');
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('affair-bot: bench scale "lots"');
  });
});

/**
 * One scale of the benchmark, run in fresh processes by bench.ts (never imported by it):
 * - `--phase build` makes the corpus, times index builds, then a cold start that builds and saves
 *   the index cache;
 * - `--phase serve`, in a new process so that its memory holds only what a started bot holds, times
 *   starts that load the saved index, measures memory, then times every question of the mix through
 *   the answer engine and through raw MiniSearch on the same index.
 * Prints one JSON object on stdout; progress goes to stderr.
 */
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Engine } from '../src/answers/engine.js';
import { loadEngine } from '../src/runtime/load.js';
import { COMMANDS, type CommandName } from '../src/answers/types.js';
import { loadOrBuildIndex, loadSavedMiniSearch } from '../src/retrieval/cache.js';
import { loadCorpus } from '../src/retrieval/corpus.js';
import { buildIndex, SEARCH_OPTIONS, type SearchIndex } from '../src/retrieval/index.js';
import { QUESTIONS, rawQuery } from './questions.js';
import { median, summarize, type Summary } from './stats.js';
import { synthesize, writeCorpus } from './synth.js';

const ROOT = resolve(import.meta.dirname, '..');

const { values: args } = parseArgs({
  options: {
    /** 'build' or 'serve' (see above). */
    phase: { type: 'string' },
    /** 'bundled' for the real corpus, or a number of synthetic articles. */
    scale: { type: 'string' },
    /** Folder for generated corpora and caches (one sub-folder per scale). */
    out: { type: 'string' },
    /** Timed passes over the question mix, after one warm-up pass. */
    repeats: { type: 'string' },
    /** Timed index builds, after warm-up builds of the bundled corpus. */
    'build-runs': { type: 'string' },
    /** Timed starts from the saved index. */
    'load-runs': { type: 'string' },
    /** Seed of the synthetic corpus. */
    seed: { type: 'string' },
  },
  strict: true,
});

const scale = args.scale ?? 'bundled';
const synthetic = scale !== 'bundled';
const size = synthetic ? Number(scale) : 0;
if (synthetic && !(Number.isInteger(size) && size > 0)) throw new Error(`affair-bot: bench scale "${scale}" is neither "bundled" nor a positive whole number`);
const scaleDir = join(resolve(args.out ?? join(ROOT, 'bench/.out')), `scale-${scale}`);
const corpusDir = synthetic ? join(scaleDir, 'corpus') : join(ROOT, 'corpus');
const cacheDir = join(scaleDir, 'cache');
const count = (flag: string | undefined, fallback: number) => (flag === undefined ? fallback : Math.max(1, Number(flag) || fallback));

const log = (message: string) => process.stderr.write(`[bench ${scale}] ${message}\n`);
const gc = () => {
  const collect = (globalThis as { gc?: () => void }).gc;
  collect?.();
  collect?.();
};
const time = <T>(f: () => T): [T, number] => {
  const start = performance.now();
  const result = f();
  return [result, performance.now() - start];
};
/** Idle time before memory is measured (see servePhase). */
const SETTLE_MS = 2000;
const round = (ms: number) => Math.round(ms * 1000) / 1000;
const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;

function buildPhase() {
  let generateMs: number | undefined;
  if (synthetic) {
    const real = loadCorpus(join(ROOT, 'corpus'), ROOT);
    [, generateMs] = time(() => writeCorpus(corpusDir, synthesize(real, buildIndex(real).data.persons, { articles: size, seed: Number(args.seed ?? 2010) })));
    log(`generated ${size} articles in ${Math.round(generateMs)} ms`);
  }
  const [corpus, readMs] = time(() => loadCorpus(corpusDir, ROOT));
  // Warm-up on the small real corpus: the JIT has then compiled the annotation code, and a
  // 10,000-article corpus is not built once more just to warm up.
  const bundled = loadCorpus(join(ROOT, 'corpus'), ROOT);
  for (let i = 0; i < 3; i++) buildIndex(bundled);
  const builds: number[] = [];
  let index: SearchIndex | undefined;
  for (let i = 0; i < count(args['build-runs'], corpus.length <= 100 ? 10 : corpus.length <= 1000 ? 3 : 1); i++) {
    index = undefined;
    gc();
    let ms: number;
    [index, ms] = time(() => buildIndex(corpus));
    builds.push(ms);
    log(`build ${i + 1}: ${Math.round(ms)} ms`);
  }
  const { data } = index!;
  const figures = {
    articles: corpus.length,
    corpusMB: mb(corpus.reduce((n, a) => n + Buffer.byteLength(a.text), 0)),
    passages: data.passages.length,
    persons: data.persons.length,
    quotes: data.quotes.length,
    terms: index!.postings.termCount,
  };
  index = undefined;
  gc();
  // A start with no saved index: hash the corpus, build, save.
  rmSync(cacheDir, { recursive: true, force: true });
  const [cold, coldMs] = time(() => loadOrBuildIndex(corpus, { cacheDir }));
  if (cold.source !== 'build' || cold.problem) throw new Error(`affair-bot: bench cold start gave source ${cold.source} (${cold.problem ?? 'no problem reported'})`);
  const cacheBytes = readdirSync(cacheDir).reduce((n, f) => n + statSync(join(cacheDir, f)).size, 0);
  log(`cold start (build + save) ${Math.round(coldMs)} ms, cache ${mb(cacheBytes)} MB`);
  return {
    scale,
    ...figures,
    generateMs: generateMs === undefined ? null : round(generateMs),
    readCorpusMs: round(readMs),
    buildMs: { runs: builds.map(round), median: round(median(builds)) },
    coldStartMs: round(coldMs),
    cacheMB: mb(cacheBytes),
  };
}

/**
 * Starts from the saved index: read the corpus (to hash it), then load and check the index. A plain
 * function, not part of the async serve phase: a suspended async function can keep its last loaded
 * index alive, which would count twice in the memory figures.
 */
function timedLoads(): number[] {
  const loads: number[] = [];
  for (let i = 0; i < count(args['load-runs'], 1 + (size <= 1000 ? 10 : 3)); i++) {
    gc();
    const [loaded, ms] = time(() => loadOrBuildIndex(loadCorpus(corpusDir, ROOT), { cacheDir }));
    if (loaded.source !== 'cache') throw new Error(`affair-bot: bench expected the saved index to load, got a ${loaded.source} (${loaded.problem ?? 'no problem reported'})`);
    if (i > 0) loads.push(ms); // the first is the warm-up
  }
  return loads;
}

async function servePhase() {
  if (!existsSync(cacheDir)) throw new Error(`affair-bot: bench serve phase needs the cache ${cacheDir} made by the build phase`);
  const loads = timedLoads();
  log(`start from cache: median ${Math.round(median(loads))} ms`);

  gc();
  const before = process.memoryUsage();
  const start = performance.now();
  const engine: Engine = await loadEngine({ corpusDir, root: ROOT, cacheDir });
  const engineLoadMs = round(performance.now() - start);
  // What a started bot holds: V8 gives the pages freed after loading (the file, its JSON text, the
  // parsed intermediate objects) back to the system only after a full collection and a moment idle.
  gc();
  await new Promise((settle) => setTimeout(settle, SETTLE_MS));
  gc();
  const after = process.memoryUsage();
  const memory = {
    rssMB: mb(after.rss),
    heapUsedMB: mb(after.heapUsed),
    heapAddedMB: mb(after.heapUsed - before.heapUsed),
    externalMB: mb(after.external),
    // Peak resident memory of this process so far (all loads included): what the host must allow.
    peakRssMB: mb(process.resourceUsage().maxRSS * 1024),
  };
  log(`memory after loading: rss ${memory.rssMB} MB, heap ${memory.heapUsedMB} MB, peak rss ${memory.peakRssMB} MB`);

  const repeats = count(args.repeats, size <= 1000 ? 10 : 3);
  const pipeline = new Map<CommandName, number[]>(COMMANDS.map((c) => [c, []]));
  const floor = new Map<CommandName, number[]>(COMMANDS.map((c) => [c, []]));
  const abstained = new Map<CommandName, number>(COMMANDS.map((c) => [c, 0]));
  const errors: string[] = [];
  // All engine passes first, then all raw MiniSearch passes: raw search leaves a result Map per
  // matched passage (150,000 at 10,000 articles), and collecting that garbage during the engine's
  // questions was timed as theirs. (Collecting between passes instead made the next questions fault
  // the young generation's pages back in, which is timed too.)
  for (let pass = 0; pass <= repeats && engine; pass++) {
    const timed = pass > 0; // pass 0 warms up
    for (const q of QUESTIONS) {
      const start = performance.now();
      let ms: number;
      try {
        const answer = engine.answer({ ...q });
        ms = performance.now() - start;
        if (!timed && answer.abstained) abstained.set(q.command, abstained.get(q.command)! + 1);
      } catch (err) {
        ms = performance.now() - start;
        if (!timed) errors.push(`${q.command} "${q.query}": ${(err as Error).message}`);
      }
      if (timed) pipeline.get(q.command)!.push(ms);
    }
  }
  // Raw MiniSearch runs on its own copy of the same saved index, loaded once the engine is timed.
  const saved = readdirSync(cacheDir).filter((f) => f.endsWith('.idx'));
  if (saved.length !== 1) throw new Error(`affair-bot: bench expected one saved index in ${cacheDir}, found ${saved.length}`);
  const raw = loadSavedMiniSearch(join(cacheDir, saved[0]!));
  gc();
  for (let pass = 0; pass <= repeats; pass++) {
    const timed = pass > 0;
    for (const q of QUESTIONS) {
      const query = rawQuery(q);
      const start = performance.now();
      raw.search(query, SEARCH_OPTIONS);
      const ms = performance.now() - start;
      if (timed) floor.get(q.command)!.push(ms);
    }
  }

  const perCommand = (samples: Map<CommandName, number[]>) => {
    const out: Record<string, Summary | null> = {};
    for (const c of COMMANDS) out[c] = samples.get(c)!.length ? rounded(summarize(samples.get(c)!)) : null;
    const all = [...samples.values()].flat();
    out.all = all.length ? rounded(summarize(all)) : null;
    return out as Record<CommandName | 'all', Summary | null>;
  };
  const latency = perCommand(pipeline);
  const rawLatency = perCommand(floor);
  const ratio = Object.fromEntries(
    (['all', ...COMMANDS] as const).map((c) => [c, latency[c] && rawLatency[c] ? Math.round((latency[c].p50 / rawLatency[c].p50) * 100) / 100 : null]),
  );
  return {
    scale,
    startFromCacheMs: { runs: loads.map(round), median: round(median(loads)) },
    engineLoadMs,
    memory,
    questions: QUESTIONS.length,
    repeats,
    engine: true,
    abstained: engine ? Object.fromEntries(abstained) : null,
    errors,
    latencyMs: latency,
    rawSearchMs: rawLatency,
    ratioP50: ratio,
  };
}

function rounded(s: Summary): Summary {
  return { n: s.n, p50: round(s.p50), p99: round(s.p99), max: round(s.max) };
}

const result = args.phase === 'build' ? buildPhase() : args.phase === 'serve' ? await servePhase() : undefined;
if (!result) throw new Error(`affair-bot: bench phase "${args.phase ?? ''}" is neither "build" nor "serve"`);
process.stdout.write(`${JSON.stringify(result)}\n`);

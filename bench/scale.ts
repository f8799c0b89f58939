/**
 * One scale of the benchmark, run in fresh processes by bench.ts (never imported by it):
 * - `--phase generate` writes the synthetic corpus (its garbage never counts in a build's memory);
 * - `--phase build` times index builds (the index and the answers' lookup data), then a cold start
 *   that builds and saves the index cache; reports the process's peak memory;
 * - `--phase serve`, in a new process so that its memory holds only what a started bot holds, first
 *   times ready-to-answer (reading the corpus and the saved index until the first answer), then
 *   starts that load the saved index, measures memory, then times every question of the mix through
 *   the answer engine and through raw MiniSearch over the same passages;
 * - `--phase rebuild`, in a fresh process, times ready-to-answer without the saved index (read the
 *   corpus, build, answer once): what `readyFromSavedMs` is compared with;
 * - `--phase edit` starts the live engine from the saved index, edits one article and measures the
 *   longest event-loop stall until the new index is swapped in (`editStallMs`).
 * Above LARGE articles, builds are timed once (the cold start's) and the raw MiniSearch comparison and
 * the edit (a second full build beside a loaded index) are left out, so a 100,000-article run fits
 * the machine.
 * Prints one JSON object on stdout; progress goes to stderr.
 */
import MiniSearch from 'minisearch';
import { appendFileSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Engine } from '../src/answers/engine.js';
import { loadEngine } from '../src/runtime/load.js';
import { COMMANDS, type CommandName } from '../src/answers/types.js';
import { buildAll, corpusKey, type BuiltIndex, loadOrBuildIndex, saveIndex } from '../src/runtime/cache.js';
import { LiveEngine } from '../src/runtime/live.js';
import { loadCorpus } from '../src/retrieval/corpus.js';
import { buildIndex, MINISEARCH_OPTIONS, SEARCH_OPTIONS } from '../src/retrieval/index.js';
import { QUESTIONS, rawQuery } from './questions.js';
import { median, summarize, type Summary } from './stats.js';
import { synthesize, writeCorpus } from './synth.js';

const ROOT = resolve(import.meta.dirname, '..');

const { values: args } = parseArgs({
  options: {
    /** 'generate', 'build', 'serve' or 'edit' (see above). */
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
    /** The n of the scaling phase. */
    'scaling-n': { type: 'string' },
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
/** Above this many articles, one timed build and no raw MiniSearch or edit (see above). */
const LARGE = 20_000;
const large = size > LARGE;
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

function generatePhase() {
  if (!synthetic) return { scale, generateMs: null };
  const real = loadCorpus(join(ROOT, 'corpus'), ROOT);
  const [, generateMs] = time(() => writeCorpus(corpusDir, synthesize(real, buildIndex(real).data.persons, { articles: size, seed: Number(args.seed ?? 2010) })));
  log(`generated ${size} articles in ${Math.round(generateMs)} ms`);
  return { scale, generateMs: round(generateMs) };
}

function buildPhase() {
  const [corpus, readMs] = time(() => loadCorpus(corpusDir, ROOT));
  // Warm-up on the small real corpus: the JIT has then compiled the annotation code, and a
  // 10,000-article corpus is not built once more just to warm up.
  const bundled = loadCorpus(join(ROOT, 'corpus'), ROOT);
  for (let i = 0; i < 3; i++) buildAll(bundled);
  const builds: number[] = [];
  let built: BuiltIndex | undefined;
  for (let i = 0; i < (large ? 0 : count(args['build-runs'], corpus.length <= 100 ? 10 : corpus.length <= 1000 ? 3 : 1)); i++) {
    built = undefined;
    gc();
    let ms: number;
    [built, ms] = time(() => buildAll(corpus));
    builds.push(ms);
    log(`build ${i + 1}: ${Math.round(ms)} ms`);
  }
  built = undefined;
  gc();
  // A start with no saved index: hash the corpus, build, save (timed in parts, so that a large scale
  // needs only this one build).
  rmSync(cacheDir, { recursive: true, force: true });
  const coldStart = performance.now();
  const key = corpusKey(corpus);
  const [cold, coldBuildMs] = time(() => buildAll(corpus));
  if (large) {
    builds.push(coldBuildMs);
    log(`build (the cold start's): ${Math.round(coldBuildMs)} ms`);
  }
  const problem = saveIndex(cacheDir, key, cold);
  if (problem) throw new Error(`affair-bot: bench cold start could not save: ${problem}`);
  const coldMs = performance.now() - coldStart;
  const cacheBytes = readdirSync(cacheDir).reduce((n, f) => n + statSync(join(cacheDir, f)).size, 0);
  log(`cold start (build + save) ${Math.round(coldMs)} ms, cache ${mb(cacheBytes)} MB`);
  const { data } = cold;
  return {
    scale,
    articles: corpus.length,
    corpusMB: mb(corpus.reduce((n, a) => n + Buffer.byteLength(a.text), 0)),
    passages: data.passages.length,
    persons: data.persons.length,
    quotes: data.quotes.length,
    terms: cold.postings.termCount,
    readCorpusMs: round(readMs),
    buildMs: { runs: builds.map(round), median: round(median(builds)) },
    coldStartMs: round(coldMs),
    cacheMB: mb(cacheBytes),
    // Peak resident memory of the building process (corpus, builds, the save).
    buildPeakRssMB: mb(process.resourceUsage().maxRSS * 1024),
  };
}

/**
 * Starts from the saved index: read the corpus (to hash it), then load and check the index. A plain
 * function, not part of the async serve phase: a suspended async function can keep its last loaded
 * index alive, which would count twice in the memory figures.
 */
function timedLoads(): number[] {
  const loads: number[] = [];
  for (let i = 0; i < count(args['load-runs'], 1 + (size <= 1000 ? 10 : large ? 1 : 3)); i++) {
    gc();
    const [loaded, ms] = time(() => loadOrBuildIndex(loadCorpus(corpusDir, ROOT), { cacheDir }));
    if (loaded.source !== 'cache') throw new Error(`affair-bot: bench expected the saved index to load, got a ${loaded.source} (${loaded.problem ?? 'no problem reported'})`);
    if (i > 0) loads.push(ms); // the first is the warm-up
  }
  return loads;
}

/**
 * What the saved index spares: in a fresh process, read the corpus, build the index and answer once,
 * as a start without a saved index does (cold, as `readyFromSavedMs` is; left out above LARGE).
 */
async function rebuildPhase() {
  if (large) return { scale, readyAfterRebuildMs: null };
  const start = performance.now();
  const engine = await loadEngine({ corpusDir, root: ROOT });
  engine.answer({ ...QUESTIONS[0]! });
  const readyAfterRebuildMs = round(performance.now() - start);
  log(`ready after a rebuild (fresh process, until the first answer): ${Math.round(readyAfterRebuildMs)} ms`);
  return { scale, readyAfterRebuildMs };
}

/** In a function of its own, so that the engine it starts is garbage once it returns. */
async function readyMs(): Promise<number> {
  const start = performance.now();
  const engine = await loadEngine({ corpusDir, root: ROOT, cacheDir });
  engine.answer({ ...QUESTIONS[0]! });
  return round(performance.now() - start);
}

async function servePhase() {
  if (!existsSync(cacheDir)) throw new Error(`affair-bot: bench serve phase needs the cache ${cacheDir} made by the build phase`);
  // Ready to answer, in this fresh process (its modules loaded): read the corpus, load the saved index,
  // answer once. The one figure of a start that nothing before it has warmed up.
  const readyFromSavedMs = await readyMs();
  log(`ready from the saved index (fresh process, until the first answer): ${Math.round(readyFromSavedMs)} ms`);
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
  // Raw MiniSearch indexes the same passages, once the engine is timed (left out above LARGE: a second
  // index of that size does not fit beside the engine's).
  const raw = large ? undefined : rawMiniSearch(engine);
  gc();
  for (let pass = 0; pass <= repeats && raw; pass++) {
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
    readyFromSavedMs,
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

function rawMiniSearch(engine: Engine): MiniSearch<{ id: number; text: string }> {
  const { passages, articles } = engine.index.data;
  const raw = new MiniSearch(MINISEARCH_OPTIONS);
  raw.addAll(passages.map((p) => ({ id: p.id, text: articles[p.article]!.text.slice(p.start, p.end) })));
  return raw;
}

/**
 * The live engine started from the saved index; one article edited; the longest event-loop stall
 * until the new index is in place (the worker builds; this thread reads, checks and swaps).
 */
async function editPhase() {
  if (large) return { scale, editStallMs: null, editStallP99Ms: null, idleStallMs: null, editSwapMs: null };
  const errors: string[] = [];
  const live = LiveEngine.start({
    corpusDir,
    root: ROOT,
    cacheDir,
    debounceMs: 100,
    log: { info: () => {}, error: (obj, msg) => errors.push(`${msg}: ${JSON.stringify(obj)}`) },
  });
  const file = join(corpusDir, readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort()[0]!);
  const original = readFileSync(file);
  const before = live.generation;
  // The start's own work is not counted, nor the collection of its garbage (a full collection of a
  // large start's heap can pause for a few hundred milliseconds whenever V8 chooses to run it).
  gc();
  await new Promise((settle) => setTimeout(settle, 500));
  // The same measure over 5 s with nothing to do: what the host alone costs (other processes taking
  // the cores), to read the edit's figure against.
  const idle = monitorEventLoopDelay({ resolution: 5 });
  idle.enable();
  await new Promise((settle) => setTimeout(settle, 5000));
  idle.disable();
  const idleStallMs = round(idle.max / 1e6);
  const stalls = monitorEventLoopDelay({ resolution: 5 });
  stalls.enable();
  const start = performance.now();
  appendFileSync(file, '\nThe zeppelin landed on the town hall roof, a council spokesman said.\n');
  while (live.generation === before && performance.now() - start < 600_000) await new Promise((tick) => setTimeout(tick, 20));
  const swapMs = performance.now() - start;
  stalls.disable();
  live.stop();
  writeFileSync(file, original);
  if (live.generation === before) throw new Error('affair-bot: bench edit was not swapped in within 10 minutes');
  if (errors.length) throw new Error(`affair-bot: bench edit logged errors: ${errors.join('; ')}`);
  // The longest gap between two 5 ms ticks of the event loop: an upper bound of the longest stall.
  const editStallMs = round(stalls.max / 1e6);
  log(`edit swapped in after ${Math.round(swapMs)} ms; longest event-loop stall ${editStallMs} ms (idle: ${idleStallMs} ms)`);
  return { scale, editStallMs, editStallP99Ms: round(stalls.percentile(99) / 1e6), idleStallMs, editSwapMs: round(swapMs) };
}

function rounded(s: Summary): Summary {
  return { n: s.n, p50: round(s.p50), p99: round(s.p99), max: round(s.max) };
}

/**
 * Whether index time grows in proportion to the text: the three shapes that were quadratic (a
 * paragraph of many sentences, an article of many one-sentence paragraphs with quotations, one
 * sentence repeated in many articles) and ordinary synthetic articles, each built at n and 10 n.
 */
function scalingPhase() {
  const article = (id: string, text: string) => ({ ref: { id, file: `corpus/${id}.txt`, title: id, kind: 'news report' as const }, text });
  const real = loadCorpus(join(ROOT, 'corpus'), ROOT);
  const persons = buildIndex(real).data.persons;
  const shapes: Record<string, (n: number) => ReturnType<typeof article>[]> = {
    'one paragraph of n sentences': (n) => [article('a', `Title\n\n${Array.from({ length: n }, (_, i) => `Mr Rahman said the council met on Monday ${i} and agreed.`).join(' ')}\n`)],
    'n quoted one-sentence paragraphs': (n) => [article('a', `Title\n\n${Array.from({ length: n }, (_, i) => `“We will win ${i},” he said. Ken Livingstone spoke.`).join('\n\n')}\n`)],
    'one sentence in n articles': (n) =>
      Array.from({ length: n }, (_, i) => article(`a${i}`, `Title ${i}\n\nThe same sentence about the Tower Hamlets election appears in every one of these articles.\n`)),
    'n synthetic articles / 10': (n) => synthesize(real, persons, { articles: Math.max(1, n / 10), seed: 7 }).map((a) => article(a.name, a.text)),
  };
  const base = count(args['scaling-n'], 800);
  for (let i = 0; i < 3; i++) buildAll(real); // warm-up
  const cases = Object.entries(shapes).map(([shape, make]) => {
    const ms = [base, base * 10].map((n) => {
      const corpus = make(n);
      gc();
      const [, t] = time(() => buildAll(corpus));
      return round(t);
    });
    log(`${shape}: ${ms[0]} ms at n = ${base}, ${ms[1]} ms at 10 n`);
    return { shape, n: base, ms: ms[0]!, tenTimesMs: ms[1]!, ratio: Math.round((ms[1]! / ms[0]!) * 10) / 10 };
  });
  return { scaling: cases };
}

const phases: Record<string, () => unknown> = { generate: generatePhase, build: buildPhase, serve: servePhase, rebuild: rebuildPhase, edit: editPhase, scaling: scalingPhase };
const phase = phases[args.phase ?? ''];
if (!phase) throw new Error(`affair-bot: bench phase "${args.phase ?? ''}" is none of ${Object.keys(phases).join(', ')}`);
process.stdout.write(`${JSON.stringify(await phase())}\n`);

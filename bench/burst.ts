/**
 * One scale's burst, run in a fresh process by bench.ts: the bot as `npm start` runs it (the real
 * discord.js client, the production cooldown, the answer pool; `--no-pool` answers on the main
 * thread, as the bot did before the pool) over
 * the scale's saved index, against the fake Discord in another process, which fires BURST slash
 * commands at once and times every first response and answer. Prints one JSON object on stdout:
 * burst: {
 *   perSecond    answers per second, from the first command dispatched to the last answer,
 *   p99Ms        99th percentile of the time from a command to its answer (deferred ones included),
 *   overDeadline commands whose first response came later than 3 s (Discord drops them), or never,
 *   unanswered   commands that never got their answer (dropped, or still waiting after 10 minutes),
 *   deferred, workers, count, rssMB and peakRssMB of the bot process }
 */
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Events } from 'discord.js';
import { loadEngine } from '../src/runtime/load.js';
import { createBot, DEFAULT_COOLDOWN } from '../src/bot/client.js';
import { Cooldown } from '../src/bot/cooldown.js';
import { createLogger } from '../src/log.js';
import { AnswerPool, pooledEngine } from '../src/runtime/answer-pool.js';
import type { BurstRequest, BurstTimings } from './burst-discord.js';
import { QUESTIONS } from './questions.js';
import { percentile } from './stats.js';

const ROOT = resolve(import.meta.dirname, '..');
const DEADLINE_MS = 3000;

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string' },
    out: { type: 'string' },
    /** Slash commands in the burst (default 2000). */
    burst: { type: 'string' },
    /** Answer on the main thread whatever the size of the corpus (how the bot ran before the pool). */
    'no-pool': { type: 'boolean', default: false },
  },
  strict: true,
});
const scale = args.scale ?? 'bundled';
const scaleDir = join(resolve(args.out ?? join(ROOT, 'bench/.out')), `scale-${scale}`);
const corpusDir = scale === 'bundled' ? join(ROOT, 'corpus') : join(scaleDir, 'corpus');
const cacheDir = join(scaleDir, 'cache');
const count = Math.max(1, Number(args.burst ?? 2000) || 2000);
const log = (message: string) => process.stderr.write(`[bench ${scale}] ${message}\n`);

const discord = fork(join(ROOT, 'bench/burst-discord.ts'), [], { execArgv: ['--import', 'tsx', ...(process.env.BURST_FAKE_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BURST_FAKE_PROF}`] : [])], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
const [listening] = (await once(discord, 'message')) as [{ kind: 'listening'; api: string }];

// The bot as main.ts composes it: the index loaded here (autocomplete, Context) and the answer pool.
const local = await loadEngine({ corpusDir, root: ROOT, cacheDir });
const pool = !args['no-pool'] ? await AnswerPool.start({ corpusDir, root: ROOT, cacheDir }) : undefined;
const engine = pool ? pooledEngine(local, pool) : local;
const logger = createLogger('silent');
const client = createBot({ engine, logger, cooldown: new Cooldown(DEFAULT_COOLDOWN), clientOptions: { rest: { api: listening.api, retries: 0 } } });
// With BURST_DEBUG: when each interaction reached the bot (absolute ms), to tell receiving from replying.
const received = new Map<string, number>();
if (process.env.BURST_DEBUG) client.on(Events.InteractionCreate, (i) => void received.set(i.id, performance.timeOrigin + performance.now()));
const ready = once(client, Events.ClientReady);
await client.login('fake-token-for-the-bench');
await ready;
log(`burst of ${count} slash commands (${pool ? `pool of ${pool.size} workers` : 'answered on the main thread'})`);

const questions = Array.from({ length: count }, (_, i) => QUESTIONS[i % QUESTIONS.length]!);
discord.send({ kind: 'fire', questions, timeoutMs: 600_000 } satisfies BurstRequest);
const [timings] = (await once(discord, 'message')) as [BurstTimings];

const first = Math.min(...timings.dispatched);
const answered = timings.answered.filter((t): t is number => t !== null);
// A command never answered counts as infinitely slow: p99 is then null (JSON has no infinity).
const latencies = timings.answered.map((t, i) => (t === null ? Number.POSITIVE_INFINITY : t - timings.dispatched[i]!)).sort((a, b) => a - b);
const p99 = percentile(latencies, 99);
const overDeadline = timings.acknowledged.filter((t, i) => t === null || t - timings.dispatched[i]! > DEADLINE_MS).length;
const burst = {
  count,
  perSecond: answered.length ? Math.round((answered.length / ((Math.max(...answered) - first) / 1000)) * 10) / 10 : 0,
  p99Ms: Number.isFinite(p99) ? Math.round(p99) : null,
  overDeadline,
  unanswered: count - answered.length,
  deferred: timings.deferred,
  workers: pool?.size ?? 0,
  /** The bot process (main thread, workers and discord.js): resident now, and at most during the run. */
  rssMB: Math.round(process.memoryUsage().rss / 2 ** 20),
  peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
};
log(`burst: ${JSON.stringify(burst)}`);
if (process.env.BURST_DEBUG) {
  const acks = timings.acknowledged.map((t, i) => (t === null ? -1 : Math.round(t - timings.dispatched[i]!)));
  for (let i = 0; i < count; i += Math.ceil(count / 20)) {
    const got = received.get(timings.ids[i]!);
    const lag = got === undefined ? '-' : Math.round(got - (timings.origin + timings.dispatched[i]!));
    log(`#${i}: received after ${lag} ms, first response after ${acks[i]} ms, answer after ${timings.answered[i] === null ? '-' : Math.round(timings.answered[i]! - timings.dispatched[i]!)} ms`);
  }
}
await client.destroy();
await pool?.stop();
process.stdout.write(`${JSON.stringify({ scale, burst })}\n`);
process.exit(0);

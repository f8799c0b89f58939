/**
 * The Discord side of the burst benchmark (bench/burst.ts), in a process of its own so that the fake
 * server's work is not counted as the bot's: the fake Discord, which on request fires a burst of
 * slash commands at the connected bot and reports, once every one is answered or refused, when each
 * got its first response and its answer. Talks to its parent over the IPC channel.
 */
import { FakeDiscord } from '../test/fake-discord/fake-discord.js';
import { GUILD, slashCommand } from '../test/fake-discord/payloads.js';
import type { BenchQuestion } from './questions.js';

export type BurstRequest = { kind: 'fire'; questions: BenchQuestion[]; timeoutMs: number };
export type BurstTimings = { kind: 'timings'; origin: number; ids: string[]; dispatched: number[]; acknowledged: (number | null)[]; answered: (number | null)[]; refused: number; deferred: number };

const fake = await FakeDiscord.start({ guilds: [GUILD] });
process.send!({ kind: 'listening', api: fake.apiUrl });

const OPTION: Record<BenchQuestion['command'], string> = { who: 'name', when: 'event', quote: 'speaker', ask: 'question', check: 'claim', timeline: 'topic' };

process.on('message', async (message: BurstRequest) => {
  if (message.kind !== 'fire') return;
  await fake.until(() => fake.connections > 0 && fake.received.some((f) => f.op === 2));
  // Each from a different user, as a burst on a busy server is: the per-user cooldown lets every one through.
  const payloads = message.questions.map((q, i) =>
    slashCommand(q.command, { [OPTION[q.command]]: q.query, ...(q.about ? { about: q.about } : {}) }, { user: { id: String(710000000000000000n + BigInt(i)), username: `user${i}` } }),
  );
  for (const p of payloads) fake.dispatch('INTERACTION_CREATE', p);
  const settled = (p: { id: string }) => fake.answeredAt.has(p.id) || fake.refused.has(p.id);
  const deadline = performance.now() + message.timeoutMs;
  // Polled, not a waiter re-checked on each of the thousands of requests.
  while (!payloads.every(settled) && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  const at = (m: Map<string, number>, id: string) => m.get(id) ?? null;
  process.send!({
    kind: 'timings',
    origin: performance.timeOrigin,
    ids: payloads.map((p) => p.id),
    dispatched: payloads.map((p) => fake.dispatchedAt.get(p.id)!),
    acknowledged: payloads.map((p) => at(fake.acknowledgedAt, p.id)),
    answered: payloads.map((p) => at(fake.answeredAt, p.id)),
    refused: payloads.filter((p) => fake.refused.has(p.id)).length,
    deferred: fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/callback') && r.body?.type === 5).length,
  } satisfies BurstTimings);
  await fake.stop();
  process.exit(0);
});

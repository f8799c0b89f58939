/**
 * Starts a fake Discord and the real bot client against it, with the real engine over the bundled
 * corpus. `interact` and `dm` inject what Discord would send and return what the bot answered.
 */
import { Events, type Client } from 'discord.js';
import { readFileSync } from 'node:fs';
import type { Logger } from 'pino';
import type { Engine } from '../../src/answers/engine.js';
import { loadEngine } from '../../src/runtime/load.js';
import { createBot } from '../../src/bot/client.js';
import type { CacheLimits } from '../../src/bot/caches.js';
import type { AnswerEngine } from '../../src/bot/context.js';
import { Cooldown } from '../../src/bot/cooldown.js';
import type { Lifecycle } from '../../src/bot/lifecycle.js';
import { createLogger } from '../../src/log.js';
import { FakeDiscord, type RecordedRequest } from '../fake-discord/fake-discord.js';
import { DM_CHANNEL_ID, GUILD, dmMessage } from '../fake-discord/payloads.js';

export { visibleText } from './visible.js';

let engine: Promise<Engine> | undefined;
/** One engine per test file: loading the corpus is the slow part and it is read-only. */
export function sharedEngine(): Promise<Engine> {
  engine ??= loadEngine();
  return engine;
}

export interface Harness<E extends AnswerEngine = Engine> {
  fake: FakeDiscord;
  client: Client;
  /** The engine the bot answers from: the real one over the bundled corpus unless a test gave its own. */
  engine: E;
  /** Log records the bot wrote (pino JSON lines, parsed). */
  logs: Record<string, any>[];
  /** The bot's logger (writes to `logs`). */
  logger: Logger;
  /** Dispatches an interaction and resolves with the body of the bot's callback to it. */
  interact(payload: any): Promise<any>;
  /** The message the bot's reply to this interaction created (for clicking its buttons). */
  replyMessage(payload: any): any;
  /** Sends a DM from a user and resolves with the body of the bot's message back. */
  dm(content: string): Promise<RecordedRequest>;
  stop(): Promise<void>;
}

export interface HarnessOptions<E extends AnswerEngine = Engine> {
  engine?: E;
  lifecycle?: Lifecycle;
  cooldown?: Cooldown;
  /** REST retries on 5xx and network errors; 0 by default so a scripted error reaches the bot. */
  retries?: number;
  cacheLimits?: CacheLimits;
}

export async function startHarness<E extends AnswerEngine = Engine>(options: HarnessOptions<E> = {}): Promise<Harness<E>> {
  const fake = await FakeDiscord.start({ guilds: [GUILD] });
  const eng = options.engine ?? ((await sharedEngine()) as unknown as E);
  const logs: Record<string, any>[] = [];
  // The production logger (redaction included), writing to memory.
  const logger = createLogger('debug', { write: (line: string) => void logs.push(JSON.parse(line)) });
  // Tests send many commands as one user; only the cooldown tests want a real limit.
  const cooldown = options.cooldown ?? new Cooldown({ max: Number.MAX_SAFE_INTEGER, windowMs: 1 });
  const client = createBot({
    engine: eng,
    logger,
    cooldown,
    ...(options.lifecycle ? { lifecycle: options.lifecycle } : {}),
    ...(options.cacheLimits ? { cacheLimits: options.cacheLimits } : {}),
    clientOptions: { rest: { api: fake.apiUrl, retries: options.retries ?? 0 } },
  });
  const ready = new Promise((resolve) => client.once(Events.ClientReady, resolve));
  await client.login('fake-token-for-tests');
  await ready;

  const callbackPath = (p: any) => `/interactions/${p.id}/${p.token}/callback`;
  let dmReplies = 0;
  return {
    fake,
    client,
    engine: eng,
    logs,
    logger,
    async interact(payload) {
      fake.dispatch('INTERACTION_CREATE', payload);
      return (await fake.waitForRequest('POST', callbackPath(payload))).body;
    },
    replyMessage(payload) {
      const message = fake.replies.get(payload.id);
      if (!message) throw new Error(`no reply recorded for interaction ${payload.id}`);
      return message;
    },
    async dm(content) {
      const index = dmReplies++;
      fake.dispatch('MESSAGE_CREATE', dmMessage(content));
      return fake.waitForRequest('POST', `/channels/${DM_CHANNEL_ID}/messages`, index);
    },
    async stop() {
      await client.destroy();
      await fake.stop();
    },
  };
}

const fileCache = new Map<string, string>();
/** The exact text of a corpus file, to check snippets against the source rather than the engine. */
export function corpusText(file: string): string {
  if (!fileCache.has(file)) fileCache.set(file, readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8'));
  return fileCache.get(file)!;
}

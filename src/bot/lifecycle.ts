/**
 * Graceful stop. On SIGINT/SIGTERM the bot stops taking new work, lets every handler already
 * running finish its reply, and only then closes the engine and the gateway: an answer someone is
 * waiting for is not cut off by a restart. The wait has a deadline: a reply stuck behind a rate
 * limit (a 429 asking for 20 s) must not hold up a restart the supervisor asked for.
 */
import type { Client } from 'discord.js';
import type { Logger } from 'pino';

export class Lifecycle {
  private open = true;
  private readonly running = new Set<Promise<unknown>>();

  /** False once shutdown began: listeners drop new interactions and messages. */
  get accepting(): boolean {
    return this.open;
  }

  get inFlight(): number {
    return this.running.size;
  }

  /** Runs a handler and remembers it until it settles, so shutdown can wait for it. */
  run(handler: () => Promise<void>): Promise<void> {
    const p = handler().finally(() => this.running.delete(p));
    this.running.add(p);
    return p;
  }

  /** Stops accepting and resolves once every handler started before has settled. */
  async drain(): Promise<void> {
    this.open = false;
    // A handler may (in principle) start another; loop until none is left.
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }
}

/** How long shutdown waits for replies in progress, by default. */
export const SHUTDOWN_DEADLINE_MS = 10_000;

export interface ShutdownParts {
  lifecycle: Lifecycle;
  client: Client;
  logger: Logger;
  /** Stops watching the corpus (LiveEngine.stop). */
  stopEngine?: () => void;
  /** Give up waiting for replies in progress after this long (default 10 s). */
  deadlineMs?: number;
}

/** Drain, stop the engine, destroy the client. Never throws: it is the last thing the process does. */
export async function shutdown({ lifecycle, client, logger, stopEngine, deadlineMs = SHUTDOWN_DEADLINE_MS }: ShutdownParts, signal = 'shutdown'): Promise<void> {
  logger.info({ signal, inFlight: lifecycle.inFlight, deadlineMs }, 'shutting down: finishing replies in progress');
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), deadlineMs)));
  const outcome = await Promise.race([lifecycle.drain().then(() => 'drained' as const), deadline]);
  clearTimeout(timer);
  if (outcome === 'late') logger.warn({ abandoned: lifecycle.inFlight, deadlineMs }, 'shutdown deadline passed: replies still in progress are abandoned');
  try {
    stopEngine?.();
  } catch (err) {
    logger.error({ err }, 'stopping the corpus watcher failed');
  }
  try {
    await client.destroy();
  } catch (err) {
    logger.error({ err }, 'closing the Discord connection failed');
  }
  logger.info('shut down');
}

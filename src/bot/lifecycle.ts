/**
 * Graceful stop. On SIGINT/SIGTERM the bot stops taking new work, lets every handler already
 * running finish its reply, and only then closes the engine and the gateway: an answer someone is
 * waiting for is never cut off by a restart.
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

export interface ShutdownParts {
  lifecycle: Lifecycle;
  client: Client;
  logger: Logger;
  /** Stops watching the corpus (LiveEngine.stop). */
  stopEngine?: () => void;
}

/** Drain, stop the engine, destroy the client. Never throws: it is the last thing the process does. */
export async function shutdown({ lifecycle, client, logger, stopEngine }: ShutdownParts, signal = 'shutdown'): Promise<void> {
  logger.info({ signal, inFlight: lifecycle.inFlight }, 'shutting down: finishing replies in progress');
  await lifecycle.drain();
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

/**
 * Per-user rate limit on answers: at most `max` in any `windowMs` (a sliding window, so a burst at
 * the end of one window and the start of the next still counts together). It applies to everyone,
 * moderators included: the point is to keep one person from flooding a channel or the bot.
 */
export interface CooldownOptions {
  max: number;
  windowMs: number;
  /** Injected in tests so the window can pass without waiting. */
  now?: () => number;
}

export type CooldownVerdict =
  | { ok: true }
  /** `retryAt` is when the oldest counted answer leaves the window; `firstRefusal` is false when
   * this user was already told in the current run of refusals (DMs then stay quiet). */
  | { ok: false; retryAt: number; firstRefusal: boolean };

export class Cooldown {
  /**
   * Users with an answer in the current window, in the order of their latest answer (an answer
   * moves its user to the end). The expired ones are therefore always at the front, and the sweep
   * stops at the first live entry: constant work per answer, however many users are active.
   */
  private readonly used = new Map<string, { times: number[]; told: boolean }>();
  private readonly now: () => number;

  constructor(readonly options: CooldownOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Counts one answer for `userId` if the limit allows it. */
  take(userId: string): CooldownVerdict {
    const now = this.now();
    const since = now - this.options.windowMs;
    this.sweep(since);
    const entry = this.used.get(userId) ?? { times: [], told: false };
    entry.times = entry.times.filter((t) => t > since);
    if (entry.times.length < this.options.max) {
      entry.times.push(now);
      entry.told = false;
      this.used.delete(userId);
      this.used.set(userId, entry);
      return { ok: true };
    }
    // A refusal records no answer, so the user keeps its place in the order.
    const firstRefusal = !entry.told;
    entry.told = true;
    return { ok: false, retryAt: entry.times[0]! + this.options.windowMs, firstRefusal };
  }

  /** How many users are tracked (those with an answer in the window, or not yet swept). */
  get tracked(): number {
    return this.used.size;
  }

  /** Forgets the users whose latest answer left the window: all at the front of the map. */
  private sweep(since: number): void {
    for (const [id, entry] of this.used) {
      if (entry.times.at(-1)! > since) break;
      this.used.delete(id);
    }
  }
}

/** The refusal text: a Discord relative timestamp, which each reader sees in their own terms. */
export function cooldownNotice(retryAt: number): string {
  const seconds = Math.ceil(retryAt / 1000);
  return `You are asking faster than I answer anyone (a few questions every few seconds). Please try again <t:${seconds}:R>.`;
}

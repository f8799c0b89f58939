/**
 * The edge toward Discord under faults, through the real discord.js client: a lost response and
 * its retry deliver one reply, shutdown has a deadline, caches stay bounded, the cooldown's
 * bookkeeping stays small.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Cooldown } from '../../src/bot/cooldown.js';
import { Lifecycle, shutdown } from '../../src/bot/lifecycle.js';
import { ALICE, DM_CHANNEL_ID, dmMessage, slashCommand, type FakeUser } from '../fake-discord/payloads.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

describe('lost responses', () => {
  it('a callback answered 40060 on retry counts as delivered: one debug line, no error, no apology', async () => {
    h = await startHarness({ retries: 1 });
    const ask = slashCommand('who', { name: 'Helal Abbas' });
    const callback = `/interactions/${ask.id}/${ask.token}/callback`;
    h.fake.loseResponses('POST', callback, 1);
    h.fake.dispatch('INTERACTION_CREATE', ask);
    // The first attempt reached Discord (the reply exists); its retry is refused as already acknowledged.
    await h.fake.waitForRequest('POST', callback, 1);
    await vi.waitFor(() => expect(h!.logs.some((l) => l.msg?.startsWith('reply already delivered'))).toBe(true), { timeout: 20_000 });
    expect(h.fake.replies.get(ask.id)?.embeds[0].title).toBe('Who is Helal Abbas?');
    // The lost response itself is a warning (a 5xx from Discord); nothing is an error.
    expect(h.logs.filter((l) => l.level >= 50)).toEqual([]);
    expect(h.logs.filter((l) => l.interaction === ask.id && l.msg?.startsWith('reply already delivered'))).toHaveLength(1);
    expect(h.fake.requestsTo('POST', callback)).toHaveLength(2);
    expect(h.fake.requestsTo('POST', /^\/webhooks\//)).toEqual([]);
  }, 30_000);

  it('a DM reply carries a nonce Discord enforces, so a retried send posts it once', async () => {
    h = await startHarness({ retries: 1 });
    const route = `/channels/${DM_CHANNEL_ID}/messages`;
    h.fake.loseResponses('POST', route, 1);
    const question = dmMessage('who is Helal Abbas?');
    h.fake.dispatch('MESSAGE_CREATE', question);
    const [first, retry] = [await h.fake.waitForRequest('POST', route, 0), await h.fake.waitForRequest('POST', route, 1)];
    expect(first.body.nonce).toBe(question.id);
    expect(first.body.enforce_nonce).toBe(true);
    expect(retry.body.nonce).toBe(question.id);
    const posted = [...h.fake.messages.values()].filter((m) => m.channel_id === DM_CHANNEL_ID && m.author.bot);
    expect(posted).toHaveLength(1);
    expect(h.logs.filter((l) => l.level >= 50)).toEqual([]);
  }, 30_000);
});

describe('shutdown', () => {
  it('has a deadline: a reply stuck behind Discord cannot hold the stop', async () => {
    const lifecycle = new Lifecycle();
    h = await startHarness({ lifecycle });
    const ask = slashCommand('who', { name: 'Helal Abbas' });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    // Discord holds the reply back (as a 429 asking for a long wait would).
    h.fake.replyTo('POST', `/interactions/${ask.id}/${ask.token}/callback`, async () => {
      await held;
      return { status: 204 };
    });
    h.fake.dispatch('INTERACTION_CREATE', ask);
    await h.fake.waitForRequest('POST', `/interactions/${ask.id}/${ask.token}/callback`);
    expect(lifecycle.inFlight).toBe(1);

    await shutdown({ lifecycle, client: h.client, logger: h.logger, deadlineMs: 200 }, 'SIGTERM');
    const late = h.logs.find((l) => l.msg === 'shutdown deadline passed: replies still in progress are abandoned');
    expect(late).toMatchObject({ level: 40, abandoned: 1, deadlineMs: 200 });
    expect(h.logs.at(-1)!.msg).toBe('shut down');
    await h.fake.until(() => h!.fake.connections === 0);
    release();
  }, 30_000);
});

describe('bounded caches', () => {
  it('DMs from many distinct people leave a bounded number of users, DM channels and messages cached', async () => {
    h = await startHarness({ cacheLimits: { users: 10, dmChannels: 10, sweepSeconds: 3600 } });
    const people = 40;
    for (let i = 0; i < people; i++) {
      const user: FakeUser = { id: String(710000000000000000n + BigInt(i)), username: `user${i}` };
      const channel = String(810000000000000000n + BigInt(i));
      h.fake.dispatch('MESSAGE_CREATE', { ...dmMessage('hello', user), channel_id: channel });
      await h.fake.waitForRequest('POST', `/channels/${channel}/messages`);
    }
    // All were answered...
    expect(h.fake.requestsTo('POST', /^\/channels\/81\d+\/messages$/)).toHaveLength(people);
    // ...and what stays cached is bounded (plus the bot's own user).
    const client = h.client;
    expect(client.users.cache.size).toBeLessThanOrEqual(11);
    expect(client.users.cache.has(client.user!.id)).toBe(true);
    const dms = client.channels.cache.filter((c) => c.isDMBased());
    expect(dms.size).toBeLessThanOrEqual(10);
    for (const c of dms.values()) if (c.isTextBased()) expect(c.messages.cache.size).toBe(0);
    // The most recent DM channel is still there; the oldest is gone.
    expect(client.channels.cache.has('810000000000000039')).toBe(true);
    expect(client.channels.cache.has('810000000000000000')).toBe(false);
  }, 60_000);
});

describe('cooldown bookkeeping', () => {
  it('20,000 users in one window are all counted, then forgotten once the window passes, oldest first', () => {
    let now = 0;
    const cooldown = new Cooldown({ max: 2, windowMs: 10_000, now: () => now });
    for (let i = 0; i < 20_000; i++) expect(cooldown.take(`u${i}`).ok).toBe(true);
    expect(cooldown.tracked).toBe(20_000);
    now = 5_000;
    expect(cooldown.take('u0').ok).toBe(true);
    expect(cooldown.take('u0')).toMatchObject({ ok: false, firstRefusal: true, retryAt: 10_000 });
    expect(cooldown.take('u0')).toMatchObject({ ok: false, firstRefusal: false });
    // Everyone but u0 (who answered later) leaves the window and is forgotten.
    now = 10_000;
    expect(cooldown.take('late').ok).toBe(true);
    expect(cooldown.tracked).toBe(2);
    expect(cooldown.take('u1').ok).toBe(true);
    now = 20_001;
    expect(cooldown.take('u2').ok).toBe(true);
    expect(cooldown.tracked).toBe(1);
  }, 30_000);
});

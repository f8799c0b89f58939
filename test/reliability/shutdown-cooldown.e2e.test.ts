/**
 * Graceful shutdown and the per-user cooldown, with the real discord.js client against the fake
 * Discord: what a user sees (or does not) is read from the requests the bot made.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Cooldown } from '../../src/bot/cooldown.js';
import { Lifecycle, shutdown } from '../../src/bot/lifecycle.js';
import { ALICE, DM_CHANNEL_ID, MOD, PERMISSIONS, autocomplete, buttonClick, customIds, dmMessage, slashCommand } from '../fake-discord/payloads.js';
import { startHarness, type Harness } from '../bot/harness.js';

const EPHEMERAL = 64;
const callback = (p: { id: string; token: string }) => `/interactions/${p.id}/${p.token}/callback`;

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

describe('graceful shutdown', () => {
  it('finishes the reply in flight, ignores what arrives after, then destroys the client', async () => {
    const lifecycle = new Lifecycle();
    h = await startHarness({ lifecycle });
    const harness = h;
    const first = slashCommand('who', { name: 'Helal Abbas' });
    // Discord holds the first reply back, so its handler is still running when shutdown starts.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    h.fake.replyTo('POST', callback(first), async () => {
      await held;
      return { status: 204 };
    }, 1);
    h.fake.dispatch('INTERACTION_CREATE', first);
    await h.fake.waitForRequest('POST', callback(first));
    expect(lifecycle.inFlight).toBe(1);

    const stopped = shutdown({ lifecycle, client: h.client, logger: h.logger }, 'SIGTERM');
    const later = slashCommand('who', { name: 'Lutfur Rahman' });
    h.fake.dispatch('INTERACTION_CREATE', later);
    const laterDm = dmMessage('who is Helal Abbas');
    h.fake.dispatch('MESSAGE_CREATE', laterDm);
    await vi.waitFor(() => expect(harness.logs.some((l) => l.msg === 'shutting down: interaction ignored' && l.interaction === later.id)).toBe(true));
    await vi.waitFor(() => expect(harness.logs.some((l) => l.msg === 'shutting down: message ignored' && l.dm === laterDm.id)).toBe(true));
    // Still draining: the connection must stay up while a reply is outstanding.
    expect(h.client.isReady()).toBe(true);

    release();
    await stopped;
    expect(lifecycle.inFlight).toBe(0);
    expect(h.fake.requestsTo('POST', callback(first))[0]!.body.data.embeds[0].title).toBe('Who is Helal Abbas?');
    expect(h.logs.filter((l) => l.level >= 50)).toEqual([]);
    expect(h.fake.requestsTo('POST', callback(later))).toEqual([]);
    expect(h.fake.requestsTo('POST', `/channels/${DM_CHANNEL_ID}/messages`)).toEqual([]);
    expect(h.client.isReady()).toBe(false);
    await h.fake.until(() => harness.fake.connections === 0);
    expect(h.logs.at(-1)?.msg).toBe('shut down');
  });
});

describe('per-user cooldown', () => {
  function limited(max = 2) {
    let now = 1_700_000_000_000;
    const cooldown = new Cooldown({ max, windowMs: 10_000, now: () => now });
    return { cooldown, advance: (ms: number) => (now += ms), now: () => now };
  }

  it('answers up to the limit, then tells the user ephemerally when to retry; the window passing lets them in again', async () => {
    const clock = limited();
    h = await startHarness({ cooldown: clock.cooldown });
    for (let i = 0; i < 2; i++) {
      const body = await h.interact(slashCommand('who', { name: 'Helal Abbas' }));
      expect(body.data.embeds[0].title).toBe('Who is Helal Abbas?');
    }
    const refused = await h.interact(slashCommand('who', { name: 'Helal Abbas' }));
    expect(refused.data.flags).toBe(EPHEMERAL);
    expect(refused.data.embeds ?? []).toEqual([]);
    const retryAt = Math.ceil((clock.now() + 10_000) / 1000);
    expect(refused.data.content).toContain(`<t:${retryAt}:R>`);
    expect(refused.data.allowed_mentions).toEqual({ parse: [] });

    clock.advance(10_000);
    const again = await h.interact(slashCommand('who', { name: 'Helal Abbas' }));
    expect(again.data.embeds[0].title).toBe('Who is Helal Abbas?');
  });

  it('applies to moderators too, per user, and to buttons; autocomplete is not counted', async () => {
    const clock = limited();
    h = await startHarness({ cooldown: clock.cooldown });
    const asMod = { user: MOD, permissions: PERMISSIONS.manageMessages };
    const ask = slashCommand('who', { name: 'Helal Abbas' }, asMod);
    await h.interact(ask);
    const message = h.replyMessage(ask);
    const ctx = customIds(message).find((c) => c.startsWith('ctx:'))!;
    expect((await h.interact(buttonClick(ctx, message, asMod))).data.embeds).toHaveLength(1);
    const refusedClick = await h.interact(buttonClick('pin', message, asMod));
    expect(refusedClick.data.flags).toBe(EPHEMERAL);
    expect(refusedClick.data.content).toMatch(/try again <t:\d+:R>/);
    expect(h.fake.requestsTo('PUT', /\/pins\//)).toEqual([]);

    // Another user has their own allowance.
    const alice = await h.interact(slashCommand('who', { name: 'Helal Abbas' }, { user: ALICE }));
    expect(alice.data.embeds[0].title).toBe('Who is Helal Abbas?');

    const suggestions = await h.interact(autocomplete('who', { name: 'Helal' }, 'name', asMod));
    expect(suggestions.data.choices.length).toBeGreaterThan(0);
  });

  it('in DMs, tells the user once per run of refusals rather than answering a flood with a flood', async () => {
    const clock = limited(1);
    h = await startHarness({ cooldown: clock.cooldown });
    const route = `/channels/${DM_CHANNEL_ID}/messages`;
    h.fake.dispatch('MESSAGE_CREATE', dmMessage('who is Helal Abbas'));
    expect((await h.fake.waitForRequest('POST', route, 0)).body.embeds).toHaveLength(1);
    h.fake.dispatch('MESSAGE_CREATE', dmMessage('who is Helal Abbas'));
    expect((await h.fake.waitForRequest('POST', route, 1)).body.content).toMatch(/try again <t:\d+:R>/);
    const flood = dmMessage('who is Helal Abbas');
    h.fake.dispatch('MESSAGE_CREATE', flood);
    const harness = h;
    await vi.waitFor(() => expect(harness.logs.some((l) => l.msg === 'cooldown: refused' && l.dm === flood.id)).toBe(true));
    clock.advance(10_000);
    h.fake.dispatch('MESSAGE_CREATE', dmMessage('who is Helal Abbas'));
    const third = await h.fake.waitForRequest('POST', route, 2);
    expect(third.body.embeds).toHaveLength(1);
    expect(h.fake.requestsTo('POST', route)).toHaveLength(3);
  });
});

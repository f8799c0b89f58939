// Discord drops an interaction whose first response comes after 3 seconds. The fake does too (it
// answers 10062 Unknown interaction), so these tests pass only if the bot really defers in time.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Engine } from '../../src/answers/engine.js';
import type { AnswerRequest } from '../../src/answers/types.js';
import type { AnswerEngine } from '../../src/bot/context.js';
import { APOLOGY } from '../../src/bot/guard.js';
import { DEFER_AFTER_MS } from '../../src/bot/respond.js';
import { INTERACTION_DEADLINE_MS } from '../fake-discord/fake-discord.js';
import { slashCommand } from '../fake-discord/payloads.js';
import { corpusText, sharedEngine, startHarness, visibleText, type Harness } from './harness.js';

let h: Harness<AnswerEngine> | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const TIMEOUT = 30_000;

/** The real engine over the bundled corpus, with `answer` made slow (as a busy worker pool is) or replaced. */
async function engineWith(answer: (real: Engine, request: AnswerRequest) => ReturnType<AnswerEngine['answer']>): Promise<AnswerEngine> {
  const real = await sharedEngine();
  return {
    answer: (request) => answer(real, request),
    people: real.people.bind(real),
    articles: real.articles.bind(real),
    paragraphContext: real.paragraphContext.bind(real),
  };
}
const after = <T>(ms: number, value: () => T) => new Promise<T>((resolve, reject) => setTimeout(() => { try { resolve(value()); } catch (err) { reject(err); } }, ms));

/** Dispatches an interaction; resolves with its callback and, once the bot filled it in, its edit. */
async function deferredExchange(harness: Harness<AnswerEngine>, payload: any) {
  harness.fake.dispatch('INTERACTION_CREATE', payload);
  const callback = await harness.fake.waitForRequest('POST', `/interactions/${payload.id}/${payload.token}/callback`);
  const edit = await harness.fake.waitForRequest('PATCH', new RegExp(`^/webhooks/\\d+/${payload.token}/messages/@original$`));
  const waited = harness.fake.acknowledgedAt.get(payload.id)! - harness.fake.dispatchedAt.get(payload.id)!;
  return { callback, edit, waited };
}

describe('an answer that is not ready in time', () => {
  it('is deferred within Discord’s 3 seconds, then edited in whole and verbatim', { timeout: TIMEOUT }, async () => {
    h = await startHarness({ engine: await engineWith((real, r) => after(2_500, () => real.answer(r))) });
    const ask = slashCommand('who', { name: 'Helal Abbas' });
    const { callback, edit, waited } = await deferredExchange(h, ask);

    expect(callback.body.type).toBe(5); // DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE: "affair-bot is thinking…"
    expect(callback.body.data?.flags ?? 0).toBe(0); // public, as the answer will be
    expect(waited).toBeGreaterThanOrEqual(DEFER_AFTER_MS - 50);
    expect(waited).toBeLessThan(INTERACTION_DEADLINE_MS);
    expect(h.fake.refused.size).toBe(0);

    // The edit carries the whole answer, within the one reply helper's rules.
    expect(edit.body.allowed_mentions).toEqual({ parse: [] });
    const expected = ((await sharedEngine()).answer({ command: 'who', query: 'Helal Abbas' })).snippets;
    expect(expected.length).toBeGreaterThan(0);
    const seen = visibleText(edit.body.embeds[0].description);
    for (const s of expected) expect(seen).toContain(corpusText(s.file).slice(s.start, s.end));
    // The message Discord shows is the answer, no longer "thinking".
    const shown = h.replyMessage(ask);
    expect(shown.flags & 128).toBe(0);
    expect(shown.embeds).toEqual(edit.body.embeds);
    expect(h.logs.filter((l) => l.level >= 40)).toEqual([]);
  });

  it('keeps a private answer private: the deferral is ephemeral', { timeout: TIMEOUT }, async () => {
    h = await startHarness({ engine: await engineWith((real, r) => after(2_000, () => real.answer(r))) });
    const ask = slashCommand('ask', { question: 'Why was Lutfur Rahman removed as candidate?', private: true });
    const { callback, edit } = await deferredExchange(h, ask);
    expect(callback.body.type).toBe(5);
    expect(callback.body.data.flags).toBe(64);
    expect(edit.body.flags).toBeUndefined(); // an edit cannot change who sees the message
    expect(h.replyMessage(ask).flags & 64).toBe(64);
  });

  it('a fault after the deferral becomes the apology in the deferred reply', { timeout: TIMEOUT }, async () => {
    h = await startHarness({
      engine: await engineWith(() =>
        after(1_800, () => {
          throw new Error('worker crashed');
        }),
      ),
    });
    const ask = slashCommand('when', { event: 'councillors expelled from Labour' });
    const { callback, edit } = await deferredExchange(h, ask);
    expect(callback.body.type).toBe(5);
    expect(edit.body.content).toBe(APOLOGY);
    expect(h.logs.find((l) => l.level === 50)?.err?.message).toBe('worker crashed');
  });

  it('is deferred at once when the engine expects a long wait (a busy pool), not 1.5 s later', { timeout: TIMEOUT }, async () => {
    const busy = await engineWith((real, r) => after(400, () => real.answer(r)));
    h = await startHarness({ engine: { ...busy, expectedWaitMs: () => 4_000 } });
    const ask = slashCommand('who', { name: 'Helal Abbas' });
    const { callback, edit, waited } = await deferredExchange(h, ask);
    expect(callback.body.type).toBe(5);
    expect(waited).toBeLessThan(DEFER_AFTER_MS - 500);
    expect(edit.body.embeds[0].description).toContain('Helal Abbas');
  });

  it('a quick answer is not deferred', { timeout: TIMEOUT }, async () => {
    h = await startHarness({ engine: await engineWith((real, r) => after(10, () => real.answer(r))) });
    const body = await h.interact(slashCommand('who', { name: 'Helal Abbas' }));
    expect(body.type).toBe(4);
    expect(h.fake.requestsTo('PATCH', /@original$/)).toEqual([]);
  });
});

describe('the fake Discord keeps the deadline', () => {
  it('refuses a first response later than 3 s with 10062, as Discord does (an engine that blocks this thread cannot defer)', { timeout: TIMEOUT }, async () => {
    const block = (ms: number) => {
      const end = performance.now() + ms;
      while (performance.now() < end);
    };
    h = await startHarness({
      engine: await engineWith((real, r) => {
        block(INTERACTION_DEADLINE_MS + 300);
        return real.answer(r);
      }),
    });
    const ask = slashCommand('who', { name: 'Helal Abbas' });
    h.fake.dispatch('INTERACTION_CREATE', ask);
    await h.fake.waitForRequest('POST', `/interactions/${ask.id}/${ask.token}/callback`);
    await vi.waitFor(() => expect(h!.logs.some((l) => l.msg === 'interaction expired before the reply')).toBe(true), { timeout: 10_000 });
    expect(h.fake.refused.get(ask.id)).toBe(10062);
    expect(h.fake.replies.has(ask.id)).toBe(false);
  });

  it('refuses a second initial response (40060) and an edit before any response (10015)', { timeout: TIMEOUT }, async () => {
    h = await startHarness();
    const ask = slashCommand('who', { name: 'Helal Abbas' });
    const early = await fetch(`${h.fake.apiUrl}/v10/webhooks/1/${ask.token}/messages/@original`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: '{"content":"x"}' });
    expect(early.status).toBe(404);
    await h.interact(ask);
    const again = await fetch(`${h.fake.apiUrl}/v10/interactions/${ask.id}/${ask.token}/callback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 4, data: { content: 'twice' } }),
    });
    expect(again.status).toBe(400);
    expect(((await again.json()) as { code: number }).code).toBe(40060);
  });
});

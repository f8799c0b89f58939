/**
 * Discord's own faults, scripted on the fake Discord and met by the real discord.js client:
 * gateway drops and reconnect requests, rate limits, server errors, missing permissions and
 * expired interactions. In every case the bot keeps answering afterwards.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { discordErrors, type ScriptedReply } from '../fake-discord/fake-discord.js';
import { CHANNEL_ID, DM_CHANNEL_ID, MOD, PERMISSIONS, buttonClick, dmMessage, slashCommand } from '../fake-discord/payloads.js';
import { sharedEngine, startHarness, type Harness } from '../bot/harness.js';
import type { AnswerEngine } from '../../src/bot/context.js';

const callback = (p: { id: string; token: string }) => `/interactions/${p.id}/${p.token}/callback`;
const DM_ROUTE = `/channels/${DM_CHANNEL_ID}/messages`;
const WHO_TITLE = 'Who is Helal Abbas?';

/**
 * Discord sends retry-after in whole seconds in the header; discord.js reads the header, so a
 * fraction here keeps the suite fast while exercising the same path.
 */
const rateLimited: ScriptedReply = {
  status: 429,
  body: { message: 'You are being rate limited.', retry_after: 0.05, global: false },
  headers: { 'retry-after': '0.05', 'x-ratelimit-scope': 'user' },
};

let h: Harness<AnswerEngine> | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

async function stillAnswers(harness: Harness<AnswerEngine>): Promise<void> {
  const body = await harness.interact(slashCommand('who', { name: 'Helal Abbas' }));
  expect(body.data.embeds[0].title).toBe(WHO_TITLE);
}

describe('gateway', () => {
  it('resumes after Discord closes the connection with 1001 (going away), and keeps answering', async () => {
    h = await startHarness();
    h.fake.closeConnections(1001, 'going away');
    const resume = await h.fake.waitForFrame(6);
    expect(resume.d.session_id).toBe(h.fake.sessionId);
    // No second IDENTIFY: the session was resumed, not started again.
    expect(h.fake.received.filter((f) => f.op === 2)).toHaveLength(1);
    await stillAnswers(h);
  });

  it('reconnects and resumes when Discord asks for it (op 7), and keeps answering', async () => {
    h = await startHarness();
    h.fake.sendAll({ op: 7, d: null });
    const resume = await h.fake.waitForFrame(6);
    expect(resume.d.session_id).toBe(h.fake.sessionId);
    expect(h.fake.received.filter((f) => f.op === 2)).toHaveLength(1);
    await stillAnswers(h);
    const harness = h;
    await vi.waitFor(() => expect(harness.logs.some((l) => l.msg === 'gateway session resumed')).toBe(true));
  });
});

describe('REST', () => {
  it('429 on the interaction callback: waited out and retried, the answer arrives, the log says so', async () => {
    h = await startHarness();
    const ask = slashCommand('who', { name: 'Helal Abbas' });
    h.fake.replyTo('POST', callback(ask), rateLimited, 1);
    h.fake.dispatch('INTERACTION_CREATE', ask);
    const retried = await h.fake.waitForRequest('POST', callback(ask), 1);
    expect(retried.body.data.embeds[0].title).toBe(WHO_TITLE);
    const harness = h;
    await vi.waitFor(() => expect(harness.logs.some((l) => l.msg === 'rate limited by Discord; retrying')).toBe(true));
    expect(h.logs.filter((l) => l.level >= 50)).toEqual([]);
    // The callback URL carries the interaction token; the rate-limit log line must not.
    expect(JSON.stringify(h.logs)).not.toContain(ask.token);
  });

  it('429 on sending a DM reply: waited out and retried, the answer arrives', async () => {
    h = await startHarness();
    h.fake.replyTo('POST', DM_ROUTE, rateLimited, 1);
    h.fake.dispatch('MESSAGE_CREATE', dmMessage('who is Helal Abbas'));
    const retried = await h.fake.waitForRequest('POST', DM_ROUTE, 1);
    expect(retried.body.embeds[0].title).toMatch(/Helal Abbas/);
    expect(h.fake.requestsTo('POST', DM_ROUTE)).toHaveLength(2);
    expect(h.logs.filter((l) => l.level >= 50)).toEqual([]);
  });

  it('a passing 500 is retried by the REST layer and the answer arrives', async () => {
    h = await startHarness({ retries: 1 });
    const ask = slashCommand('who', { name: 'Helal Abbas' });
    h.fake.replyTo('POST', callback(ask), discordErrors.serverError, 1);
    h.fake.dispatch('INTERACTION_CREATE', ask);
    expect((await h.fake.waitForRequest('POST', callback(ask), 1)).body.data.embeds[0].title).toBe(WHO_TITLE);
    expect(h.logs.filter((l) => l.level >= 50)).toEqual([]);
  });

  it('a 500 that persists past the retries is reported in the log, without the token, and the bot keeps answering', async () => {
    h = await startHarness({ retries: 1 });
    const ask = slashCommand('who', { name: 'Helal Abbas' });
    h.fake.replyTo('POST', callback(ask), discordErrors.serverError);
    h.fake.dispatch('INTERACTION_CREATE', ask);
    const harness = h;
    await vi.waitFor(() => expect(harness.logs.some((l) => l.msg === 'handler failed')).toBe(true));
    const failure = h.logs.find((l) => l.msg === 'handler failed')!;
    expect(failure.err.status).toBe(500);
    expect(failure.command).toBe('who');
    expect(h.logs.filter((l) => l.msg === 'Discord server error').length).toBeGreaterThanOrEqual(2);
    // Retried once, then the apology was tried (and retried) on the same broken route.
    await vi.waitFor(() => expect(harness.logs.some((l) => l.msg === 'could not send the reply')).toBe(true));
    expect(h.fake.requestsTo('POST', callback(ask))).toHaveLength(4);
    expect(JSON.stringify(h.logs)).not.toContain(ask.token);
    await stillAnswers(h);
  });

  it('50013 on pin: logged once with where it happened, the moderator is told, the bot keeps running', async () => {
    h = await startHarness();
    const ask = slashCommand('who', { name: 'Helal Abbas' });
    await h.interact(ask);
    const message = h.replyMessage(ask);
    h.fake.replyTo('PUT', /\/pins\//, discordErrors.missingPermissions, 1);
    const body = await h.interact(buttonClick('pin', message, { user: MOD, permissions: PERMISSIONS.pinMessages }));
    expect(body.data.flags).toBe(64);
    expect(body.data.content).toMatch(/^I cannot pin here: I lack the Pin Messages/);
    const lines = h.logs.filter((l) => l.code === 50013);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 40, channel: CHANNEL_ID, message: message.id, user: MOD.id });
    expect(h.logs.filter((l) => l.level >= 50)).toEqual([]);
    await stillAnswers(h);
  });

  it('10062 (interaction expired): logged once, nothing else attempted, the bot keeps running', async () => {
    h = await startHarness();
    const ask = slashCommand('who', { name: 'Helal Abbas' });
    h.fake.replyTo('POST', callback(ask), discordErrors.unknownInteraction, 1);
    await h.interact(ask);
    const harness = h;
    await vi.waitFor(() => expect(harness.logs.some((l) => l.code === 10062)).toBe(true));
    await stillAnswers(h);
    expect(h.logs.filter((l) => l.code === 10062)).toHaveLength(1);
    expect(h.fake.requestsTo('POST', callback(ask))).toHaveLength(1);
    expect(h.logs.filter((l) => l.level >= 50)).toEqual([]);
  });
});

describe('handler faults', () => {
  it('an exception inside one command is contained: the process and the other commands go on', async () => {
    const engine = await sharedEngine();
    let calls = 0;
    const flaky = {
      answer: (request: Parameters<typeof engine.answer>[0]) => {
        if (++calls === 1) throw new TypeError('boom');
        return engine.answer(request);
      },
      people: engine.people.bind(engine),
      articles: engine.articles.bind(engine),
      paragraphContext: engine.paragraphContext.bind(engine),
    };
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    try {
      h = await startHarness({ engine: flaky });
      const first = await h.interact(slashCommand('who', { name: 'Helal Abbas' }));
      expect(first.data.content).toMatch(/^Sorry, something went wrong/);
      await stillAnswers(h);
      h.fake.dispatch('MESSAGE_CREATE', dmMessage('who is Helal Abbas'));
      expect((await h.fake.waitForRequest('POST', DM_ROUTE)).body.embeds[0].title).toMatch(/Helal Abbas/);
      expect(h.logs.filter((l) => l.msg === 'handler failed')).toHaveLength(1);
      expect(rejections).toEqual([]);
    } finally {
      process.off('unhandledRejection', onRejection);
    }
  });
});

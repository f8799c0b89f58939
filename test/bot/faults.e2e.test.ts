import { afterEach, describe, expect, it, vi } from 'vitest';
import { discordErrors } from '../fake-discord/fake-discord.js';
import { slashCommand } from '../fake-discord/payloads.js';
import { sharedEngine, startHarness, type Harness } from './harness.js';
import type { AnswerEngine } from '../../src/bot/context.js';

let h: Harness<AnswerEngine> | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

describe('faults', () => {
  it('an engine fault gets a generic apology; the error goes to the log, never to the user', async () => {
    const engine = await sharedEngine();
    const broken = {
      answer: () => {
        throw new Error('index corrupted at /secret/path token=abc');
      },
      people: engine.people.bind(engine),
      articles: engine.articles.bind(engine),
      paragraphContext: engine.paragraphContext.bind(engine),
    };
    h = await startHarness({ engine: broken });
    const body = await h.interact(slashCommand('who', { name: 'Helal Abbas' }));
    expect(body.data.flags).toBe(64);
    expect(body.data.content).toBe('Sorry, something went wrong on my side. It has been logged; please try again in a moment.');
    expect(JSON.stringify(body)).not.toMatch(/corrupted|secret|token=|Error/);
    const fault = h.logs.find((l) => l.level === 50);
    expect(fault?.err?.message).toContain('index corrupted');
    expect(fault?.command).toBe('who');
  });

  it('an interaction Discord no longer accepts (10062) is logged as expired, with no further attempt', async () => {
    h = await startHarness();
    const ask = slashCommand('who', { name: 'Helal Abbas' });
    h.fake.replyTo('POST', `/interactions/${ask.id}/${ask.token}/callback`, discordErrors.unknownInteraction);
    await h.interact(ask);
    await vi.waitFor(() => expect(h!.logs.some((l) => l.msg === 'interaction expired before the reply')).toBe(true));
    expect(h.logs.filter((l) => l.level >= 50)).toEqual([]);
    expect(h.fake.requestsTo('POST', /^\/webhooks\//)).toEqual([]);
  });
});

describe('gateway', () => {
  it('resumes the session after Discord closes the connection with 4000, and keeps answering', async () => {
    h = await startHarness();
    h.fake.closeConnections(4000, 'unknown error');
    const resume = await h.fake.waitForFrame(6);
    expect(resume.d.session_id).toBe(h.fake.sessionId);
    const body = await h.interact(slashCommand('who', { name: 'Helal Abbas' }));
    expect(body.data.embeds[0].title).toBe('Who is Helal Abbas?');
  });
});

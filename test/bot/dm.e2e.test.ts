import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GatewayIntentBits } from 'discord.js';
import { BOT_USER } from '../fake-discord/fake-discord.js';
import { CHANNEL_ID, DM_CHANNEL_ID, GUILD_ID, dmMessage } from '../fake-discord/payloads.js';
import { corpusText, startHarness, visibleText, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

function expectQuotes(body: any, question: string) {
  const answer = h.engine.answer({ command: 'ask', query: question });
  expect(answer.snippets.length).toBeGreaterThan(0);
  expect(body.allowed_mentions).toEqual({ parse: [] });
  const seen = visibleText(body.embeds[0].description);
  for (const s of answer.snippets) {
    expect(seen).toContain(corpusText(s.file).slice(s.start, s.end));
    expect(seen).toContain(`¶\u00a0${s.paragraph}`);
  }
  return answer;
}

describe('plain questions in a DM', () => {
  it('answers "who is Helal Abbas?" in the DM with the same rendering as /who', async () => {
    const reply = await h.dm('who is Helal Abbas?');
    expect(reply.path).toBe(`/channels/${DM_CHANNEL_ID}/messages`);
    const answer = expectQuotes(reply.body, 'who is Helal Abbas?');
    expect(answer.answeredAs).toBe('who');
    expect(reply.body.embeds[0].footer.text).toContain('answered as /who');
    expect(JSON.stringify(reply.body.components)).not.toContain('"pin"');
  });

  it('answers "when was Livingstone readmitted?"', async () => {
    const reply = await h.dm('when was Livingstone readmitted?');
    expectQuotes(reply.body, 'when was Livingstone readmitted?');
  });

  it('answers "what did Tom Harris say about Livingstone?"', async () => {
    const reply = await h.dm('what did Tom Harris say about Livingstone?');
    expectQuotes(reply.body, 'what did Tom Harris say about Livingstone?');
    // The question names the speaker: the labels do not repeat it.
    expect(reply.body.embeds[0].title).toBe('what did Tom Harris say about Livingstone?');
    expect(reply.body.embeds[0].description).not.toContain('Tom Harris, in');
  });

  it('a greeting or an unusable message gets the short help', async () => {
    const hello = await h.dm('hello');
    expect(hello.body.content).toMatch(/who is Helal Abbas\?/);
    const junk = await h.dm('!!! ???');
    expect(junk.body.content).toMatch(/^The question has no words to search for\./);
    expect(junk.body.allowed_mentions).toEqual({ parse: [] });
  });

  it('ignores its own messages and anything from a server', async () => {
    const before = h.fake.requestsTo('POST', /^\/channels\/\d+\/messages$/).length;
    h.fake.dispatch('MESSAGE_CREATE', { ...dmMessage('who is Helal Abbas?'), author: BOT_USER });
    h.fake.dispatch('MESSAGE_CREATE', { ...dmMessage('who is Helal Abbas?'), guild_id: GUILD_ID, channel_id: CHANNEL_ID, channel_type: 0 });
    // A real DM after them: once its reply is in, the two above would have been answered first.
    const reply = await h.dm('who is Tom Harris?');
    const after = h.fake.requestsTo('POST', /^\/channels\/\d+\/messages$/);
    expect(after.length).toBe(before + 1);
    expect(reply.body.embeds[0].title).toBe('who is Tom Harris?');
  });
});

describe('gateway connection', () => {
  it('identifies with only the Guilds and DirectMessages intents (no message content, no server messages)', async () => {
    const identify = await h.fake.waitForFrame(2);
    expect(identify.d.intents).toBe(GatewayIntentBits.Guilds | GatewayIntentBits.DirectMessages);
  });
});

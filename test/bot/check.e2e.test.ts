/**
 * Checking claims through the real discord.js client and the fake Discord: the "Check in sources"
 * message command (data.type 3 with resolved.messages), its private answer and Share button, /check,
 * /timeline with More, and a claim in a DM.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandsJSON, CHECK_MESSAGE_COMMAND } from '../../src/bot/commands.js';
import { STANCE_LABEL, UNDATED_HEADING } from '../../src/bot/render.js';
import { ALICE, CHANNEL_ID, MOD, PERMISSIONS, buttonClick, channelMessage, customIds, messageCommand, slashCommand } from '../fake-discord/payloads.js';
import { corpusText, startHarness, visibleText, type Harness } from './harness.js';

const EPHEMERAL = 64;
const CLAIM = 'wasnt ken only let back into labour in like 2008';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 60_000);
afterAll(async () => {
  await h?.stop();
});

/** Every snippet of the engine's answer is shown verbatim, with its stance label and paragraph. */
function expectEvidence(description: string, claim: string) {
  const answer = h.engine.answer({ command: 'check', query: claim });
  expect(answer.abstained).toBe(false);
  const seen = visibleText(description);
  for (const s of answer.snippets) {
    expect(seen).toContain(corpusText(s.file).slice(s.start, s.end));
    expect(description).toContain(STANCE_LABEL[s.stance!]);
  }
  return answer;
}

describe('the "Check in sources" message command', () => {
  it('is registered with the slash commands as a message command (type 3) usable everywhere', () => {
    const command = commandsJSON().find((c) => c.name === CHECK_MESSAGE_COMMAND) as any;
    expect(command).toMatchObject({ type: 3, contexts: [0, 1, 2], integration_types: [0, 1] });
    expect(command.description).toBeUndefined();
    expect(commandsJSON().map((c) => c.name)).toEqual(expect.arrayContaining(['check', 'timeline', CHECK_MESSAGE_COMMAND]));
  });

  it('checks the message privately, labels the evidence, and offers Share (not Pin)', async () => {
    const target = channelMessage(CLAIM);
    const body = await h.interact(messageCommand(CHECK_MESSAGE_COMMAND, target));
    expect(body.type).toBe(4);
    expect(body.data.flags).toBe(EPHEMERAL);
    expect(body.data.allowed_mentions).toEqual({ parse: [] });
    const embed = body.data.embeds[0];
    expect(embed.title).toBe(`Check: ${CLAIM}`);
    const answer = expectEvidence(embed.description, CLAIM);
    expect(answer.snippets[0]!.stance).toBe('contradicts');
    expect(visibleText(embed.description)).toContain('readmitted to the party in 2004');
    const ids = customIds(body.data);
    expect(ids.some((id) => id.startsWith('share:check:'))).toBe(true);
    expect(ids).not.toContain('pin');
  });

  it('says when the sources do not address the message, and when it has no text', async () => {
    const unaddressed = await h.interact(messageCommand(CHECK_MESSAGE_COMMAND, channelMessage('ken got suspended from labour in 2016 over the antisemitism row')));
    expect(unaddressed.data.flags).toBe(EPHEMERAL);
    expect(unaddressed.data.embeds[0].description).toMatch(/^The sources don’t address this\./);
    const empty = await h.interact(messageCommand(CHECK_MESSAGE_COMMAND, channelMessage('<@123456789012345678> https://example.com/x')));
    expect(empty.data.flags).toBe(EPHEMERAL);
    expect(empty.data.content).toMatch(/no text I can check/);
  });

  it('Share posts the same answer publicly for a member who may send messages, and it can be pinned', async () => {
    const ask = messageCommand(CHECK_MESSAGE_COMMAND, channelMessage(CLAIM), { user: ALICE });
    await h.interact(ask);
    const privateAnswer = h.replyMessage(ask);
    const shareId = customIds(privateAnswer).find((id) => id.startsWith('share:'))!;
    const click = buttonClick(shareId, privateAnswer, { user: ALICE, permissions: PERMISSIONS.member });
    const body = await h.interact(click);
    expect(body.data.flags ?? 0).toBe(0);
    expect(body.data.content).toBe('Shared by Alice:');
    expect(body.data.embeds[0].title).toBe(privateAnswer.embeds[0].title);
    expect(body.data.embeds[0].description).toBe(privateAnswer.embeds[0].description);
    expect(body.data.allowed_mentions).toEqual({ parse: [] });
    expect(customIds(body.data)).toContain('pin');

    const shared = h.replyMessage(click);
    const pin = await h.interact(buttonClick('pin', shared, { user: MOD, permissions: PERMISSIONS.pinMessages }));
    expect(pin.data.content).toMatch(/^Pinned/);
    expect(h.fake.requestsTo('PUT', `/channels/${CHANNEL_ID}/messages/pins/${shared.id}`)).toHaveLength(1);
  });

  it('Share is refused to a member who may not send messages in the channel, and nothing is posted', async () => {
    const ask = messageCommand(CHECK_MESSAGE_COMMAND, channelMessage(CLAIM));
    await h.interact(ask);
    const privateAnswer = h.replyMessage(ask);
    const shareId = customIds(privateAnswer).find((id) => id.startsWith('share:'))!;
    const viewOnly = String(1n << 10n);
    const body = await h.interact(buttonClick(shareId, privateAnswer, { user: ALICE, permissions: viewOnly }));
    expect(body.data.flags).toBe(EPHEMERAL);
    expect(body.data.content).toMatch(/^Only members who may send messages/);
    expect(body.data.embeds ?? []).toEqual([]);
  });
});

describe('/check', () => {
  it('answers publicly with labelled, cited evidence and a Pin button', async () => {
    const claim = 'eleven members were expelled, including eight sitting councillors';
    const body = await h.interact(slashCommand('check', { claim }));
    expect(body.data.flags ?? 0).toBe(0);
    const answer = expectEvidence(body.data.embeds[0].description, claim);
    expect(answer.snippets[0]!.stance).toBe('supports');
    expect(body.data.embeds[0].title).toBe(`Check: ${claim}`);
    expect(body.data.embeds[0].footer.text).toBe('/check');
    expect(customIds(body.data)).toContain('pin');
  });
});

describe('/timeline', () => {
  it('lists dated events in order with More, and puts undated ones after them under a heading', async () => {
    const ask = slashCommand('timeline');
    const body = await h.interact(ask);
    const first = h.engine.answer({ command: 'timeline', query: '' });
    expect(body.data.embeds[0].title).toBe('Timeline of the sources');
    const seen = visibleText(body.data.embeds[0].description);
    for (const s of first.snippets) {
      expect(seen).toContain(corpusText(s.file).slice(s.start, s.end));
      // The date expression is bold in the quote.
      expect(body.data.embeds[0].description).toContain(`**${s.date!.text}**`);
    }

    // Page through with More until the undated entries begin: the heading appears once, there.
    let message = h.replyMessage(ask);
    let sawHeading = false;
    let previous = '';
    for (let page = 2; page <= 20; page++) {
      const more = customIds(message).find((id) => id.startsWith('more:timeline:'));
      if (!more) break;
      const click = buttonClick(more, message);
      const next = await h.interact(click);
      expect(next.data.embeds[0].title).toBe('Timeline of the sources');
      expect(next.data.embeds[0].footer.text).toBe(`/timeline · page ${page}`);
      const description: string = next.data.embeds[0].description;
      expect(description).not.toBe(previous);
      previous = description;
      if (description.includes(UNDATED_HEADING)) sawHeading = true;
      message = h.replyMessage(click);
    }
    expect(sawHeading).toBe(true);
  });

  it('filters by a person', async () => {
    const body = await h.interact(slashCommand('timeline', { topic: 'Livingstone' }));
    expect(body.data.embeds[0].title).toBe('Timeline: Livingstone');
    const answer = h.engine.answer({ command: 'timeline', query: 'Livingstone' });
    expect(answer.snippets.map((s) => s.date!.resolved)).toEqual(['2000', '2000', '2004']);
  });
});

describe('a claim in a DM', () => {
  it('"is it true that ..." is checked, not asked', async () => {
    const reply = await h.dm('is it true that ken was expelled in 2000 for standing against frank dobson?');
    expect(reply.body.embeds[0].title).toMatch(/^Check: /);
    const answer = expectEvidence(reply.body.embeds[0].description, 'ken was expelled in 2000 for standing against frank dobson');
    expect(answer.snippets[0]!.stance).toBe('supports');
    expect(visibleText(reply.body.embeds[0].description)).toContain('expelled in 2000 under the same clause');
  });
});

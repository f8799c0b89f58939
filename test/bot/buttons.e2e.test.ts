import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discordErrors } from '../fake-discord/fake-discord.js';
import { ALICE, CHANNEL_ID, MOD, PERMISSIONS, buttonClick, customIds, slashCommand } from '../fake-discord/payloads.js';
import { corpusText, startHarness, visibleText, type Harness } from './harness.js';

const EPHEMERAL = 64;
const PIN_ROUTE = /^\/channels\/\d+\/messages\/pins\/\d+$/;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

/** Asks /who publicly and returns the answer message as Discord stored it. */
async function publicAnswer(name = 'Helal Abbas') {
  const ask = slashCommand('who', { name });
  await h.interact(ask);
  return h.replyMessage(ask);
}

describe('Context button', () => {
  it('shows the cited paragraph whole, with its neighbours and citation, only to the clicker', async () => {
    const message = await publicAnswer();
    const [first] = h.engine.answer({ command: 'who', query: 'Helal Abbas' }).snippets;
    const id = customIds(message).find((c) => c.startsWith('ctx:0:'))!;
    const body = await h.interact(buttonClick(id, message));

    expect(body.data.flags).toBe(EPHEMERAL);
    const embed = body.data.embeds[0];
    expect(embed.title).toBe(first!.article.title);
    const ctx = h.engine.paragraphContext(first!.article.id, first!.paragraph, 1)!;
    const seen = visibleText(embed.description);
    for (const p of ctx.paragraphs) expect(seen).toContain(corpusText(first!.file).slice(p.start, p.end));
    expect(ctx.paragraphs.length).toBeGreaterThan(1);
    expect(embed.description).toContain(`**¶ ${first!.paragraph} (cited)**`);
    expect(embed.footer.text).toContain(first!.file);
  });

  it('a context button for a paragraph that no longer exists explains instead of failing', async () => {
    const message = await publicAnswer();
    const body = await h.interact(buttonClick('ctx:0:3:0:a:AAAAAAAA:no-such-article', message));
    expect(body.data.flags).toBe(EPHEMERAL);
    expect(body.data.content).toMatch(/no longer in the sources/);
  });
});

describe('More button', () => {
  it('answers with the next page of the same question', async () => {
    const message = await publicAnswer();
    const id = customIds(message).find((c) => c.startsWith('more:'))!;
    const body = await h.interact(buttonClick(id, message));
    const page2 = h.engine.answer({ command: 'who', query: 'Helal Abbas', page: 1 }).snippets;
    expect(page2.length).toBeGreaterThan(0);
    const seen = visibleText(body.data.embeds[0].description);
    for (const s of page2) expect(seen).toContain(corpusText(s.file).slice(s.start, s.end));
    expect(body.data.embeds[0].footer.text).toBe('/who name: Helal Abbas · page 2');
    expect(body.data.flags ?? 0).toBe(0);
  });

  it('keeps working after a restart: a fresh bot process reads the state from the message', async () => {
    const message = await publicAnswer();
    const id = customIds(message).find((c) => c.startsWith('more:'))!;
    const restarted = await startHarness();
    try {
      const body = await restarted.interact(buttonClick(id, message));
      expect(body.data.embeds[0].footer.text).toBe('/who name: Helal Abbas · page 2');
    } finally {
      await restarted.stop();
    }
  });

  it('continues a private answer privately', async () => {
    const ask = slashCommand('who', { name: 'Ken Livingstone', private: true });
    await h.interact(ask);
    const message = h.replyMessage(ask);
    const id = customIds(message).find((c) => c.startsWith('more:'))!;
    const body = await h.interact(buttonClick(id, message));
    expect(body.data.flags).toBe(EPHEMERAL);
    expect(body.data.embeds[0].footer.text).toBe('/who name: Ken Livingstone · page 2');
  });
});

describe('Pin button', () => {
  it('pins for a member who may manage messages, with an audit-log reason naming them', async () => {
    const message = await publicAnswer();
    const click = buttonClick('pin', message, { user: MOD, permissions: PERMISSIONS.manageMessages });
    const body = await h.interact(click);

    const pins = h.fake.requestsTo('PUT', `/channels/${CHANNEL_ID}/messages/pins/${message.id}`);
    expect(pins).toHaveLength(1);
    const reason = decodeURIComponent(String(pins[0]!.headers['x-audit-log-reason']));
    expect(reason).toContain(MOD.username);
    expect(reason).toContain(MOD.id);
    expect(body.data.flags).toBe(EPHEMERAL);
    expect(body.data.content).toMatch(/^Pinned/);
  });

  it('pins for a member with only the Pin Messages permission', async () => {
    const message = await publicAnswer();
    await h.interact(buttonClick('pin', message, { user: MOD, permissions: PERMISSIONS.pinMessages }));
    expect(h.fake.requestsTo('PUT', `/channels/${CHANNEL_ID}/messages/pins/${message.id}`)).toHaveLength(1);
  });

  it('refuses a member without the permission and pins nothing', async () => {
    const message = await publicAnswer();
    const before = h.fake.requestsTo('PUT', PIN_ROUTE).length;
    const body = await h.interact(buttonClick('pin', message, { user: ALICE, permissions: PERMISSIONS.member }));
    expect(body.data.flags).toBe(EPHEMERAL);
    expect(body.data.content).toMatch(/^Only members who may pin messages/);
    expect(h.fake.requestsTo('PUT', PIN_ROUTE).length).toBe(before);
  });

  it('tells the moderator clearly when the bot itself lacks the permission', async () => {
    const message = await publicAnswer();
    h.fake.replyTo('PUT', PIN_ROUTE, discordErrors.missingPermissions, 1);
    const body = await h.interact(buttonClick('pin', message, { user: MOD, permissions: PERMISSIONS.manageMessages }));
    expect(body.data.flags).toBe(EPHEMERAL);
    expect(body.data.content).toMatch(/^I could not pin it: I lack the Pin Messages/);
    expect(h.logs.filter((l) => l.level >= 50)).toEqual([]);
  });

  it('a real fault while pinning gets a generic apology and is logged, without the error text', async () => {
    const message = await publicAnswer();
    h.fake.replyTo('PUT', PIN_ROUTE, discordErrors.serverError, 1);
    const body = await h.interact(buttonClick('pin', message, { user: MOD, permissions: PERMISSIONS.manageMessages }));
    expect(body.data.flags).toBe(EPHEMERAL);
    expect(body.data.content).toMatch(/^Sorry, something went wrong on my side/);
    expect(body.data.content).not.toMatch(/500|Internal|Error/);
    expect(h.logs.some((l) => l.level >= 50 && l.button === 'pin')).toBe(true);
  });
});

describe('unknown buttons', () => {
  it('a button from an older version of the bot explains instead of failing', async () => {
    const message = await publicAnswer();
    const body = await h.interact(buttonClick('page:who:2', message));
    expect(body.data.flags).toBe(EPHEMERAL);
    expect(body.data.content).toMatch(/older version of the bot/);
  });
});

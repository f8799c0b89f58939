/**
 * Pinning as Discord rules it since February 2026: Pin Messages, for the member and for the bot.
 * Through the real discord.js client; the fake Discord computes the bot's permissions per channel
 * (sent as app_permissions) and refuses a pin without Pin Messages (50013), so nothing here can pass
 * through the fake's leniency.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DiscordAPIError, Routes } from 'discord.js';
import { discordErrors, INVITED_BOT_PERMISSIONS, PERMISSION } from '../fake-discord/fake-discord.js';
import { ALICE, CHANNEL_ID, MOD, PERMISSIONS, buttonClick, customIds, slashCommand } from '../fake-discord/payloads.js';
import { startHarness, type Harness } from './harness.js';

const EPHEMERAL = 64;
const PIN_ROUTE = /^\/channels\/\d+\/messages\/pins\/\d+$/;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 60_000);
afterAll(async () => {
  await h?.stop();
});
afterEach(() => {
  h.fake.botPermissions.clear();
  h.fake.clearReplies();
});

/** Asks /who publicly and returns the answer message as Discord stored it. */
async function publicAnswer() {
  const ask = slashCommand('who', { name: 'Helal Abbas' });
  await h.interact(ask);
  return h.replyMessage(ask);
}

const pinsOf = (message: any) => h.fake.requestsTo('PUT', `/channels/${CHANNEL_ID}/messages/pins/${message.id}`);
const errorsLogged = () => h.logs.filter((l) => l.level >= 50);

describe('Pin needs Pin Messages', () => {
  it('pins for a member with Pin Messages, with an audit-log reason naming them', async () => {
    const message = await publicAnswer();
    expect(customIds(message)).toContain('pin');
    const body = await h.interact(buttonClick('pin', message, { user: MOD, permissions: PERMISSIONS.pinMessages }));

    const pins = pinsOf(message);
    expect(pins).toHaveLength(1);
    const reason = decodeURIComponent(String(pins[0]!.headers['x-audit-log-reason']));
    expect(reason).toContain(MOD.username);
    expect(reason).toContain(MOD.id);
    expect(h.fake.messages.get(message.id).pinned).toBe(true);
    expect(body.data.flags).toBe(EPHEMERAL);
    expect(body.data.content).toMatch(/^Pinned/);
  });

  it('refuses a member with Manage Messages only (no longer enough since February 2026), and pins nothing', async () => {
    const message = await publicAnswer();
    const before = h.fake.requestsTo('PUT', PIN_ROUTE).length;
    const body = await h.interact(buttonClick('pin', message, { user: MOD, permissions: PERMISSIONS.manageMessages }));
    expect(body.data.flags).toBe(EPHEMERAL);
    expect(body.data.content).toBe('Only members with the Pin Messages permission in this channel can pin answers. Ask a moderator if this one should be pinned.');
    expect(h.fake.requestsTo('PUT', PIN_ROUTE).length).toBe(before);
  });

  it('refuses an ordinary member', async () => {
    const message = await publicAnswer();
    const body = await h.interact(buttonClick('pin', message, { user: ALICE, permissions: PERMISSIONS.member }));
    expect(body.data.content).toMatch(/^Only members with the Pin Messages permission/);
    expect(pinsOf(message)).toHaveLength(0);
  });

  it('without Pin Messages for the bot: no Pin button, and a moderator who asks is told what to grant', async () => {
    const older = await publicAnswer();
    // The bot has Manage Messages but not Pin Messages in the channel.
    h.fake.botPermissions.set(CHANNEL_ID, (INVITED_BOT_PERMISSIONS & ~PERMISSION.pinMessages) | PERMISSION.manageMessages);
    const fresh = await publicAnswer();
    expect(customIds(fresh)).not.toContain('pin');
    expect(customIds(fresh).some((id) => id.startsWith('ctx:'))).toBe(true);

    const body = await h.interact(buttonClick('pin', older, { user: MOD, permissions: PERMISSIONS.pinMessages }));
    expect(body.data.flags).toBe(EPHEMERAL);
    expect(body.data.content).toMatch(/^I cannot pin here: I lack the Pin Messages permission in this channel\. A server admin can grant Pin Messages/);
    // The bot did not even try: Discord's own answer would have been a refusal.
    expect(pinsOf(older)).toHaveLength(0);
    expect(errorsLogged()).toEqual([]);
    expect(h.logs.some((l) => l.level === 40 && l.msg === 'cannot pin: the bot lacks Pin Messages in this channel')).toBe(true);
  });

  it('the fake Discord itself refuses a pin by a bot without Pin Messages (50013)', async () => {
    const message = await publicAnswer();
    h.fake.botPermissions.set(CHANNEL_ID, INVITED_BOT_PERMISSIONS & ~PERMISSION.pinMessages);
    const attempt = h.client.rest.put(Routes.channelMessagesPin(CHANNEL_ID, message.id));
    await expect(attempt).rejects.toBeInstanceOf(DiscordAPIError);
    await expect(attempt).rejects.toMatchObject({ code: 50013 });
    expect(h.fake.messages.get(message.id).pinned).toBe(false);
  });

  it('when Discord still refuses (permissions changed after the interaction), the moderator is told the same', async () => {
    const message = await publicAnswer();
    h.fake.replyTo('PUT', PIN_ROUTE, discordErrors.missingPermissions, 1);
    const body = await h.interact(buttonClick('pin', message, { user: MOD, permissions: PERMISSIONS.pinMessages }));
    expect(body.data.content).toMatch(/^I cannot pin here: I lack the Pin Messages permission/);
    expect(errorsLogged()).toEqual([]);
  });

  it('an interaction without member permissions gets a polite refusal, not an exception', async () => {
    const message = await publicAnswer();
    const body = await h.interact(buttonClick('pin', message, { user: MOD, noMemberPermissions: true }));
    expect(body.data.flags).toBe(EPHEMERAL);
    expect(body.data.content).toBe('I cannot tell whether you may pin messages here, so I will not pin it. Ask a moderator if this one should be pinned.');
    expect(pinsOf(message)).toHaveLength(0);
    expect(errorsLogged()).toEqual([]);
  });

  it('an interaction without a channel gets a polite refusal, and its answers offer no Pin', async () => {
    const message = await publicAnswer();
    const body = await h.interact(buttonClick('pin', message, { user: MOD, permissions: PERMISSIONS.pinMessages, noChannel: true }));
    expect(body.data.flags).toBe(EPHEMERAL);
    expect(body.data.content).toBe('I cannot tell which channel this answer is in, so I cannot pin it from here.');
    expect(pinsOf(message)).toHaveLength(0);

    const answer = await h.interact(slashCommand('who', { name: 'Helal Abbas' }, { noChannel: true }));
    expect(answer.data.embeds[0].title).toBe('Who is Helal Abbas?');
    expect(customIds(answer.data)).not.toContain('pin');
    expect(errorsLogged()).toEqual([]);
  });

  it('a real fault while pinning gets a generic apology and is logged, without the error text', async () => {
    const message = await publicAnswer();
    h.fake.replyTo('PUT', PIN_ROUTE, discordErrors.serverError, 1);
    const body = await h.interact(buttonClick('pin', message, { user: MOD, permissions: PERMISSIONS.pinMessages }));
    expect(body.data.flags).toBe(EPHEMERAL);
    expect(body.data.content).toMatch(/^Sorry, something went wrong on my side/);
    expect(body.data.content).not.toMatch(/500|Internal|Error/);
    expect(h.logs.some((l) => l.level >= 50 && l.button === 'pin')).toBe(true);
    h.logs.length = 0;
  });
});

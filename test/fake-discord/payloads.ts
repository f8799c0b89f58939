/**
 * Gateway dispatch bodies in Discord's wire format (what Discord itself would send), for tests to
 * inject with `FakeDiscord.dispatch`. These are raw API payloads, not discord.js objects: the real
 * client turns them into interactions and messages.
 */
import { APPLICATION_ID } from './fake-discord.js';
import { messageObject, snowflake } from './ids.js';

export const GUILD_ID = '800000000000000001';
export const CHANNEL_ID = '800000000000000002';
export const DM_CHANNEL_ID = '800000000000000003';

/** Permission bits as Discord sends them (decimal strings). */
export const PERMISSIONS = {
  member: String((1n << 10n) | (1n << 11n) | (1n << 16n)), // view, send, read history
  manageMessages: String((1n << 10n) | (1n << 11n) | (1n << 13n) | (1n << 16n)),
  pinMessages: String((1n << 10n) | (1n << 11n) | (1n << 16n) | (1n << 51n)),
  /** What Discord sends as app_permissions in a DM. */
  dmApp: String((1n << 10n) | (1n << 11n) | (1n << 14n) | (1n << 16n)),
};

export interface FakeUser {
  id: string;
  username: string;
  global_name?: string | null;
}

export const ALICE: FakeUser = { id: '700000000000000001', username: 'alice', global_name: 'Alice' };
export const MOD: FakeUser = { id: '700000000000000002', username: 'mod_mary', global_name: 'Mary' };

export const TEXT_CHANNEL = {
  id: CHANNEL_ID,
  type: 0,
  guild_id: GUILD_ID,
  name: 'general',
  position: 0,
  permission_overwrites: [],
  nsfw: false,
  parent_id: null,
  topic: null,
  last_message_id: null,
  rate_limit_per_user: 0,
  flags: 0,
};

export const GUILD = { id: GUILD_ID, name: 'Test server', channels: [TEXT_CHANNEL] };

function user(u: FakeUser) {
  return { id: u.id, username: u.username, discriminator: '0', global_name: u.global_name ?? null, avatar: null, public_flags: 0 };
}

export interface Where {
  /** 'guild' (default) or 'dm'. */
  in?: 'guild' | 'dm';
  user?: FakeUser;
  /** The member's permissions in the channel, as Discord computes them; guild only. */
  permissions?: string;
  /** How the app is installed where this happens: to the server (default) or to the user only. */
  installedBy?: 'guild' | 'user';
  /** app_permissions outside a server channel the fake knows (in one, the fake computes them). */
  appPermissions?: string;
  /** Leave out `member.permissions` (some contexts and Discord-compatible servers do). */
  noMemberPermissions?: boolean;
  /** Leave out `channel` and `channel_id`. */
  noChannel?: boolean;
}

function base(type: number, where: Where) {
  const u = where.user ?? ALICE;
  const common = {
    id: snowflake(),
    application_id: APPLICATION_ID,
    type,
    token: `token-${snowflake()}`,
    version: 1,
    locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: { '0': GUILD_ID },
    // In a server channel the fake replaces this with what it computes (FakeDiscord.botPermissions).
    app_permissions: where.appPermissions ?? PERMISSIONS.dmApp,
    attachment_size_limit: 8_388_608,
  };
  if (where.in === 'dm') {
    return {
      ...common,
      channel_id: DM_CHANNEL_ID,
      channel: { id: DM_CHANNEL_ID, type: 1, flags: 0, last_message_id: null, recipients: [user(u)] },
      user: user(u),
      context: 1,
      authorizing_integration_owners: { '0': '0' },
    };
  }
  return {
    ...common,
    ...(where.installedBy === 'user' ? { authorizing_integration_owners: { '1': u.id } } : {}),
    guild_id: GUILD_ID,
    guild: { id: GUILD_ID, locale: 'en-US', features: [] },
    guild_locale: 'en-US',
    ...(where.noChannel ? {} : { channel_id: CHANNEL_ID, channel: TEXT_CHANNEL }),
    context: 0,
    member: {
      user: user(u),
      roles: [],
      ...(where.noMemberPermissions ? {} : { permissions: where.permissions ?? PERMISSIONS.member }),
      joined_at: new Date(0).toISOString(),
      deaf: false,
      mute: false,
      flags: 0,
      nick: null,
      avatar: null,
      premium_since: null,
      pending: false,
      communication_disabled_until: null,
    },
  };
}

type Option = { name: string; type: number; value: string | boolean; focused?: boolean };

/** Option values by name; strings are STRING (3), booleans BOOLEAN (5). */
function options(values: Record<string, string | boolean | undefined>, focused?: string): Option[] {
  return Object.entries(values)
    .filter(([, v]) => v !== undefined)
    .map(([name, value]) => ({
      name,
      type: typeof value === 'boolean' ? 5 : 3,
      value: value!,
      ...(name === focused ? { focused: true } : {}),
    }));
}

export function slashCommand(name: string, values: Record<string, string | boolean | undefined> = {}, where: Where = {}) {
  return {
    ...base(2, where),
    data: { id: snowflake(), name, type: 1, options: options(values) },
  };
}

export function autocomplete(name: string, values: Record<string, string>, focused: string, where: Where = {}) {
  return {
    ...base(4, where),
    data: { id: snowflake(), name, type: 1, options: options(values, focused) },
  };
}

/** A click on a button of `message` (a message object recorded by the fake). */
export function buttonClick(customId: string, message: any, where: Where = {}) {
  const b = base(3, where);
  return {
    ...b,
    message: { ...message, channel_id: b.channel_id ?? message.channel_id },
    data: { custom_id: customId, component_type: 2 },
  };
}

/** A user's ordinary message in their DM with the bot (MESSAGE_CREATE body). */
export function dmMessage(content: string, from: FakeUser = ALICE) {
  return messageObject({
    channel_id: DM_CHANNEL_ID,
    // Discord sends the channel type with MESSAGE_CREATE; discord.js needs it to build the DM channel.
    channel_type: 1,
    author: user(from),
    content,
  });
}

/** The custom ids of every button in a message payload, in order. */
export function customIds(payload: { components?: any[] }): string[] {
  return (payload.components ?? []).flatMap((row: any) => row.components.map((c: any) => c.custom_id as string));
}

/** Someone's message in the server channel, as Discord includes it in an interaction's `resolved`. */
export function channelMessage(content: string, from: FakeUser = MOD) {
  return messageObject({ channel_id: CHANNEL_ID, author: user(from), content });
}

/**
 * A message command (Apps → NAME on a message): an APPLICATION_COMMAND interaction whose data has
 * type 3 (MESSAGE), the target's id, and the message itself under `resolved.messages`.
 */
export function messageCommand(name: string, target: { id: string; channel_id: string }, where: Where = {}) {
  return {
    ...base(2, where),
    data: { id: snowflake(), name, type: 3, target_id: target.id, resolved: { messages: { [target.id]: target } } },
  };
}

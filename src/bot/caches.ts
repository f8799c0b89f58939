/**
 * Bounded discord.js caches. By default discord.js keeps every user, member, DM channel and 200
 * messages per channel forever; a bot answering DMs from many people would grow without end (about
 * 13.5 kB per distinct DM user). The bot reads nothing back from these caches: a button carries its
 * message, a DM arrives whole, permissions come with each interaction.
 */
import { ChannelType, Options, type Channel, type Client, type ClientOptions } from 'discord.js';

export interface CacheLimits {
  /** Users and guild members kept (least recently added go first). */
  users: number;
  /** DM channels kept (least recently used go first). */
  dmChannels: number;
  /** How often the user sweeper runs, in seconds. */
  sweepSeconds: number;
}

export const DEFAULT_CACHE_LIMITS: CacheLimits = { users: 1_000, dmChannels: 1_000, sweepSeconds: 3_600 };

/** discord.js's own cache limits and sweepers; the bot's own user is always kept. */
export function cacheOptions(limits: CacheLimits): Pick<ClientOptions, 'makeCache' | 'sweepers'> {
  const notSelf = (item: { id: string; client: Client }) => item.id === item.client.user?.id;
  return {
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 0,
      ReactionManager: 0,
      PresenceManager: 0,
      UserManager: { maxSize: limits.users, keepOverLimit: notSelf },
      GuildMemberManager: { maxSize: limits.users, keepOverLimit: notSelf },
    }),
    sweepers: {
      ...Options.DefaultSweeperSettings,
      users: { interval: limits.sweepSeconds, filter: () => (user) => user.id !== user.client.user?.id },
    },
  };
}

/**
 * discord.js cannot limit or sweep its channel cache (overriding it is unsupported), and every DM
 * caches a DM channel. This keeps the most recently used ones and forgets the rest; a forgotten
 * channel is rebuilt from the next message (Partials.Channel). Hand-written for lack of a library
 * option; O(1) per message, by keeping ids in order of last use.
 */
export class DmChannelLimit {
  private readonly recent = new Set<string>();

  constructor(private readonly max: number) {}

  used(channel: Channel): void {
    if (channel.type !== ChannelType.DM) return;
    this.recent.delete(channel.id);
    this.recent.add(channel.id);
    for (const id of this.recent) {
      if (this.recent.size <= this.max) break;
      this.recent.delete(id);
      channel.client.channels.cache.delete(id);
    }
  }
}

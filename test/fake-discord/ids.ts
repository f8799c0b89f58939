/** Snowflake-shaped ids that are unique within a test run and sort by creation. */
let next = 1_000_000n;
export function snowflake(): string {
  // Shifted like a real snowflake so discord.js derives a plausible timestamp from it.
  return String((BigInt(Date.now() - 1_420_070_400_000) << 22n) + next++);
}

/** The fields every Discord message object has, with a message's own fields laid over them. */
export function messageObject<T extends { channel_id: string; author: unknown }>(fields: T) {
  return {
    id: snowflake(),
    content: '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    components: [],
    pinned: false,
    type: 0,
    flags: 0,
    ...fields,
  };
}

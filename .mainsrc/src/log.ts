/**
 * The one logger factory. Logs are shipped to places tokens must never reach, so secrets are
 * removed here rather than trusted to every call site: known key paths are censored, and URLs and
 * error texts (discord.js puts the interaction token in the URL of every interaction callback and
 * follow-up) are scrubbed by serializers.
 */
import pino, { type DestinationStream, type Level, type Logger } from 'pino';

export const REDACTED = '[redacted]';

/** Keys that hold a secret wherever they appear in a log record (pino redact paths). */
export const REDACT_PATHS = [
  'token',
  '*.token',
  '*.*.token',
  'authorization',
  'headers.authorization',
  'headers.Authorization',
  '*.headers.authorization',
  '*.headers.Authorization',
  'DISCORD_TOKEN',
  '*.DISCORD_TOKEN',
];

/**
 * Interaction and webhook tokens travel in URL paths; a bot token may be pasted into any text.
 * Bot tokens are three dot-separated base64url parts, the first being the bot id in base64.
 */
const SCRUBS: [RegExp, string][] = [
  [/(\/interactions\/\d+\/)[^/\s?#]+/g, `$1${REDACTED}`],
  [/(\/webhooks\/\d+\/)[^/\s?#]+/g, `$1${REDACTED}`],
  [/\b[\w-]{20,}\.[\w-]{5,}\.[\w-]{20,}\b/g, REDACTED],
  [/\b(Bot|Bearer)\s+[\w.-]+/g, `$1 ${REDACTED}`],
];

export function scrub(text: string): string {
  let out = text;
  for (const [pattern, replacement] of SCRUBS) out = out.replace(pattern, replacement);
  return out;
}

/** pino's error serializer, then every string field scrubbed (url, message, stack, cause...). */
function serializeError(err: unknown): unknown {
  const plain = pino.stdSerializers.err(err as Error) as unknown;
  return scrubDeep(plain, 0);
}

function scrubDeep(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return scrub(value);
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => scrubDeep(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    // The request body of a failed call is the bot's own reply; it is noise in a fault log.
    if (k === 'requestBody') continue;
    out[k] = k === 'token' ? REDACTED : scrubDeep(v, depth + 1);
  }
  return out;
}

/**
 * A discord.js Interaction drags the whole client along (and with it the REST manager); logging it
 * whole would be huge and risky. Only what identifies the event is kept.
 */
function serializeInteraction(i: any): unknown {
  if (!i || typeof i !== 'object') return i;
  return {
    id: i.id,
    type: i.type,
    ...(i.commandName ? { command: i.commandName } : {}),
    ...(i.customId ? { customId: scrub(String(i.customId)) } : {}),
    ...(i.guildId ? { guild: i.guildId } : {}),
    ...(i.channelId ? { channel: i.channelId } : {}),
    ...(i.user?.id ? { user: i.user.id } : {}),
  };
}

function serializeClient(c: any): unknown {
  if (!c || typeof c !== 'object') return c;
  return { user: c.user?.id, ready: typeof c.isReady === 'function' ? c.isReady() : undefined };
}

export type LogLevel = Level | 'silent';

export function createLogger(level: LogLevel = 'info', destination?: DestinationStream): Logger {
  const options = {
    level,
    redact: { paths: REDACT_PATHS, censor: REDACTED },
    serializers: { err: serializeError, error: serializeError, interaction: serializeInteraction, client: serializeClient, url: (u: unknown) => (typeof u === 'string' ? scrub(u) : u) },
    hooks: {
      // The message string is free text; a token pasted into it is still caught.
      logMethod(this: Logger, args: unknown[], method: (...a: unknown[]) => void) {
        method.apply(this, args.map((a) => (typeof a === 'string' ? scrub(a) : a)));
      },
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

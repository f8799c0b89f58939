/**
 * A small fake Discord on 127.0.0.1: a REST server plus a gateway WebSocket, enough for the real
 * discord.js Client to log in, receive dispatches and send replies. Tests drive it from the outside:
 * they inject dispatches, read the recorded requests, and script error answers per route.
 *
 * It is as strict as Discord where leniency would let a test pass wrongly: it computes the bot's
 * permissions per channel (sent as `app_permissions` and enforced on the pin route), drops
 * `contexts` and `integration_types` from guild commands, refuses a second callback to one
 * interaction (40060) and de-duplicates messages sent with `enforce_nonce`. It keeps Discord's clock
 * on interactions: an initial response (reply or defer) arriving more than 3 s after the interaction
 * was dispatched is refused (10062), and a deferred reply is edited in through the webhook.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { messageObject, snowflake } from './ids.js';

export interface RecordedRequest {
  method: string;
  /** Decoded path below `/api/v10`, e.g. `/channels/1/messages/pins/2`. */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON body, or undefined when there was none. */
  body: any;
}

export interface ScriptedReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

type RouteMatcher = { method: string; path: string | RegExp };
/** May return a promise: a test can hold a reply back (a request in flight) until it chooses. */
type Handler = (req: RecordedRequest) => ScriptedReply | Promise<ScriptedReply>;

interface Override {
  matcher: RouteMatcher;
  reply: ScriptedReply | Handler;
  /** How many more requests it answers; Infinity keeps it until cleared. */
  remaining: number;
}

export interface GatewayFrame {
  op: number;
  d?: any;
  s?: number | null;
  t?: string | null;
}

export interface FakeGuild {
  id: string;
  name: string;
  channels: any[];
}

/** Permission bits (Discord's numbering). */
export const PERMISSION = {
  viewChannel: 1n << 10n,
  sendMessages: 1n << 11n,
  manageMessages: 1n << 13n,
  embedLinks: 1n << 14n,
  readMessageHistory: 1n << 16n,
  pinMessages: 1n << 51n,
} as const;

/** What the README's invite link grants the bot: view, embed links, read history, pin messages. */
export const INVITED_BOT_PERMISSIONS = PERMISSION.viewChannel | PERMISSION.embedLinks | PERMISSION.readMessageHistory | PERMISSION.pinMessages;

export interface FakeDiscordOptions {
  /** Sent in HELLO; long by default so heartbeats do not clutter the frame log. */
  heartbeatInterval?: number;
  guilds?: FakeGuild[];
}

/** The bot user and application the fake logs the client in as. */
export const BOT_USER = {
  id: '900000000000000001',
  username: 'affair-bot',
  discriminator: '0',
  global_name: null,
  avatar: null,
  bot: true,
  flags: 0,
};
export const APPLICATION_ID = '900000000000000002';

export class FakeDiscord {
  readonly requests: RecordedRequest[] = [];
  /** Every frame a client sent on the gateway, in order (IDENTIFY, RESUME, heartbeats...). */
  readonly received: GatewayFrame[] = [];
  /** Messages created through REST or interaction callbacks, by id, as the API would return them. */
  readonly messages = new Map<string, any>();
  /** Application commands as registered, keyed by `global` or a guild id. */
  readonly commands = new Map<string, any[]>();
  readonly guilds: FakeGuild[];
  /** Interactions dispatched so far, by id, so a callback knows its channel. */
  readonly interactions = new Map<string, any>();
  /** The message each interaction's reply created, by interaction id. */
  readonly replies = new Map<string, any>();
  /** When each interaction was dispatched and, once answered, acknowledged (performance.now()), by id. */
  readonly dispatchedAt = new Map<string, number>();
  readonly acknowledgedAt = new Map<string, number>();
  /** When each interaction's answer arrived: its reply, or the edit that filled in its deferral. */
  readonly answeredAt = new Map<string, number>();
  /** Initial responses refused for arriving too late (10062), by interaction id. */
  readonly refused = new Map<string, number>();
  sessionId = 'fake-session-1';
  /**
   * The bot's permissions per guild channel, as Discord would compute them from roles and
   * overwrites; channels not listed get what the invite link grants.
   */
  readonly botPermissions = new Map<string, bigint>();
  /** Interactions that already got their callback (a second one is refused with 40060). */
  private readonly acknowledged = new Set<string>();

  private readonly overrides: Override[] = [];
  /** Dispatched interactions by token (webhook routes name the token, not the id). */
  private readonly tokens = new Map<string, any>();
  private readonly sockets = new Set<WebSocket>();
  private readonly waiters: { test: () => boolean; resolve: () => void }[] = [];
  private seq = 0;
  private server!: Server;
  private wss!: WebSocketServer;
  private port = 0;

  private constructor(private readonly options: FakeDiscordOptions) {
    this.guilds = options.guilds ?? [];
  }

  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord(options);
    await fake.listen();
    return fake;
  }

  /** Base URL for `new Client({ rest: { api } })` and `new REST({ api })`. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}/gateway`;
  }

  /** Number of open gateway connections. */
  get connections(): number {
    return this.sockets.size;
  }

  /**
   * Answer matching requests with `reply` instead of the default behaviour, `times` times
   * (default: until `clearReplies`). Later calls take precedence over earlier ones.
   */
  replyTo(method: string, path: string | RegExp, reply: ScriptedReply | Handler, times = Infinity): void {
    this.overrides.unshift({ matcher: { method: method.toUpperCase(), path }, reply, remaining: times });
  }

  /**
   * The next `times` matching requests are carried out as usual, but their response is lost on the
   * way back (the client sees a 500): the case a retry must not turn into a second reply.
   */
  loseResponses(method: string, path: string | RegExp, times = 1): void {
    this.replyTo(method, path, (req) => {
      this.defaultReply(req);
      return discordErrors.serverError;
    }, times);
  }

  clearReplies(): void {
    this.overrides.length = 0;
  }

  /** Requests recorded so far that match method and path. */
  requestsTo(method: string, path: string | RegExp): RecordedRequest[] {
    return this.requests.filter((r) => matches({ method: method.toUpperCase(), path }, r));
  }

  /** Resolves with the first request (past or future) matching method and path. */
  async waitForRequest(method: string, path: string | RegExp, index = 0): Promise<RecordedRequest> {
    await this.until(() => this.requestsTo(method, path).length > index);
    return this.requestsTo(method, path)[index]!;
  }

  /** Resolves with the first gateway frame with this op (past or future) from the client. */
  async waitForFrame(op: number, index = 0): Promise<GatewayFrame> {
    const of = () => this.received.filter((f) => f.op === op);
    await this.until(() => of().length > index);
    return of()[index]!;
  }

  /** Resolves once `test` holds; re-checked after every request and gateway frame. */
  until(test: () => boolean): Promise<void> {
    if (test()) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ test, resolve }));
  }

  /** Sends a dispatch (op 0) to every identified connection. */
  dispatch(t: string, d: any): void {
    if (t === 'INTERACTION_CREATE') {
      // Discord computes the app's permissions in the channel itself; a test sets them through
      // `botPermissions`, not in the payload.
      if (d.guild_id && d.channel?.id && this.isGuildChannel(d.channel.id)) d = { ...d, app_permissions: String(this.botPermissionsIn(d.channel.id)) };
      this.interactions.set(d.id, d);
      this.dispatchedAt.set(d.id, performance.now());
      this.tokens.set(d.token, d);
    }
    this.sendAll({ op: 0, t, s: ++this.seq, d });
  }

  /** Sends a raw frame (e.g. op 7 RECONNECT, op 9 INVALID_SESSION) to every connection. */
  sendAll(frame: GatewayFrame): void {
    for (const ws of this.sockets) ws.send(JSON.stringify(frame));
  }

  /** Closes every gateway connection with a close code (e.g. 4000, 1001). */
  closeConnections(code: number, reason = ''): void {
    for (const ws of this.sockets) ws.close(code, reason);
  }

  botPermissionsIn(channelId: string): bigint {
    return this.botPermissions.get(channelId) ?? INVITED_BOT_PERMISSIONS;
  }

  private isGuildChannel(channelId: string): boolean {
    return this.guilds.some((g) => g.channels.some((c) => c.id === channelId));
  }

  /** Registers a message as existing (e.g. a user's message in a DM) so REST can return it. */
  addMessage(message: any): void {
    this.messages.set(message.id, message);
  }

  async stop(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // --- internals -------------------------------------------------------------------------------

  private async listen(): Promise<void> {
    this.server = createServer((req, res) => void this.onHttp(req, res));
    this.wss = new WebSocketServer({ server: this.server, path: '/gateway' });
    this.wss.on('connection', (ws) => this.onSocket(ws));
    // Discord takes a burst of connections; Node's default queue of 511 would drop the rest of one
    // and delay them by TCP's one-second retransmission, which Discord never does.
    await new Promise<void>((resolve) => this.server.listen({ port: 0, host: '127.0.0.1', backlog: 8192 }, () => resolve()));
    this.port = (this.server.address() as AddressInfo).port;
  }

  private notify(): void {
    for (const w of [...this.waiters]) {
      if (w.test()) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  }

  private async onHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const arrivedAt = performance.now();
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = decodeURIComponent(url.pathname.replace(/^\/api(\/v\d+)?/, ''));
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      path,
      query: url.searchParams,
      headers: req.headers,
      body: raw ? parseBody(raw, req.headers['content-type']) : undefined,
    };
    this.requests.push(recorded);
    // Checked on arrival, before any scripted reply: it is when the request reaches Discord that counts.
    const refusal = this.refuseCallback(recorded, arrivedAt);
    // Waiters learn of a request when it arrives, even if its reply is being held back.
    this.notify();

    const override = refusal ? undefined : this.overrides.find((o) => o.remaining > 0 && matches(o.matcher, recorded));
    let reply: ScriptedReply;
    if (refusal) {
      reply = refusal;
    } else if (override) {
      override.remaining--;
      reply = typeof override.reply === 'function' ? await override.reply(recorded) : override.reply;
    } else {
      reply = this.defaultReply(recorded);
    }
    // Only an initial response Discord accepted acknowledges the interaction (a scripted 500 does not).
    const callback = recorded.method === 'POST' ? recorded.path.match(/^\/interactions\/(\d+)\/[^/]+\/callback$/) : null;
    if (callback && reply.status < 300 && !this.acknowledgedAt.has(callback[1]!)) {
      this.acknowledgedAt.set(callback[1]!, arrivedAt);
      if (recorded.body?.type === 4) this.answeredAt.set(callback[1]!, arrivedAt);
    }
    const edit = recorded.method === 'PATCH' && reply.status < 300 ? recorded.path.match(/^\/webhooks\/\d+\/([^/]+)\/messages\/@original$/) : null;
    const edited = edit ? this.interactionByToken(edit[1]!) : undefined;
    if (edited && !this.answeredAt.has(edited.id)) this.answeredAt.set(edited.id, arrivedAt);
    res.writeHead(reply.status, {
      ...(reply.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...reply.headers,
    });
    res.end(reply.body === undefined ? undefined : JSON.stringify(reply.body));
    this.notify();
  }

  /**
   * Discord's deadline for an interaction's initial response: 3 seconds from the interaction
   * (checked before any scripted reply). Interactions this fake did not dispatch are left alone.
   */
  private refuseCallback(req: RecordedRequest, arrivedAt: number): ScriptedReply | undefined {
    const m = req.method === 'POST' ? req.path.match(/^\/interactions\/(\d+)\/[^/]+\/callback$/) : null;
    const dispatched = m ? this.dispatchedAt.get(m[1]!) : undefined;
    if (!m || dispatched === undefined) return undefined;
    const id = m[1]!;
    let refusal: ScriptedReply | undefined;
    if (!this.acknowledgedAt.has(id) && arrivedAt - dispatched > INTERACTION_DEADLINE_MS) refusal = discordErrors.unknownInteraction;
    if (refusal) this.refused.set(id, (refusal.body as { code: number }).code);
    return refusal;
  }

  /** The interaction an interaction token belongs to. */
  private interactionByToken(token: string): any {
    return this.tokens.get(token);
  }

  private defaultReply(req: RecordedRequest): ScriptedReply {
    const { method, path } = req;
    let m: RegExpMatchArray | null;
    if (method === 'GET' && path === '/gateway/bot') {
      return {
        status: 200,
        body: {
          url: this.gatewayUrl,
          shards: 1,
          session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
        },
      };
    }
    if (method === 'GET' && path === '/gateway') return { status: 200, body: { url: this.gatewayUrl } };
    if (method === 'GET' && path === '/users/@me') return { status: 200, body: BOT_USER };
    if (method === 'GET' && path === '/applications/@me') {
      return { status: 200, body: { id: APPLICATION_ID, name: 'affair-bot', bot: BOT_USER, flags: 0 } };
    }
    if ((m = path.match(/^\/interactions\/(\d+)\/([^/]+)\/callback$/)) && method === 'POST') {
      const body = req.body as { type: number; data?: any };
      const invalid = invalidBody(body?.type === 8 ? { choices: body.data?.choices } : (body?.data ?? {}));
      if (invalid) return invalidFormBody(invalid);
      if (this.acknowledged.has(m[1]!)) return { status: 400, body: { code: 40060, message: 'Interaction has already been acknowledged.' } };
      this.acknowledged.add(m[1]!);
      // 4 = CHANNEL_MESSAGE_WITH_SOURCE: the reply becomes a message a later button can point at.
      // 5 = DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE: a "thinking…" message (flag 128, LOADING), whose
      // content the webhook's @original edit fills in.
      if (body?.type === 4 || body?.type === 5) {
        const interaction = this.interactions.get(m[1]!);
        const data = body.type === 4 ? (body.data ?? {}) : { flags: ((body.data?.flags as number | undefined) ?? 0) | MESSAGE_LOADING };
        this.replies.set(m[1]!, this.createMessage(interaction?.channel_id ?? '0', data, m[1]));
      }
      return { status: 204 };
    }
    if ((m = path.match(/^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/)) && method === 'PATCH') {
      // Editing the reply needs one to exist: a callback first (Discord answers 10015 otherwise).
      const interaction = this.interactionByToken(m[2]!);
      const original = interaction ? this.replies.get(interaction.id) : undefined;
      if (!original) return notFound(10015, 'Unknown Webhook');
      const invalid = invalidBody(req.body ?? {});
      if (invalid) return invalidFormBody(invalid);
      const data = (req.body ?? {}) as Record<string, unknown>;
      for (const field of ['content', 'embeds', 'components'] as const) if (data[field] !== undefined) original[field] = data[field];
      original.flags &= ~MESSAGE_LOADING;
      original.edited_timestamp = new Date().toISOString();
      return { status: 200, body: original };
    }
    if ((m = path.match(/^\/webhooks\/(\d+)\/([^/]+)$/)) && method === 'POST') {
      const invalid = invalidBody(req.body ?? {});
      if (invalid) return invalidFormBody(invalid);
      // A follow-up of an interaction needs its initial response first.
      const interaction = this.interactionByToken(m[2]!);
      if (interaction && !this.acknowledgedAt.has(interaction.id)) return notFound(10015, 'Unknown Webhook');
      return { status: 200, body: this.createMessage(interaction?.channel_id ?? '0', req.body ?? {}) };
    }
    if ((m = path.match(/^\/channels\/(\d+)\/messages$/)) && method === 'POST') {
      const invalid = invalidBody(req.body ?? {});
      if (invalid) return invalidFormBody(invalid);
      // With enforce_nonce, a message with the same nonce from the same author in the last few
      // minutes is returned instead of creating a second one.
      const nonce = req.body?.enforce_nonce ? req.body.nonce : undefined;
      const earlier = nonce === undefined ? undefined : [...this.messages.values()].find((msg) => msg.channel_id === m![1] && msg.nonce === nonce && msg.author.id === BOT_USER.id);
      if (earlier) return { status: 200, body: earlier };
      return { status: 200, body: this.createMessage(m[1]!, req.body ?? {}) };
    }
    if ((m = path.match(/^\/channels\/(\d+)\/messages\/pins\/(\d+)$/)) && method === 'PUT') {
      // Since February 2026 only Pin Messages pins; Manage Messages alone does not.
      if (this.isGuildChannel(m[1]!) && !(this.botPermissionsIn(m[1]!) & PERMISSION.pinMessages)) return discordErrors.missingPermissions;
      const message = this.messages.get(m[2]!);
      if (message) message.pinned = true;
      return { status: 204 };
    }
    if ((m = path.match(/^\/channels\/(\d+)\/messages\/(\d+)$/)) && method === 'GET') {
      const message = this.messages.get(m[2]!);
      return message ? { status: 200, body: message } : notFound(10008, 'Unknown Message');
    }
    if ((m = path.match(/^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/))) {
      const key = m[2] ?? 'global';
      if (method === 'GET') return { status: 200, body: this.commands.get(key) ?? [] };
      if (method === 'PUT') {
        // Guild commands carry no contexts or integration_types: Discord drops them (they only
        // mean something for global commands), so they are not echoed back either.
        const registered = (req.body as any[]).map(({ contexts, integration_types, ...c }) => ({
          id: snowflake(),
          application_id: m![1],
          version: snowflake(),
          ...(m![2] ? { guild_id: m![2] } : {}),
          default_member_permissions: null,
          type: 1,
          nsfw: false,
          ...c,
          ...(m![2] ? {} : { contexts, integration_types }),
        }));
        this.commands.set(key, registered);
        return { status: 200, body: registered };
      }
    }
    return notFound(0, `fake Discord has no route for ${method} ${path}`);
  }

  private createMessage(channelId: string, data: any, interactionId?: string): any {
    const message = messageObject({
      channel_id: channelId,
      author: BOT_USER,
      content: data.content ?? '',
      embeds: data.embeds ?? [],
      components: data.components ?? [],
      type: interactionId ? 20 : 0,
      flags: data.flags ?? 0,
      ...(data.nonce !== undefined ? { nonce: data.nonce } : {}),
      ...(interactionId ? { interaction_id: interactionId } : {}),
    });
    this.messages.set(message.id, message);
    return message;
  }

  private onSocket(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on('close', () => {
      this.sockets.delete(ws);
      this.notify();
    });
    ws.on('message', (raw) => {
      const frame = JSON.parse(raw.toString()) as GatewayFrame;
      this.received.push(frame);
      this.onFrame(ws, frame);
      this.notify();
    });
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: this.options.heartbeatInterval ?? 45_000 } }));
  }

  private onFrame(ws: WebSocket, frame: GatewayFrame): void {
    const send = (f: GatewayFrame) => ws.send(JSON.stringify(f));
    switch (frame.op) {
      case 1: // HEARTBEAT
        send({ op: 11 });
        break;
      case 2: // IDENTIFY
        send({
          op: 0,
          t: 'READY',
          s: ++this.seq,
          d: {
            v: 10,
            user: BOT_USER,
            guilds: this.guilds.map((g) => ({ id: g.id, unavailable: true })),
            session_id: this.sessionId,
            resume_gateway_url: this.gatewayUrl,
            application: { id: APPLICATION_ID, flags: 0 },
            private_channels: [],
          },
        });
        for (const guild of this.guilds) {
          send({ op: 0, t: 'GUILD_CREATE', s: ++this.seq, d: guildCreate(guild) });
        }
        break;
      case 6: // RESUME
        send({ op: 0, t: 'RESUMED', s: ++this.seq, d: {} });
        break;
    }
  }
}

function matches(matcher: RouteMatcher, req: RecordedRequest): boolean {
  if (matcher.method !== req.method) return false;
  return typeof matcher.path === 'string' ? matcher.path === req.path : matcher.path.test(req.path);
}

function parseBody(raw: string, contentType: string | undefined): unknown {
  if (contentType?.includes('application/json')) return JSON.parse(raw);
  return raw;
}

/** Discord's limits on what a message or an autocomplete answer may hold (UTF-16 units: never fewer than characters). */
const MAX = { content: 2000, embeds: 10, title: 256, description: 4096, fields: 25, fieldName: 256, fieldValue: 1024, footer: 2048, author: 256, embedTotal: 6000, customId: 100, label: 80, choices: 25, choice: 100 };

/**
 * What Discord would refuse in a message body (400, 50035 Invalid Form Body): a string that is not
 * well-formed UTF-16 (half an emoji), or any limit exceeded. Undefined when the body is valid.
 */
export function invalidBody(body: any): string | undefined {
  const broken = findString(body, (s) => LONE_SURROGATE.test(s));
  if (broken !== undefined) return `${broken}: not valid Unicode (a lone surrogate)`;
  const over = (what: string, value: string | undefined, max: number) => (value !== undefined && value.length > max ? `${what}: longer than ${max}` : undefined);
  const problems: (string | undefined)[] = [over('content', body.content, MAX.content)];
  const embeds: any[] = body.embeds ?? [];
  if (embeds.length > MAX.embeds) problems.push('embeds: more than 10');
  let total = 0;
  embeds.forEach((e, i) => {
    problems.push(over(`embeds.${i}.title`, e.title, MAX.title), over(`embeds.${i}.description`, e.description, MAX.description));
    problems.push(over(`embeds.${i}.footer.text`, e.footer?.text, MAX.footer), over(`embeds.${i}.author.name`, e.author?.name, MAX.author));
    if ((e.fields ?? []).length > MAX.fields) problems.push(`embeds.${i}.fields: more than 25`);
    for (const f of e.fields ?? []) problems.push(over('field name', f.name, MAX.fieldName), over('field value', f.value, MAX.fieldValue));
    total += [e.title, e.description, e.footer?.text, e.author?.name, ...(e.fields ?? []).flatMap((f: any) => [f.name, f.value])].reduce((n: number, t) => n + (t?.length ?? 0), 0);
  });
  if (total > MAX.embedTotal) problems.push('embeds: more than 6000 characters in all');
  for (const row of body.components ?? []) {
    for (const c of row.components ?? []) problems.push(over('custom_id', c.custom_id, MAX.customId), over('label', c.label, MAX.label));
  }
  if (body.choices) {
    if (body.choices.length > MAX.choices) problems.push('choices: more than 25');
    for (const c of body.choices) problems.push(over('choice name', c.name, MAX.choice), over('choice value', String(c.value), MAX.choice));
  }
  return problems.find(Boolean);
}

/** Half of a surrogate pair without its other half (String.prototype.isWellFormed, for older TS libs). */
export const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The path of the first string in `value` failing `test`. */
function findString(value: unknown, test: (s: string) => boolean, path = 'body'): string | undefined {
  if (typeof value === 'string') return test(value) ? path : undefined;
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const found = findString(v, test, `${path}.${k}`);
      if (found) return found;
    }
  }
  return undefined;
}

function invalidFormBody(problem: string): ScriptedReply {
  return { status: 400, body: { code: 50035, message: 'Invalid Form Body', errors: { _problem: problem } } };
}

function notFound(code: number, message: string): ScriptedReply {
  return { status: 404, body: { code, message } };
}

/** Discord refuses an interaction's initial response after 3 seconds (10062 Unknown interaction). */
export const INTERACTION_DEADLINE_MS = 3000;
/** Message flag of a deferred reply still "thinking". */
const MESSAGE_LOADING = 1 << 7;

/** Error bodies Discord sends, for `replyTo`. */
export const discordErrors = {
  missingPermissions: { status: 403, body: { code: 50013, message: 'Missing Permissions' } },
  missingAccess: { status: 403, body: { code: 50001, message: 'Missing Access' } },
  unknownInteraction: { status: 404, body: { code: 10062, message: 'Unknown interaction' } },
  serverError: { status: 500, body: { code: 0, message: '500: Internal Server Error' } },
  rateLimited: (retryAfterSeconds: number, global = false): ScriptedReply => ({
    status: 429,
    body: { message: 'You are being rate limited.', retry_after: retryAfterSeconds, global },
    headers: {
      'retry-after': String(Math.ceil(retryAfterSeconds)),
      'x-ratelimit-scope': global ? 'global' : 'user',
      ...(global ? { 'x-ratelimit-global': 'true' } : {}),
    },
  }),
} satisfies Record<string, ScriptedReply | ((...args: any[]) => ScriptedReply)>;

function guildCreate(guild: FakeGuild): unknown {
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    owner_id: '900000000000000099',
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: [{ id: guild.id, name: '@everyone', permissions: '0', position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 }],
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    system_channel_flags: 0,
    premium_tier: 0,
    preferred_locale: 'en-US',
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    joined_at: new Date(0).toISOString(),
    large: false,
    unavailable: false,
    member_count: 2,
    members: [],
    channels: guild.channels,
    threads: [],
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

/**
 * The one way the bot speaks. Every reply, follow-up, DM message and autocomplete response goes
 * through `respond`, which enforces Discord's limits and never lets a message mention anyone.
 * An answer that takes too long is deferred here too (`inTime`): Discord drops an interaction that
 * gets no response within 3 seconds.
 */
import {
  MessageFlags,
  MessagePayload as WirePayload,
  REST,
  Routes,
  type AutocompleteInteraction,
  type Client,
  type MessageCreateOptions,
  type RepliableInteraction,
} from 'discord.js';
import { shorten } from './escape.js';
import { fitEmbeds, LIMITS } from './limits.js';
import type { MessagePayload } from './render.js';

export interface Choice {
  name: string;
  value: string;
}

export type ReplyTarget =
  /** Replies to the interaction, fills in its deferred reply, or follows up if it was already answered. */
  | { interaction: RepliableInteraction }
  /**
   * Sends a new message in a channel (DMs). `nonce` (at most 25 characters; the id of the message
   * answered) is enforced by Discord, so a retried send cannot post the reply twice.
   */
  | { channel: { send(options: MessageCreateOptions): Promise<unknown> }; nonce?: string }
  | { autocomplete: AutocompleteInteraction };

/** Nothing in the bot's output may ping: not users, roles, @everyone or @here. */
export const NO_MENTIONS = { parse: [] as [] };

/** The wire-ready form of a payload, within every limit. Pure, so it is tested directly. */
export function toMessageOptions(payload: MessagePayload) {
  const embeds = fitEmbeds(payload.embeds ?? []);
  const components = (payload.components ?? []).slice(0, LIMITS.rows).map((row) => ({
    ...row,
    components: row.components.slice(0, LIMITS.buttonsPerRow).map((b) => ('label' in b && b.label ? { ...b, label: shorten(b.label, LIMITS.buttonLabel) } : b)),
  }));
  return {
    ...(payload.content ? { content: shorten(payload.content, LIMITS.content) } : {}),
    embeds,
    components,
    allowedMentions: NO_MENTIONS,
    ...(payload.ephemeral ? { flags: MessageFlags.Ephemeral as const } : {}),
  };
}

/** At most 25 choices; names over 100 characters shortened, values that long dropped (they would be wrong). */
export function fitChoices(choices: Choice[]): Choice[] {
  const seen = new Set<string>();
  const out: Choice[] = [];
  for (const c of choices) {
    if (out.length === LIMITS.choices) break;
    if (!c.value || c.value.length > LIMITS.choiceValue || seen.has(c.value)) continue;
    seen.add(c.value);
    out.push({ name: shorten(c.name, LIMITS.choiceName), value: c.value });
  }
  return out;
}

export async function respond(target: { autocomplete: AutocompleteInteraction }, choices: Choice[]): Promise<void>;
export async function respond(target: Exclude<ReplyTarget, { autocomplete: unknown }>, payload: MessagePayload): Promise<void>;
export async function respond(target: ReplyTarget, payload: MessagePayload | Choice[]): Promise<void> {
  if ('autocomplete' in target) {
    await target.autocomplete.respond(fitChoices(payload as Choice[]));
    return;
  }
  const options = toMessageOptions(payload as MessagePayload);
  if ('channel' in target) {
    const { flags: _ephemeralMeansNothingInAChannel, ...rest } = options;
    await target.channel.send({ ...rest, ...(target.nonce ? { nonce: target.nonce, enforceNonce: true } : {}) });
    return;
  }
  const { interaction } = target;
  if (interaction.deferred && !interaction.replied) {
    // The deferral already chose who sees the reply; an edit cannot change it.
    const { flags: _visibilityWasSetByTheDeferral, ...rest } = options;
    await fillDeferred(interaction, rest);
  } else if (interaction.replied || interaction.deferred) await interaction.followUp(options);
  else await interaction.reply(options);
}

/**
 * How long an answer may take before the reply is deferred: half of Discord's 3 seconds, leaving the
 * deferral itself time to reach Discord from a busy bot.
 */
export const DEFER_AFTER_MS = 1500;

/**
 * Waits for `work`; if it is not done within DEFER_AFTER_MS of `since` (when the interaction
 * arrived), defers the reply (Discord shows "thinking…", visible as the answer will be) and goes on
 * waiting, so that `respond` then edits the answer in. Only an answer computed off this thread can be
 * overtaken by the timer; one computed here is ready before the timer can fire. `expectedMs`, the
 * engine's guess of the wait, defers at once when it is past half of DEFER_AFTER_MS: in a burst,
 * deferrals then leave as the interactions arrive instead of piling up on the main thread 1.5 s later.
 */
export async function inTime<T>(
  interaction: RepliableInteraction,
  work: Promise<T>,
  options: { ephemeral?: boolean; since?: number; expectedMs?: number } = {},
): Promise<T> {
  // Half the delay: the deferral itself needs time to leave a busy main thread, and the estimate is rough.
  const late = (options.expectedMs ?? 0) > DEFER_AFTER_MS / 2;
  const wait = late ? 0 : Math.max(0, DEFER_AFTER_MS - (performance.now() - (options.since ?? performance.now())));
  let timer: NodeJS.Timeout | undefined;
  const timeUp = new Promise<typeof LATE>((resolve) => (timer = setTimeout(resolve, wait, LATE)));
  unacknowledged++;
  try {
    try {
      const first = await Promise.race([work, timeUp]);
      if (first !== LATE) return first; // replied to at once by the caller
    } finally {
      clearTimeout(timer);
    }
    // If the deferral fails (the interaction expired), nobody awaits the answer any more: its fault
    // is not an unhandled rejection.
    work.catch(() => {});
    if (!interaction.deferred && !interaction.replied) await interaction.deferReply(options.ephemeral ? { flags: MessageFlags.Ephemeral } : {});
  } finally {
    acknowledged();
  }
  const answer = await work;
  await acknowledgementsFirst(); // before the caller renders and sends it
  return answer;
}

const LATE = Symbol('late');

/**
 * Acknowledgements first. A deferred answer has 15 minutes to arrive, a new interaction 3 seconds to
 * be acknowledged, and both need the main thread (rendering, HTTP): during a burst, answers that are
 * ready wait (up to ACKNOWLEDGE_FIRST_MAX_MS) to be rendered and sent until every interaction
 * received has been replied to or deferred.
 */
const ACKNOWLEDGE_FIRST_MAX_MS = 2000;
let unacknowledged = 0;
let allAcknowledged: { promise: Promise<void>; resolve: () => void } | undefined;

function acknowledged(): void {
  if (--unacknowledged > 0 || !allAcknowledged) return;
  allAcknowledged.resolve();
  allAcknowledged = undefined;
}

async function acknowledgementsFirst(): Promise<void> {
  if (unacknowledged === 0) return;
  if (!allAcknowledged) {
    let resolve!: () => void;
    const promise = new Promise<void>((r) => (resolve = r));
    allAcknowledged = { promise, resolve };
  }
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([allAcknowledged.promise, new Promise((r) => (timer = setTimeout(r, ACKNOWLEDGE_FIRST_MAX_MS)))]);
  clearTimeout(timer);
}

/**
 * `interaction.editReply`, through a REST client of its own. discord.js paces every request of a
 * client to 50 per second (Discord's global limit), so after a burst of 2,000 deferred questions the
 * last answer waited 40 s for its turn; Discord exempts interaction endpoints, the webhook of an
 * interaction token included, from that global limit, so this client has none (per-route limits and
 * 429s are still honoured).
 */
async function fillDeferred(interaction: RepliableInteraction, options: Omit<ReturnType<typeof toMessageOptions>, 'flags'>): Promise<void> {
  const { body } = WirePayload.create(interaction.webhook, options).resolveBody();
  await interactionRest(interaction.client).patch(Routes.webhookMessage(interaction.applicationId, interaction.token, '@original'), { body, auth: false });
  interaction.replied = true; // as editReply does: a later reply is a follow-up
}

const interactionRests = new WeakMap<Client, REST>();
function interactionRest(client: Client): REST {
  let rest = interactionRests.get(client);
  if (!rest) {
    rest = new REST({ ...client.options.rest, globalRequestsPerSecond: Number.POSITIVE_INFINITY });
    interactionRests.set(client, rest);
  }
  return rest;
}

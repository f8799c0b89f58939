/**
 * Command registration that only writes when something changed: it reads what Discord has, compares
 * it with the declaration, and bulk-overwrites only on a difference (each write re-syncs clients and
 * counts against a daily limit of command creations).
 */
import { Routes, type REST, type RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';
import { commandsJSON } from './commands.js';

export interface RegisterTarget {
  applicationId: string;
  /** Register to this guild only (instant); otherwise globally. */
  guildId?: string;
}

export interface RegisterResult {
  changed: boolean;
  scope: 'global' | `guild ${string}`;
  count: number;
}

/** Fields Discord adds or fills in with defaults, which say nothing about what we declared. */
const SERVER_FIELDS = new Set(['id', 'application_id', 'version', 'guild_id', 'default_permission', 'dm_permission', 'handler']);
const DEFAULTS: Record<string, unknown> = {
  required: false,
  autocomplete: false,
  nsfw: false,
  default_member_permissions: null,
  name_localizations: null,
  description_localizations: null,
  // Message commands have no description; Discord reports an empty one.
  description: '',
};

/** A command in a canonical form: server-only fields and defaults dropped, keys and sets sorted. */
export function normalize(value: unknown, key?: string): unknown {
  if (Array.isArray(value)) {
    const items = value.map((v) => normalize(v));
    // contexts and integration_types are sets: order carries no meaning.
    return key === 'contexts' || key === 'integration_types' ? [...items].sort() : items;
  }
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (SERVER_FIELDS.has(k) || v === undefined) continue;
      if (k in DEFAULTS && DEFAULTS[k] === v) continue;
      if (k === 'options' && Array.isArray(v) && v.length === 0) continue;
      out[k] = normalize(v, k);
    }
    return out;
  }
  return value;
}

export function sameCommands(registered: unknown[], wanted: RESTPostAPIApplicationCommandsJSONBody[]): boolean {
  const canon = (list: unknown[]) =>
    // Discord fills in type 1 (chat input) when the declaration leaves it out.
    JSON.stringify(list.map((c) => normalize({ type: 1, ...(c as object) })).sort((a: any, b: any) => String(a.name).localeCompare(String(b.name))));
  return canon(registered) === canon(wanted);
}

export async function registerCommands(rest: REST, target: RegisterTarget): Promise<RegisterResult> {
  const route = target.guildId
    ? Routes.applicationGuildCommands(target.applicationId, target.guildId)
    : Routes.applicationCommands(target.applicationId);
  const scope = target.guildId ? (`guild ${target.guildId}` as const) : 'global';
  // What Discord keeps of the declaration in this scope, so the comparison is like for like.
  const wanted = commandsJSON(target.guildId ? 'guild' : 'global');
  const registered = (await rest.get(route)) as unknown[];
  if (sameCommands(registered, wanted)) return { changed: false, scope, count: registered.length };
  await rest.put(route, { body: wanted });
  return { changed: true, scope, count: wanted.length };
}

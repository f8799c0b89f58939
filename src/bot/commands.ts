/**
 * The slash commands, declared as plain data: this array is what `npm run register` sends to
 * Discord, and the option types the handlers read are derived from it, so the two cannot drift.
 */
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type ChatInputCommandInteraction,
  type RESTPostAPIApplicationCommandsJSONBody,
} from 'discord.js';

/** Servers, the bot's own DMs, and (when user-installed) group DMs and other people's DMs. */
const contexts = [InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel] as const;
/** Installable to a server (for everyone there) or to a user (usable anywhere they are). */
const integration_types = [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall] as const;

/** Every answer command takes it: answers are public by default so moderators can pin them. */
const privateOption = {
  type: ApplicationCommandOptionType.Boolean,
  name: 'private',
  description: 'Only you see the answer (default: everyone in the channel sees it)',
  required: false,
} as const;

export const commandDefinitions = [
  {
    name: 'who',
    description: 'Who is this person? Verbatim, cited snippets from the sources',
    contexts,
    integration_types,
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'name',
        description: 'A person named in the sources, e.g. Helal Abbas',
        required: true,
        // Suggestions come from the people the corpus names (engine.people).
        autocomplete: true,
        max_length: 100,
      },
      privateOption,
    ],
  },
  {
    name: 'when',
    description: 'When did something happen? Dated, cited snippets from the sources',
    contexts,
    integration_types,
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'event',
        description: 'The event, e.g. Livingstone readmitted to Labour',
        required: true,
        max_length: 200,
      },
      privateOption,
    ],
  },
  {
    name: 'quote',
    description: 'What did someone say? Their quoted words, verbatim and cited',
    contexts,
    integration_types,
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'speaker',
        description: 'Who said it, e.g. Tom Harris',
        required: true,
        autocomplete: true,
        max_length: 100,
      },
      {
        type: ApplicationCommandOptionType.String,
        name: 'about',
        description: 'Only quotes about this topic, e.g. Livingstone',
        required: false,
        max_length: 100,
      },
      privateOption,
    ],
  },
  {
    name: 'ask',
    description: 'Ask a question in your own words; answered with verbatim, cited snippets',
    contexts,
    integration_types,
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'question',
        description: 'e.g. Why was Lutfur Rahman dropped as Labour candidate?',
        required: true,
        max_length: 300,
      },
      privateOption,
    ],
  },
  {
    name: 'check',
    description: 'Is it true? The passages that support or contradict a claim, verbatim and cited',
    contexts,
    integration_types,
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'claim',
        description: 'e.g. Livingstone was readmitted to Labour in 2004',
        required: true,
        max_length: 300,
      },
      privateOption,
    ],
  },
  {
    name: 'timeline',
    description: 'The dated events of the sources in order, each quoted and cited',
    contexts,
    integration_types,
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'topic',
        description: 'Only events about this person or these words, e.g. Livingstone',
        required: false,
        max_length: 100,
      },
      privateOption,
    ],
  },
  {
    name: 'sources',
    description: 'The articles the bot answers from',
    contexts,
    integration_types,
    options: [],
  },
  {
    name: 'help',
    description: 'What this bot does and how to check its citations',
    contexts,
    integration_types,
    options: [],
  },
] as const;

/**
 * Message commands (Apps → "Check in sources" on any message): an application command of type 3,
 * registered with the slash commands, usable wherever they are. Its name is what users see.
 */
export const CHECK_MESSAGE_COMMAND = 'Check in sources';
export const messageCommandDefinitions = [{ type: ApplicationCommandType.Message, name: CHECK_MESSAGE_COMMAND, contexts, integration_types }] as const;

export type CommandDefinition = (typeof commandDefinitions)[number];
export type SlashCommandName = CommandDefinition['name'];

type OptionsOf<N extends SlashCommandName> = Extract<CommandDefinition, { name: N }>['options'][number];
type ValueOf<O> = O extends { type: ApplicationCommandOptionType.Boolean } ? boolean : string;

/** The option values of command `N` as a handler sees them: required ones present, others optional. */
export type OptionValues<N extends SlashCommandName> = {
  [O in OptionsOf<N> as O extends { required: true } ? O['name'] : never]: ValueOf<O>;
} & {
  [O in OptionsOf<N> as O extends { required: true } ? never : O['name']]?: ValueOf<O>;
};

/** Reads the options of `name` from an interaction, typed by the declaration above. */
export function readOptions<N extends SlashCommandName>(name: N, interaction: ChatInputCommandInteraction): OptionValues<N> {
  const definition = commandDefinitions.find((c) => c.name === name)!;
  const values: Record<string, string | boolean> = {};
  for (const option of definition.options as readonly { name: string; type: ApplicationCommandOptionType }[]) {
    const value =
      option.type === ApplicationCommandOptionType.Boolean
        ? interaction.options.getBoolean(option.name)
        : interaction.options.getString(option.name);
    if (value !== null) values[option.name] = value;
  }
  return values as OptionValues<N>;
}

export function isSlashCommandName(name: string): name is SlashCommandName {
  return commandDefinitions.some((c) => c.name === name);
}

/**
 * The JSON body Discord's bulk-overwrite endpoint takes: slash commands and message commands. Guild
 * commands carry no `contexts` or `integration_types`: those apply to global commands only, and
 * Discord drops them from guild ones.
 */
export function commandsJSON(scope: 'global' | 'guild' = 'global'): RESTPostAPIApplicationCommandsJSONBody[] {
  // The declaration is readonly (`as const`); the REST types want mutable arrays of the same shape.
  const all = structuredClone([...commandDefinitions, ...messageCommandDefinitions]) as unknown as RESTPostAPIApplicationCommandsJSONBody[];
  if (scope === 'global') return all;
  return all.map(({ contexts: _contexts, integration_types: _integrationTypes, ...command }) => command as RESTPostAPIApplicationCommandsJSONBody);
}

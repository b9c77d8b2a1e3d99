// Slash commands from the core's catalogue (core/port/commands.ts): one bulk overwrite, with the descriptions in every
// language Pnyx speaks, under Discord's own locale codes. Adding a command to the catalogue adds it here.
import { ApplicationCommandOptionType, InteractionContextType, Locale, PermissionFlagsBits, type RESTPutAPIApplicationCommandsJSONBody } from 'discord.js';
import { DEFAULT_LOCALE, SUPPORTED_LOCALES, type I18n } from '../../core/i18n';
import { COMMAND_CATALOGUE, commandDescriptionId } from '../../core/port/commands';
import type { DiscordCalls } from './calls';

const MAX_DESCRIPTION = 100;

/**
 * Discord's locale codes for each of Pnyx's languages: every Discord locale of that language ("en" → en-US and
 * en-GB, "fr" → fr). Discord refuses codes it does not list ("en", "fr-FR"), so they are taken from its own list.
 */
export function discordLocalesOf(locale: string): Locale[] {
  return Object.values(Locale).filter((code) => code.split('-')[0]!.toLowerCase() === locale.toLowerCase());
}

const clip = (text: string) => (text.length <= MAX_DESCRIPTION ? text : `${text.slice(0, MAX_DESCRIPTION - 1)}…`);

/** One description in every language, as Discord wants it: a default (English) and the localisations. */
function describe(i18n: I18n, id: string): { description: string; description_localizations: Partial<Record<Locale, string>> } {
  const localizations: Partial<Record<Locale, string>> = {};
  for (const locale of SUPPORTED_LOCALES) {
    const text = clip(i18n.t(locale)(id));
    for (const code of discordLocalesOf(locale)) localizations[code] = text;
  }
  return { description: clip(i18n.t(DEFAULT_LOCALE)(id)), description_localizations: localizations };
}

/** The slash commands, ready for PUT /applications/{app}/commands. */
export function slashCommands(i18n: I18n): RESTPutAPIApplicationCommandsJSONBody {
  return COMMAND_CATALOGUE.filter((command) => !command.hidden).map((command) => ({
    name: command.name,
    ...describe(i18n, commandDescriptionId(command.name)),
    options: command.options.map((option) => ({
      type: ApplicationCommandOptionType.String,
      name: option.name,
      ...describe(i18n, commandDescriptionId(command.name, option.name)),
      required: option.required,
      max_length: Math.min(6000, option.maxLength),
    })),
    // Admin commands are shown to members with Manage Server; a server can widen that in its Integrations settings,
    // and the core checks again at every use.
    ...(command.admin ? { default_member_permissions: PermissionFlagsBits.ManageGuild.toString() } : {}),
    // In servers and in the bot's DMs (a DM is a private arena).
    contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
  }));
}

/** One idempotent overwrite: global (visible everywhere within the hour) or one server's (at once, for setup). */
export async function registerCommands(calls: DiscordCalls, i18n: I18n, applicationId: string, guildId?: string): Promise<string[]> {
  const commands = slashCommands(i18n);
  await calls.registerCommands(applicationId, commands, guildId);
  return commands.map((c) => c.name);
}

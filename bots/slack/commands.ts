// Which slash commands Pnyx has in Slack and what they mean to the core. Slack slash commands are global names in a
// workspace, so Pnyx registers few: `/arena` (with `help`, `privacy`, `settings`, `leaderboard` as its first word),
// `/arena-settings` and `/leaderboard`. Every command of the core's catalogue is reachable one way or the other.
import { isCommandName } from '../../core/port/commands';
import type { CommandName } from '../../core/port/types';

export interface SlashCommand {
  /** As typed, e.g. `/arena`. */
  slash: string;
  /** The catalogue command it runs (its description is the manifest's). */
  command: CommandName;
  /** Shown by Slack after the command name while typing. */
  usageHint?: string;
}

export const SLASH_COMMANDS: readonly SlashCommand[] = [
  { slash: '/arena', command: 'arena', usageHint: '[your question] · help · privacy · settings' },
  { slash: '/arena-settings', command: 'settings', usageHint: '[time zone, e.g. Europe/Paris]' },
  { slash: '/leaderboard', command: 'leaderboard' },
];

/**
 * Catalogue commands reached as the word after `/arena`: alone (so that "help me write a haiku" stays a prompt), or
 * followed by its options for a command that has some (`/arena settings Europe/Paris`).
 */
const SUBCOMMANDS: readonly CommandName[] = ['help', 'privacy', 'settings', 'leaderboard', 'start', 'campaign', 'mydata', 'forget'];
const WITH_OPTIONS: readonly CommandName[] = ['settings'];

/** What a slash command asks the core, or undefined for a command that is not Pnyx's. */
export function parseSlashCommand(slash: string, text: string): { name: CommandName; args: string } | undefined {
  const known = SLASH_COMMANDS.find((c) => c.slash === slash.toLowerCase());
  if (!known) return undefined;
  const args = text.trim();
  if (known.command !== 'arena') return { name: known.command, args };
  if (!args) return { name: 'help', args: '' };
  const [first = '', ...rest] = args.split(/\s+/);
  const word = first.toLowerCase();
  if (isCommandName(word) && SUBCOMMANDS.includes(word) && (!rest.length || WITH_OPTIONS.includes(word))) return { name: word, args: rest.join(' ') };
  return { name: 'arena', args };
}

/** How a person types a catalogue command in Slack, for the core's help texts. */
export function commandHint(name: string): string {
  const own = SLASH_COMMANDS.find((c) => c.command === name);
  return own ? own.slash : `/arena ${name}`;
}

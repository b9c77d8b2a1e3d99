// The command catalogue: which commands Pnyx has and their typed options. Adapters register them from here (a command
// menu, slash commands, an app manifest) and render help with their own syntax (ChatPort.commandHint);
// descriptions are the core's messages `command-<name>` and `command-<name>-<option>`, in every locale.
import type { CommandName } from './types';

export interface CommandOption {
  name: string;
  /** Free text (the only kind Pnyx needs so far). */
  kind: 'text';
  required: boolean;
  /** Longest value accepted (the core checks again). */
  maxLength: number;
}

export interface CommandSpec {
  name: CommandName;
  options: readonly CommandOption[];
  /** Only chat admins may use it; platforms that can scope commands show it to admins only. */
  admin: boolean;
  /** Not listed in menus (/start, which some platforms send by themselves on first contact). */
  hidden: boolean;
}

export const COMMAND_CATALOGUE: readonly CommandSpec[] = [
  { name: 'arena', options: [{ name: 'prompt', kind: 'text', required: true, maxLength: 6000 }], admin: false, hidden: false },
  { name: 'leaderboard', options: [], admin: false, hidden: false },
  { name: 'campaign', options: [], admin: false, hidden: false },
  { name: 'help', options: [], admin: false, hidden: false },
  { name: 'privacy', options: [], admin: false, hidden: false },
  { name: 'mydata', options: [], admin: false, hidden: false },
  { name: 'forget', options: [], admin: false, hidden: false },
  { name: 'settings', options: [{ name: 'timezone', kind: 'text', required: false, maxLength: 64 }], admin: true, hidden: false },
  { name: 'start', options: [], admin: false, hidden: true },
];

export const COMMAND_NAMES: readonly CommandName[] = COMMAND_CATALOGUE.map((c) => c.name);

export function isCommandName(name: string): name is CommandName {
  return (COMMAND_NAMES as readonly string[]).includes(name);
}

/** The message id of a command's (or one of its options') description. */
export function commandDescriptionId(name: CommandName, option?: string): string {
  return option ? `command-${name}-${option}` : `command-${name}`;
}

import { describe, expect, it } from 'vitest';
import { COMMAND_CATALOGUE } from '../../core/port/commands';
import { commandHint, parseSlashCommand } from './commands';

describe('slash commands', () => {
  it('reach every command of the catalogue, and the help text names them as typed', () => {
    for (const { name } of COMMAND_CATALOGUE.filter((c) => c.name !== 'arena')) {
      const [slash = '', ...words] = commandHint(name).split(' ');
      expect(parseSlashCommand(slash, words.join(' '))?.name, commandHint(name)).toBe(name);
    }
    expect(parseSlashCommand(commandHint('arena'), 'a question')).toEqual({ name: 'arena', args: 'a question' });
    expect(commandHint('settings')).toBe('/arena-settings');
    expect(commandHint('help')).toBe('/arena help');
  });

  it('treats anything after /arena that is not a subcommand as the prompt', () => {
    expect(parseSlashCommand('/arena', 'Help me write a haiku')).toEqual({ name: 'arena', args: 'Help me write a haiku' });
    expect(parseSlashCommand('/arena', 'privacy policies of airlines, compared')).toEqual({ name: 'arena', args: 'privacy policies of airlines, compared' });
    expect(parseSlashCommand('/ARENA', 'PRIVACY')).toEqual({ name: 'privacy', args: '' });
    expect(parseSlashCommand('/arena', 'settings Europe/Paris')).toEqual({ name: 'settings', args: 'Europe/Paris' });
  });
});

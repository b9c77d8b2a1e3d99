// Slash commands from the core's catalogue, accepted by (the fake) Discord, in every language Pnyx has; the
// `npm run discord:commands` script; the invite URL's scopes and permissions.
import { PermissionFlagsBits as P, PermissionsBitField, REST } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createI18n, SUPPORTED_LOCALES } from '../../core/i18n';
import { COMMAND_CATALOGUE } from '../../core/port/commands';
import { runDiscordCommands } from '../../scripts/discord-commands';
import { startFakeDiscord, type FakeDiscord } from '../../test/fakes/discord';
import { createDiscordCalls } from './calls';
import { discordLocalesOf, registerCommands, slashCommands } from './commands';
import { INVITE_BITS, inviteUrl, missingFrom } from './permissions';

describe('slash commands', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await startFakeDiscord();
  });
  afterAll(async () => {
    await fake?.stop();
  });
  const calls = () => createDiscordCalls(new REST({ api: fake.restApi }).setToken(fake.token));

  it('maps Pnyx\'s languages to Discord\'s own locale codes', () => {
    expect(discordLocalesOf('en').sort()).toEqual(['en-GB', 'en-US']);
    expect(discordLocalesOf('fr')).toEqual(['fr']);
    expect(discordLocalesOf('pt')).toEqual(['pt-BR']);
    // Discord's client has no Arabic: Arabic speakers see the default (English) descriptions there.
    expect(discordLocalesOf('ar')).toEqual([]);
    for (const locale of SUPPORTED_LOCALES.filter((l) => l !== 'ar')) expect(discordLocalesOf(locale).length).toBeGreaterThan(0);
  });

  it('registers every listed command of the catalogue in one overwrite that Discord accepts, localised', async () => {
    const names = await registerCommands(calls(), createI18n(), fake.applicationId);
    expect(names.sort()).toEqual(COMMAND_CATALOGUE.filter((c) => !c.hidden).map((c) => c.name).sort());
    const [overwrite] = fake.commandOverwrites;
    expect(overwrite!.scope).toBe('global');
    const arena = overwrite!.commands.find((c) => c.name === 'arena')!;
    expect(arena.description).toMatch(/battle/i);
    expect(arena.description_localizations).toMatchObject({ fr: expect.stringMatching(/bataille/), 'en-US': arena.description, 'en-GB': arena.description });
    expect(arena.options).toEqual([expect.objectContaining({ name: 'prompt', type: 3, required: true, description_localizations: expect.objectContaining({ fr: expect.any(String) }) })]);
    // /settings is shown to members with Manage Server; everything works in servers and in DMs with the bot.
    expect(overwrite!.commands.find((c) => c.name === 'settings')!.default_member_permissions).toBe(P.ManageGuild.toString());
    expect(arena.default_member_permissions).toBeNull();
    expect(arena.contexts).toEqual([0, 1]);
    // Idempotent: the same overwrite again keeps the ids.
    await registerCommands(calls(), createI18n(), fake.applicationId);
    expect(fake.commandOverwrites[1]!.commands.map((c) => c.id)).toEqual(overwrite!.commands.map((c) => c.id));
  });

  it('keeps every description within Discord\'s 100 characters', () => {
    for (const command of slashCommands(createI18n())) {
      expect('description' in command && command.description!.length).toBeLessThanOrEqual(100);
      for (const text of Object.values(command.description_localizations ?? {})) expect(text!.length).toBeLessThanOrEqual(100);
    }
  });

  it('npm run discord:commands -- --guild ID registers in one server and prints the invite URL', async () => {
    const guild = fake.createGuild({ name: 'Setup' });
    const out: string[] = [];
    const err: string[] = [];
    const code = await runDiscordCommands(['--guild', guild.id], { DISCORD_BOT_TOKEN: fake.token, DISCORD_API_ROOT: fake.restApi }, { out: (l) => out.push(l), err: (l) => err.push(l) });
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(fake.commands.get(guild.id)!.map((c) => c.name)).toContain('arena');
    expect(out.join('\n')).toMatch(/in server \d+ \(visible now\)/);
    expect(out.join('\n')).toContain(inviteUrl(fake.applicationId));
    // And removed again once the global commands are there (a server with both shows each twice).
    expect(await runDiscordCommands(['--guild', guild.id, '--clear'], { DISCORD_BOT_TOKEN: fake.token, DISCORD_API_ROOT: fake.restApi }, { out: (l) => out.push(l), err: (l) => err.push(l) })).toBe(0);
    expect(fake.commands.get(guild.id)).toEqual([]);
  });

  it('the script explains a missing token, a bad server id and a bad option, with status 2', async () => {
    const io = () => {
      const err: string[] = [];
      return { err, run: { out: () => undefined, err: (l: string) => err.push(l) } };
    };
    const a = io();
    expect(await runDiscordCommands([], {}, a.run)).toBe(2);
    expect(a.err.join()).toMatch(/DISCORD_BOT_TOKEN is not set/);
    const b = io();
    expect(await runDiscordCommands(['--guild', 'general'], { DISCORD_BOT_TOKEN: 'x' }, b.run)).toBe(2);
    expect(b.err.join()).toMatch(/server id/);
    const c = io();
    expect(await runDiscordCommands(['--everywhere'], { DISCORD_BOT_TOKEN: 'x' }, c.run)).toBe(2);
    const d = io();
    expect(await runDiscordCommands([], { DISCORD_BOT_TOKEN: 'Bot abc.def' }, d.run)).toBe(2);
    expect(d.err.join()).toMatch(/DISCORD_BOT_TOKEN: paste the token alone/);
    expect(d.err.join()).not.toMatch(/abc\.def/);
  });
});

describe('the invite URL', () => {
  it('asks for the bot and applications.commands scopes and exactly the permissions Pnyx uses', () => {
    const url = new URL(inviteUrl('123456789012345678'));
    expect(url.origin + url.pathname).toBe('https://discord.com/oauth2/authorize');
    expect(url.searchParams.get('client_id')).toBe('123456789012345678');
    expect(url.searchParams.get('scope')).toBe('bot applications.commands');
    expect(url.toString()).toContain('scope=bot%20applications.commands');
    const asked = new PermissionsBitField(BigInt(url.searchParams.get('permissions')!));
    expect(asked.toArray().sort()).toEqual(['AttachFiles', 'CreatePublicThreads', 'ReadMessageHistory', 'SendMessages', 'SendMessagesInThreads', 'ViewChannel']);
    // Nothing that would let a leaked token do harm.
    expect(asked.has(P.Administrator) || asked.has(P.ManageGuild) || asked.has(P.MentionEveryone) || asked.has(P.ManageMessages)).toBe(false);
  });

  it('names what is missing, and an administrator lacks nothing', () => {
    expect(missingFrom(P.ViewChannel | P.SendMessages, ['SendMessages', 'ReadMessageHistory'])).toEqual(['ReadMessageHistory']);
    expect(missingFrom(P.Administrator, ['SendMessages'])).toEqual([]);
    expect(INVITE_BITS & P.EmbedLinks).toBe(0n);
  });
});

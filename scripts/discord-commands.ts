// `npm run discord:commands [-- --guild ID [--clear]]`: registers Pnyx's slash commands with Discord now (the bot
// also does it at every start). Global commands can take a while to reach every server; `--guild ID` registers them
// in one server at once, for setting up and trying the bot, and `--guild ID --clear` removes that server's copies
// again (a server with both sees every command twice). Prints the invite URL. Exit codes: 0 done, 1 Discord refused,
// 2 bad option or variable.
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { REST } from 'discord.js';
import { ConfigError } from '../core/config/load';
import { createI18n } from '../core/i18n';
import { createDiscordCalls, type DiscordCalls } from '../bots/discord/calls';
import { registerCommands } from '../bots/discord/commands';
import { parseDiscordEnv } from '../bots/discord/env';
import { inviteUrl } from '../bots/discord/permissions';

export const USAGE = `Usage: npm run discord:commands [-- --guild ID [--clear]]

Registers Pnyx's slash commands (/arena, /leaderboard, /settings, /privacy, /help) for the bot whose token is in
DISCORD_BOT_TOKEN, with their descriptions in every language Pnyx speaks.

  --guild ID   register in one server only, visible there at once (global commands can take a while)
  --clear      with --guild: remove that server's own copies (the global commands stay)
  --help       this text`;

export interface CommandsRun {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Discord's REST calls (tests pass ones aimed at the fake). */
  calls?: DiscordCalls;
}

export async function runDiscordCommands(argv: string[], env: NodeJS.ProcessEnv, io: CommandsRun): Promise<number> {
  let args: { guild?: string; clear?: boolean; help?: boolean };
  try {
    args = parseArgs({ args: argv, options: { guild: { type: 'string' }, clear: { type: 'boolean' }, help: { type: 'boolean' } }, strict: true }).values;
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    io.out(USAGE);
    return 0;
  }
  if (args.clear && args.guild === undefined) {
    io.err('--clear removes one server\'s copies: give it --guild ID');
    return 2;
  }
  if (args.guild !== undefined && !/^\d{17,20}$/.test(args.guild)) {
    io.err('--guild takes a server id: 17 to 20 digits (Discord: Server Settings → Widget → Server ID, or right-click the server → Copy Server ID)');
    return 2;
  }
  let parsed;
  try {
    parsed = parseDiscordEnv(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.err(error.message);
      return 2;
    }
    throw error;
  }
  if (!parsed.DISCORD_BOT_TOKEN) {
    io.err('DISCORD_BOT_TOKEN is not set (Developer Portal → your application → Bot → Reset Token)');
    return 2;
  }
  const calls = io.calls ?? createDiscordCalls(new REST({ api: parsed.DISCORD_API_ROOT.replace(/\/+$/, '') }).setToken(parsed.DISCORD_BOT_TOKEN));
  try {
    const applicationId = parsed.DISCORD_APPLICATION_ID ?? (await calls.application()).id;
    if (args.clear) {
      await calls.registerCommands(applicationId, [], args.guild);
      io.out(`Removed Pnyx's commands registered in server ${args.guild}; the global ones stay.`);
      return 0;
    }
    const names = await registerCommands(calls, createI18n(), applicationId, args.guild);
    io.out(`Registered ${names.map((n) => `/${n}`).join(', ')} ${args.guild ? `in server ${args.guild} (visible now)` : 'globally (visible in every server within the hour)'}.`);
    io.out(`Invite the bot to a server with:\n  ${inviteUrl(applicationId)}`);
    return 0;
  } catch (error) {
    io.err(`Discord refused: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  runDiscordCommands(process.argv.slice(2), process.env, { out: (l) => process.stdout.write(`${l}\n`), err: (l) => process.stderr.write(`${l}\n`) }).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`discord:commands: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    },
  );
}

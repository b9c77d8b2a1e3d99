// The platform adapters' ports, attached idle beside the benchmark's own (`npm run bench -- --adapters`): what
// `npm start` with a Telegram and a Discord token and the web playground attaches, with their libraries loaded. No
// event reaches them (the benchmark's chats are on its own platform), so the figures show what attaching them costs
// the engine: memory for the libraries, nothing per battle.
import type { Logger } from 'pino';
import type { ChatPort } from '../core/port/types';

export async function idleAdapterPorts(log: Logger): Promise<ChatPort[]> {
  const [{ Bot }, { createTelegramPort }, { REST }, { createDiscordCalls }, { createResponder }, { createDiscordPort }, { createWebPort }, { createRoomHub }] = await Promise.all([
    import('grammy'),
    import('../bots/telegram/port'),
    import('discord.js'),
    import('../bots/discord/calls'),
    import('../bots/discord/responder'),
    import('../bots/discord/port'),
    import('../bots/web/port'),
    import('../bots/web/rooms'),
  ]);
  const calls = createDiscordCalls(new REST());
  return [
    createTelegramPort(new Bot('0:bench').api, log),
    createDiscordPort(calls, createResponder(calls, log), log, { permissionsIn: () => undefined, threadRefused: () => undefined }),
    createWebPort({ hub: createRoomHub(), log }),
  ];
}

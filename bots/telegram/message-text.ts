// Reading a message's text: its command, and whether and where it mentions the bot (Telegram's entities say so).
import type { MessageEntity, User } from 'grammy/types';

type Me = User & { username: string };

export function parseCommand(text: string, entities: MessageEntity[] | undefined): { name: string; target?: string; args: string } | undefined {
  const first = entities?.find((e) => e.offset === 0 && e.type === 'bot_command');
  if (!first) return undefined;
  const match = /^\/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]{1,64}))?$/.exec(text.slice(0, first.length));
  if (!match) return undefined;
  return { name: match[1]!, ...(match[2] ? { target: match[2] } : {}), args: text.slice(first.length) };
}

function isMention(text: string, e: MessageEntity, me: Me): boolean {
  if (e.type === 'text_mention') return e.user.id === me.id;
  return e.type === 'mention' && text.slice(e.offset + 1, e.offset + e.length).toLowerCase() === me.username.toLowerCase();
}

export function mentions(text: string, entities: MessageEntity[] | undefined, me: Me): boolean {
  return (entities ?? []).some((e) => isMention(text, e, me));
}

/** The prompt without the bot's @name (from the end, so earlier offsets stay valid). */
export function stripMentions(text: string, entities: MessageEntity[] | undefined, me: Me): string {
  let out = text;
  for (const e of [...(entities ?? [])].filter((e) => isMention(text, e, me)).sort((a, b) => b.offset - a.offset)) {
    if (e.type === 'mention') out = out.slice(0, e.offset) + out.slice(e.offset + e.length);
  }
  return out.replace(/^[\s,:]+/, '').replace(/[ \t]{2,}/g, ' ').trim();
}

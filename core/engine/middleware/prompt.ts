// What a prompt is: `prompt` refuses empty and over-long ones, `target` finds the battle a follow-up continues.
import type { Middleware } from '../composer';
import type { ArenaContext } from '../context';
import type { MessageRefs } from '../message-refs';
import { isPrompt, type Ctx } from './event';
import { battleOf } from './chat';

/** Characters that show nothing: zero-width spaces, joiners and marks, word joiner, soft hyphen, byte-order mark. */
const INVISIBLE = /[\u200B-\u200F\u2060-\u2064\u00AD\uFEFF]/g;

export const promptMiddleware =
  (arena: ArenaContext): Middleware<Ctx> =>
  async (ec, next) => {
    const { config } = arena;
    if (isPrompt(ec)) {
      const text = ec.event.text.trim();
      // Invisible characters alone (zero-width spaces and joiners, a byte-order mark) are no prompt either. In a
      // campaign chat with topics, an empty arena offers three to battle instead of a refusal.
      if (!text.replace(INVISIBLE, '').trim()) return (await arena.features?.suggest(ec)) ? undefined : ec.notice(ec.pt('prompt-empty'));
      if (text.length > config.battle.maxPromptChars) {
        return ec.notice(ec.pt('prompt-too-long', { length: text.length, max: config.battle.maxPromptChars }));
      }
    }
    await next();
  };

export const targetMiddleware =
  (arena: ArenaContext, refs: MessageRefs): Middleware<Ctx> =>
  async (ec, next) => {
    // A reply to a battle's message continues it; so does, where battles open threads, a message in a battle's thread.
    if (isPrompt(ec) && ec.battle === undefined) ec.battle = await battleOf(arena, refs, ec);
    await next();
  };

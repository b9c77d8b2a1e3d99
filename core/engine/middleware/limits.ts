// What a prompt may cost: `limits` (per-person and per-chat battle limits) and `spend` (daily spending limits on paid
// models).
import type { Middleware } from '../composer';
import type { ArenaContext } from '../context';
import type { EventContext } from '../event-context';
import { isPrompt, type Ctx } from './event';

/** Takes one battle from the person's and the chat's limits; the first one exhausted, with its wait, or null. */
export async function consumeLimits(arena: ArenaContext, ec: EventContext) {
  for (const [scope, key, message] of [
    ['person', ec.user.id, 'rate-limited'],
    ['chat', ec.chatRow.id, 'chat-rate-limited'],
  ] as const) {
    const waitMs = await arena.rateLimits.consume(scope, key);
    if (waitMs > 0) return { scope, message, seconds: Math.max(1, Math.ceil(waitMs / 1000)) };
  }
  return null;
}

export const limitsMiddleware =
  (arena: ArenaContext): Middleware<Ctx> =>
  async (ec, next) => {
    // Only prompts that will run count: a reply to a finished battle is answered without using up the person's quota.
    if (isPrompt(ec) && (!ec.battle || ec.battle.status === 'open')) {
      const limited = await consumeLimits(arena, ec);
      if (limited) {
        const { scope, message, seconds } = limited;
        arena.log.info({ chat: ec.chatRow.id, user: ec.user.id, limit: scope, seconds }, 'rate limited');
        return ec.speedNotice(ec.pt(message, { seconds }));
      }
    }
    await next();
  };

export const spendMiddleware =
  (arena: ArenaContext): Middleware<Ctx> =>
  async (ec, next) => {
    // Daily limits on paid models stop new battles and follow-ups; a battle already running finishes.
    if (isPrompt(ec) && (!ec.battle || ec.battle.status === 'open')) {
      const limit = await arena.spend.check(ec.chatRow, ec.settings);
      if (limit) {
        const hours = Math.max(1, Math.ceil((limit.resetsAt.getTime() - Date.now()) / 3_600_000));
        arena.log.info({ chat: ec.chatRow.id, scope: limit.scope, capUsd: limit.capUsd }, 'daily spending limit reached');
        return ec.notice(ec.pt(limit.scope === 'chat' ? 'spend-cap-chat' : 'spend-cap-all', { cap: limit.capUsd.toFixed(2), hours }));
      }
    }
    await next();
  };

// The arena's middleware, in the order events meet it. Each is one concern and may answer (fill the acknowledgement)
// and stop, or pass the event on:
//
//   chat      the chat's row and settings (read again after a second, so other processes' changes are seen);
//             chat events (a new id, the bot removed) are handled here
//   trigger   group messages not meant for the bot stop here, silently, unless the chat battles on every message or
//             they continue an open battle (a message in its thread, a reply to one of its messages)
//   delivery  a redelivered event (same delivery id) stops here with the first answer
//   enabled   a paused chat refuses new battles (other buttons and commands still work)
//   person    the person's row
//   consent   after the rest has answered: the consent notice the first time a person takes part, and the optional
//             profile offered once after their third vote (people.ts)
//   prompt    empty and over-long prompts are refused
//   target    the battle a follow-up continues (a reply to its message, or its thread)
//   limits    per-person and per-chat battle limits
//   spend     daily spending limits on paid models
//   route     prompts, buttons, commands and forms to the part of the arena that handles them
import type { PnyxEvent } from '../port/types';
import type { Battles } from './battles';
import type { createCommands } from './commands';
import { createComposer, type Composer } from './composer';
import type { ArenaContext } from './context';
import type { Deliveries } from './deliveries';
import type { EventContext } from './event-context';
import type { MessageRefs } from './message-refs';
import { chatMiddleware, enabledMiddleware, triggerMiddleware } from './middleware/chat';
import { deliveryMiddleware } from './middleware/delivery';
import type { Ctx } from './middleware/event';
import { limitsMiddleware, spendMiddleware } from './middleware/limits';
import { consentMiddleware, personMiddleware } from './middleware/person';
import { promptMiddleware, targetMiddleware } from './middleware/prompt';
import { routeMiddleware } from './middleware/route';
import type { People } from './people';
import type { Voting } from './voting';

export interface PipelineParts {
  deliveries: Deliveries;
  refs: MessageRefs;
  battles: Battles;
  voting: Voting;
  commands: ReturnType<typeof createCommands>;
  /** A chat got a new platform id, or the bot was removed from it. */
  onChatChange(ctx: EventContext): Promise<void>;
  /** People's rights over their data (consent, /privacy, /mydata, /forget, the profile); absent without a people store. */
  people?: People;
}

/** `/arena join CODE`, `/arena leave` and `/arena campaign` are campaign commands, not prompts. */
export const CAMPAIGN_WORDS = /^(join|leave|campaign)(?:\s+(\S+))?\s*$/i;

/** `/arena text` is a prompt like any other (hidden when the platform shows no message for it, as slash commands). */
export function normalizeEvent(event: PnyxEvent): PnyxEvent {
  if (event.type !== 'command' || event.name !== 'arena') return event;
  if (CAMPAIGN_WORDS.test(event.args.trim())) return event;
  const { name: _name, args, type: _type, ...base } = event;
  return { ...base, type: 'prompt', text: args, addressed: true, hidden: !event.messageRef };
}

/** The chain, in the order above; each middleware is in core/engine/middleware/, with what it uses passed in. */
export function buildPipeline(arena: ArenaContext, parts: PipelineParts): Composer<Ctx> {
  const { deliveries, refs } = parts;
  return createComposer<Ctx>()
    .use('chat', chatMiddleware(arena, parts.onChatChange))
    .use('trigger', triggerMiddleware(arena, refs))
    .use('delivery', deliveryMiddleware(arena, deliveries))
    .use('enabled', enabledMiddleware(arena))
    .use('person', personMiddleware(arena))
    .use('consent', consentMiddleware(parts.people))
    .use('prompt', promptMiddleware(arena))
    .use('target', targetMiddleware(arena, refs))
    .use('limits', limitsMiddleware(arena))
    .use('spend', spendMiddleware(arena))
    .use('route', routeMiddleware(arena, parts));
}

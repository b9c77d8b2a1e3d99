// Where a battle's replies go: under the prompt (posting it first when the platform does not show it), or in a thread
// of their own where the chat wants one.
import type { PromptEvent } from '../port/types';
import type { BattleRow } from '../store/types';
import type { BattleDeps } from './battles';
import type { LiveBattle } from './context';
import type { EventContext } from './event-context';
import { promptEcho } from './views';

/** Longest name of a battle's thread (the prompt's beginning); platforms cap thread names near 100. */
const THREAD_NAME_CHARS = 80;

/** Where the replies go: under the prompt (posting it first when the platform does not show it), in a thread of their own where the chat wants one. */
export async function placeBattle({ ctx, refs }: Pick<BattleDeps, 'ctx' | 'refs'>, ec: EventContext<PromptEvent>, battle: BattleRow, state: LiveBattle, text: string): Promise<string | undefined> {
  const { store, log } = ctx;
  const { event } = ec;
  const { port, presenter } = ctx.portFor(event.chat.platform);
  let anchor = event.messageRef;
  if (event.hidden || !anchor) {
    const echo = presenter.open(event.chat, promptEcho(ec.t, event.from.displayName ?? '', text), {
      answering: event.delivery,
      onRef: (ref, part) => refs.addRef({ battleId: battle.id, chatId: state.chatRow.id, ref, role: 'prompt', turn: 0, part }),
    });
    await echo.settled();
    anchor = echo.refs[0];
  }
  const layout = ec.settings.layout ?? (event.chat.kind === 'group' ? 'thread' : 'inline');
  if (port.limits.threads && port.openThread && layout === 'thread' && event.chat.kind === 'group' && !event.chat.thread && anchor) {
    try {
      const name = text.replace(/\s+/g, ' ').trim().slice(0, THREAD_NAME_CHARS) || battle.token;
      const thread = await port.openThread(event.chat, anchor, name);
      // null: the platform cannot open one here and has told the person why; the battle stays inline.
      if (thread !== null) {
        state.chat = { ...event.chat, thread };
        await store.setThread(battle.id, thread);
        return undefined;
      }
    } catch (error) {
      // A chat where threads cannot be opened (permissions, a thread already there) still gets its battle, inline.
      log.warn({ err: error, battle: battle.id, chat: state.chatRow.id }, 'battle thread could not be opened; replying inline');
    }
  } else if (event.chat.thread) {
    // Started inside a thread or topic: remember it, so a process that rebuilds the battle posts there too.
    await store.setThread(battle.id, event.chat.thread);
  }
  return anchor;
}

// The arena engine: one entry point (`handle`) for every platform's events, output only through each platform's
// ChatPort. This file routes events and runs the lifecycle; battles.ts, voting.ts and commands.ts decide what
// happens, over the shared context (context.ts). Adapters only translate.
import { parseChatSettings, type ChatSettings } from '../config/chat-settings';
import { createPresenter } from '../port/live';
import type { ActionEvent, HandleResult } from '../port/types';
import type { ChatRow, UserRow } from '../store/types';
import { decodeAction } from './actions';
import { createBattles } from './battles';
import { createCommands } from './commands';
import { chatAddressOf, createContext, unlimitedController, type ArenaOptions } from './context';
import { createMessageRefs } from './message-refs';
import type { Arena } from './types';
import { createVoting } from './voting';

export type { ArenaOptions, LeaderboardSource, ModelReplaced, ModelSource } from './context';

export function createArena(options: ArenaOptions): Arena {
  const ctx = createContext(options);
  const { store, config, i18n, log, ports, chatOf, userOf, chatT, personT, inFlight } = ctx;
  const refs = createMessageRefs(ctx);
  const { flushRefs } = refs;
  const battles = createBattles(ctx, refs);
  const { onPrompt } = battles;
  const { onVote, onVoteReason, onReaction, closeBattle } = createVoting(ctx, battles);
  const { onCommand, onSetting } = createCommands(ctx, battles);
  let sweepTimer: NodeJS.Timeout | undefined;

  const onAction = async (event: ActionEvent, chatRow: ChatRow, user: UserRow, settings: ChatSettings): Promise<HandleResult> => {
    const pt = personT(event, chatRow, settings);
    const action = decodeAction(event.data);
    if (!action) {
      log.warn({ chat: chatRow.id, user: user.id, length: String(event.data).length }, 'malformed button data refused');
      return { notice: { text: pt('action-stale') } };
    }
    if (action.kind === 'setting') return onSetting(event, action, chatRow, settings, pt);
    const battle = await store.getBattleByToken(action.token);
    // A token from another chat is as good as forged: never act on it.
    if (!battle || battle.chatId !== chatRow.id) {
      log.warn({ chat: chatRow.id, user: user.id, kind: action.kind }, 'stale or forged battle token refused');
      return { notice: { text: pt('action-stale') } };
    }
    if (action.kind === 'vote') return onVote(action, battle, chatRow, user, pt);
    if (action.kind === 'voteReason') return onVoteReason(action, battle, user, pt);
    return onReaction(action, battle, user, pt);
  };

  // === Lifecycle ========================================================================================

  const sweep = async () => {
    try {
      for (const battle of await store.dueBattles(new Date())) await closeBattle(battle);
    } catch (error) {
      log.error({ err: error }, 'closing overdue battles failed');
    }
  };

  return {
    attach(port) {
      ports.set(port.platform, { port, presenter: createPresenter(port, log) });
    },

    async handle(event) {
      if (ctx.stopping) return {};
      const work = (async (): Promise<HandleResult> => {
        const chatRow = await chatOf(event.chat);
        const user = await userOf(event);
        const settings = parseChatSettings(chatRow.settings);
        switch (event.type) {
          case 'prompt':
            return onPrompt(event, chatRow, user, settings);
          case 'action':
            return onAction(event, chatRow, user, settings);
          case 'command':
            return onCommand(event, chatRow, user, settings);
        }
      })();
      try {
        return await inFlight.track(work);
      } catch (error) {
        // Wrap once, handle once: the person learns something went wrong, the log has the event.
        log.error({ err: error, type: event.type, platform: event.chat.platform, chat: event.chat.id }, 'event handling failed');
        const t = i18n.t(i18n.negotiate(event.from.locale, config.locale));
        return { notice: { text: t('battle-failed', { reason: t('failure-model', { side: '?', error: 'internal error' }) }) } };
      }
    },

    async moveChat(platform, fromId, toId) {
      const row = await store.moveChat(platform, fromId, toId);
      if (!row) return false;
      ctx.forgetChat(platform, fromId);
      ctx.rememberChat(row);
      // Battles open there stay votable (the row is the same); what they post from now on goes to the new id.
      for (const state of ctx.live.values()) {
        if (state.chatRow.id !== row.id) continue;
        state.chatRow = row;
        state.chat = { ...state.chat, id: toId };
      }
      log.info({ chat: row.id, platform, from: fromId, to: toId }, 'chat moved to a new platform id');
      return true;
    },

    async postLeaderboard(chatId, postOptions = {}) {
      const chatRow = await store.getChat(chatId);
      const entry = chatRow && ports.get(chatRow.platform);
      if (!chatRow || !entry || !ctx.leaderboard || !chatRow.enabled) return false;
      const settings = parseChatSettings(chatRow.settings);
      const locale = i18n.negotiate(settings.locale, chatRow.locale, config.locale);
      const board = await ctx.leaderboard.render({ chat: chatRow, t: i18n.t(locale), locale, campaign: postOptions.campaign });
      const message = entry.presenter.open(chatAddressOf(chatRow), { text: board.text, image: board.image });
      await message.settled();
      return !message.error && message.refs.length > 0;
    },

    async start() {
      ctx.stopping = false;
      if (ctx.generations.signal.aborted) ctx.generations = unlimitedController();
      for (const battle of await store.battlesInStatus('streaming')) {
        const chatRow = await store.getChat(battle.chatId);
        const t = chatRow ? chatT(chatRow, parseChatSettings(chatRow.settings)) : i18n.t(config.locale);
        await store.setStatus(battle.id, 'failed', { from: ['streaming'], failure: t('failure-restart') });
        log.warn({ battle: battle.id }, 'battle interrupted by a restart marked failed');
        const entry = chatRow && ports.get(chatRow.platform);
        if (entry && chatRow) entry.presenter.open(chatAddressOf(chatRow), { text: t('battle-interrupted') });
      }
      await sweep();
      sweepTimer = setInterval(() => void sweep(), options.sweepMs ?? 2_000);
      sweepTimer.unref();
    },

    async stop() {
      ctx.stopping = true;
      if (sweepTimer) clearInterval(sweepTimer);
      ctx.generations.abort();
      await inFlight.idle();
      await Promise.all([...ports.values()].map(({ presenter }) => presenter.drain()));
      // Messages sent while draining hand back their refs last.
      await flushRefs();
    },
  };
}


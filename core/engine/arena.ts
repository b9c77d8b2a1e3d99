// The arena engine: one entry point (`handle`) for every platform's events, run through the middleware chain
// (pipeline.ts) and answered with an acknowledgement at once; output only through each platform's ChatPort. This file
// wires the parts and runs the lifecycle (attach, the sweep that closes overdue battles and reaps lapsed leases, stop).
import { parseChatSettings } from '../config/chat-settings';
import type { Ack, PnyxEvent } from '../port/types';
import { paced, quieted } from './ack-notices';
import { ACTION_MAX_BYTES } from './actions';
import { createBattles } from './battles';
import { createCampaignFeatures } from './campaigns';
import { onChatChange } from './chat-changes';
import { createCommands } from './commands';
import { chatAddressOf, createContext, unlimitedController, type ArenaOptions } from './context';
import { createDeliveries } from './deliveries';
import { EventContext } from './event-context';
import { detectLanguage } from './language';
import { createLeases } from './leases';
import { createLiveBattles } from './live';
import { createMessageRefs } from './message-refs';
import { createPeople } from './people';
import { buildPipeline, normalizeEvent } from './pipeline';
import { createPresenter } from './presenter';
import { createSweep } from './sweep';
import type { Arena } from './types';
import { createVoting } from './voting';

export type { ArenaOptions, BoardRenderer, LeaderboardSource, ModelReplaced, ModelSource } from './context';

/** How long stop() waits for battles to finish (after aborting their generations), then for deliveries: twice this
 * in all, well within the process's 10 s to stop (bots/main.ts). */
const STOP_DRAIN_MS = 2_000;

export function createArena(options: ArenaOptions): Arena {
  const ctx = createContext(options);
  const { store, config, i18n, log, ports, inFlight } = ctx;
  ctx.features = createCampaignFeatures(ctx);
  const refs = createMessageRefs(ctx);
  const lives = createLiveBattles(ctx, refs);
  const deliveries = createDeliveries(ctx);
  const battles = createBattles(ctx, refs, lives);
  const voting = createVoting(ctx, battles, lives);
  const commands = createCommands(ctx);
  const leases = createLeases(ctx, lives, { showMissingBallot: battles.showMissingBallot, showClose: (battle) => voting.showClose(battle), resumeBattle: battles.resumeBattle });
  let sweepTimer: NodeJS.Timeout | undefined;

  const people = ctx.people ? createPeople(ctx, ctx.people) : undefined;
  const pipeline = buildPipeline(ctx, { deliveries, refs, battles, voting, commands, onChatChange: (ec) => onChatChange(ctx, ec), ...(people ? { people } : {}) });

  const safeSweep = createSweep({ ctx, voting, leases, deliveries });

  return {
    attach(port) {
      // The core's longest button payload must fit the platform's: refuse now rather than drop buttons later.
      if (port.limits.maxButtonDataBytes < ACTION_MAX_BYTES) {
        throw new Error(`port "${port.platform}": buttons carry ${port.limits.maxButtonDataBytes} bytes; Pnyx needs ${ACTION_MAX_BYTES}`);
      }
      if (port.limits.threads && !port.openThread) throw new Error(`port "${port.platform}" says it has threads but cannot open one`);
      // With several processes (shared state in Redis) a chat's pace is kept by the deployment, not each process.
      const sharedPace = ctx.shared.kind === 'redis' ? (key: string, ms: number) => ctx.shared.paceSlot(key, ms) : undefined;
      ports.set(port.platform, { port, presenter: createPresenter(port, log, sharedPace) });
    },

    async handle(event: PnyxEvent): Promise<Ack> {
      if (ctx.stopping) return {};
      const ec = new EventContext(normalizeEvent(event), ctx);
      try {
        await inFlight.track(pipeline.run(ec));
      } catch (error) {
        // Wrap once, handle once: the person learns something went wrong, the log has the event and the middleware.
        log.error({ err: error, type: event.type, platform: event.chat.platform, chat: event.chat.id, delivery: event.delivery }, 'event handling failed');
        const t = i18n.t(i18n.negotiate(event.from.locale, config.locale));
        return { notice: { text: t('event-failed') } };
      }
      return paced(ctx, (await quieted(ctx, ec)).finish(), ec.event);
    },

    idle: () => inFlight.idle(),

    store: (platform, items) => deliveries.store(platform, items),

    async postLeaderboard(chatId, postOptions = {}) {
      const chatRow = await store.getChat(chatId);
      const entry = chatRow && ports.get(chatRow.platform);
      if (!chatRow || !entry || !ctx.leaderboard || !chatRow.enabled) return false;
      const settings = parseChatSettings(chatRow.settings);
      const locale = i18n.negotiate(settings.locale, chatRow.locale, config.locale);
      const board = await ctx.leaderboard.render({ chat: chatRow, t: i18n.t(locale), locale, campaign: postOptions.campaign });
      const message = entry.presenter.open(chatAddressOf(chatRow), { text: board.text, role: 'board', ...(board.image ? { image: board.image } : {}) });
      await message.settled();
      return !message.error && message.refs.length > 0;
    },

    postCampaign: (campaignId, kind, dueAt) => ctx.features!.postScheduled(campaignId, kind, dueAt),
    postFinalReports: (dir) => ctx.features!.postFinalReports(dir),

    async warmUp() {
      // A prompt long enough to be detected loads the detector's n-grams; healthy() runs the models' first checks.
      await Promise.all([
        detectLanguage('Warming up the language detector before the first battle arrives.').catch(() => null),
        options.models.healthy().catch(() => new Set<string>()),
      ]);
    },

    async start() {
      ctx.stopping = false;
      if (ctx.generations.signal.aborted) ctx.generations = unlimitedController();
      // The first battle should not wait for the models' first health checks: start them now.
      void ctx.models.healthy().catch((error: unknown) => log.warn({ err: error }, 'model health checks failed'));
      await leases.reapUnleased();
      leases.start();
      await ctx.jobs.start({
        async closeBattle(battleId) {
          const battle = await store.getBattle(battleId);
          if (battle?.status === 'open' && battle.closesAt && battle.closesAt.getTime() <= Date.now()) await voting.closeBattle(battle);
        },
      });
      await safeSweep();
      sweepTimer = setInterval(() => void safeSweep(), options.sweepMs ?? config.engine.sweepMs);
      sweepTimer.unref();
    },

    async stop() {
      ctx.stopping = true;
      if (sweepTimer) clearInterval(sweepTimer);
      leases.stop();
      ctx.generations.abort();
      // Aborted generations end their battles (marked failed, the chat told); give them a bounded time to do so.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([inFlight.idle(), new Promise<void>((resolve) => (timer = setTimeout(resolve, STOP_DRAIN_MS)))]);
      clearTimeout(timer);
      await Promise.race([Promise.all([...ports.values()].map(({ presenter }) => presenter.drain())), new Promise<void>((resolve) => (timer = setTimeout(resolve, STOP_DRAIN_MS)))]);
      clearTimeout(timer);
      // Messages sent while draining hand back their refs last; acknowledgements too.
      await Promise.all([refs.flushRefs(), deliveries.flush()]);
    },
  };
}

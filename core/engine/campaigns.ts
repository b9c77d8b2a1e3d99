// Campaigns inside the arena: which campaign (and battle mode) a new battle runs under, chats joining and leaving
// (`/arena join CODE`, the settings menu), the progress gauge (`/campaign`, scheduled posts), milestones announced
// once per chat, guided topics (suggestions, the prompt of the day and its "battle this" button), stance prompts.
// Everything goes through the port, so it works the same on every platform.
import { localized, type CampaignSpec } from '../campaigns/spec';
import type { CampaignRow } from '../campaigns/store';
import { stanceBoard, stanceBoardText } from '../campaigns/stances';
import { writeReport } from '../campaigns/report';
import { computeProgress, milestoneOf, progressPng, progressText, type Progress } from '../campaigns/progress';
import { parseChatSettings, type ChatSettings } from '../config/chat-settings';
import type { Translate } from '../i18n';
import type { Button, ChatAddress, OutMessage, PortLimits, PromptEvent, Side } from '../port/types';
import type { BattleRow, ChatRow } from '../store/types';
import { encodeAction } from './actions';
import { chatAddressOf, type ArenaContext } from './context';
import { EventContext } from './event-context';
import { choosePair, type ChosenPair } from './modes';
import type { SamplingInput } from './sampling';

/** A chat's milestone record past 100: the final report was posted there. */
const REPORT_POSTED = 101;

/** Topics offered when the arena is opened without a prompt. */
const SUGGESTIONS = 3;

export interface BattleSetup {
  campaignId: string | null;
  choose(input: SamplingInput): ChosenPair | null;
  /** The models allowed and their weights, when the campaign has a pool. */
  allowed: readonly string[] | null;
  /** The prompt languages collected here: the campaign's, else the chat's setting (empty: all). */
  languages: readonly string[];
}

const commandOf = (ctx: ArenaContext, platform: string, name: string) => ctx.ports.get(platform)?.port.commandHint?.(name) ?? `/${name}`;

export function topicsOf(spec: CampaignSpec, language?: string | null): Array<{ id: string; prompt: string; language: string }> {
  const all = Object.entries(spec.topics).flatMap(([lang, list]) => list.map((t) => ({ id: t.id, prompt: t.prompt, language: lang })));
  const preferred = language ? all.filter((t) => t.language === language) : [];
  return preferred.length ? preferred : all;
}

export function findTopic(spec: CampaignSpec, id: string) {
  return topicsOf(spec).find((t) => t.id === id) ?? null;
}

export function createCampaignFeatures(ctx: ArenaContext) {
  const { log, config, i18n } = ctx;
  const service = ctx.campaigns;

  const localeOf = (row: ChatRow, settings: ChatSettings = parseChatSettings(row.settings)) => i18n.negotiate(settings.locale, row.locale, config.locale);

  /** The campaign and battle mode a new battle in this chat runs under. */
  const setupFor = async (chatRow: ChatRow, settings: ChatSettings): Promise<BattleSetup> => {
    const campaign = service ? await service.battlingUnder(chatRow.id) : null;
    if (!campaign) {
      const mode = settings.mode ?? 'random';
      return {
        campaignId: null,
        allowed: settings.models,
        languages: settings.languages ?? [],
        choose: (input) => choosePair(input, { mode, ...(mode === 'custom' && settings.models?.length === 2 ? { custom: settings.models } : {}) }),
      };
    }
    const spec = campaign.spec;
    const pool = spec.models.length ? new Map(spec.models.map((m) => [m.id, m.weight])) : null;
    const results = spec.pairing === 'active' ? await service!.pairTallies(campaign.id) : [];
    return {
      campaignId: campaign.id,
      allowed: pool ? [...pool.keys()] : null,
      // A prompt outside the campaign's languages gets the polite hint, not a battle (the chat's own list otherwise).
      languages: spec.languages,
      choose: (input) =>
        choosePair(
          // The campaign's weights replace the configuration's for the models of its pool.
          pool ? { ...input, cards: input.cards.map((c) => (pool.has(c.id) ? { ...c, weight: pool.get(c.id)! } : c)) } : input,
          {
            mode: spec.mode,
            pairing: spec.pairing,
            thresholdB: spec.bigVsSmall.thresholdB,
            maxParamsB: spec.frugal.maxParamsB,
            ...(spec.custom ? { custom: spec.custom.models } : {}),
            ...(spec.diverse ? { stances: spec.diverse.stances.map((s) => s.id), diverseModels: spec.diverse.inModelLeaderboard } : {}),
            results,
          },
        ),
    };
  };

  /** The system prompt of a side's stance (diverse battles). */
  const stancePrompt = async (battle: BattleRow, side: Side): Promise<string | null> => {
    const id = side === 'a' ? battle.stanceA : battle.stanceB;
    if (!id || !battle.campaignId || !service) return null;
    const campaign = await service.get(battle.campaignId);
    return campaign?.spec?.diverse?.stances.find((s) => s.id === id)?.prompt ?? null;
  };

  const progressOf = async (campaign: CampaignRow, locale: string): Promise<Progress> => {
    const [stats, members] = await Promise.all([service!.stats(campaign.id), service!.members(campaign.id)]);
    return computeProgress(campaign, stats, members, locale);
  };

  const progressMessage = async (campaign: CampaignRow, t: Translate, locale: string): Promise<OutMessage> => {
    const progress = await progressOf(campaign, locale);
    let image: OutMessage['image'];
    try {
      image = progressPng(progress, t, locale);
    } catch (error) {
      // The text says it all; a picture that cannot be drawn must not stop the post.
      log.warn({ err: error, campaign: campaign.slug }, 'campaign gauge could not be drawn');
    }
    let text = progressText(progress, t, locale);
    // A diverse campaign ranks perspectives: its board of stances goes with the gauge.
    if (campaign.spec?.diverse && service) text += `\n\n${stanceBoardText(await stanceBoard(service.db, campaign.id, campaign.spec, locale), progress.title, t)}`;
    return { text, role: 'board', ...(image ? { image } : {}) };
  };

  const post = async (chatRow: ChatRow, message: OutMessage, address: ChatAddress = chatAddressOf(chatRow)): Promise<boolean> => {
    const entry = ctx.ports.get(chatRow.platform);
    if (!entry || !chatRow.enabled) return false;
    const live = entry.presenter.open(address, message);
    await live.settled();
    return !live.error && live.refs.length > 0;
  };

  /** `/campaign`: the progress of the chat's campaign, posted in the chat. */
  const showProgress = async (ec: EventContext): Promise<void> => {
    const campaign = service ? await service.ofChat(ec.chatRow.id) : null;
    if (!campaign) {
      ec.notice(ec.pt('campaign-none', { command: commandOf(ctx, ec.event.chat.platform, 'arena') }));
      return;
    }
    const locale = localeOf(ec.chatRow, ec.settings);
    ec.work('campaign-progress', async () => {
      const message = await progressMessage(campaign, ec.t, locale);
      const { presenter } = ctx.portFor(ec.event.chat.platform);
      await presenter.open(ec.event.chat, message, { ...(ec.event.messageRef ? { replyTo: ec.event.messageRef } : {}), answering: ec.event.delivery }).settled();
    });
  };

  const isAdmin = async (ec: EventContext): Promise<boolean> => {
    if (ec.event.chat.kind === 'private') return true;
    try {
      return (await ec.event.isAdmin?.()) ?? false;
    } catch {
      return false;
    }
  };

  /** A chat joins by code; the answer is posted in the chat when it joins (everyone should know), else private. */
  const join = async (ec: EventContext, code: string): Promise<void> => {
    const settingsHint = commandOf(ctx, ec.event.chat.platform, 'settings');
    if (!service) return ec.notice(ec.pt('campaign-unknown-code', { code }));
    if (!(await isAdmin(ec))) return ec.notice(ec.pt('campaign-admins-only'));
    if (!/^[A-Za-z0-9-]{4,32}$/.test(code)) {
      log.info({ chat: ec.chatRow.id }, 'campaign join refused: malformed code');
      return ec.notice(ec.pt('campaign-unknown-code', { code: code.slice(0, 32) }));
    }
    const outcome = await service.join(ec.chatRow.id, code);
    log.info({ chat: ec.chatRow.id, outcome: outcome.status }, 'campaign join');
    const locale = localeOf(ec.chatRow, ec.settings);
    switch (outcome.status) {
      case 'unknown':
        return ec.notice(ec.pt('campaign-unknown-code', { code }));
      case 'closed':
        return ec.notice(ec.pt('campaign-closed'));
      case 'busy':
        return ec.notice(ec.pt('campaign-busy', { other: outcome.other, command: settingsHint }));
      case 'already':
        return ec.notice(ec.pt('campaign-already', { title: titleOf(outcome.campaign, locale) }));
      case 'joined': {
        const text = ec.t('campaign-joined', { title: titleOf(outcome.campaign, locale), command: commandOf(ctx, ec.event.chat.platform, 'campaign') });
        ec.work('campaign-joined', async () => {
          await ctx.portFor(ec.event.chat.platform).presenter.open(ec.event.chat, { text, role: 'info' }, { answering: ec.event.delivery }).settled();
        });
        return;
      }
    }
  };

  const leave = async (ec: EventContext): Promise<void> => {
    if (!(await isAdmin(ec))) return ec.notice(ec.pt('campaign-admins-only'));
    const left = service ? await service.leave(ec.chatRow.id) : null;
    if (!left) return ec.notice(ec.pt('campaign-none', { command: commandOf(ctx, ec.event.chat.platform, 'arena') }));
    log.info({ chat: ec.chatRow.id, campaign: left.slug }, 'chat left its campaign');
    const text = ec.t('campaign-left', { title: titleOf(left, localeOf(ec.chatRow, ec.settings)) });
    ec.work('campaign-left', async () => {
      await ctx.portFor(ec.event.chat.platform).presenter.open(ec.event.chat, { text, role: 'info' }, { answering: ec.event.delivery }).settled();
    });
  };

  /**
   * After a vote in a campaign battle: each chat of the campaign hears about the highest quarter mark reached, once
   * (claimed in the database, so a restart or a second process does not announce it again).
   */
  const afterVote = async (battle: BattleRow): Promise<void> => {
    if (!service || !battle.campaignId) return;
    const campaign = await service.get(battle.campaignId);
    if (!campaign?.spec?.goal) return;
    const stats = await service.stats(campaign.id);
    const reached = milestoneOf({ percent: Math.min(100, Math.floor((stats.total / campaign.spec.goal.votes) * 100)) });
    if (!reached) return;
    for (const member of await service.members(campaign.id)) {
      if (member.milestone >= reached) continue;
      const chatRow = await ctx.store.getChat(member.chatId);
      if (!chatRow || !ctx.ports.has(chatRow.platform)) continue;
      if (!(await service.claimMilestone(campaign.id, member.chatId, reached))) continue;
      const locale = localeOf(chatRow);
      const t = i18n.t(locale);
      await post(chatRow, { text: t('campaign-milestone', { title: titleOf(campaign, locale), percent: reached, votes: stats.total }), role: 'info' });
      log.info({ campaign: campaign.slug, chat: chatRow.id, milestone: reached }, 'campaign milestone announced');
    }
  };

  const topicButtons = (topics: Array<{ id: string; prompt: string }>, limits: PortLimits): Button[][] =>
    topics.slice(0, Math.max(1, limits.maxButtonRows - 1)).map((topic) => [
      {
        label: topic.prompt.length > limits.maxButtonLabelChars ? `${topic.prompt.slice(0, limits.maxButtonLabelChars - 1)}…` : topic.prompt,
        data: encodeAction({ kind: 'topic', topic: topic.id }),
        style: 'secondary',
      },
    ]);

  /** The arena opened with no prompt in a campaign chat with topics: three suggestions to battle. False otherwise. */
  const suggest = async (ec: EventContext): Promise<boolean> => {
    const campaign = service ? await service.battlingUnder(ec.chatRow.id) : null;
    if (!campaign) return false;
    const locale = localeOf(ec.chatRow, ec.settings);
    const pool = topicsOf(campaign.spec, locale);
    if (!pool.length) return false;
    // A different three each time, so a chat sees the whole list over a few days.
    const picked = [...pool].sort(() => ctx.random() - 0.5).slice(0, SUGGESTIONS);
    const { port } = ctx.portFor(ec.event.chat.platform);
    const text = ec.pt('campaign-suggestions', { title: titleOf(campaign, locale), command: commandOf(ctx, ec.event.chat.platform, 'arena') });
    const buttons = topicButtons(picked, port.limits);
    if (ec.event.chat.kind === 'private' || (ec.event.privateReply && port.limits.privateButtons)) ec.notice(text, { buttons });
    else ec.work('campaign-suggestions', () => ctx.portFor(ec.event.chat.platform).presenter.open(ec.event.chat, { text, buttons, role: 'info' }, { answering: ec.event.delivery }).settled());
    return true;
  };

  /** The prompt of a topic button, or null (with a notice) when the chat's campaign no longer offers it. */
  const topicPrompt = async (ec: EventContext, topicId: string): Promise<string | null> => {
    const campaign = service ? await service.battlingUnder(ec.chatRow.id) : null;
    const topic = campaign ? findTopic(campaign.spec, topicId) : null;
    if (!topic) {
      ec.notice(ec.pt('campaign-topic-unknown'));
      return null;
    }
    return topic.prompt;
  };

  /** A prompt event standing for a topic button press: the battle starts as if the person had typed the topic. */
  const promptFromTopic = (ec: EventContext, prompt: string): EventContext<PromptEvent> => {
    const { type: _type, ...base } = ec.event as unknown as Record<string, unknown>;
    const event = { ...base, type: 'prompt', text: prompt, addressed: true, hidden: true } as unknown as PromptEvent;
    delete (event as { data?: unknown }).data;
    delete (event as { messageRef?: unknown }).messageRef;
    const promptEc = new EventContext(event, ctx);
    promptEc.chatRow = ec.chatRow;
    promptEc.settings = ec.settings;
    promptEc.user = ec.user;
    promptEc.replay = ec.replay;
    return promptEc;
  };

  /** Scheduled campaign posts: the progress gauge and leaderboard, or the prompt of the day, in every member chat. */
  const postScheduled = async (campaignId: string, kind: 'progress' | 'topic', dueAt: Date = new Date()): Promise<boolean> => {
    if (!service) return false;
    const campaign = await service.get(campaignId);
    if (!campaign?.spec || campaign.status !== 'running') return false;
    let posted = false;
    const day = Math.floor(dueAt.getTime() / 86_400_000);
    for (const member of await service.members(campaign.id)) {
      const chatRow = await ctx.store.getChat(member.chatId);
      const entry = chatRow && ctx.ports.get(chatRow.platform);
      if (!chatRow || !entry) continue;
      const locale = localeOf(chatRow);
      const t = i18n.t(locale);
      if (kind === 'topic') {
        const pool = topicsOf(campaign.spec, locale);
        if (!pool.length) continue;
        // The same topic for everyone on a given day, moving through the list day by day.
        const topic = pool[day % pool.length]!;
        const buttons: Button[][] = [[{ label: t('campaign-topic-battle'), data: encodeAction({ kind: 'topic', topic: topic.id }), style: 'primary' }]];
        posted = (await post(chatRow, { text: t('campaign-topic-of-day', { title: titleOf(campaign, locale), prompt: topic.prompt }), buttons, role: 'info' })) || posted;
      } else {
        posted = (await post(chatRow, await progressMessage(campaign, t, locale))) || posted;
        if (ctx.leaderboard) {
          const board = await ctx.leaderboard.render({ chat: chatRow, t, locale, campaign: campaign.id });
          await post(chatRow, { text: board.text, role: 'board', ...(board.image ? { image: board.image } : {}) });
        }
      }
    }
    return posted;
  };

  /**
   * Closed campaigns: the final report is written to `dir` and posted once to each chat that took part (the chat's
   * milestone goes to 101 when it is posted, claimed in the database like the milestones).
   */
  const postFinalReports = async (dir: string): Promise<number> => {
    if (!service) return 0;
    let posted = 0;
    for (const campaign of await service.list()) {
      if (campaign.status !== 'closed') continue;
      const members = (await service.members(campaign.id)).filter((m) => m.milestone < REPORT_POSTED);
      let written: Awaited<ReturnType<typeof writeReport>> | null = null;
      for (const member of members) {
        const chatRow = await ctx.store.getChat(member.chatId);
        if (!chatRow || !ctx.ports.has(chatRow.platform)) continue;
        if (!(await service.claimMilestone(campaign.id, member.chatId, REPORT_POSTED))) continue;
        const locale = localeOf(chatRow);
        const t = i18n.t(locale);
        written ??= await writeReport(service.db, campaign, dir, i18n.t(config.locale), config.locale);
        const { participation } = written.report;
        await post(chatRow, {
          text: t('campaign-report-posted', { title: titleOf(campaign, locale), votes: participation.votes, battles: participation.battles, chats: participation.chats }),
          role: 'board',
          image: { png: written.png, alt: t('campaign-report-title', { title: titleOf(campaign, locale) }) },
        });
        posted++;
        log.info({ campaign: campaign.slug, chat: chatRow.id, folder: written.folder }, 'campaign final report posted');
      }
    }
    return posted;
  };

  return { postFinalReports, setupFor, stancePrompt, showProgress, join, leave, afterVote, suggest, topicPrompt, promptFromTopic, postScheduled, progressOf, progressMessage, post, localeOf };
}

export function titleOf(campaign: CampaignRow, locale: string): string {
  return campaign.spec ? localized(campaign.spec.title, locale) : campaign.title;
}

export type CampaignFeatures = ReturnType<typeof createCampaignFeatures>;

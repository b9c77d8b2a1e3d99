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
import type { ActionEvent, CommandEvent, PnyxEvent, PromptEvent, SubmitEvent } from '../port/types';
import type { ChatRow } from '../store/types';
import { parseChatSettings } from '../config/chat-settings';
import { decodeAction, decodeForm } from './actions';
import type { Battles } from './battles';
import type { createCommands } from './commands';
import { createComposer, type Composer } from './composer';
import type { ArenaContext } from './context';
import type { Deliveries } from './deliveries';
import { EventContext } from './event-context';
import type { MessageRefs } from './message-refs';
import type { People } from './people';
import type { Voting } from './voting';

/** Characters that show nothing: zero-width spaces, joiners and marks, word joiner, soft hyphen, byte-order mark. */
const INVISIBLE = /[\u200B-\u200F\u2060-\u2064\u00AD\uFEFF]/g;

type Ctx = EventContext<PnyxEvent>;

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

const isPrompt = (ec: Ctx): ec is EventContext<PromptEvent> => ec.event.type === 'prompt';

/** `/arena join CODE`, `/arena leave` and `/arena campaign` are campaign commands, not prompts. */
export const CAMPAIGN_WORDS = /^(join|leave|campaign)(?:\s+(\S+))?\s*$/i;

/** `/arena text` is a prompt like any other (hidden when the platform shows no message for it, as slash commands). */
export function normalizeEvent(event: PnyxEvent): PnyxEvent {
  if (event.type !== 'command' || event.name !== 'arena') return event;
  if (CAMPAIGN_WORDS.test(event.args.trim())) return event;
  const { name: _name, args, type: _type, ...base } = event;
  return { ...base, type: 'prompt', text: args, addressed: true, hidden: !event.messageRef };
}

export function buildPipeline(arena: ArenaContext, parts: PipelineParts): Composer<Ctx> {
  const { store, config, log, rateLimits } = arena;

  /**
   * A private chat is its person: what the bot posts there (replies, ballots, reveals, even those sent later by a
   * timer) follows the language the platform reports for the person, unless the chat's own setting says otherwise.
   * Stored as the chat's platform language, and updated (one write) when the person's changes.
   */
  const privateChatLanguage = async (event: PnyxEvent, row: ChatRow): Promise<ChatRow> => {
    const wanted = event.chat.locale ?? event.from.locale;
    if (event.chat.kind !== 'private' || !wanted || row.locale === wanted) return row;
    const updated = await store.updateChat(row.id, { locale: wanted });
    arena.rememberChat(updated);
    return updated;
  };
  const { deliveries, refs, battles, voting, commands } = parts;
  const composer = createComposer<Ctx>();

  composer.use('chat', async (ec, next) => {
    if (ec.event.type === 'chat') return parts.onChatChange(ec);
    const { chat, from } = ec.event;
    // A new private chat is stored with its person's language at once (no second write on the acknowledged path).
    const address = chat.kind === 'private' && !chat.locale && from.locale ? { ...chat, locale: from.locale } : chat;
    ec.chatRow = await privateChatLanguage(ec.event, await arena.chatOf(address));
    ec.settings = parseChatSettings(ec.chatRow.settings);
    await next();
  });

  /** The battle a prompt continues: the one whose message it replies to, or (where battles open threads) whose thread it is in. */
  const battleOf = async (ec: EventContext<PromptEvent>) => {
    const { event } = ec;
    const replied = event.replyTo ? await refs.battleOfMessage(ec.chatRow.id, event.replyTo) : null;
    if (replied || !event.chat.thread || !arena.ports.get(event.chat.platform)?.port.limits.threads) return replied;
    return store.getBattleByThread(ec.chatRow.id, event.chat.thread);
  };

  composer.use('trigger', async (ec, next) => {
    if (isPrompt(ec) && !ec.event.addressed && ec.settings.trigger !== 'all') {
      // A message in an open battle's thread names no one, yet it is meant for the battle: the platform cannot tell
      // which threads are battles', the database can. Anything else (other threads, finished battles) stays quiet.
      const battle = ec.event.replyTo || ec.event.chat.thread ? await battleOf(ec) : null;
      if (battle?.status !== 'open') return;
      ec.battle = battle;
    }
    await next();
  });

  composer.use('delivery', async (ec, next) => {
    const claim = await deliveries.claim(ec.event);
    ec.replay = claim.replay;
    if (!claim.fresh) {
      log.info({ delivery: ec.event.delivery, platform: ec.event.chat.platform, type: ec.event.type }, 'redelivered event answered once');
      Object.assign(ec.ack, claim.ack);
      ec.ack.duplicate = true;
      return;
    }
    try {
      await next();
    } finally {
      // A vote's ballot update (or the close it caused) is part of handling it: found by the chaos test
      // (test/chaos.test.ts), a process SIGKILLed between counting a vote and editing the ballot left the ballot one
      // vote short for good, the delivery being recorded as handled already. Recorded after that work instead, a
      // delivery whose process died mid-way is replayed, and the replay shows the count (voting.ts).
      const owed = ec.owedWork();
      if (owed) void arena.inFlight.track(owed.then(() => deliveries.complete(ec.event, ec.ack)));
      else deliveries.complete(ec.event, ec.ack);
    }
  });

  composer.use('enabled', async (ec, next) => {
    if (isPrompt(ec) && !ec.settings.enabled) {
      if (ec.event.addressed) ec.notice(ec.pt('arena-paused', { command: arena.ports.get(ec.event.chat.platform)?.port.commandHint?.('settings') ?? '/settings' }));
      return;
    }
    await next();
  });

  composer.use('person', async (ec, next) => {
    ec.user = await arena.userOf(ec.event);
    await next();
  });

  composer.use('consent', async (ec, next) => {
    await next();
    const { people } = parts;
    if (!people) return;
    const action = ec.event.type === 'action' ? decodeAction((ec.event as ActionEvent).data) : null;
    await people.afterEvent(ec, action);
    await people.maybeOfferProfile(ec, action);
  });

  composer.use('prompt', async (ec, next) => {
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
  });

  composer.use('target', async (ec, next) => {
    // A reply to a battle's message continues it; so does, where battles open threads, a message in a battle's thread.
    if (isPrompt(ec) && ec.battle === undefined) ec.battle = await battleOf(ec);
    await next();
  });

  composer.use('limits', async (ec, next) => {
    // Only prompts that will run count: a reply to a finished battle is answered without using up the person's quota.
    if (isPrompt(ec) && (!ec.battle || ec.battle.status === 'open')) {
      for (const [scope, key, message] of [
        ['person', ec.user.id, 'rate-limited'],
        ['chat', ec.chatRow.id, 'chat-rate-limited'],
      ] as const) {
        const waitMs = await rateLimits.consume(scope, key);
        if (waitMs > 0) {
          const seconds = Math.max(1, Math.ceil(waitMs / 1000));
          log.info({ chat: ec.chatRow.id, user: ec.user.id, limit: scope, seconds }, 'rate limited');
          return ec.speedNotice(ec.pt(message, { seconds }));
        }
      }
    }
    await next();
  });

  composer.use('spend', async (ec, next) => {
    // Daily limits on paid models stop new battles and follow-ups; a battle already running finishes.
    if (isPrompt(ec) && (!ec.battle || ec.battle.status === 'open')) {
      const limit = await arena.spend.check(ec.chatRow, ec.settings);
      if (limit) {
        const hours = Math.max(1, Math.ceil((limit.resetsAt.getTime() - Date.now()) / 3_600_000));
        log.info({ chat: ec.chatRow.id, scope: limit.scope, capUsd: limit.capUsd }, 'daily spending limit reached');
        return ec.notice(ec.pt(limit.scope === 'chat' ? 'spend-cap-chat' : 'spend-cap-all', { cap: limit.capUsd.toFixed(2), hours }));
      }
    }
    await next();
  });

  composer.use('route', async (ec) => {
    switch (ec.event.type) {
      case 'prompt': {
        const prompt = ec as EventContext<PromptEvent>;
        const text = prompt.event.text.trim();
        return ec.battle ? battles.continueBattle(prompt, ec.battle, text) : battles.start(prompt, text);
      }
      case 'action':
        return routeAction(ec as EventContext<ActionEvent>);
      case 'command': {
        const command = ec as EventContext<CommandEvent>;
        const { people } = parts;
        if (people && command.event.name === 'privacy') return people.onPrivacy(command, (command.event.chat.kind === 'private' ? ec.pt : ec.t)('privacy-text'));
        if (people && command.event.name === 'mydata') return people.onMyData(command);
        if (people && command.event.name === 'forget') return people.onForget(command);
        return commands.onCommand(command);
      }
      case 'submit':
        return routeSubmit(ec as EventContext<SubmitEvent>);
      default:
        return;
    }
  });

  const routeAction = async (ec: EventContext<ActionEvent>) => {
    const action = decodeAction(ec.event.data);
    if (!action) {
      log.warn({ chat: ec.chatRow.id, user: ec.user.id, length: String(ec.event.data).length }, 'malformed button data refused');
      return ec.notice(ec.pt('action-stale'));
    }
    if (action.kind === 'setting') return commands.onSetting(ec, action);
    if (action.kind === 'board') return commands.onBoard(ec, action);
    if (action.kind === 'topic') return startTopic(ec, action.topic);
    if (action.kind === 'me') return parts.people ? parts.people.onAction(ec, action) : ec.notice(ec.pt('action-stale'));
    const battle = await store.getBattleByToken(action.token);
    // A token from another chat is as good as forged: never act on it.
    if (!battle || battle.chatId !== ec.chatRow.id) {
      log.warn({ chat: ec.chatRow.id, user: ec.user.id, kind: action.kind }, 'stale or forged battle token refused');
      return ec.notice(ec.pt('action-stale'));
    }
    ec.battle = battle;
    switch (action.kind) {
      case 'vote':
        return voting.onVote(ec, action, battle);
      case 'voteReason':
        return voting.onVoteReason(ec, action, battle);
      case 'why':
        return voting.onWhy(ec, battle);
      case 'judge':
        return voting.onJudge(ec, action, battle);
      default:
        return voting.onReaction(ec, action, battle);
    }
  };

  /** A "battle this" press: a battle on the topic's prompt, counted against the person's and the chat's limits. */
  const startTopic = async (ec: EventContext<ActionEvent>, topicId: string) => {
    if (!ec.settings.enabled) return ec.notice(ec.pt('arena-paused', { command: arena.ports.get(ec.event.chat.platform)?.port.commandHint?.('settings') ?? '/settings' }));
    const prompt = await arena.features?.topicPrompt(ec, topicId);
    if (!prompt || !arena.features) return;
    for (const [scope, key, message] of [
      ['person', ec.user.id, 'rate-limited'],
      ['chat', ec.chatRow.id, 'chat-rate-limited'],
    ] as const) {
      const waitMs = await rateLimits.consume(scope, key);
      if (waitMs > 0) return ec.speedNotice(ec.pt(message, { seconds: Math.max(1, Math.ceil(waitMs / 1000)) }));
    }
    const promptEc = arena.features.promptFromTopic(ec, prompt);
    await battles.start(promptEc, prompt, { topic: topicId });
    const ack = promptEc.finish();
    if (ack.notice) ec.ack.notice = ack.notice;
    if (ack.done) ec.work('topic-battle', () => ack.done!);
  };

  const routeSubmit = async (ec: EventContext<SubmitEvent>) => {
    const form = decodeForm(ec.event.data);
    if (!form) {
      log.warn({ chat: ec.chatRow.id, user: ec.user.id }, 'malformed form data refused');
      return ec.notice(ec.pt('action-stale'));
    }
    if (form.kind === 'timezone') return commands.onTimezoneSubmitted(ec);
    if (form.kind === 'join') return arena.features?.join(ec, (ec.event.values.code ?? '').trim());
    const battle = await store.getBattleByToken(form.token);
    if (!battle || battle.chatId !== ec.chatRow.id) return ec.notice(ec.pt('action-stale'));
    return voting.onWhySubmitted(ec, battle);
  };

  return composer;
}

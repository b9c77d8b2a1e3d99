// The `route` middleware: prompts, buttons, commands and forms to the part of the arena that handles them.
import type { ActionEvent, CommandEvent, PromptEvent, SubmitEvent } from '../../port/types';
import { decodeAction, decodeForm } from '../actions';
import type { Middleware } from '../composer';
import type { ArenaContext } from '../context';
import type { EventContext } from '../event-context';
import type { PipelineParts } from '../pipeline';
import type { Ctx } from './event';
import { pausedNotice } from './chat';
import { consumeLimits } from './limits';

type RouteParts = Pick<PipelineParts, 'battles' | 'voting' | 'commands' | 'people'>;

export const routeMiddleware =
  (arena: ArenaContext, parts: RouteParts): Middleware<Ctx> =>
  async (ec) => {
    switch (ec.event.type) {
      case 'prompt': {
        const prompt = ec as EventContext<PromptEvent>;
        const text = prompt.event.text.trim();
        return ec.battle ? parts.battles.continueBattle(prompt, ec.battle, text) : parts.battles.start(prompt, text);
      }
      case 'action':
        return routeAction(arena, parts, ec as EventContext<ActionEvent>);
      case 'command': {
        const command = ec as EventContext<CommandEvent>;
        const { people } = parts;
        if (people && command.event.name === 'privacy') return people.onPrivacy(command, (command.event.chat.kind === 'private' ? ec.pt : ec.t)('privacy-text'));
        if (people && command.event.name === 'mydata') return people.onMyData(command);
        if (people && command.event.name === 'forget') return people.onForget(command);
        return parts.commands.onCommand(command);
      }
      case 'submit':
        return routeSubmit(arena, parts, ec as EventContext<SubmitEvent>);
      default:
        return;
    }
  };

/** The battle token of a button that acts on a battle (votes, reasons, reactions), or null. */
export function battleTokenOf(event: ActionEvent): string | null {
  const action = decodeAction(event.data);
  return action && 'token' in action ? action.token : null;
}

async function routeAction(arena: ArenaContext, parts: RouteParts, ec: EventContext<ActionEvent>) {
  const { store, log } = arena;
  const { commands, voting } = parts;
  const action = decodeAction(ec.event.data);
  if (!action) {
    log.warn({ chat: ec.chatRow.id, user: ec.user.id, length: String(ec.event.data).length }, 'malformed button data refused');
    return ec.notice(ec.pt('action-stale'));
  }
  if (action.kind === 'setting') return commands.onSetting(ec, action);
  if (action.kind === 'board') return commands.onBoard(ec, action);
  if (action.kind === 'topic') return startTopic(arena, parts, ec, action.topic);
  if (action.kind === 'me') return parts.people ? parts.people.onAction(ec, action) : ec.notice(ec.pt('action-stale'));
  const battle = await (ec.battleAsked ?? store.getBattleByToken(action.token));
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
}

/** A "battle this" press: a battle on the topic's prompt, counted against the person's and the chat's limits. */
async function startTopic(arena: ArenaContext, parts: RouteParts, ec: EventContext<ActionEvent>, topicId: string) {
  if (!ec.settings.enabled) return pausedNotice(arena, ec);
  const prompt = await arena.features?.topicPrompt(ec, topicId);
  if (!prompt || !arena.features) return;
  const limited = await consumeLimits(arena, ec);
  if (limited) return ec.speedNotice(ec.pt(limited.message, { seconds: limited.seconds }));
  const promptEc = arena.features.promptFromTopic(ec, prompt);
  await parts.battles.start(promptEc, prompt, { topic: topicId });
  const ack = promptEc.finish();
  if (ack.notice) ec.ack.notice = ack.notice;
  if (ack.done) ec.work('topic-battle', () => ack.done!);
}

async function routeSubmit(arena: ArenaContext, parts: RouteParts, ec: EventContext<SubmitEvent>) {
  const { store, log } = arena;
  const form = decodeForm(ec.event.data);
  if (!form) {
    log.warn({ chat: ec.chatRow.id, user: ec.user.id }, 'malformed form data refused');
    return ec.notice(ec.pt('action-stale'));
  }
  if (form.kind === 'timezone') return parts.commands.onTimezoneSubmitted(ec);
  if (form.kind === 'join') return arena.features?.join(ec, (ec.event.values.code ?? '').trim());
  const battle = await store.getBattleByToken(form.token);
  if (!battle || battle.chatId !== ec.chatRow.id) return ec.notice(ec.pt('action-stale'));
  return parts.voting.onWhySubmitted(ec, battle);
}

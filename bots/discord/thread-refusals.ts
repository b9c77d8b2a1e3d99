// A battle that could not get its thread (the bot lacks Create Public Threads or Send Messages in Threads there) runs
// in the channel; the person who asked is told which permission to grant: privately when they asked with a slash
// command (its prompt was the interaction's answer), else in one reply under their message, at most once an hour per
// channel so that a busy channel is not told again at every battle.
import type { Logger } from 'pino';
import type { I18n, Translate } from '../../core/i18n';
import type { PendingWork } from '../../core/pending-work';
import type { ChatAddress } from '../../core/port/types';
import type { DiscordCalls } from './calls';
import type { DiscordCache } from './context';
import type { PermissionName } from './permissions';
import { messageBody } from './render';
import type { Responder } from './responder';
import { parseRef } from './translate';

export interface ThreadRefusalDeps {
  i18n: I18n;
  log: Logger;
  calls: DiscordCalls;
  responder: Responder;
  cache: DiscordCache;
  inflight: PendingWork;
  onceEvery(key: string, ms: number): boolean;
  permissionNames(t: Translate, missing: readonly PermissionName[]): string;
}

export function createThreadRefusals(deps: ThreadRefusalDeps): (chat: ChatAddress, anchorRef: string, missing: PermissionName[]) => void {
  const { log, calls, responder, cache, inflight, onceEvery } = deps;
  return (chat, anchorRef, missing) => {
    if (onceEvery(`thread-permissions:${chat.id}`, 10 * 60_000)) log.info({ channel: chat.id, missing }, 'discord: battle threads not allowed here; battles go inline');
    const text = (t: Translate) => t('discord-thread-permissions', { permissions: deps.permissionNames(t, missing), bot: cache.botPerson().displayName ?? 'Pnyx' });
    const interaction = responder.answeredBy(anchorRef);
    if (interaction) {
      void inflight.track(responder.tellPrivately(interaction, text));
      return;
    }
    const at = parseRef(anchorRef);
    if (!at || !onceEvery(`thread-permissions-told:${chat.id}`, 60 * 60_000)) return;
    const body = messageBody({ text: text(deps.i18n.t(chat.locale)) });
    body.message_reference = { message_id: at.messageId, fail_if_not_exists: false };
    void inflight.track(
      calls.post(at.channelId, body).then(
        () => undefined,
        (error: unknown) => log.info({ err: error, channel: at.channelId }, 'discord: could not explain the missing thread permission'),
      ),
    );
  };
}

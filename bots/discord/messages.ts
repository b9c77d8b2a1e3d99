// Messages as prompts: a mention of the bot, a DM, a reply to a battle, a message in a battle's thread. A message can
// only be answered in the channel, so the core's notice (a refusal, an explanation) becomes a reply to it there.
import { MessagePayload } from './payloads';
import { missingFrom, neededToBattle, canManageGuild } from './permissions';
import type { AdapterContext } from './context';
import { messageBody } from './render';
import { messageEvent, parseRef } from './translate';
import type { Button } from '../../core/port/types';

export function createMessageHandler(ctx: AdapterContext): (raw: unknown) => Promise<void> {
  const { log, cache, i18n } = ctx;

  /** A reply to the person's message, in the channel (never pinging them: allowed_mentions is empty). */
  const replyTo = async (messageRef: string, text: string, buttons?: Button[][]) => {
    const at = parseRef(messageRef);
    if (!at) return;
    const body = messageBody({ text, ...(buttons ? { buttons } : {}) });
    body.message_reference = { message_id: at.messageId, fail_if_not_exists: false };
    await ctx.calls.post(at.channelId, body).catch((error: unknown) => log.warn({ err: error, channel: at.channelId }, 'discord: reply to a message failed'));
  };

  return async (raw) => {
    if (ctx.stopping) return;
    const botId = cache.botId();
    if (!botId) return; // not logged in yet: nothing can be told apart
    const parsed = MessagePayload.safeParse(raw);
    if (!parsed.success) {
      log.warn({ issues: parsed.error.issues.slice(0, 3) }, 'discord: malformed message dropped');
      return;
    }
    const payload = parsed.data;
    if (payload.author.id === botId || payload.author.bot) return; // never talk to bots: no loops
    if (!ctx.firstTime(`message:${payload.id}`)) {
      log.info({ message: payload.id }, 'discord: redelivered message ignored (already handled)');
      return;
    }
    const channel = payload.guild_id ? cache.channel(payload.channel_id) : undefined;
    const isAdmin = async () => {
      const bits = cache.memberPermissionsIn(payload.channel_id, payload.author.id);
      return bits !== undefined && canManageGuild(bits);
    };
    const meaning = messageEvent(payload, { botId, channel, isAdmin });
    if (meaning.kind === 'ignore') return;
    // No locale comes with a message: the server's language, else the chat's (the core negotiates the rest).
    const t = i18n.t(meaning.kind === 'prompt' ? meaning.event.chat.locale : meaning.chat.locale);
    if (payload.guild_id) {
      const bits = cache.botPermissionsIn(payload.channel_id);
      const missing = bits === undefined ? [] : missingFrom(bits, neededToBattle(Boolean(channel?.isThread)));
      if (missing.length) {
        // Nowhere to say it: the bot cannot write here. Said once in the log, for the admin.
        if (meaning.kind === 'prompt' && meaning.event.addressed && ctx.onceEvery(`permissions:${payload.channel_id}`, 10 * 60_000)) {
          log.info({ channel: payload.channel_id, missing }, 'discord: mentioned in a channel where the bot cannot answer');
        }
        return;
      }
    }
    if (meaning.kind === 'text-only') return replyTo(meaning.messageRef, t('discord-hint-text-only'));
    const ack = await ctx.handle(meaning.event, t);
    // Handled by another process (every gateway connection receives every message): it answered.
    if (ack.duplicate) return;
    if (ack.notice?.text) await replyTo(meaning.event.messageRef!, ack.notice.text, ack.notice.buttons);
    if (ack.done) void ctx.inflight.track(ack.done);
  };
}

// Interactions (slash commands, button presses, submitted modals) as core events, each answered within Discord's
// 3 seconds by the responder with the core's acknowledgement. A prompt in a channel where the bot could not post the
// battle is refused here, privately, naming the permission to grant: the core never sees it.
import { z } from 'zod';
import { InteractionPayload, INTERACTION_TYPES } from './payloads';
import { missingFrom, neededToBattle } from './permissions';
import type { AdapterContext } from './context';
import { CALLBACK } from './calls';
import { messageBody } from './render';
import { interactionEvent, THREAD_TYPES } from './translate';

/** Enough of a payload to answer it, when the rest does not check out. */
const Answerable = z.object({ id: z.string(), token: z.string(), type: z.number(), locale: z.string().optional() });

/** Commands whose answer is public (a battle's prompt, a leaderboard): a slow core defers them publicly. */
const PUBLIC_COMMANDS = new Set(['arena', 'leaderboard']);

export function createInteractionHandler(ctx: AdapterContext): (raw: unknown) => Promise<void> {
  const { log, responder, i18n } = ctx;

  /** A payload Pnyx cannot read: one log line, and an apology rather than "This interaction failed". */
  const malformed = async (raw: unknown, issues: unknown) => {
    const answerable = Answerable.safeParse(raw);
    log.warn({ issues, interaction: answerable.success ? answerable.data.id : undefined }, 'discord: malformed interaction dropped');
    if (!answerable.success || !INTERACTION_TYPES.includes(answerable.data.type)) return;
    const t = i18n.t(answerable.data.locale);
    await ctx.calls
      .callback(answerable.data.id, answerable.data.token, CALLBACK.reply, messageBody({ text: t('discord-error') }, { ephemeral: true }))
      .catch((error: unknown) => log.warn({ err: error }, 'discord: could not answer a malformed interaction'));
  };

  return async (raw) => {
    if (ctx.stopping) return;
    const parsed = InteractionPayload.safeParse(raw);
    if (!parsed.success) return malformed(raw, parsed.error.issues.slice(0, 3));
    const payload = parsed.data;
    if (!ctx.firstTime(`interaction:${payload.id}`)) {
      log.info({ interaction: payload.id }, 'discord: redelivered interaction ignored (already answered)');
      return;
    }
    const t = i18n.t(payload.locale);
    const meaning = interactionEvent(payload);
    const inThread = THREAD_TYPES.includes(payload.channel?.type ?? 0);
    responder.begin({
      id: payload.id,
      token: payload.token,
      applicationId: payload.application_id,
      channelId: payload.channel_id,
      kind: payload.type === 2 ? 'command' : payload.type === 3 ? 'component' : 'modal',
      fromMessage: payload.message !== undefined,
      publicByDefault: !payload.guild_id || (meaning.kind === 'event' && PUBLIC_COMMANDS.has(meaning.command ?? '')),
      t,
    });
    if (meaning.kind === 'unknown-command') {
      log.info({ command: meaning.name }, 'discord: unknown slash command (an old registration?)');
      return responder.refuse(payload.id, t('discord-unknown-command'));
    }
    // A battle needs the channel (or thread) for its replies and ballot; the interaction's own answer does not.
    if (meaning.command === 'arena' && payload.guild_id && payload.app_permissions !== undefined) {
      const missing = missingFrom(payload.app_permissions, neededToBattle(inThread));
      if (missing.length) {
        if (ctx.onceEvery(`permissions:${payload.channel_id}`, 10 * 60_000)) log.info({ channel: payload.channel_id, missing }, 'discord: missing permissions for a battle; told the person');
        return responder.refuse(payload.id, t('discord-missing-permissions', { permissions: ctx.permissionNames(t, missing), bot: ctx.cache.botPerson().displayName ?? 'Pnyx' }));
      }
    }
    const ack = await ctx.handle(meaning.event, t);
    if (ack.duplicate) {
      // Every process connected to the gateway receives every interaction; the database gave this one to another
      // process, which answers it (a second answer would be refused, or worse, come first and empty).
      responder.forget(payload.id);
      log.info({ interaction: payload.id }, 'discord: interaction handled by another process; leaving the answer to it');
      return;
    }
    await responder.acknowledge(payload.id, ack);
    const settled = (ack.done ?? Promise.resolve()).then(() => responder.settle(payload.id));
    void ctx.inflight.track(settled);
  };
}

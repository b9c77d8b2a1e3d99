// /privacy: what is stored and why, then the person's own status with a button to opt out of publication (or back in).
import type { Translate } from '../i18n';
import type { ActionEvent, Button, CommandEvent } from '../port/types';
import { encodeAction } from './actions';
import type { EventContext } from './event-context';
import { commandArgs, privateHere, type PeopleDeps } from './people-deps';

const privacyButtons = (pt: Translate, optedOut: boolean): Button[][] => [
  [
    optedOut
      ? { label: pt('privacy-btn-opt-in'), data: encodeAction({ kind: 'me', key: 'pub', value: 'in' }), style: 'success' }
      : { label: pt('privacy-btn-opt-out'), data: encodeAction({ kind: 'me', key: 'pub', value: 'out' }), style: 'danger' },
  ],
];

async function privacyStatus({ ctx, people }: PeopleDeps, ec: EventContext): Promise<{ text: string; buttons: Button[][] }> {
  const person = await people.getPerson(ec.user.id);
  const optedOut = person?.publishOptOut ?? false;
  const args = commandArgs(ctx, ec.event.chat.platform);
  const text = ec.pt('privacy-status', { ...args, optOut: optedOut ? 'yes' : 'no', chatPublish: ec.settings.publishData ? 'yes' : 'no' });
  return { text, buttons: privacyButtons(ec.pt, optedOut) };
}

/** `/privacy`: what is stored and why (the chat's language), then the person's own status with the opt-out button. */
export async function onPrivacy(deps: PeopleDeps, ec: EventContext<CommandEvent>, general: string): Promise<void> {
  const status = await privacyStatus(deps, ec);
  const text = `${general}\n\n${status.text}`;
  const { port, presenter } = deps.ctx.portFor(ec.event.chat.platform);
  // The person's own status goes only where only they read it: their private chat, or their private answer.
  if (ec.event.chat.kind === 'private') {
    ec.work('post', () => presenter.open(ec.event.chat, { text, role: 'info', buttons: status.buttons }, { answering: ec.event.delivery }).settled());
    return;
  }
  if (ec.event.privateReply && text.length <= port.limits.maxNoticeChars) return ec.notice(text, port.limits.privateButtons ? { buttons: status.buttons } : {});
  // In public the status is the asker's, so it is not shown there; the button acts for whoever presses it.
  ec.work('post', () =>
    presenter
      .open(ec.event.chat, { text: general, role: 'info', buttons: [[privacyButtons(ec.pt, false)[0]![0]!, privacyButtons(ec.pt, true)[0]![0]!]] }, {
        ...(ec.event.messageRef ? { replyTo: ec.event.messageRef } : {}),
        answering: ec.event.delivery,
      })
      .settled(),
  );
}

/** The opt-out button (or back in): the choice stored, and the status shown again where the message is the person's own. */
export async function onPublication(deps: PeopleDeps, ec: EventContext<ActionEvent>, value: 'out' | 'in'): Promise<void> {
  const { ctx, people } = deps;
  await people.setPublishOptOut(ec.user.id, value === 'out');
  ec.user.publishOptOut = value === 'out';
  ctx.log.info({ user: ec.user.id, optOut: value === 'out' }, 'publication choice changed');
  ec.notice(ec.pt(value === 'out' ? 'privacy-opted-out' : 'privacy-opted-in'));
  if (privateHere(ec.event) && (ec.event.chat.kind === 'private' || ctx.portFor(ec.event.chat.platform).port.limits.privateButtons)) {
    const status = await privacyStatus(deps, ec);
    ec.ack.replace = { text: status.text, buttons: status.buttons, role: 'info' };
  }
}

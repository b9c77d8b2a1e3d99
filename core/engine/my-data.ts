// /mydata and /forget: everything stored about a person as a JSON file, privately; erasure after a confirm button,
// keeping their votes anonymously if they choose.
import type { Translate } from '../i18n';
import type { ActionEvent, Button, CommandEvent } from '../port/types';
import { encodeAction } from './actions';
import type { EventContext } from './event-context';
import { hint, privateHere, type PeopleDeps } from './people-deps';

export async function onMyData({ ctx, people }: PeopleDeps, ec: EventContext<CommandEvent>): Promise<void> {
  const { event } = ec;
  const data = await people.personalData(ec.user.id);
  if (!data) return ec.notice(ec.pt('mydata-nothing'));
  const file = {
    name: `pnyx-my-data-${new Date().toISOString().slice(0, 10)}.json`,
    mime: 'application/json',
    bytes: new TextEncoder().encode(`${JSON.stringify({ exportedAt: new Date().toISOString(), ...data }, null, 2)}\n`),
  };
  const text = ec.pt('mydata-sent', { prompts: data.prompts.length, votes: data.votes.length, reactions: data.reactions.length });
  ctx.log.info({ user: ec.user.id, platform: event.chat.platform, bytes: file.bytes.length }, 'personal data sent to the person');
  if (privateHere(event)) return ec.notice(text, { file });
  // Only a direct message is private enough; the chat is told no more than that.
  const { port } = ctx.portFor(event.chat.platform);
  const sent = port.sendDirect ? await port.sendDirect(event.from, { text, file }).catch(() => false) : false;
  ec.notice(sent ? ec.pt('mydata-sent-direct') : ec.pt('mydata-private-only', { command: hint(ctx, event.chat.platform)('mydata') }));
}

const forgetButtons = (pt: Translate): Button[][] => [
  [{ label: pt('forget-btn-all'), data: encodeAction({ kind: 'me', key: 'fgt', value: 'all' }), style: 'danger' }],
  [{ label: pt('forget-btn-keep-votes'), data: encodeAction({ kind: 'me', key: 'fgt', value: 'keep' }), style: 'danger' }],
  [{ label: pt('forget-btn-cancel'), data: encodeAction({ kind: 'me', key: 'fgt', value: 'no' }), style: 'secondary' }],
];

export function onForget({ ctx }: PeopleDeps, ec: EventContext<CommandEvent>): void {
  const text = ec.pt('forget-confirm');
  const buttons = forgetButtons(ec.pt);
  const { port, presenter } = ctx.portFor(ec.event.chat.platform);
  if (ec.event.privateReply && ec.event.chat.kind === 'group' && port.limits.privateButtons) return ec.notice(text, { buttons });
  // A private chat, or a group where buttons are public: the buttons erase the data of whoever presses them, after
  // this confirmation, never of the person who asked.
  ec.work('post', () =>
    presenter.open(ec.event.chat, { text, role: 'info', buttons }, { ...(ec.event.messageRef ? { replyTo: ec.event.messageRef } : {}), answering: ec.event.delivery }).settled(),
  );
}

export async function erase({ ctx, people }: PeopleDeps, ec: EventContext<ActionEvent>, keepVotes: boolean): Promise<void> {
  const started = Date.now();
  const result = await people.erasePerson(ec.user.id, { keepVotes, at: new Date() });
  ctx.forgetUser(ec.event.from.platform, ec.event.from.id);
  if (ec.event.chat.kind === 'private') ctx.forgetChat(ec.event.chat.platform, ec.event.chat.id);
  ctx.log.info({ user: ec.user.id, keepVotes, ...result, ms: Date.now() - started }, 'person erased their data');
  const text = ec.pt('forget-done', { ...result, kept: result.votesKept });
  ec.notice(text, { alert: true });
  if (ec.event.chat.kind === 'private' || ctx.portFor(ec.event.chat.platform).port.limits.privateButtons) ec.ack.replace = { text, role: 'info' };
}

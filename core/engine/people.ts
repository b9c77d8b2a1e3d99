// People's rights over their data (issue 16), the same on every platform because it goes through the port:
//   consent   the first time a person acts (a prompt, a vote, a reaction), they are told once, privately and in their
//             language, what is stored, what may be published and how to see or erase it (User.consentedAt)
//   /privacy  their status, with a button to opt out of publication (or back in)
//   /mydata   everything stored about them as a JSON file, privately
//   /forget   erasure after a confirm button, keeping their votes anonymously if they choose
//   profile   a few optional questions as buttons, offered once after the third vote (profile.ts)
import type { Translate } from '../i18n';
import type { ActionEvent, Button, CommandEvent, Notice, PnyxEvent } from '../port/types';
import type { PeopleStore } from '../store/sql/people';
import { encodeAction, type Action } from './actions';
import type { ArenaContext } from './context';
import type { EventContext } from './event-context';
import { PROFILE_OFFER_AFTER_VOTES, profileOfferButtons, profileStep } from './profile';

/** The kinds of button press that act on a battle (count as taking part, for the consent notice). */
const TAKING_PART = new Set<Action['kind']>(['vote', 'react', 'reason']);

export function createPeople(ctx: ArenaContext, people: PeopleStore) {
  const { log, portFor } = ctx;

  const hint = (platform: string) => (name: string) => ctx.ports.get(platform)?.port.commandHint?.(name) ?? `/${name}`;
  const commandArgs = (platform: string) => {
    const h = hint(platform);
    return { privacy: h('privacy'), mydata: h('mydata'), forget: h('forget') };
  };

  /** The event can be answered where only the person sees it. */
  const privateHere = (event: PnyxEvent) => event.privateReply === true || event.chat.kind === 'private';

  /**
   * How the consent notice reaches the person, decided before anything is recorded: with the private answer when it
   * fits in full, else by direct message in a private chat (the same chat), else the short form with the private
   * answer (a popup), else by direct message, else posted when the chat is private. Null when
   * there is no private way this time (a plain group message, no direct messages): it is then shown next time.
   */
  const consentPlan = (ec: EventContext): ((full: string, short: string) => void) | null => {
    const { port, presenter } = portFor(ec.event.chat.platform);
    const existing = ec.ack.notice;
    const append = (text: string) => (existing?.text ? `${existing.text}\n\n${text}` : text);
    const fits = (text: string) => privateHere(ec.event) && !ec.ack.form && append(text).length <= port.limits.maxNoticeChars;
    const intoNotice = (text: string) => {
      ec.ack.notice = { ...(existing ?? {}), text: append(text) };
    };
    if (privateHere(ec.event) && !ec.ack.form) {
      return (full, short) => {
        const inPrivateChat = ec.event.chat.kind === 'private';
        if (fits(full)) intoNotice(full);
        else if (inPrivateChat && port.sendDirect) direct(ec, full);
        else if (fits(short)) intoNotice(short);
        else if (port.sendDirect) direct(ec, full);
        else if (inPrivateChat) ec.work('consent', () => presenter.open(ec.event.chat, { text: full, role: 'info' }).settled());
        else
          ec.work('consent', async () => {
            await people.clearConsentShown(ec.user.id);
            ec.user.consentedAt = null;
          });
      };
    }
    if (port.sendDirect) return (full) => direct(ec, full);
    return null;
  };

  /** The notice by direct message; when the person cannot be reached so, it is shown the next time instead. */
  const direct = (ec: EventContext, text: string) =>
    ec.work('consent', async () => {
      const { port } = portFor(ec.event.chat.platform);
      const sent = await port.sendDirect!(ec.event.from, { text }).catch(() => false);
      if (sent) return;
      await people.clearConsentShown(ec.user.id);
      ec.user.consentedAt = null;
    });

  /** Whether this event is the person taking part (their data is about to be stored). */
  const takesPart = (ec: EventContext, action: Action | null): boolean => {
    // A slash command's prompt (hidden) is publicly answered by the prompt shown to everyone, which some platforms tie
    // to the command itself: the notice waits for the person's next act rather than take that answer's place.
    if (ec.event.type === 'prompt') return ec.working && !(ec.event as PnyxEvent & { hidden?: boolean }).hidden;
    // A press on a battle of this chat that is still running (a reaction: any battle that did not fail); a stale or
    // forged button stores nothing.
    if (ec.event.type !== 'action' || action === null || !TAKING_PART.has(action.kind) || !ec.battle) return false;
    return action.kind === 'vote' ? ec.battle.status === 'open' : ec.battle.status !== 'failed';
  };

  /** Middleware part: after the event was handled, the consent notice the first time the person takes part. */
  const afterEvent = async (ec: EventContext, action: Action | null): Promise<void> => {
    if (!takesPart(ec, action) || ec.user.consentedAt || ec.ack.duplicate) return;
    const plan = consentPlan(ec);
    if (!plan) return;
    // The conditional write decides, across processes and restarts, the one event that shows it.
    const shown = await people.markConsentShown(ec.user.id, new Date());
    ec.user.consentedAt = new Date();
    if (!shown) return;
    const args = commandArgs(ec.event.chat.platform);
    log.info({ user: ec.user.id, platform: ec.event.chat.platform }, 'consent notice shown');
    plan(ec.pt('consent-notice', args), ec.pt('consent-short', args));
  };

  /** After a counted vote: the optional profile, offered once, from the third vote on, where buttons can be private. */
  const maybeOfferProfile = async (ec: EventContext, action: Action | null): Promise<void> => {
    if (action?.kind !== 'vote' || !ec.ack.notice?.buttons || ec.user.profileAskedAt) return;
    if ((await people.voteCount(ec.user.id)) < PROFILE_OFFER_AFTER_VOTES) return;
    if (!(await people.markProfileAsked(ec.user.id, new Date()))) return;
    ec.user.profileAskedAt = new Date();
    const notice = ec.ack.notice;
    ec.ack.notice = { ...notice, text: `${notice.text}\n\n${ec.pt('profile-offer')}`, buttons: [...(notice.buttons ?? []), profileOfferButtons(ec.pt)] };
  };

  // === /privacy ===============================================================================

  const privacyButtons = (pt: Translate, optedOut: boolean): Button[][] => [
    [
      optedOut
        ? { label: pt('privacy-btn-opt-in'), data: encodeAction({ kind: 'me', key: 'pub', value: 'in' }), style: 'success' }
        : { label: pt('privacy-btn-opt-out'), data: encodeAction({ kind: 'me', key: 'pub', value: 'out' }), style: 'danger' },
    ],
  ];

  const privacyStatus = async (ec: EventContext): Promise<{ text: string; buttons: Button[][] }> => {
    const person = await people.getPerson(ec.user.id);
    const optedOut = person?.publishOptOut ?? false;
    const args = commandArgs(ec.event.chat.platform);
    const text = ec.pt('privacy-status', { ...args, optOut: optedOut ? 'yes' : 'no', chatPublish: ec.settings.publishData ? 'yes' : 'no' });
    return { text, buttons: privacyButtons(ec.pt, optedOut) };
  };

  /** `/privacy`: what is stored and why (the chat's language), then the person's own status with the opt-out button. */
  const onPrivacy = async (ec: EventContext<CommandEvent>, general: string): Promise<void> => {
    const status = await privacyStatus(ec);
    const text = `${general}\n\n${status.text}`;
    const { port, presenter } = portFor(ec.event.chat.platform);
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
  };

  // === /mydata ================================================================================

  const onMyData = async (ec: EventContext<CommandEvent>): Promise<void> => {
    const { event } = ec;
    const data = await people.personalData(ec.user.id);
    if (!data) return ec.notice(ec.pt('mydata-nothing'));
    const file = {
      name: `pnyx-my-data-${new Date().toISOString().slice(0, 10)}.json`,
      mime: 'application/json',
      bytes: new TextEncoder().encode(`${JSON.stringify({ exportedAt: new Date().toISOString(), ...data }, null, 2)}\n`),
    };
    const text = ec.pt('mydata-sent', { prompts: data.prompts.length, votes: data.votes.length, reactions: data.reactions.length });
    log.info({ user: ec.user.id, platform: event.chat.platform, bytes: file.bytes.length }, 'personal data sent to the person');
    if (privateHere(event)) return ec.notice(text, { file });
    // Only a direct message is private enough; the chat is told no more than that.
    const { port } = portFor(event.chat.platform);
    const sent = port.sendDirect ? await port.sendDirect(event.from, { text, file }).catch(() => false) : false;
    ec.notice(sent ? ec.pt('mydata-sent-direct') : ec.pt('mydata-private-only', { command: hint(event.chat.platform)('mydata') }));
  };

  // === /forget ================================================================================

  const forgetButtons = (pt: Translate): Button[][] => [
    [{ label: pt('forget-btn-all'), data: encodeAction({ kind: 'me', key: 'fgt', value: 'all' }), style: 'danger' }],
    [{ label: pt('forget-btn-keep-votes'), data: encodeAction({ kind: 'me', key: 'fgt', value: 'keep' }), style: 'danger' }],
    [{ label: pt('forget-btn-cancel'), data: encodeAction({ kind: 'me', key: 'fgt', value: 'no' }), style: 'secondary' }],
  ];

  const onForget = (ec: EventContext<CommandEvent>): void => {
    const text = ec.pt('forget-confirm');
    const buttons = forgetButtons(ec.pt);
    const { port, presenter } = portFor(ec.event.chat.platform);
    if (ec.event.privateReply && ec.event.chat.kind === 'group' && port.limits.privateButtons) return ec.notice(text, { buttons });
    // A private chat, or a group where buttons are public: the buttons erase the data of whoever presses them, after
    // this confirmation, never of the person who asked.
    ec.work('post', () =>
      presenter.open(ec.event.chat, { text, role: 'info', buttons }, { ...(ec.event.messageRef ? { replyTo: ec.event.messageRef } : {}), answering: ec.event.delivery }).settled(),
    );
  };

  const erase = async (ec: EventContext<ActionEvent>, keepVotes: boolean): Promise<void> => {
    const started = Date.now();
    const result = await people.erasePerson(ec.user.id, { keepVotes, at: new Date() });
    ctx.forgetUser(ec.event.from.platform, ec.event.from.id);
    if (ec.event.chat.kind === 'private') ctx.forgetChat(ec.event.chat.platform, ec.event.chat.id);
    log.info({ user: ec.user.id, keepVotes, ...result, ms: Date.now() - started }, 'person erased their data');
    const text = ec.pt('forget-done', { ...result, kept: result.votesKept });
    ec.notice(text, { alert: true });
    if (ec.event.chat.kind === 'private' || portFor(ec.event.chat.platform).port.limits.privateButtons) ec.ack.replace = { text, role: 'info' };
  };

  // === Buttons ================================================================================

  const onAction = async (ec: EventContext<ActionEvent>, action: Action & { kind: 'me' }): Promise<void> => {
    const { key, value } = action;
    if (key === 'pub' && (value === 'out' || value === 'in')) {
      await people.setPublishOptOut(ec.user.id, value === 'out');
      ec.user.publishOptOut = value === 'out';
      log.info({ user: ec.user.id, optOut: value === 'out' }, 'publication choice changed');
      ec.notice(ec.pt(value === 'out' ? 'privacy-opted-out' : 'privacy-opted-in'));
      if (privateHere(ec.event) && (ec.event.chat.kind === 'private' || portFor(ec.event.chat.platform).port.limits.privateButtons)) {
        const status = await privacyStatus(ec);
        ec.ack.replace = { text: status.text, buttons: status.buttons, role: 'info' };
      }
      return;
    }
    if (key === 'fgt') {
      if (value === 'all' || value === 'keep') return erase(ec, value === 'keep');
      if (value === 'no') return ec.notice(ec.pt('forget-cancelled'));
    }
    if (key === 'prf') {
      const step = await profileStep(ec.pt, people, ec.user.id, value, commandArgs(ec.event.chat.platform));
      if (!step) return ec.notice(ec.pt('action-stale'));
      const notice: Notice = { text: step.text, ...(step.buttons.length ? { buttons: step.buttons } : {}) };
      // The questions follow one another on the pressed message where it is the person's own; else as notices.
      if (ec.event.chat.kind === 'private' || portFor(ec.event.chat.platform).port.limits.privateButtons) {
        ec.ack.replace = { text: notice.text, ...(notice.buttons ? { buttons: notice.buttons } : {}), role: 'info' };
        if (step.toast) ec.notice(step.toast);
        return;
      }
      return ec.notice(notice.text, notice.buttons ? { buttons: notice.buttons } : {});
    }
    log.warn({ user: ec.user.id, key }, 'unknown personal action refused');
    ec.notice(ec.pt('action-stale'));
  };

  return { afterEvent, maybeOfferProfile, onPrivacy, onMyData, onForget, onAction };
}

export type People = ReturnType<typeof createPeople>;

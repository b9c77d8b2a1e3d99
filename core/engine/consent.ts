// The consent notice: the first time a person acts (a prompt, a vote, a reaction), they are told once, privately and
// in their language, what is stored, what may be published and how to see or erase it (User.consentedAt); and the
// optional profile, offered once after the third vote (profile.ts).
import type { PnyxEvent } from '../port/types';
import type { Action } from './actions';
import type { EventContext } from './event-context';
import { commandArgs, privateHere, type PeopleDeps } from './people-deps';
import { PROFILE_OFFER_AFTER_VOTES, profileOfferButtons } from './profile';

/** The kinds of button press that act on a battle (count as taking part, for the consent notice). */
const TAKING_PART = new Set<Action['kind']>(['vote', 'react', 'reason']);

/**
 * How the consent notice reaches the person, decided before anything is recorded: with the private answer when it
 * fits in full, else by direct message in a private chat (the same chat), else the short form with the private
 * answer (a popup), else by direct message, else posted when the chat is private. Null when
 * there is no private way this time (a plain group message, no direct messages): it is then shown next time.
 */
function consentPlan(deps: PeopleDeps, ec: EventContext): ((full: string, short: string) => void) | null {
  const { port, presenter } = deps.ctx.portFor(ec.event.chat.platform);
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
      else if (inPrivateChat && port.sendDirect) direct(deps, ec, full);
      else if (fits(short)) intoNotice(short);
      else if (port.sendDirect) direct(deps, ec, full);
      else if (inPrivateChat) ec.work('consent', () => presenter.open(ec.event.chat, { text: full, role: 'info' }).settled());
      else
        ec.work('consent', async () => {
          await deps.people.clearConsentShown(ec.user.id);
          ec.user.consentedAt = null;
        });
    };
  }
  if (port.sendDirect) return (full) => direct(deps, ec, full);
  return null;
}

/** The notice by direct message; when the person cannot be reached so, it is shown the next time instead. */
const direct = ({ ctx, people }: PeopleDeps, ec: EventContext, text: string) =>
  ec.work('consent', async () => {
    const { port } = ctx.portFor(ec.event.chat.platform);
    const sent = await port.sendDirect!(ec.event.from, { text }).catch(() => false);
    if (sent) return;
    await people.clearConsentShown(ec.user.id);
    ec.user.consentedAt = null;
  });

/** Whether this event is the person taking part (their data is about to be stored). */
function takesPart(ec: EventContext, action: Action | null): boolean {
  // A slash command's prompt (hidden) is publicly answered by the prompt shown to everyone, which some platforms tie
  // to the command itself: the notice waits for the person's next act rather than take that answer's place.
  if (ec.event.type === 'prompt') return ec.working && !(ec.event as PnyxEvent & { hidden?: boolean }).hidden;
  // A press on a battle of this chat that is still running (a reaction: any battle that did not fail); a stale or
  // forged button stores nothing.
  if (ec.event.type !== 'action' || action === null || !TAKING_PART.has(action.kind) || !ec.battle) return false;
  return action.kind === 'vote' ? ec.battle.status === 'open' : ec.battle.status !== 'failed';
}

/** Middleware part: after the event was handled, the consent notice the first time the person takes part. */
export async function afterEvent(deps: PeopleDeps, ec: EventContext, action: Action | null): Promise<void> {
  if (!takesPart(ec, action) || ec.user.consentedAt || ec.ack.duplicate) return;
  const plan = consentPlan(deps, ec);
  if (!plan) return;
  // The conditional write decides, across processes and restarts, the one event that shows it.
  const shown = await deps.people.markConsentShown(ec.user.id, new Date());
  ec.user.consentedAt = new Date();
  if (!shown) return;
  const args = commandArgs(deps.ctx, ec.event.chat.platform);
  deps.ctx.log.info({ user: ec.user.id, platform: ec.event.chat.platform }, 'consent notice shown');
  plan(ec.pt('consent-notice', args), ec.pt('consent-short', args));
}

/** After a counted vote: the optional profile, offered once, from the third vote on, where buttons can be private. */
export async function maybeOfferProfile({ people }: PeopleDeps, ec: EventContext, action: Action | null): Promise<void> {
  if (action?.kind !== 'vote' || !ec.ack.notice?.buttons || ec.user.profileAskedAt) return;
  if ((await people.voteCount(ec.user.id)) < PROFILE_OFFER_AFTER_VOTES) return;
  if (!(await people.markProfileAsked(ec.user.id, new Date()))) return;
  ec.user.profileAskedAt = new Date();
  const notice = ec.ack.notice;
  ec.ack.notice = { ...notice, text: `${notice.text}\n\n${ec.pt('profile-offer')}`, buttons: [...(notice.buttons ?? []), profileOfferButtons(ec.pt)] };
}

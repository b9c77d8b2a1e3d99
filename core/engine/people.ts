// People's rights over their data (issue 16), the same on every platform because it goes through the port:
//   consent   the first time a person acts (a prompt, a vote, a reaction), they are told once, privately and in their
//             language, what is stored, what may be published and how to see or erase it (User.consentedAt)
//   /privacy  their status, with a button to opt out of publication (or back in)
//   /mydata   everything stored about them as a JSON file, privately
//   /forget   erasure after a confirm button, keeping their votes anonymously if they choose
//   profile   a few optional questions as buttons, offered once after the third vote (profile.ts)
// The parts: consent.ts (the notice, the profile offer), privacy-status.ts (/privacy, the opt-out), my-data.ts
// (/mydata, /forget).
import type { ActionEvent, CommandEvent, Notice } from '../port/types';
import type { PeopleStore } from '../store/sql/people';
import type { Action } from './actions';
import { afterEvent, maybeOfferProfile } from './consent';
import type { ArenaContext } from './context';
import type { EventContext } from './event-context';
import { erase, onForget, onMyData } from './my-data';
import { commandArgs, type PeopleDeps } from './people-deps';
import { onPrivacy, onPublication } from './privacy-status';
import { profileStep } from './profile';

export function createPeople(ctx: ArenaContext, people: PeopleStore) {
  const deps: PeopleDeps = { ctx, people };
  return {
    afterEvent: (ec: EventContext, action: Action | null) => afterEvent(deps, ec, action),
    maybeOfferProfile: (ec: EventContext, action: Action | null) => maybeOfferProfile(deps, ec, action),
    onPrivacy: (ec: EventContext<CommandEvent>, general: string) => onPrivacy(deps, ec, general),
    onMyData: (ec: EventContext<CommandEvent>) => onMyData(deps, ec),
    onForget: (ec: EventContext<CommandEvent>) => onForget(deps, ec),
    onAction: (ec: EventContext<ActionEvent>, action: Action & { kind: 'me' }) => onAction(deps, ec, action),
  };
}

/** The buttons of people's rights: publication, erasure, the profile's questions. */
async function onAction(deps: PeopleDeps, ec: EventContext<ActionEvent>, action: Action & { kind: 'me' }): Promise<void> {
  const { ctx, people } = deps;
  const { log, portFor } = ctx;
  const { key, value } = action;
  if (key === 'pub' && (value === 'out' || value === 'in')) return onPublication(deps, ec, value);
  if (key === 'fgt') {
    if (value === 'all' || value === 'keep') return erase(deps, ec, value === 'keep');
    if (value === 'no') return ec.notice(ec.pt('forget-cancelled'));
  }
  if (key === 'prf') {
    const step = await profileStep(ec.pt, people, ec.user.id, value, commandArgs(ctx, ec.event.chat.platform));
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
}

export type People = ReturnType<typeof createPeople>;

// Commands (/help, /privacy, /leaderboard, /settings; /arena is a prompt) and the settings menu's buttons and forms.
// Short answers to one person go in the acknowledgement where the platform can answer privately; everything posted in
// the chat is work that follows it. The parts: command-replies.ts (how they answer), settings-menu.ts (the menu, its
// buttons and forms), board-posts.ts (the leaderboard on request).
import type { ActionEvent, CommandEvent, SubmitEvent } from '../port/types';
import type { Action } from './actions';
import { onBoard, postBoard } from './board-posts';
import { answer, hintOf, isAdmin, post } from './command-replies';
import type { ArenaContext } from './context';
import type { EventContext } from './event-context';
import { CAMPAIGN_WORDS } from './pipeline';
import { menuFor, onSetting, onTimezoneSubmitted, setTimezone } from './settings-menu';

export function createCommands(ctx: ArenaContext) {
  return {
    onCommand: (ec: EventContext<CommandEvent>) => onCommand(ctx, ec),
    onSetting: (ec: EventContext<ActionEvent>, action: Action & { kind: 'setting' }) => onSetting(ctx, ec, action),
    onTimezoneSubmitted: (ec: EventContext<SubmitEvent>) => onTimezoneSubmitted(ctx, ec),
    onBoard: (ec: EventContext<ActionEvent>, action: Action & { kind: 'board' }) => onBoard(ctx, ec, action),
  };
}

async function onCommand(ctx: ArenaContext, ec: EventContext<CommandEvent>): Promise<void> {
  const { portFor } = ctx;
  const { event } = ec;
  const t = event.chat.kind === 'private' ? ec.pt : ec.t;
  const hint = hintOf(ctx, event.chat.platform);
  switch (event.name) {
    case 'arena': {
      // Only `/arena join CODE`, `/arena leave` and `/arena campaign` reach here; other /arena text became a prompt.
      const [, word, code] = CAMPAIGN_WORDS.exec(event.args.trim()) ?? [];
      const features = ctx.features;
      if (!features) return;
      if (word?.toLowerCase() === 'join') return code ? features.join(ec, code) : ec.notice(ec.pt('campaign-join-usage', { command: hint('arena') }));
      if (word?.toLowerCase() === 'leave') return features.leave(ec);
      return features.showProgress(ec);
    }
    case 'campaign':
      return ctx.features?.showProgress(ec);
    case 'start':
      return answer(ctx, ec, t('start-text', helpArgs(hint)));
    case 'help':
      return answer(ctx, ec, t('help-text', helpArgs(hint)));
    case 'privacy':
      return answer(ctx, ec, t('privacy-text'));
    case 'settings': {
      if (!(await isAdmin(ctx, event))) return ec.notice(ec.pt('settings-admins-only'));
      let row = ec.chatRow;
      // `/settings timezone Europe/Paris` (or the command's timezone option): the one setting typed where no form exists.
      const args = event.args.trim();
      const zone = args.match(/^(?:tz|timezone)?\s*(\S+\/\S+|UTC|GMT)$/i)?.[1];
      if (args && !zone) return ec.notice(ec.pt('settings-usage', { command: hint('settings') }));
      if (zone) {
        const changed = await setTimezone(ctx, ec, zone);
        if (!changed) return;
        row = changed;
      }
      const menu = await menuFor(ctx, ec, row, ec.settings);
      const { port } = portFor(event.chat.platform);
      // Admins get the menu privately where the platform can show one person buttons; else it is posted.
      if (event.chat.kind === 'group' && event.privateReply && port.limits.privateButtons) ec.notice(menu.text, { buttons: menu.buttons });
      else post(ctx, ec, menu);
      return;
    }
    case 'leaderboard':
      return postBoard(ctx, ec, null);
  }
}

/** The command names as this platform writes them, for the help text's placeables. */
function helpArgs(hint: (name: string) => string): Record<string, string> {
  return { arena: hint('arena'), leaderboard: hint('leaderboard'), privacy: hint('privacy'), settings: hint('settings'), help: hint('help') };
}

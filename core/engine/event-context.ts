// The context one event carries through the middleware chain: the event, the arena, what the middleware found on the
// way (the chat's row and settings, the person's row, the battle a follow-up or a button refers to), the acknowledgement
// being built, and the work started for after it. Fields are filled in chain order: `chatRow` and `settings` after the
// "chat" middleware, `user` after "person", `battle` by "target" (follow-ups) or the router (buttons).
import type { ChatSettings } from '../config/chat-settings';
import type { Locale, Translate } from '../i18n';
import type { Ack, Notice, PnyxEvent } from '../port/types';
import type { BattleRow, ChatRow, UserRow } from '../store/types';
import type { ArenaContext } from './context';

export class EventContext<E extends PnyxEvent = PnyxEvent> {
  chatRow!: ChatRow;
  settings!: ChatSettings;
  user!: UserRow;
  /** The battle a button names, asked for early (by "delivery", alongside its claim); the router checks it. */
  battleAsked?: Promise<BattleRow | null>;
  /** The battle the event is about, once a middleware resolved it. */
  battle?: BattleRow | null;
  /** The delivery was claimed before by a process that died mid-way: part of its work may already be done. */
  replay = false;
  readonly ack: Ack = {};
  private readonly jobs: Array<Promise<void>> = [];
  /** Work the delivery is not handled without (see work's `untilComplete`). */
  private readonly owed: Array<Promise<void>> = [];
  private personTranslate?: Translate;
  private chatTranslate?: Translate;

  constructor(
    readonly event: E,
    readonly arena: ArenaContext,
  ) {}

  /** The person's language, as a supported locale (private answers, popups, forms). */
  get personLocale(): Locale {
    return this.arena.personLocale(this.event, this.chatRow, this.settings);
  }

  /** The chat's language, as a supported locale (what everyone in the chat reads). */
  get chatLocale(): Locale {
    return this.arena.chatLocale(this.chatRow, this.settings);
  }

  /** The person's language (private answers). */
  get pt(): Translate {
    return (this.personTranslate ??= this.arena.personT(this.event, this.chatRow, this.settings));
  }

  /** The chat's language (what everyone sees). */
  get t(): Translate {
    return (this.chatTranslate ??= this.arena.chatT(this.chatRow, this.settings));
  }

  /** Set by speedNotice: the notice may be left out where it could only be posted publicly (see ack-notices.ts). */
  coalescible: 'person' | 'chat' | undefined;

  /** Answers the person privately (and lets the chain stop). */
  notice(text: string, extra: Omit<Notice, 'text'> = {}): void {
    this.ack.notice = { text, ...extra };
  }

  /**
   * A notice about speed (going too fast, waiting in line). Where it can only be posted in the chat for everyone, it
   * is shown at most once a minute per person (`person`) or per chat (`chat`: it concerns everyone there, like battles
   * taking turns), so a busy group is not filled with notices that themselves count against its message budget.
   */
  speedNotice(text: string, per: 'person' | 'chat' = 'person'): void {
    this.notice(text);
    this.coalescible = per;
  }

  /**
   * Starts work that continues after the acknowledgement; `ack.done` waits for all of it. `untilComplete`: the delivery
   * is recorded as handled only once this work is over, so that a process dying before it finished leaves the delivery
   * to be handled again (replayed) by another process — for short work nothing else would redo (a ballot's count).
   */
  work(name: string, run: () => Promise<void>, options: { untilComplete?: boolean } = {}): void {
    const job = this.arena.spawn(name, run, { platform: this.event.chat.platform, chat: this.event.chat.id, type: this.event.type });
    this.jobs.push(job);
    if (options.untilComplete) this.owed.push(job);
  }

  /** Resolves when the work the delivery owes is over (at once when it owes none). */
  owedWork(): Promise<void> | undefined {
    return this.owed.length ? Promise.all(this.owed).then(() => undefined) : undefined;
  }

  /** Whether the event started work (a prompt that became a battle or a follow-up, rather than a refusal). */
  get working(): boolean {
    return this.jobs.length > 0;
  }

  /** The acknowledgement, with `done` resolving once every piece of work it started has finished. */
  finish(): Ack {
    if (this.jobs.length) this.ack.done = Promise.all(this.jobs).then(() => undefined);
    return this.ack;
  }
}

// The playground's ChatPort: the core's messages become room events that every member's page receives over
// Server-Sent Events. Nothing here decides what to say; it only decides how the page shows it.
import type { Logger } from 'pino';
import type { ChatAddress, ChatPort, OutMessage, PortLimits } from '../../core/port/types';
import { renderMarkdown } from './render';
import type { RoomHub, WebMessage } from './rooms';

export const WEB_LIMITS: PortLimits = {
  // A page has no real limit; this keeps one message (and its replayed edits) a reasonable size.
  maxMessageChars: 60_000,
  // Streaming feels live at ~10 edits a second and each edit is a small SSE frame.
  minEditIntervalMs: 100,
  // The person's notice comes back in the HTTP answer to their own click and is shown only on their page.
  maxNoticeChars: 4_000,
  // Notice buttons (reason tags, the settings menu) render inside the person's own notice panel.
  privateButtons: true,
  threads: false,
  // Forms render in the person's own panel and come back through /api/rooms/:room/forms.
  forms: true,
  maxButtonsPerRow: 4,
  maxButtonRows: 12,
  maxButtonDataBytes: 256,
  maxButtonLabelChars: 80,
};

export interface WebPortOptions {
  hub: RoomHub;
  log?: Logger;
  limits?: Partial<PortLimits>;
  /** Whether the playground's votes feed the shared rankings (config web.countInRankings); default false. */
  countsInRankings?: boolean;
}

/** What the page receives for one core message: Markdown rendered to safe HTML, image as a data URL. */
export function toWebMessage(ref: string, message: OutMessage, replyTo?: string): WebMessage {
  return {
    ref,
    kind: 'bot',
    html: renderMarkdown(message.text),
    ...(message.source ? { source: message.source } : {}),
    ...(message.role ? { role: message.role } : {}),
    buttons: (message.buttons ?? []).map((row) => row.map((b) => ({ label: b.label, data: b.data, ...(b.style ? { style: b.style } : {}) }))),
    ...(message.image
      ? { image: { src: `data:image/png;base64,${Buffer.from(message.image.png).toString('base64')}`, alt: message.image.alt } }
      : {}),
    ...(replyTo ? { replyTo } : {}),
    ...(message.closesAt ? { closesAt: message.closesAt.getTime() } : {}),
    at: Date.now(),
  };
}

const sameContent = (a: WebMessage, b: WebMessage) =>
  a.html === b.html && a.image?.src === b.image?.src && a.image?.alt === b.image?.alt && JSON.stringify(a.buttons) === JSON.stringify(b.buttons);

export function createWebPort(options: WebPortOptions): ChatPort {
  const { hub, log } = options;
  const limits: PortLimits = { ...WEB_LIMITS, ...options.limits };
  // The core answers a prompt with two replies (role 'reply', sides A and B); the page shows them side by side. Key:
  // room + what they answer → the first reply's ref, which names the pair.
  const pairs = new Map<string, string>();

  return {
    platform: 'web',
    limits,
    // Anyone who reaches the page can vote: off the shared rankings unless the operator opted in.
    countsInRankings: options.countsInRankings ?? false,

    async send(chat: ChatAddress, message: OutMessage, sendOptions?: { replyTo?: string }) {
      const replyTo = sendOptions?.replyTo;
      // The member's prompt appears just before the first answer to it.
      hub.release(chat.id, replyTo);
      const ref = hub.nextRef();
      const web = toWebMessage(ref, message, replyTo);
      if (message.role === 'reply' && message.side) {
        const key = `${chat.id}\n${replyTo ?? ''}`;
        let first = pairs.get(key);
        if (!first || hub.getMessage(chat.id, first)?.pair?.index === (message.side === 'a' ? 0 : 1)) {
          if (pairs.size > 10_000) pairs.clear();
          first = ref;
          pairs.set(key, ref);
        }
        web.pair = { id: first, index: message.side === 'a' ? 0 : 1 };
      }
      hub.publish(chat.id, { type: 'message', message: web });
      return ref;
    },

    async edit(chat: ChatAddress, ref: string, message: OutMessage) {
      const current = hub.getMessage(chat.id, ref);
      if (!current) {
        // Evicted from the room's memory (very old) or from before a restart: nobody can see it any more.
        log?.warn({ chat: chat.id, ref }, 'web: edit of a message the room no longer holds');
        return;
      }
      const next: WebMessage = { ...toWebMessage(ref, message, current.replyTo), at: current.at };
      if (current.pair) next.pair = current.pair;
      if (!message.source && current.source) next.source = current.source;
      if (sameContent(current, next)) return;
      next.editedAt = Date.now();
      hub.publish(chat.id, { type: 'edit', message: next });
    },

    async delete(chat: ChatAddress, ref: string) {
      hub.remove(chat.id, ref);
    },

    async typing(chat: ChatAddress) {
      hub.signal(chat.id, { type: 'typing' });
    },

    commandHint: (name: string) => `/${name}`,
  };
}

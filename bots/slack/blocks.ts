// What the core says, as Block Kit: text as rich text blocks (rich-text.ts), buttons as one `actions` block per row,
// forms as modals; plus the `text` every message also carries (notifications, screen readers), escaped so that Slack
// finds no markup in it. Nothing here talks to Slack.
import type { Button, Form, OutMessage } from '../../core/port/types';
import { markdownToRichText, richTextBlocks, richTextToPlain } from './rich-text';

/** Every Pnyx button's action_id starts with this (the rest is the core's data); Bolt routes on it. */
export const ACTION_PREFIX = 'pnyx:';
/** callback_id of Pnyx's modals. */
export const FORM_CALLBACK = 'pnyx-form';
/** Slack refuses a section over 3,000 characters; rich text blocks are kept under the same bound, with a margin. */
export const MAX_BLOCK_CHARS = 2_900;
/** The notification text: Slack refuses a chat.update whose `text` is over 4,000 characters. */
export const FALLBACK_CHARS = 3_000;
/** Slack's limits on a modal (title and buttons 24 characters, an input's placeholder 150). */
const MODAL_TITLE_CHARS = 24;
const PLACEHOLDER_CHARS = 150;
const LABEL_CHARS = 75;

export type Block = Record<string, unknown>;

export interface SlackContent {
  /** The notification text: plain, escaped, clipped. */
  text: string;
  blocks: Block[];
}

/** `@here` and friends ping only with `link_names` or as `<!here>`; a word joiner keeps them inert whatever Slack does. */
export function neutraliseBroadcasts(text: string): string {
  return text.replace(/@(here|channel|everyone)\b/gi, '@\u2060$1');
}

/** `&`, `<` and `>` are the only characters mrkdwn reads as markup (`<!channel>`, `<@U…>`, links). */
export function escapeMrkdwn(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** Escaped text of at most `max` characters, never cut inside an entity. */
export function clipEscaped(escaped: string, max: number): string {
  if (escaped.length <= max) return escaped;
  let cut = escaped.slice(0, max - 1);
  const amp = cut.lastIndexOf('&');
  if (amp >= 0 && !cut.slice(amp).includes(';')) cut = cut.slice(0, amp);
  const code = cut.charCodeAt(cut.length - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut = cut.slice(0, -1);
  return `${cut}…`;
}

export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}

const STYLE: Partial<Record<NonNullable<Button['style']>, 'primary' | 'danger'>> = { primary: 'primary', success: 'primary', danger: 'danger' };

/** One `actions` block per row of the core's buttons; the data rides in `value` and, after the prefix, `action_id`. */
export function buttonBlocks(rows: Button[][] | undefined): Block[] {
  const seen = new Set<string>();
  return (rows ?? [])
    .filter((row) => row.length)
    .map((row) => ({
      type: 'actions',
      elements: row.map((b) => {
        // action_ids must differ within a message; the core's data already do, this only guards the rule.
        let actionId = `${ACTION_PREFIX}${b.data}`;
        for (let n = 2; seen.has(actionId); n++) actionId = `${ACTION_PREFIX}${b.data}#${n}`;
        seen.add(actionId);
        const style = b.style ? STYLE[b.style] : undefined;
        return { type: 'button', text: { type: 'plain_text', text: clip(b.label, LABEL_CHARS), emoji: true }, value: b.data, action_id: actionId, ...(style ? { style } : {}) };
      }),
    }));
}

/** A message's blocks and notification text. Markdown becomes rich text; a message without words still shows `…`. */
export function messageContent(message: Pick<OutMessage, 'text' | 'buttons'>): SlackContent {
  const elements = markdownToRichText(neutraliseBroadcasts(message.text));
  const textBlocks = richTextBlocks(elements, MAX_BLOCK_CHARS);
  const plain = richTextToPlain(elements).trim();
  const buttons = buttonBlocks(message.buttons);
  const blocks: Block[] = textBlocks.length ? [...textBlocks] : [{ type: 'rich_text', elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text: '…' }] }] }];
  return { text: clipEscaped(escapeMrkdwn(plain || '…'), FALLBACK_CHARS), blocks: [...blocks, ...buttons] };
}

/**
 * The same message with no formatting at all: plain_text sections, which Slack shows exactly as written. The port
 * falls back to it when Slack refuses blocks it should have accepted, so a reply is never lost to its markup.
 */
export function plainContent(message: Pick<OutMessage, 'text' | 'buttons'>): SlackContent {
  const text = neutraliseBroadcasts(message.text).trim() || '…';
  const sections: Block[] = [];
  for (let i = 0; i < text.length && sections.length < 4; i += MAX_BLOCK_CHARS) {
    sections.push({ type: 'section', text: { type: 'plain_text', text: text.slice(i, i + MAX_BLOCK_CHARS), emoji: false } });
  }
  return { text: clipEscaped(escapeMrkdwn(text), FALLBACK_CHARS), blocks: [...sections, ...buttonBlocks(message.buttons)] };
}

/** What the modal remembers between opening and submission: the form's data and where it was opened. */
export interface FormOrigin {
  /** The core's form data. */
  d: string;
  /** Channel, thread, kind ('p' private, 'g' group). */
  c: string;
  t?: string;
  k: 'p' | 'g';
}

/** A core form as a Slack modal: one input per field, the origin in private_metadata (at most 3,000 characters). */
export function formView(form: Form, origin: FormOrigin): Block {
  return {
    type: 'modal',
    callback_id: FORM_CALLBACK,
    private_metadata: JSON.stringify(origin),
    title: { type: 'plain_text', text: clip(form.title, MODAL_TITLE_CHARS) },
    submit: { type: 'plain_text', text: clip(form.submitLabel, MODAL_TITLE_CHARS) },
    blocks: form.fields.map((field) => ({
      type: 'input',
      block_id: field.id,
      optional: !field.required,
      label: { type: 'plain_text', text: clip(field.label, 2000) },
      element: {
        type: 'plain_text_input',
        action_id: 'value',
        multiline: field.style === 'paragraph',
        max_length: Math.min(3000, field.maxLength),
        ...(field.placeholder ? { placeholder: { type: 'plain_text', text: clip(field.placeholder, PLACEHOLDER_CHARS) } } : {}),
        ...(field.value ? { initial_value: field.value.slice(0, field.maxLength) } : {}),
      },
    })),
  };
}

// Block Kit and mrkdwn as Slack checks them, for the limits apps trip on: a section's text over 3,000 characters,
// more than 50 blocks, button labels over 75, duplicate block ids, and the undocumented cumulative limit that answers
// `msg_blocks_too_long`. Errors read like Slack's (`must be less than 3001 characters [json-pointer:/blocks/0/text/text]`)
// so the app's logs look the same as in production. Only the block and element types Pnyx may send are checked in
// depth; other element types pass with their `type` and `action_id` checked.
import { z } from 'zod';
import type { Mention } from './types';

export const LIMITS = {
  messageBlocks: 50,
  modalBlocks: 100,
  sectionText: 3000,
  sectionField: 2000,
  sectionFields: 10,
  headerText: 150,
  buttonText: 75,
  actionId: 255,
  blockId: 255,
  buttonValue: 2000,
  actionsElements: 25,
  contextElements: 10,
  markdownBlock: 12_000,
  /** Not documented for every block type: a Slack engineer gave "12,000 text characters with a buffer for block
   * containers" (bolt-js#2509), and messages are refused a little below it too (bolt-js#2867): keep a margin. */
  cumulativeBlockText: 12_000,
  modalTitle: 24,
  privateMetadata: 3000,
} as const;

const tooLong = (max: number) => `must be less than ${max + 1} characters`;
const empty = 'must be more than 0 characters';

const plainText = (max: number) =>
  z.looseObject({ type: z.literal('plain_text'), text: z.string().min(1, empty).max(max, tooLong(max)), emoji: z.boolean().optional() });
const mrkdwnText = (max: number) =>
  z.looseObject({ type: z.literal('mrkdwn'), text: z.string().min(1, empty).max(max, tooLong(max)), verbatim: z.boolean().optional() });
const textObject = (max: number) => z.discriminatedUnion('type', [plainText(max), mrkdwnText(max)]);

const actionId = z.string().min(1, empty).max(LIMITS.actionId, tooLong(LIMITS.actionId));
const button = z.looseObject({
  type: z.literal('button'),
  text: plainText(LIMITS.buttonText),
  action_id: actionId.optional(),
  value: z.string().max(LIMITS.buttonValue, tooLong(LIMITS.buttonValue)).optional(),
  url: z.string().max(3000, tooLong(3000)).optional(),
  style: z.enum(['primary', 'danger']).optional(),
});
const otherElement = z.looseObject({
  type: z.enum([
    'static_select', 'external_select', 'users_select', 'conversations_select', 'channels_select', 'overflow',
    'datepicker', 'timepicker', 'datetimepicker', 'checkboxes', 'radio_buttons', 'plain_text_input', 'number_input',
    'email_text_input', 'url_text_input', 'multi_static_select', 'multi_users_select', 'multi_conversations_select',
    'multi_channels_select', 'multi_external_select', 'rich_text_input', 'file_input', 'image',
  ]),
  action_id: actionId.optional(),
});
const element = z.union([button, otherElement]);

const blockId = z.string().min(1, empty).max(LIMITS.blockId, tooLong(LIMITS.blockId)).optional();
const block = z.discriminatedUnion('type', [
  z
    .looseObject({
      type: z.literal('section'),
      block_id: blockId,
      text: textObject(LIMITS.sectionText).optional(),
      fields: z.array(textObject(LIMITS.sectionField)).max(LIMITS.sectionFields, `no more than ${LIMITS.sectionFields} items allowed`).optional(),
      accessory: element.optional(),
    })
    .refine((b) => b.text !== undefined || (b.fields?.length ?? 0) > 0, { message: 'must provide either text or fields' }),
  z.looseObject({ type: z.literal('header'), block_id: blockId, text: plainText(LIMITS.headerText) }),
  z.looseObject({ type: z.literal('divider'), block_id: blockId }),
  z.looseObject({
    type: z.literal('context'),
    block_id: blockId,
    elements: z
      .array(z.union([textObject(LIMITS.sectionText), z.looseObject({ type: z.literal('image'), image_url: z.string(), alt_text: z.string() })]))
      .min(1, 'must provide at least 1 items')
      .max(LIMITS.contextElements, `no more than ${LIMITS.contextElements} items allowed`),
  }),
  z.looseObject({
    type: z.literal('actions'),
    block_id: blockId,
    elements: z.array(element).min(1, 'must provide at least 1 items').max(LIMITS.actionsElements, `no more than ${LIMITS.actionsElements} items allowed`),
  }),
  z.looseObject({ type: z.literal('image'), block_id: blockId, image_url: z.string().optional(), slack_file: z.unknown().optional(), alt_text: z.string().max(2000, tooLong(2000)) }),
  z.looseObject({ type: z.literal('rich_text'), block_id: blockId, elements: z.array(z.looseObject({ type: z.string() })) }),
  z.looseObject({ type: z.literal('markdown'), block_id: blockId, text: z.string().min(1, empty).max(LIMITS.markdownBlock, tooLong(LIMITS.markdownBlock)) }),
  z.looseObject({ type: z.literal('input'), block_id: blockId, label: plainText(2000), element, optional: z.boolean().optional() }),
  z.looseObject({ type: z.literal('file'), block_id: blockId, external_id: z.string(), source: z.string() }),
  z.looseObject({ type: z.literal('video'), block_id: blockId }),
  z.looseObject({ type: z.literal('table'), block_id: blockId, rows: z.array(z.array(z.unknown())) }),
]);

export type BlocksVerdict =
  | { ok: true; blocks: unknown[] | undefined }
  | { ok: false; error: 'invalid_blocks' | 'invalid_blocks_format' | 'msg_blocks_too_long'; errors: string[] };

/**
 * Checks `blocks` as it arrived (a JSON string in form bodies, an array in JSON bodies). `surface` picks the block
 * limit (50 in messages, 100 in modals) and whether the cumulative text limit applies (messages only).
 */
export function checkBlocks(raw: unknown, surface: 'message' | 'modal' = 'message'): BlocksVerdict {
  if (raw === undefined || raw === null || raw === '') return { ok: true, blocks: undefined };
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      return { ok: false, error: 'invalid_blocks_format', errors: ['blocks must be a JSON array'] };
    }
  }
  if (!Array.isArray(value)) return { ok: false, error: 'invalid_blocks_format', errors: ['blocks must be an array'] };
  const max = surface === 'message' ? LIMITS.messageBlocks : LIMITS.modalBlocks;
  const parsed = z.array(block).max(max, `no more than ${max} items allowed`).safeParse(value);
  const errors = parsed.success ? [] : parsed.error.issues.map((i) => `${i.message} [json-pointer:/blocks${i.path.length ? '/' + i.path.join('/') : ''}]`);
  // Slack refuses a repeated block_id in one message, and a repeated action_id within one block.
  const seen = new Set<string>();
  value.forEach((b: { block_id?: unknown; elements?: unknown; accessory?: unknown }, index) => {
    if (typeof b?.block_id === 'string') {
      if (seen.has(b.block_id)) errors.push(`duplicate block_id ${b.block_id} [json-pointer:/blocks/${index}/block_id]`);
      seen.add(b.block_id);
    }
    const ids = new Set<string>();
    const elements = [...(Array.isArray(b?.elements) ? b.elements : []), ...(b?.accessory ? [b.accessory] : [])] as Array<{ action_id?: unknown }>;
    for (const e of elements) {
      if (typeof e?.action_id !== 'string') continue;
      if (ids.has(e.action_id)) errors.push(`duplicate action_id ${e.action_id} [json-pointer:/blocks/${index}]`);
      ids.add(e.action_id);
    }
  });
  if (errors.length) return { ok: false, error: 'invalid_blocks', errors };
  if (surface === 'message') {
    const total = textLength(value);
    if (total > LIMITS.cumulativeBlockText) return { ok: false, error: 'msg_blocks_too_long', errors: [`blocks hold ${total} characters of text`] };
  }
  return { ok: true, blocks: value };
}

/** Sum of every `text` string in a block tree (how the cumulative limit is counted, as far as anyone outside knows). */
export function textLength(node: unknown): number {
  if (Array.isArray(node)) return node.reduce((n: number, child) => n + textLength(child), 0);
  if (!node || typeof node !== 'object') return 0;
  let n = 0;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'text' && typeof value === 'string') n += value.length;
    else if (typeof value === 'object') n += textLength(value);
  }
  return n;
}

// === mrkdwn =============================================================================================

const CONTROL = /<([^<>]*)>/g;

/**
 * What Slack would make of a mrkdwn string: the pings it would send, and raw `<` that Slack would misread (it starts a
 * control sequence that swallows text up to the next `>`). `linkNames` is chat.postMessage's `link_names`, which
 * turns a plain `@here` into a ping.
 */
export function scanMrkdwn(text: string, where: Mention['where'], linkNames = false): { mentions: Mention[]; problems: string[] } {
  const mentions: Mention[] = [];
  const problems: string[] = [];
  let outside = '';
  let last = 0;
  for (const match of text.matchAll(CONTROL)) {
    outside += text.slice(last, match.index);
    last = match.index + match[0].length;
    const inner = match[1]!;
    const [target] = inner.split('|');
    if (target === '!channel' || target === '!here' || target === '!everyone') {
      mentions.push({ kind: target.slice(1) as 'channel' | 'here' | 'everyone', raw: match[0], where });
    } else if (/^!subteam\^[A-Z0-9]+$/.test(target!)) {
      mentions.push({ kind: 'usergroup', id: target!.slice('!subteam^'.length), raw: match[0], where });
    } else if (/^@[UW][A-Z0-9]+$/.test(target!)) {
      mentions.push({ kind: 'user', id: target!.slice(1), raw: match[0], where });
    } else if (/^#C[A-Z0-9]+$/.test(target!) || /^!date\^/.test(target!) || /^(https?|mailto|tel|slack):/i.test(target!)) {
      // A channel link, a date or a URL: harmless.
    } else {
      problems.push(`unrecognised control sequence ${match[0]}`);
    }
  }
  outside += text.slice(last);
  if (outside.includes('<')) problems.push('unescaped <');
  if (linkNames) {
    for (const match of outside.matchAll(/(^|[^\w])@(channel|here|everyone)\b/g)) {
      mentions.push({ kind: match[2] as 'channel' | 'here' | 'everyone', raw: `@${match[2]}`, where });
    }
  }
  return { mentions, problems };
}

/** Pings and problems in every mrkdwn text object, markdown block and rich text element of a block tree. */
export function scanBlocks(blocks: unknown[] | undefined): { mentions: Mention[]; problems: string[] } {
  const mentions: Mention[] = [];
  const problems: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    if ((n.type === 'mrkdwn' || n.type === 'markdown') && typeof n.text === 'string') {
      const found = scanMrkdwn(n.text, 'blocks');
      mentions.push(...found.mentions);
      problems.push(...found.problems);
    } else if (n.type === 'broadcast' && typeof n.range === 'string') {
      mentions.push({ kind: n.range as 'channel' | 'here' | 'everyone', raw: `broadcast:${n.range}`, where: 'blocks' });
    } else if (n.type === 'user' && typeof n.user_id === 'string') {
      mentions.push({ kind: 'user', id: n.user_id, raw: `user:${n.user_id}`, where: 'blocks' });
    } else if (n.type === 'usergroup' && typeof n.usergroup_id === 'string') {
      mentions.push({ kind: 'usergroup', id: n.usergroup_id, raw: `usergroup:${n.usergroup_id}`, where: 'blocks' });
    }
    for (const value of Object.values(n)) if (typeof value === 'object') walk(value);
  };
  walk(blocks);
  return { mentions, problems };
}

/** Roughly what a person reads: control sequences shown as Slack shows them, entities decoded, formatting kept. */
export function renderMrkdwn(text: string, userName: (id: string) => string = (id) => id): string {
  return text
    .replace(CONTROL, (_all, inner: string) => {
      const [target, label] = inner.split('|');
      if (target === '!channel' || target === '!here' || target === '!everyone') return `@${target.slice(1)}`;
      if (target!.startsWith('@')) return `@${label ?? userName(target!.slice(1))}`;
      if (target!.startsWith('#')) return `#${label ?? target!.slice(1)}`;
      if (target!.startsWith('!subteam^')) return `@${label ?? target!.slice(9)}`;
      return label ?? target!;
    })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Plain text of a block tree: every text string in order (for "what does the message say" assertions). */
export function blocksText(blocks: unknown[] | undefined): string {
  const parts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'text' && typeof value === 'string') parts.push(value);
      else if (typeof value === 'object') walk(value);
    }
  };
  walk(blocks);
  return parts.join('\n');
}

/** Buttons of a block tree, for pressing them like a person would. */
export function buttonsIn(blocks: unknown[] | undefined): Array<{ blockId?: string; actionId?: string; value?: string; text: string; style?: string }> {
  const found: Array<{ blockId?: string; actionId?: string; value?: string; text: string; style?: string }> = [];
  for (const b of (blocks ?? []) as Array<{ block_id?: string; elements?: unknown[]; accessory?: unknown }>) {
    for (const e of [...(b.elements ?? []), ...(b.accessory ? [b.accessory] : [])] as Array<Record<string, unknown>>) {
      if (e?.type !== 'button') continue;
      found.push({
        ...(b.block_id ? { blockId: b.block_id } : {}),
        ...(typeof e.action_id === 'string' ? { actionId: e.action_id } : {}),
        ...(typeof e.value === 'string' ? { value: e.value } : {}),
        ...(typeof e.style === 'string' ? { style: e.style } : {}),
        text: String((e.text as { text?: string } | undefined)?.text ?? ''),
      });
    }
  }
  return found;
}

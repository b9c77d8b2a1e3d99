// How the core's messages look on Discord: Markdown-lite is Discord's own Markdown, so text passes through, except
// that nothing a model or a person wrote may ping anyone; buttons become action rows of at most five; forms become
// modals. Pure functions: every body here is what Discord's API takes (and what the fake validates).
import { ButtonStyle, ComponentType, MessageFlags, TextInputStyle } from 'discord.js';
import type { Button, Form, OutMessage } from '../../core/port/types';

/** Discord refuses longer content (50035); the core splits at PortLimits.maxMessageChars before this. */
export const MAX_CONTENT_CHARS = 2000;
export const MAX_CUSTOM_ID_CHARS = 100;
export const MAX_BUTTON_LABEL_CHARS = 80;
export const MAX_BUTTONS_PER_ROW = 5;
export const MAX_ROWS = 5;
const MAX_MODAL_TITLE = 45;
const MAX_MODAL_LABEL = 45;
const MAX_MODAL_DESCRIPTION = 100;
const MAX_PLACEHOLDER = 100;

/** No message Pnyx sends may ping: not @everyone, not a role, not a person (replies included). */
export const NO_MENTIONS = { parse: [] as string[], replied_user: false };

// A full-width at sign (U+FF20) reads like "@" but Discord never turns it into a mention. Same length in UTF-16 as
// "@", so the core's split (done before rendering) still fits in 2,000 characters.
const SAFE_AT = '\uFF20';

/**
 * Model and person text made harmless: @everyone, @here and mention syntax (<@id>, <@!id>, <@&role>) lose their
 * power even where allowed_mentions would not apply (a client that renders the raw text, a quoted copy elsewhere).
 * Length-preserving by design.
 */
export function neutraliseMentions(text: string): string {
  return text.replace(/@(everyone|here)\b/gi, `${SAFE_AT}$1`).replace(/<@([!&]?\d)/g, `<${SAFE_AT}$1`);
}

/**
 * Content as Discord shows it: never empty (Discord refuses an empty message), never over the limit, never a ping.
 * Core text is neutralised too: it quotes display names, which people choose.
 */
export function renderContent(message: Pick<OutMessage, 'text'>): string {
  const text = neutraliseMentions(message.text);
  const shown = text.trim() ? text : '…';
  // The core splits first (PortLimits.maxMessageChars); this only guards against a future change there.
  return shown.length <= MAX_CONTENT_CHARS ? shown : `${shown.slice(0, MAX_CONTENT_CHARS - 1)}…`;
}

const STYLES: Record<NonNullable<Button['style']>, ButtonStyle> = {
  primary: ButtonStyle.Primary,
  secondary: ButtonStyle.Secondary,
  success: ButtonStyle.Success,
  danger: ButtonStyle.Danger,
};

export interface ButtonJson {
  type: ComponentType.Button;
  style: ButtonStyle;
  label: string;
  custom_id: string;
}
export interface RowJson {
  type: ComponentType.ActionRow;
  components: ButtonJson[];
}

export interface Dropped {
  reason: 'custom_id too long' | 'duplicate custom_id' | 'too many rows';
  label: string;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}

/**
 * The core's button rows as Discord action rows: rows wider than five wrap, custom_id is the core's opaque data
 * verbatim. What Discord would refuse (and so lose the whole message) is dropped and reported instead: data over 100
 * characters, a custom_id repeated in one message, rows past five.
 */
export function renderRows(buttons: Button[][] | undefined, onDrop: (dropped: Dropped) => void = () => undefined): RowJson[] {
  const rows: RowJson[] = [];
  const seen = new Set<string>();
  for (const row of buttons ?? []) {
    const cells: ButtonJson[] = [];
    for (const b of row) {
      if (b.data.length > MAX_CUSTOM_ID_CHARS || b.data.length === 0) {
        onDrop({ reason: 'custom_id too long', label: b.label });
        continue;
      }
      if (seen.has(b.data)) {
        onDrop({ reason: 'duplicate custom_id', label: b.label });
        continue;
      }
      seen.add(b.data);
      cells.push({ type: ComponentType.Button, style: STYLES[b.style ?? 'secondary'], label: clip(b.label || '·', MAX_BUTTON_LABEL_CHARS), custom_id: b.data });
    }
    for (let i = 0; i < cells.length; i += MAX_BUTTONS_PER_ROW) rows.push({ type: ComponentType.ActionRow, components: cells.slice(i, i + MAX_BUTTONS_PER_ROW) });
  }
  if (rows.length > MAX_ROWS) {
    for (const row of rows.slice(MAX_ROWS)) for (const b of row.components) onDrop({ reason: 'too many rows', label: b.label });
    return rows.slice(0, MAX_ROWS);
  }
  return rows;
}

export interface MessageJson {
  content: string;
  components: RowJson[];
  allowed_mentions: typeof NO_MENTIONS;
  flags?: number;
  message_reference?: { message_id: string; fail_if_not_exists: false };
  nonce?: string;
  enforce_nonce?: boolean;
  attachments?: Array<{ id: number; filename: string; description: string }>;
}

/** The file name of a board's chart. */
export const CHART_FILE = 'pnyx-leaderboard.png';

/**
 * A message body. Link previews are suppressed: a model's reply full of URLs would otherwise fill the channel with
 * embeds (and Pnyx then needs no Embed Links permission).
 */
export function messageBody(message: OutMessage, options: { ephemeral?: boolean; onDrop?: (d: Dropped) => void } = {}): MessageJson {
  return {
    content: renderContent(message),
    components: renderRows(message.buttons, options.onDrop),
    allowed_mentions: NO_MENTIONS,
    flags: MessageFlags.SuppressEmbeds | (options.ephemeral ? MessageFlags.Ephemeral : 0),
  };
}

/** The attachment metadata for a board's chart (the alt text is the image's description). */
export function chartAttachment(alt: string): Array<{ id: number; filename: string; description: string }> {
  return [{ id: 0, filename: CHART_FILE, description: clip(alt, 1024) }];
}

export interface ModalJson {
  custom_id: string;
  title: string;
  components: Array<{
    type: ComponentType.Label;
    label: string;
    description?: string;
    component: { type: ComponentType.TextInput; custom_id: string; style: TextInputStyle; required: boolean; max_length: number; placeholder?: string; value?: string };
  }>;
}

/**
 * The core's form as a modal: one labelled text input per field (at most five). A label longer than Discord's 45
 * characters is shortened and shown whole as the input's description, so nothing the core says is lost.
 */
export function modalBody(form: Form): ModalJson {
  return {
    custom_id: form.data,
    title: clip(form.title, MAX_MODAL_TITLE),
    components: form.fields.slice(0, 5).map((field) => ({
      type: ComponentType.Label,
      label: clip(field.label, MAX_MODAL_LABEL),
      ...(field.label.length > MAX_MODAL_LABEL ? { description: clip(field.label, MAX_MODAL_DESCRIPTION) } : {}),
      component: {
        type: ComponentType.TextInput,
        custom_id: field.id,
        style: field.style === 'paragraph' ? TextInputStyle.Paragraph : TextInputStyle.Short,
        required: field.required,
        max_length: Math.min(4000, Math.max(1, field.maxLength)),
        ...(field.placeholder ? { placeholder: clip(field.placeholder, MAX_PLACEHOLDER) } : {}),
        ...(field.value ? { value: field.value.slice(0, Math.min(4000, field.maxLength)) } : {}),
      },
    })),
  };
}

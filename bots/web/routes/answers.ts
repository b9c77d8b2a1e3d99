// What the core's acknowledgement becomes for the page: Markdown rendered to safe HTML, buttons, forms and a
// one-time link to a personal file. Only the one person who acted receives it.
import type { Ack, Button, Form } from '../../../core/port/types';
import type { Downloads } from '../downloads';
import { renderMarkdown } from '../render';

/** Zero-width and other invisible characters: a prompt of only these is empty. */
const INVISIBLE = /[\u200B-\u200F\u2060-\u2064\u00AD\uFEFF]/g;
export const visibleText = (text: string) => text.replace(INVISIBLE, '').trim();

/** A notice as the page shows it: Markdown rendered to safe HTML, buttons kept for the person's own clicks. */
export interface WebNotice {
  html: string;
  alert: boolean;
  buttons: Button[][];
  /** A file for this person (their data): a one-time link to it. */
  download?: { url: string; name: string };
}

/** Everything an acknowledgement shows the one person who acted, as the page takes it. */
export interface WebAnswer {
  notice?: WebNotice;
  /** The new content of the panel whose button was pressed (a settings menu page). */
  replace?: { html: string; buttons: Button[][] };
  form?: Form;
  /** The data of the button that shows the person's current choice (Ack.selected): the page marks it. */
  selected?: string;
}

export function toWebNotice(result: Ack, downloads?: Downloads): WebNotice | undefined {
  if (!result.notice) return undefined;
  const { file } = result.notice;
  return {
    html: renderMarkdown(result.notice.text),
    alert: result.notice.alert ?? false,
    buttons: result.notice.buttons ?? [],
    ...(file && downloads ? { download: { url: downloads.put(file), name: file.name } } : {}),
  };
}

export function toWebAnswer(ack: Ack, downloads?: Downloads): WebAnswer {
  const notice = toWebNotice(ack, downloads);
  return {
    ...(notice ? { notice } : {}),
    ...(ack.replace ? { replace: { html: renderMarkdown(ack.replace.text), buttons: ack.replace.buttons ?? [] } } : {}),
    ...(ack.form ? { form: ack.form } : {}),
    ...(ack.selected ? { selected: ack.selected } : {}),
  };
}

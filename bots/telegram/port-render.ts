// How a core message looks on Telegram before it is sent: Markdown as entities, cut into parts that fit, and the
// core's buttons as an inline keyboard.
import type { InlineKeyboardMarkup } from 'grammy/types';
import type { Logger } from 'pino';
import type { Button, OutMessage, PortLimits } from '../../core/port/types';
import { markdownToTelegram, splitFormatted, type Formatted } from './markdown';

export interface Rendered {
  parts: Formatted[];
  markup: InlineKeyboardMarkup | undefined;
}

type KeyboardLimits = Pick<PortLimits, 'maxButtonsPerRow' | 'maxButtonDataBytes'>;

/** Core buttons as an inline keyboard: long rows wrap; a button whose data Telegram would refuse is left out. */
export function keyboard(limits: KeyboardLimits, log: Logger, buttons: Button[][] | undefined): InlineKeyboardMarkup | undefined {
  const rows: InlineKeyboardMarkup['inline_keyboard'] = [];
  for (const row of buttons ?? []) {
    for (let i = 0; i < row.length; i += limits.maxButtonsPerRow) {
      const cells = row.slice(i, i + limits.maxButtonsPerRow).flatMap((b) => {
        if (Buffer.byteLength(b.data, 'utf8') > limits.maxButtonDataBytes) {
          log.error({ data: b.data, label: b.label }, 'telegram: button data longer than 64 bytes dropped');
          return [];
        }
        return [{ text: b.label, callback_data: b.data }];
      });
      if (cells.length) rows.push(cells);
    }
  }
  return rows.length ? { inline_keyboard: rows } : undefined;
}

/** The message as parts of at most `max` characters (an empty text shows as an ellipsis) and its keyboard. */
export function renderMessage(limits: KeyboardLimits, log: Logger, message: OutMessage, max: number): Rendered {
  const formatted = markdownToTelegram(message.text);
  const split = splitFormatted(formatted.text ? formatted : { text: '…', entities: [] }, max);
  return { parts: split, markup: keyboard(limits, log, message.buttons) };
}

/** What a message shows, to skip edits that would change nothing. */
export function signature(part: Formatted, markup: InlineKeyboardMarkup | undefined): string {
  return JSON.stringify([part.text, part.entities, markup ?? null]);
}

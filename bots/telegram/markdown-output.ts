// The Telegram text being built from Markdown: plain text, the line breaks owed before the next text, and the
// entities (open ones remember where they started). Block and inline renderers write through these functions only,
// so breaks and entity offsets are counted in one place.
import type { Entity, Formatted } from './markdown';

interface Open {
  type: Entity['type'];
  start: number;
  url?: string;
  language?: string;
}

export interface Output {
  text: string;
  /** Line breaks to write before the next text; none at the very start (a message never opens with blank lines). */
  pendingBreaks: number;
  entities: Entity[];
  open: Open[];
}

export function createOutput(): Output {
  return { text: '', pendingBreaks: 0, entities: [], open: [] };
}

function flush(out: Output): void {
  if (out.pendingBreaks && out.text.length) out.text += '\n'.repeat(out.pendingBreaks);
  out.pendingBreaks = 0;
}

export function write(out: Output, s: string): void {
  if (!s) return;
  flush(out);
  out.text += s;
}

/** Asks for at least `n` line breaks before the next text (two: a blank line between blocks). */
export function breakBlock(out: Output, n: number): void {
  out.pendingBreaks = Math.max(out.pendingBreaks, n);
}

export function startEntity(out: Output, type: Entity['type'], extra: Partial<Open> = {}): void {
  flush(out);
  out.open.push({ type, start: out.text.length, ...extra });
}

/** Closes the innermost open entity of this type; an empty one is dropped. */
export function endEntity(out: Output, type: Entity['type']): void {
  const { open } = out;
  for (let i = open.length - 1; i >= 0; i--) {
    if (open[i]!.type !== type) continue;
    const [entity] = open.splice(i, 1);
    const length = out.text.length - entity!.start;
    if (length > 0) {
      out.entities.push({
        type,
        offset: entity!.start,
        length,
        ...(entity!.url ? { url: entity!.url } : {}),
        ...(entity!.language ? { language: entity!.language } : {}),
      });
    }
    return;
  }
}

/** The finished text, entities in order of offset (outer before inner). */
export function finish(out: Output): Formatted {
  // Close anything left open (it cannot happen with markdown-it's balanced tokens, but never lose text).
  while (out.open.length) endEntity(out, out.open.at(-1)!.type);
  return { text: out.text, entities: out.entities.sort((a, b) => a.offset - b.offset || b.length - a.length) };
}

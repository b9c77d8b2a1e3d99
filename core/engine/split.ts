// Splitting long Markdown into messages that fit a platform's limit without cutting words, and without leaving a
// code block open (the fence is closed at the end of one part and reopened at the start of the next).

const FENCE = /^(\s*)(```|~~~)(.*)$/;

function openFence(text: string): string | null {
  let open: string | null = null;
  for (const line of text.split('\n')) {
    const m = line.match(FENCE);
    if (!m) continue;
    open = open === null ? `${m[2]}${m[3]!.trim()}` : null;
  }
  return open;
}

function cutPoint(text: string, max: number): number {
  const window = text.slice(0, max);
  const minimum = Math.floor(max * 0.5);
  for (const sep of ['\n\n', '\n', '. ', ' ']) {
    const at = window.lastIndexOf(sep);
    if (at >= minimum) return at + sep.length;
  }
  // No separator in the second half: cut hard, but never inside a surrogate pair.
  let at = max;
  const code = text.charCodeAt(at - 1);
  if (code >= 0xd800 && code <= 0xdbff) at -= 1;
  return at;
}

/** Splits `text` into parts of at most `max` UTF-16 units each. */
export function splitMarkdown(text: string, max: number): string[] {
  if (max < 40) throw new Error('splitMarkdown: limit too small');
  const parts: string[] = [];
  let rest = text;
  let reopen = '';
  while (reopen.length + rest.length > max) {
    const budget = max - reopen.length - 4; // room for a closing fence
    const at = cutPoint(rest, budget);
    let part = reopen + rest.slice(0, at);
    const fence = openFence(part);
    if (fence) {
      part = `${part.replace(/\n?$/, '\n')}${fence.slice(0, 3)}`;
      reopen = `${fence}\n`;
    } else {
      reopen = '';
    }
    parts.push(part.trimEnd());
    rest = rest.slice(at).replace(/^\n+/, '');
  }
  parts.push(reopen + rest);
  return parts;
}

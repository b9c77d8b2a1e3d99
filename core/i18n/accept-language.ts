// The languages an HTTP Accept-Language header asks for, most wanted first (RFC 9110 §12.5.4): weights are honoured,
// `q=0` means "not this one", `*` says nothing about a language, and a malformed part is skipped rather than trusted.
const TAG = /^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*$/;

export function acceptedLanguages(header: string | null | undefined, max = 12): string[] {
  if (!header) return [];
  const wanted: Array<{ tag: string; q: number; index: number }> = [];
  header
    .split(',')
    .slice(0, 50) // a header is short; a huge one is not worth parsing whole
    .forEach((part, index) => {
      const [rawTag, ...params] = part.trim().split(';');
      const tag = rawTag?.trim() ?? '';
      if (!TAG.test(tag)) return;
      let q = 1;
      for (const param of params) {
        const match = /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/i.exec(param);
        if (match) q = Number(match[1]);
      }
      if (q > 0 && q <= 1) wanted.push({ tag, q, index });
    });
  // Stable: equal weights keep the order the browser sent.
  return wanted
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .slice(0, max)
    .map((w) => w.tag);
}

// What every ranking picture shares: Noto Sans (shipped by @expo-google-fonts/noto-sans, so the PNG looks the same on
// any machine, with no system fonts), escaping, clipping, and rasterising with resvg (no browser).
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';

const require = createRequire(import.meta.url);
const FONT_FILES = [
  require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'),
  require.resolve('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf'),
];

/** 1080 px: the width phones display without scaling artefacts. */
export const WIDTH = 1080;

export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function clip(s: string, max: number): string {
  const c = [...s];
  return c.length <= max ? s : `${c.slice(0, max - 1).join('')}…`;
}

/** Splits prose into lines of at most `max` characters (titles and notes that must not be cut). */
export function lines(s: string, max: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const word of s.split(' ')) {
    const candidate = current ? `${current} ${word}` : word;
    if ([...candidate].length <= max || !current) current = candidate;
    else {
      out.push(current);
      current = word;
    }
  }
  if (current) out.push(current);
  return out;
}

export function rasterise(svg: string, width = WIDTH): Uint8Array {
  const resvg = new Resvg(svg, {
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: 'Noto Sans' },
    fitTo: { mode: 'width', value: width },
  });
  return resvg.render().asPng();
}

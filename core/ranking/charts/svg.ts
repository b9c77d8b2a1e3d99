// What every ranking picture shares: Noto Sans (shipped by @expo-google-fonts/noto-sans, so the PNG looks the same on
// any machine, with no system fonts), escaping, clipping, right-to-left layout, and rasterising with resvg (no browser).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import { textDirection } from '../../i18n';

const require = createRequire(import.meta.url);
/**
 * Noto Sans has no Arabic letters: resvg falls back, glyph by glyph, to DejaVu Sans, which has them (the Docker image
 * installs fonts-dejavu-core; Debian and Ubuntu ship it by default). Without it Arabic text would be drawn as boxes.
 */
const ARABIC_FALLBACKS = ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'];
export const FONT_FILES = [
  require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'),
  require.resolve('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf'),
  ...ARABIC_FALLBACKS.filter((file) => existsSync(file)),
];
/** Whether a font with Arabic letters was found for the pictures. */
export const HAS_ARABIC_FONT = FONT_FILES.length > 2;

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

/**
 * A picture laid out left to right, mirrored for a right-to-left locale: the geometry (rows, bars, axis, legend) is
 * flipped as a whole, so the model names and ranks start on the right, and each text is put back the right way round
 * at its mirrored place, anchored at its other end and embedded right to left (RLI … PDI: resvg orders a line from
 * left to right otherwise, which puts a Latin model name or a number on the wrong side of the Arabic around it).
 */
export function forDirection(svg: string, locale: string | undefined): string {
  if (textDirection(locale) !== 'rtl') return svg;
  const open = svg.indexOf('>', svg.indexOf('<svg')) + 1;
  const close = svg.lastIndexOf('</svg>');
  const width = Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(svg)?.[1] ?? WIDTH);
  const body = svg.slice(open, close).replace(/<text x="([\d.]+)"([^>]*)>([\s\S]*?)<\/text>/g, (_all, x: string, attributes: string, content: string) => {
    const anchor = /text-anchor="(start|middle|end)"/.exec(attributes)?.[1] ?? 'start';
    const flipped = anchor === 'start' ? 'end' : anchor === 'end' ? 'start' : 'middle';
    const rest = attributes.replace(/\s*text-anchor="(start|middle|end)"/, '');
    return `<text x="${x}"${rest} text-anchor="${flipped}" direction="rtl" transform="matrix(-1 0 0 1 ${2 * Number(x)} 0)">\u2067${content}\u2069</text>`;
  });
  return `${svg.slice(0, open)}\n<g transform="matrix(-1 0 0 1 ${width} 0)">${body}</g>\n</svg>`;
}

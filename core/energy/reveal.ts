// The energy lines of the reveal: each side's estimated energy and emissions over the battle's replies, with familiar
// equivalents (compar:IA's: a 5 W LED bulb, HD video streaming), and the method's name and version. Nothing is shown
// for a side whose replies have no estimate (its model card gives no parameter counts).
import type { Translate } from '../i18n';
import type { Side } from '../port/types';
import type { ReplyRow } from '../store/types';
import { durationParts, ledSeconds, streamingSeconds } from './ecologits';

export type EnergyReply = Pick<ReplyRow, 'energyWh' | 'co2eG' | 'energyMethod'>;

/** "EcoLogits 0.9.1" from the stored method name "ecologits-0.9.1". */
export function methodLabel(method: string): string {
  const [name, version] = method.split('-');
  return name === 'ecologits' && version ? `EcoLogits ${version}` : method;
}

const duration = (t: Translate, seconds: number) => {
  const { amount, unit } = durationParts(seconds);
  return t('energy-duration', { amount, unit });
};

/** One line per side that has an estimate, then the method; empty when neither side has one. */
export function energyLines(t: Translate, sides: Record<Side, readonly EnergyReply[]>): string {
  const methods = new Set<string>();
  const lines: string[] = [];
  for (const side of ['a', 'b'] as const) {
    const known = sides[side].filter((r) => typeof r.energyWh === 'number' && typeof r.co2eG === 'number');
    if (!known.length) continue;
    const wh = known.reduce((sum, r) => sum + (r.energyWh ?? 0), 0);
    const co2 = known.reduce((sum, r) => sum + (r.co2eG ?? 0), 0);
    for (const r of known) if (r.energyMethod) methods.add(r.energyMethod);
    lines.push(t('reveal-energy', { side: side.toUpperCase(), wh, co2, led: duration(t, ledSeconds(wh)), streaming: duration(t, streamingSeconds(co2)) }));
  }
  if (!lines.length) return '';
  lines.push(t('reveal-energy-method', { method: [...methods].map(methodLabel).join(', ') || methodLabel('ecologits-0.9.1') }));
  return lines.join('\n');
}

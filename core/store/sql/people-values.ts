// A person's columns as either database returns them (dates as Date or text, booleans as 0/1 on SQLite, JSON as text),
// read the same way by the people store and by /mydata.
export const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());
export const asDate = (d: Date | string | null): Date | null => (d === null ? null : new Date(d));
export const asBool = (v: unknown): boolean => v === true || v === 1 || v === '1' || v === 'true';

export function parseProfile(json: string | null): Record<string, string[]> | null {
  if (!json) return null;
  try {
    const value: unknown = JSON.parse(json);
    if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
    const out: Record<string, string[]> = {};
    for (const [k, v] of Object.entries(value)) if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === 'string');
    return out;
  } catch {
    return null;
  }
}

export function parseList(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

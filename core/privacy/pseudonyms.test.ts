import { describe, expect, it } from 'vitest';
import { createPseudonymizer } from './pseudonyms';

const SECRET = 'a-test-secret-of-enough-length';

describe('pseudonyms', () => {
  it('are stable within a release, differ across releases, secrets and kinds', () => {
    const a = createPseudonymizer(SECRET, '2026-12');
    const again = createPseudonymizer(SECRET, '2026-12');
    expect(a('user', 'u1')).toBe(again('user', 'u1'));
    expect(a('user', 'u1')).toMatch(/^[0-9a-f]{32}$/);
    expect(a('user', 'u1')).not.toBe(a('user', 'u2'));
    expect(a('user', 'u1')).not.toBe(createPseudonymizer(SECRET, '2027-01')('user', 'u1'));
    expect(a('user', 'u1')).not.toBe(createPseudonymizer(`${SECRET}!`, '2026-12')('user', 'u1'));
    expect(a('user', 'u1')).not.toBe(a('chat', 'u1'));
    expect(a('user', 'u1')).not.toContain('u1');
  });

  it('refuses a missing or short secret with a message that says what to do', () => {
    expect(() => createPseudonymizer(undefined as unknown as string)).toThrow(/PNYX_EXPORT_SECRET is not set/);
    expect(() => createPseudonymizer('short')).toThrow(/at least 16 characters/);
  });
});

import { describe, expect, it } from 'vitest';
import { REASONS, decodeAction, encodeAction, type Action } from './actions';

describe('button payloads', () => {
  const token = 'Ab3dEf7hJk';
  const actions: Action[] = [
    ...(['a', 'b', 'tie', 'both_bad'] as const).map((choice): Action => ({ kind: 'vote', token, choice })),
    { kind: 'react', token, turn: 9, side: 'b', reaction: 'dislike' },
    ...REASONS.map((reason): Action => ({ kind: 'reason', token, turn: 0, side: 'a', reason })),
    { kind: 'setting', key: 'lang', value: 'fr' },
    { kind: 'judge', token: 'A'.repeat(16), side: 'b', label: 6, rating: null },
    { kind: 'judge', token, side: 'a', label: null, rating: 5 },
  ];

  it('round-trip and fit Telegram’s 64-byte callback data', () => {
    for (const action of actions) {
      const data = encodeAction(action);
      expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
      expect(decodeAction(data)).toEqual(action);
    }
  });

  it('refuse anything malformed or unknown', () => {
    for (const data of ['', 'v', 'v:', `v:${token}`, `v:${token}:z`, 'v:sh:a', `v:${'A'.repeat(17)}:a`, `r:${token}:-1:a:+`, `r:${token}:1:c:+`, `q:${token}:0:a:99`, 's:LANG:fr', 's:lang:f r', 'z:1:2', 'x'.repeat(101), `v:${token}:a:extra:__proto__`, 'constructor', '__proto__:x', 'toString:1', `r:${token}: 1:a:+`, `r:${token}:1e0:a:+`, `q:${token}:0:a:`, `q:${token}:0x1:a:1`, `r:${token}:1.5:a:+`, `j:${token}:a:r6`, `j:${token}:a:r0`, `j:${token}:c:f1`, `j:${token}:a:f12`, `j:${token}:a:x1`, `j:${token}:a`]) {
      expect(decodeAction(data)).toBeNull();
    }
    // Not a string at all (a platform handing over something else).
    expect(decodeAction(42 as unknown as string)).toBeNull();
  });
});

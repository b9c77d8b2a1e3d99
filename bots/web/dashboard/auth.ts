// The organizer token: PNYX_ORGANIZER_TOKEN (at least 16 characters; without it the dashboard is off). Compared in
// constant time on SHA-256 digests (equal lengths whatever was sent); a browser that signed in keeps an HttpOnly,
// SameSite=Strict cookie holding the digest, never the token itself.
import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

export const DashboardEnvSchema = z.object({
  PNYX_ORGANIZER_TOKEN: z.string().min(16, 'use at least 16 characters (e.g. openssl rand -hex 24)').optional(),
});

export const COOKIE = 'pnyx_organizer';

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

export function createTokenCheck(token: string) {
  const expected = digest(token);
  const cookieValue = expected.toString('hex');
  return {
    /** The token as typed or sent in `Authorization: Bearer …`. */
    matchesToken(sent: string | undefined): boolean {
      return typeof sent === 'string' && timingSafeEqual(digest(sent), expected);
    },
    /** The cookie set at sign-in. */
    matchesCookie(sent: string | undefined): boolean {
      if (typeof sent !== 'string' || !/^[0-9a-f]{64}$/.test(sent)) return false;
      return timingSafeEqual(Buffer.from(sent, 'hex'), expected);
    },
    cookieValue,
  };
}

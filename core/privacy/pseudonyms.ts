// Exported ids are keyed hashes of internal ids: HMAC-SHA-256 under PNYX_EXPORT_SECRET, salted with the dataset
// release when one is named, so that two releases cannot be joined person by person unless the organiser wants it.
// Internal ids (cuid) are already not platform ids; the key keeps anyone without it from confirming a guess, and
// platform ids, display names and chat titles are never read by the export at all.
import { createHmac } from 'node:crypto';
import { z } from 'zod';

export const ExportSecretSchema = z
  .string({ message: 'PNYX_EXPORT_SECRET is not set: exports need a secret key for pseudonyms (e.g. `openssl rand -hex 32`)' })
  .min(16, { message: 'PNYX_EXPORT_SECRET must be at least 16 characters (e.g. `openssl rand -hex 32`)' });

export type IdKind = 'user' | 'chat' | 'battle' | 'vote' | 'reaction';

export interface Pseudonymizer {
  (kind: IdKind, id: string): string;
  /** The release this pseudonymizer is salted for ('' when none). */
  readonly release: string;
}

/** 32 hex characters (128 bits) of HMAC-SHA-256(secret, release ␀ kind ␀ id): stable within a release. */
export function createPseudonymizer(secret: string, release = ''): Pseudonymizer {
  const key = ExportSecretSchema.parse(secret);
  const cache = new Map<string, string>();
  const fn = (kind: IdKind, id: string): string => {
    const k = `${kind}\0${id}`;
    let out = cache.get(k);
    if (out === undefined) {
      out = createHmac('sha256', key).update(`${release}\0${k}`).digest('hex').slice(0, 32);
      // Users and chats repeat across rows; battles and votes do not, so only the former are worth remembering.
      if ((kind === 'user' || kind === 'chat') && cache.size < 200_000) cache.set(k, out);
    }
    return out;
  };
  return Object.assign(fn, { release });
}

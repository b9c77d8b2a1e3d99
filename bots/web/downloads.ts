// A person's data file on the playground: the page has no private messages, so /mydata's file waits here behind an
// unguessable link given only in that person's own answer, for a few minutes and one download.
import { randomBytes } from 'node:crypto';
import type { PersonalFile } from '../../core/port/types';

export interface Downloads {
  /** Keeps the file; the path of its one-time link. */
  put(file: PersonalFile): string;
  /** The file behind a link's token, once (then forgotten); undefined when unknown or expired. */
  take(token: string): PersonalFile | undefined;
}

export const DOWNLOAD_PATH = '/api/downloads/';

export function createDownloads(ttlMs = 10 * 60_000, max = 1_000): Downloads {
  const files = new Map<string, { file: PersonalFile; until: number }>();
  const prune = (now: number) => {
    for (const [token, entry] of files) if (entry.until < now) files.delete(token);
    while (files.size >= max) files.delete(files.keys().next().value as string);
  };
  return {
    put(file) {
      const now = Date.now();
      prune(now);
      const token = randomBytes(24).toString('base64url');
      files.set(token, { file, until: now + ttlMs });
      return `${DOWNLOAD_PATH}${token}`;
    },
    take(token) {
      const entry = files.get(token);
      files.delete(token);
      return entry && entry.until >= Date.now() ? entry.file : undefined;
    },
  };
}

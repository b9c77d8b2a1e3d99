// Row ids in the shape of Prisma's cuid() (Prisma wrote every row before this store, and ids of both kinds live side by
// side in one table): "c", time, counter, process fingerprint, randomness — 25 characters. The counter restarts every
// millisecond, so one process's ids sort in the order they were made (getMessageRefs relies on it for refs stored in
// one batch); the fingerprint and 48 random bits keep processes apart.
import { randomBytes, randomFillSync } from 'node:crypto';

const FINGERPRINT = randomBytes(4).readUInt32BE(0).toString(36).padStart(4, '0').slice(-4);
let counter = 0;
let lastMs = 0;
// Random bytes drawn 4 KB at a time: one randomBytes call per id cost ≈10 µs, 7% of a battle's CPU (bench/engine.ts).
const RANDOM_POOL = Buffer.alloc(4096);
let randomOffset = RANDOM_POOL.length;

/** The offset of `count` fresh random bytes in RANDOM_POOL. */
function randomAt(count: number): number {
  if (randomOffset + count > RANDOM_POOL.length) {
    randomFillSync(RANDOM_POOL);
    randomOffset = 0;
  }
  const at = randomOffset;
  randomOffset += count;
  return at;
}

function random48(): number {
  return RANDOM_POOL.readUIntBE(randomAt(6), 6);
}

/** `length` characters drawn from `alphabet` (at most 256 characters), one random byte each. */
export function randomToken(length: number, alphabet: string): string {
  const at = randomAt(length);
  let token = '';
  for (let i = 0; i < length; i++) token += alphabet[RANDOM_POOL[at + i]! % alphabet.length];
  return token;
}

export function newId(): string {
  const now = Date.now();
  if (now !== lastMs) {
    lastMs = now;
    counter = 0;
  } else counter++; // far below 36^4 (4 characters) in one millisecond
  const random = random48().toString(36).padStart(8, '0').slice(-8);
  return `c${now.toString(36).padStart(8, '0')}${counter.toString(36).padStart(4, '0')}${FINGERPRINT}${random}`;
}

/**
 * The admin PIN, stored only as a slow hash: scrypt (node:crypto) with a
 * random 16-byte salt. The parameters travel inside the hash, so a stored
 * hash keeps working if the defaults change later.
 *
 * Format: `scrypt$N=131072,r=8,p=1$<salt, base64>$<key, base64>`
 * (N = 2^17, r = 8, p = 1: OWASP's recommended minimum for scrypt; about
 * 128 MB of memory and a few hundred milliseconds per try, which is what
 * makes guessing a short PIN offline slow).
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { pinHashPattern } from '../../../shared/admin.js';

export type ScryptCost = { N: number; r: number; p: number };

/** The cost used for new hashes. */
export const defaultScryptCost: ScryptCost = { N: 2 ** 17, r: 8, p: 1 };

const keyLength = 32;

function derive(pin: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  // scrypt needs 128 * N * r bytes; allow that plus headroom instead of Node's 32 MB default.
  const options: ScryptOptions = { ...cost, maxmem: 128 * cost.N * cost.r * 2 };
  return new Promise((resolve, reject) => {
    scrypt(pin.normalize('NFKC'), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** Hashes a PIN for storage. `cost` is for tests only; production uses the default. */
export async function hashPin(pin: string, cost: ScryptCost = defaultScryptCost): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(pin, salt, cost);
  return `scrypt$N=${cost.N},r=${cost.r},p=${cost.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** Reads a stored hash; undefined when it is not in the format above. */
export function parsePinHash(stored: string): { cost: ScryptCost; salt: Buffer; key: Buffer } | undefined {
  const match = pinHashPattern.exec(stored);
  if (!match) return undefined;
  const [, n, r, p, salt, key] = match;
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  // A power of two above 1 is what scrypt accepts; anything else is a damaged hash.
  if (cost.N < 2 || (cost.N & (cost.N - 1)) !== 0 || cost.r < 1 || cost.p < 1) return undefined;
  return { cost, salt: Buffer.from(salt as string, 'base64'), key: Buffer.from(key as string, 'base64') };
}

/** True when `pin` matches the stored hash; compared in constant time. False for a damaged hash. */
export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const parsed = parsePinHash(stored);
  if (!parsed || parsed.key.length === 0) return false;
  const key = await derive(pin, parsed.salt, parsed.cost);
  return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
}

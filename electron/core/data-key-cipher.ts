/**
 * AES-256-GCM with a 32-byte data key: the browser host's cipher, and the
 * inner cipher of Electron's envelope (the data key sealed by the keyring).
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Cipher } from './platform.js';

const keyBytes = 32;
const ivBytes = 12;
const tagBytes = 16;
/**
 * v1: no associated data. Still made and opened for fields that belong to no record (the identity's keys, the trust
 * store's secrets), never opened as a record's field: names sealed so are re-sealed as v2 at start (reseal-old-names.ts).
 */
const legacyPrefix = 'v1:';
/** v2: sealed with associated data (the record's id), so a sealed field cannot be moved to another record. */
const boundPrefix = 'v2:';

/** Reads a 32-byte key given as base64 (LOBBY_DATA_KEY or a key file); throws a sentence naming what is wrong. */
export function parseDataKey(text: string, source: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== keyBytes) {
    throw new Error(
      `${source} must hold a ${keyBytes}-byte key in base64 (got ${key.length} bytes); make one with: openssl rand -base64 32`,
    );
  }
  return key;
}

/**
 * AES-256-GCM: "v1:" + base64(iv | tag | ciphertext) without associated data,
 * "v2:" + the same with it. Tampering, a wrong key or other associated data
 * throws on decrypt, and so does a v1 text opened as a record's field (with
 * associated data): it carries no proof of which record it belongs to.
 */
export function createKeyCipher(key: Buffer): Cipher {
  if (key.length !== keyBytes) throw new Error(`the data key must be ${keyBytes} bytes`);
  return {
    kind: 'aes-256-gcm',
    encrypt(plain, associatedData) {
      const iv = randomBytes(ivBytes);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      if (associatedData !== undefined) cipher.setAAD(Buffer.from(associatedData, 'utf8'));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const prefix = associatedData === undefined ? legacyPrefix : boundPrefix;
      return prefix + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    },
    decrypt(sealed, associatedData) {
      const bound = sealed.startsWith(boundPrefix);
      if (!bound && !sealed.startsWith(legacyPrefix)) throw new Error('not sealed by this cipher');
      // A v2 field opens only with the associated data it was sealed with; v1 fields never had any.
      if (bound && associatedData === undefined) throw new Error('this field is bound to a record; give its id');
      // A v1 field was sealed for no record, so it could have been moved from any: never opened as a record's.
      if (!bound && associatedData !== undefined) throw new Error('this field is not bound to its record (v1); it is not opened');
      const raw = Buffer.from(sealed.slice(boundPrefix.length), 'base64');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, ivBytes));
      if (bound && associatedData !== undefined) decipher.setAAD(Buffer.from(associatedData, 'utf8'));
      decipher.setAuthTag(raw.subarray(ivBytes, ivBytes + tagBytes));
      return Buffer.concat([decipher.update(raw.subarray(ivBytes + tagBytes)), decipher.final()]).toString('utf8');
    },
  };
}

/**
 * AES-256-GCM with a 32-byte data key: the browser host's cipher, and the
 * inner cipher of Electron's envelope (the data key sealed by the keyring).
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Cipher } from './platform.js';

const keyBytes = 32;
const ivBytes = 12;
const sealedPrefix = 'v1:';

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

/** AES-256-GCM: "v1:" + base64(iv | tag | ciphertext). Tampering or a wrong key throws on decrypt. */
export function createKeyCipher(key: Buffer): Cipher {
  if (key.length !== keyBytes) throw new Error(`the data key must be ${keyBytes} bytes`);
  return {
    kind: 'aes-256-gcm',
    encrypt(plain) {
      const iv = randomBytes(ivBytes);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return sealedPrefix + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    },
    decrypt(sealed) {
      if (!sealed.startsWith(sealedPrefix)) throw new Error('not sealed by this cipher');
      const raw = Buffer.from(sealed.slice(sealedPrefix.length), 'base64');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, ivBytes));
      decipher.setAuthTag(raw.subarray(ivBytes, ivBytes + 16));
      return Buffer.concat([decipher.update(raw.subarray(ivBytes + 16)), decipher.final()]).toString('utf8');
    },
  };
}

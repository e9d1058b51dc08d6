/**
 * Ed25519 signatures over a device's statements (a desk's acknowledgement,
 * a step of pairing). Keys travel as base64 of the raw 32 public bytes.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';

export type SigningKey = { privateKey: KeyObject; publicKey: string };

/** The raw 32-byte Ed25519 public key, base64. */
export function rawPublicKey(key: KeyObject): string {
  const der = key.export({ format: 'der', type: 'spki' });
  return der.subarray(der.length - 32).toString('base64');
}

const spkiPrefix = Buffer.from('302a300506032b6570032100', 'hex');

function publicKeyFrom(raw: string): KeyObject {
  const bytes = Buffer.from(raw, 'base64');
  if (bytes.length !== 32) throw new Error('an Ed25519 public key is 32 bytes');
  return createPublicKey({ key: Buffer.concat([spkiPrefix, bytes]), format: 'der', type: 'spki' });
}

export function newSigningKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privateKey, publicKey: rawPublicKey(publicKey) };
}

/** The private key as PKCS#8 PEM, only for sealing at rest. */
export function exportPrivateKey(key: SigningKey): string {
  return key.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
}

export function importSigningKey(pem: string): SigningKey {
  const privateKey = createPrivateKey(pem);
  return { privateKey, publicKey: rawPublicKey(createPublicKey(privateKey)) };
}

/** Base64 Ed25519 signature over the UTF-8 text. */
export function signText(key: SigningKey, text: string): string {
  return sign(null, Buffer.from(text, 'utf8'), key.privateKey).toString('base64');
}

/** Never throws: a malformed key or signature is simply not valid. */
export function verifyText(publicKey: string, text: string, signature: string): boolean {
  try {
    return verify(null, Buffer.from(text, 'utf8'), publicKeyFrom(publicKey), Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

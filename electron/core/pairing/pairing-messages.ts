/**
 * The pairing exchange on the desk receiver (over TLS, before any secret is
 * shared, so these calls are not signed with one):
 *
 * | path                      | initiator sends                               | desk answers                                   |
 * | ------------------------- | --------------------------------------------- | ---------------------------------------------- |
 * | `/lobby/v1/pair/hello`    | code, role, id, label, Ed25519 public key     | session, desk id/name/public key, commitment   |
 * | `/lobby/v1/pair/nonce`    | session, its nonce                            | the desk's nonce                               |
 * | `/lobby/v1/pair/finish`   | session, its signature over the transcript    | the kiosk's secret and the desk's signature, or 409 until the desk's admin confirms |
 * | `/lobby/v1/pair/cancel`   | session                                       | ok                                             |
 */
import { z } from 'zod';

export const pairBasePath = '/lobby/v1/pair';

const deviceId = z.string().regex(/^[A-Z0-9][A-Z0-9-]{0,11}$/);
const base64 = z
  .string()
  .regex(/^[A-Za-z0-9+/]+=*$/)
  .max(200);
const sessionId = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);

export const helloSchema = z
  .object({
    code: z.string().regex(/^[0-9 ]{4,20}$/),
    role: z.enum(['kiosk', 'desk']),
    id: deviceId,
    label: z.string().min(1).max(80),
    publicKey: base64,
  })
  .strict();
export const helloAnswerSchema = z
  .object({ sessionId, deskId: deviceId, deskName: z.string().min(1).max(80), publicKey: base64, commitment: base64 })
  .strict();

export const nonceSchema = z.object({ sessionId, nonce: base64 }).strict();
export const nonceAnswerSchema = z.object({ nonce: base64 }).strict();

export const finishSchema = z.object({ sessionId, signature: base64 }).strict();
export const finishAnswerSchema = z.object({ secret: z.string().optional(), signature: base64 }).strict();

export const cancelSchema = z.object({ sessionId }).strict();

export type Hello = z.output<typeof helloSchema>;
export type HelloAnswer = z.output<typeof helloAnswerSchema>;

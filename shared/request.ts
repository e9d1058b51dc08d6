/**
 * The request for help: what the kiosk asks, what it keeps, and the honest
 * status it shows. One model for the kiosk screen, the kiosk core, the desk
 * core and the desk console.
 *
 * Privacy (DESIGN.md): the minimum only. No free text, no substance details,
 * no date of birth. The first name is the only personal field and it is optional.
 */
import { z } from 'zod';
import { isPrintableText, unprintableMessage } from './printable-text.js';
import type { CoreRequestStatus } from './request-status.js';
import {
  firstNameMaxLength,
  firstNamePattern,
  idempotencyKeyPattern,
  requestKinds,
  type AckMessageKey,
  type Priority,
  type RequestPhase,
} from './request-rules.js';

export * from './request-rules.js';

export const languageCodeSchema = z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'use a language code such as "en" or "es"');

/** What the kiosk screen submits. Strict: nothing else can ride along. */
export const requestInputSchema = z
  .object({
    kind: z.enum(requestKinds),
    /** Optional; trimmed; letters only. An empty string means "not given". */
    firstName: z
      .string()
      .trim()
      .max(firstNameMaxLength, `use at most ${firstNameMaxLength} letters`)
      .refine(isPrintableText, unprintableMessage)
      .refine((name) => name === '' || firstNamePattern.test(name), 'use letters only')
      .optional(),
    /** Whether the person is turning in drugs or needles. */
    turningIn: z.boolean(),
    /** Whether anyone is in danger right now. Yes makes the request an emergency. */
    dangerNow: z.boolean(),
    /** The language the person is reading, so the desk's answer reaches them in it. */
    language: languageCodeSchema,
    /**
     * One key per visit (and priority), made by the screen: the same key
     * returns the same request, however many times Send fires.
     */
    idempotencyKey: z.string().regex(idempotencyKeyPattern, 'use 8 to 64 letters, digits, "-" or "_"').optional(),
  })
  .strict();
export type RequestInput = z.input<typeof requestInputSchema>;
export type ValidRequestInput = z.output<typeof requestInputSchema>;

/** One acknowledgement, as the first desk to answer sent it. */
export type Acknowledgement = {
  messageKey: AckMessageKey;
  deskId: string;
  deskName: string;
  /** ISO time the officer pressed the button. */
  at: string;
  /** The answering desk's Ed25519 signature (paired desks); see shared/backend/statements.ts. */
  signature?: string;
};

/**
 * What the kiosk screen is told about a request it submitted. No personal
 * data: the screen already knows what the person typed, and forgets it on reset.
 */
export type KioskRequestView = {
  /** Opaque id for life; retries reuse it; receivers deduplicate on it. */
  id: string;
  /** Short code the person can say at the window, e.g. "K1-4821". Carries no personal data. */
  reference: string;
  priority: Priority;
  phase: RequestPhase;
  /** What the person is told, from the one status table (shared/request-status.ts). */
  status: CoreRequestStatus;
  acknowledgement?: Acknowledgement;
  createdAt: string;
  updatedAt: string;
};

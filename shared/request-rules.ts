/**
 * The request's rules as plain values, with no zod: the renderer imports
 * these without bundling a schema library (DESIGN.md budget: 150 KB gzip),
 * and shared/request.ts builds its schema from the very same values.
 */

/** What the person asked for. "emergency" is the overdose path and always pages at top priority. */
export const requestKinds = ['help-self', 'help-someone', 'drop-off', 'emergency'] as const;
export type RequestKind = (typeof requestKinds)[number];

export const priorities = ['emergency', 'normal'] as const;
export type Priority = (typeof priorities)[number];

/** The answers an officer can send back; the kiosk shows each in the person's own language. */
export const ackMessageKeys = ['coming-now', 'wait-5-minutes', 'come-to-window', 'called-911'] as const;
export type AckMessageKey = (typeof ackMessageKeys)[number];

/**
 * The answers a desk may send for each priority. An emergency gets only
 * answers that mean help now: never a wait, never "come to the window"
 * (the person may be with someone who is overdosing).
 */
export const ackMessageKeysFor: Readonly<Record<Priority, readonly AckMessageKey[]>> = {
  emergency: ['coming-now', 'called-911'],
  normal: ['coming-now', 'wait-5-minutes', 'come-to-window'],
};

/** How a desk officer closes a request, for program reporting. */
export const closeOutcomes = ['taken-to-treatment', 'referred', 'not-today', 'drop-off-only'] as const;
export type CloseOutcome = (typeof closeOutcomes)[number];

/**
 * Letters of any script, combining marks (Vietnamese tones, Arabic harakat),
 * spaces, apostrophes and hyphens. No digits or symbols: a first name only.
 */
export const firstNamePattern = /^[\p{L}\p{M}][\p{L}\p{M}' \u2019-]*$/u;
export const firstNameMaxLength = 30;

/** Emergencies page first and sooner: the overdose path, or anyone in danger now. */
export function priorityOf(input: { kind: RequestKind; dangerNow: boolean }): Priority {
  return input.kind === 'emergency' || input.dangerNow ? 'emergency' : 'normal';
}

/**
 * Where a request is in its life (DESIGN.md, "A request's life"):
 * captured → delivered → acknowledged → closed.
 * Each step is claimed only once it is true.
 */
export const requestPhases = ['captured', 'delivered', 'acknowledged', 'closed'] as const;
export type RequestPhase = (typeof requestPhases)[number];

/** The shape of request.submit's idempotency key: random, per visit, no personal data. */
export const idempotencyKeyPattern = /^[A-Za-z0-9_-]{8,64}$/;

/** The reference code's shape: the kiosk id, a dash, four digits. */
export const referencePattern = /^[A-Z0-9][A-Z0-9-]{0,11}-\d{4}$/;

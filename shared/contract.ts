/**
 * The one contract between the renderer and the main process.
 *
 * Every call is declared once here: its name, a zod schema for its input and
 * its output type. The preload's exposed API, main's IPC handler registration,
 * the browser host's HTTP bridge and the forwarding of each call to the part
 * of the core that answers it (see `callRoles`) are all derived from this
 * object, so a new call is one entry here plus one handler beside its feature.
 */
import { z } from 'zod';
import { newPinSchema, pinSchema, type AdminLogLine, type AdminOverview, type AdminSessionState, type TestPageResult } from './admin.js';
import type { Bootstrap } from './bootstrap.js';
import type { DeskChange, DeskReport, DeskRequestView, DeskState } from './desk.js';
import { requestIdSchema } from './backend/messages.js';
import { ackMessageKeys, closeOutcomes, requestInputSchema, type KioskRequestView } from './request.js';
import { reportPeriods } from './desk.js';
import type { PairingOverview, PendingComparison } from './trust.js';

/** Declares a call: the input schema is checked at runtime, the output type at compile time. */
function call<Output>() {
  return <Input extends z.ZodType>(input: Input) => ({ input, output: undefined as unknown as Output });
}

/** Declares an event main sends to the renderer. */
function event<Payload>() {
  return { payload: undefined as unknown as Payload };
}

export const calls = {
  /** What the renderer needs to draw its first screen: role, place, public profile, service state. */
  'app.getBootstrap': call<Bootstrap>()(z.object({}).strict()),
  /** A renderer error, so that it reaches the log. The renderer sends a place and an error class, never screen content. */
  'app.reportRendererError': call<{ recorded: true }>()(
    z
      .object({
        where: z.string().regex(/^[a-z0-9.-]{1,60}$/, 'use a short lower-case place name'),
        kind: z.string().regex(/^[A-Za-z0-9]{1,40}$/, 'use an error class name'),
      })
      .strict(),
  ),
  /**
   * Which of the screen's languages this machine can read aloud, as language
   * codes, sent once the voices have loaded (or did not), so the log says
   * where a voice is missing. Nothing about the person at the screen.
   */
  'app.reportVoices': call<{ recorded: true }>()(
    z.object({ withVoice: z.array(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, 'use a language code')).max(40) }).strict(),
  ),

  // Kiosk role: the request for help (issue 4 owns the core side, issue 3 the screen).
  /**
   * Saves the request durably, then starts delivering it. Resolves only after
   * the save, with the honest status; rejects when it could not be saved, and
   * the screen then shows the fallback instruction.
   */
  'request.submit': call<KioskRequestView>()(requestInputSchema),
  /** The current status of a request this kiosk captured (null once purged or unknown). */
  'request.get': call<KioskRequestView | null>()(z.object({ id: z.string().min(1).max(64) }).strict()),
  /**
   * The kiosk screen started over (idle, "Start over", or after the answer):
   * the kiosk forgets what this visit left on the machine (the clipboard).
   */
  'kiosk.sessionEnded': call<{ forgotten: true }>()(z.object({}).strict()),

  // Desk role: the officer's console (issue 5).
  'desk.getState': call<DeskState>()(z.object({}).strict()),
  /** The officer's answer, sent to the kiosk as a message key so the person reads it in their language. */
  // The same request-id rule as the receiver's: "constructor" or "__proto__" never reaches the desk core.
  'desk.acknowledge': call<DeskRequestView>()(z.object({ id: requestIdSchema, messageKey: z.enum(ackMessageKeys) }).strict()),
  'desk.close': call<DeskRequestView>()(z.object({ id: requestIdSchema, outcome: z.enum(closeOutcomes) }).strict()),
  /** Closed requests, newest first. */
  'desk.history': call<DeskRequestView[]>()(z.object({ days: z.number().int().min(1).max(365).default(7) }).strict()),
  'desk.report': call<DeskReport>()(z.object({ period: z.enum(reportPeriods) }).strict()),
  /** Anonymous counts as CSV, for the program's reporting. No names, no references. */
  'desk.exportCsv': call<{ fileName: string; csv: string }>()(z.object({ period: z.enum(reportPeriods) }).strict()),

  // Admin screen, both roles (issue 10). The core refuses every `admin.*` call
  // without an active admin session, except the three that open one.
  'admin.session.state': call<AdminSessionState>()(z.object({}).strict()),
  /** Opens a session with the PIN; refused (plainly) for a wrong PIN or while locked out. */
  'admin.session.unlock': call<AdminSessionState>()(z.object({ pin: pinSchema }).strict()),
  /** Sets the first PIN and opens a session; refused once any PIN exists. */
  'admin.session.createPin': call<AdminSessionState>()(z.object({ pin: newPinSchema }).strict()),
  /** A touch on the admin screen: keeps the session open another 2 minutes. */
  'admin.session.touch': call<AdminSessionState>()(z.object({}).strict()),
  'admin.session.end': call<AdminSessionState>()(z.object({}).strict()),
  'admin.overview': call<AdminOverview>()(z.object({}).strict()),
  /** One test page to one channel, or to every channel when `channelId` is left out. */
  'admin.testPage': call<TestPageResult[]>()(
    z
      .object({
        channelId: z
          .string()
          .regex(/^[a-z0-9][a-z0-9-]{0,31}$/)
          .optional(),
      })
      .strict(),
  ),
  'admin.outOfService.set': call<{ outOfService: boolean }>()(z.object({ on: z.boolean() }).strict()),
  /** The last 200 log lines (already free of personal data), oldest first. */
  'admin.log.recent': call<AdminLogLine[]>()(z.object({}).strict()),
  // Pairing (issue 10), on both roles; every `admin.` call is for the admin screen only.
  /** This device's id, fingerprints, key protection, paired devices and any comparison waiting to be confirmed. */
  'admin.pairing.overview': call<PairingOverview>()(z.object({}).strict()),
  /** Desk only: "Add a kiosk": a one-time code (single use, 10 minutes, 5 tries) and the addresses to type on the kiosk. */
  'admin.pairing.createCode': call<{ code: string; expiresAt: string; addresses: string[]; deskFingerprint: string }>()(
    z.object({}).strict(),
  ),
  /** "Pair with a desk" (a kiosk, or a desk joining another desk of its department): the desk's address and its code. */
  'admin.pairing.pairWithDesk': call<PendingComparison>()(
    z
      .object({
        address: z
          .string()
          .trim()
          .min(3)
          .max(200)
          .regex(/^[A-Za-z0-9.:[\]/-]+$/, 'use an address such as "192.168.1.20:4790"'),
        code: z
          .string()
          .trim()
          .regex(/^[0-9 ]{8,12}$/, 'type the 8 digits shown on the desk'),
      })
      .strict(),
  ),
  /** The administrator compared the six digits on both screens: `same` pairs, anything else stops the pairing. */
  'admin.pairing.confirm': call<{ state: 'paired' | 'waiting-for-other-side' | 'cancelled' }>()(
    z.object({ sessionId: z.string().min(16).max(64), same: z.boolean() }).strict(),
  ),
  /** Ends a pairing at once: a desk unpairs a kiosk (its secret stops working) or forgets a desk; a kiosk forgets a desk. */
  'admin.pairing.unpair': call<{ removed: boolean }>()(
    z
      .object({ role: z.enum(['kiosk', 'desk']), id: z.string().regex(/^[A-Z0-9][A-Z0-9-]{0,11}$/, 'use a device id such as "K1"') })
      .strict(),
  ),
} as const;

export const events = {
  /** The configuration was read again (for example after an administrator fixed a bad file). */
  'app.bootstrapChanged': event<Bootstrap>(),
  /** A request this kiosk captured moved on (delivered, acknowledged, late, closed). */
  'request.changed': event<KioskRequestView>(),
  /** The desk's live state, whole: after retention purged requests, or once the receiver is up. */
  'desk.changed': event<DeskState>(),
  /** One request arrived, was answered or closed, or a kiosk came or went: apply with shared/desk-change.ts. */
  'desk.requestChanged': event<DeskChange>(),
  /** The admin session opened or ended (for example after 2 minutes without a touch). */
  'admin.sessionChanged': event<AdminSessionState>(),
  /** Pairings or a waiting comparison changed (for the admin screen). */
  'admin.pairing.changed': event<PairingOverview>(),
} as const;

export type CallName = keyof typeof calls;

/**
 * Who answers a call, by the part of its name before the first dot, so an
 * entry above needs no more than its name: `app` calls are answered in both
 * roles; `kiosk` (and `request`) calls by the running kiosk service; `desk`
 * calls by the running desk service; `admin` calls by the admin screen's
 * features, behind the admin gate. A call in a namespace not listed here does
 * not compile (see `unlistedNamespaces`).
 */
export const callRoles = { app: 'app', kiosk: 'kiosk', request: 'kiosk', desk: 'desk', admin: 'admin' } as const;
export type CallRole = (typeof callRoles)[keyof typeof callRoles];
type NamespaceOf<N extends string> = N extends `${infer Namespace}.${string}` ? Namespace : never;
/** The calls one part of the app answers, e.g. `CallsOf<'kiosk'>` is `'request.submit' | 'request.get' | …`. */
export type CallsOf<R extends CallRole> = {
  [N in CallName]: NamespaceOf<N> extends keyof typeof callRoles ? ((typeof callRoles)[NamespaceOf<N>] extends R ? N : never) : never;
}[CallName];
/** Fails to compile when a call's namespace is missing from callRoles. */
const unlistedNamespaces: Exclude<NamespaceOf<CallName>, keyof typeof callRoles>[] = [];
void unlistedNamespaces;

/** The part of the app that answers `name`. */
export function roleOf(name: CallName): CallRole {
  const namespace = name.slice(0, name.indexOf('.'));
  if (!Object.hasOwn(callRoles, namespace)) throw new Error(`${name}: its namespace is not in callRoles`);
  return callRoles[namespace as keyof typeof callRoles];
}

/** Every call one part of the app answers, in contract order. */
export function callsOf<R extends CallRole>(role: R): CallsOf<R>[] {
  return (Object.keys(calls) as CallName[]).filter((name) => roleOf(name) === role) as CallsOf<R>[];
}
export type EventName = keyof typeof events;
export type CallInput<N extends CallName> = z.input<(typeof calls)[N]['input']>;
export type ValidCallInput<N extends CallName> = z.output<(typeof calls)[N]['input']>;
export type CallOutput<N extends CallName> = (typeof calls)[N]['output'];
export type EventPayload<N extends EventName> = (typeof events)[N]['payload'];

export const callNames = Object.keys(calls) as CallName[];
export const eventNames = Object.keys(events) as EventName[];

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.hasOwn(calls, name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}

/** The handlers main implements: one per call, each given input that already passed its schema. */
export type CallHandlers = {
  [N in CallName]: (input: ValidCallInput<N>) => Promise<CallOutput<N>> | CallOutput<N>;
};

/** Something that emits the contract's events; the core implements it, transports subscribe. */
export type EventSource = {
  subscribe(listener: <N extends EventName>(name: N, payload: EventPayload<N>) => void): () => void;
};

/** Options for `on`: the listener is removed when `signal` aborts (or at once if it already has). */
export type ListenOptions = { signal?: AbortSignal };

/**
 * The API the renderer sees, whichever transport carries it (Electron IPC or the
 * browser host's HTTP bridge): one named function per call, plus `on` for events.
 * `on` returns a function that removes the listener; `{ signal }` does the same.
 */
export type LobbyApi = {
  readonly [N in CallName]: (input: CallInput<N>) => Promise<CallOutput<N>>;
} & {
  on<N extends EventName>(name: N, listener: (payload: EventPayload<N>) => void, options?: ListenOptions): () => void;
};

export { ipcRoute } from './ipc-routes.js';

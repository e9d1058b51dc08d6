/**
 * The two layers of configuration, validated with zod at start.
 *
 * - The agency profile: every fact the kiosk shows about the program.
 * - The device config: what this machine is (kiosk or desk) and where it stands.
 *
 * Later features extend the device config (channels, timeouts, retention, PIN);
 * unknown keys are rejected so that a typo is an error, not a silent default.
 */
import { z } from 'zod';
import { pinHashPattern } from './admin.js';
import { publicKeyPattern, secretPattern } from './backend/signing.js';
import { isPrintableText, unprintableMessage } from './printable-text.js';

/** The longest retry horizon a kiosk may be given (72 hours): receivers that keep ids this long serve every kiosk. */
export const maxRetryHorizonMinutes = 72 * 60;

const languageCode = z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'use a language code such as "en" or "es"');
const phone = z.string().min(3).max(40);
/** Names shown on screens and sent to desks: visible characters only (shared/printable-text.ts). */
const visible = (max: number) => z.string().min(1).max(max).refine(isPrintableText, unprintableMessage);
const plainText = visible(200);

/** Per-language replacements for any interface string, keyed by its full key ("kiosk:welcome.title"). */
const textOverrides = z.record(languageCode, z.record(z.string().min(1).max(120), z.string().min(1).max(2000)));

export const agencyProfileSchema = z
  .object({
    schemaVersion: z.literal(1),
    agency: z
      .object({
        name: plainText,
        shortName: visible(60),
        city: plainText,
        /** A file inside the profile's folder (SVG or PNG); optional. */
        logo: z
          .string()
          .regex(/^[\w.-]+\.(svg|png)$/, 'use a file name such as "logo.svg"')
          .optional(),
        /**
         * The logo itself, as a base64 data URL, shown beside the agency's name.
         * Inline so that it travels with the profile to the screen and needs no
         * file serving or network (the page's CSP allows data: images only).
         */
        logoDataUrl: z
          .string()
          .max(300_000, 'keep the logo under about 200 KB')
          .regex(/^data:image\/(png|svg\+xml);base64,[A-Za-z0-9+/]+=*$/, 'use a data URL such as "data:image/png;base64,…"')
          .optional(),
        /** Whether the lobby has a phone people can pick up to reach the front desk (named in the fallback instruction). */
        lobbyPhone: z.boolean().default(false),
      })
      .strict(),
    program: z
      .object({
        name: visible(60),
        partnerName: plainText,
        openAllHours: z.boolean(),
        minimumAge: z.number().int().min(0).max(99),
        residencyRequired: z.boolean(),
        /** Whether the front desk keeps naloxone (Narcan) for an overdose, so the emergency screen can say so. */
        naloxoneAtDesk: z.boolean().default(false),
      })
      .strict(),
    phones: z
      .object({
        emergency: phone,
        nonEmergency: phone,
        helpline: phone,
        crisisLine: phone,
      })
      .strict(),
    languages: z
      .object({
        enabled: z.array(languageCode).min(1),
        default: languageCode,
      })
      .strict()
      .refine((l) => l.enabled.includes(l.default), { message: 'default must be one of the enabled languages', path: ['default'] }),
    textOverrides: textOverrides.default({}),
  })
  .strict();

/** A `whsec_` signing secret (Standard Webhooks). */
const secret = z.string().regex(secretPattern, 'use a Standard Webhooks secret: "whsec_" followed by base64 (at least 24 bytes)');
/** One secret, or several while rotating to a new one (messages carry a signature for each). */
const secrets = z.union([secret, z.array(secret).min(1).max(4)]);
const httpUrl = z.url({ protocol: /^https?$/, error: 'use an http:// or https:// address' });
const channelId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'use lower-case letters, digits and dashes, such as "front-desk"');
const e164 = z.string().regex(/^\+[1-9]\d{6,14}$/, 'use an international number such as "+18165550100"');
const email = z.email();

/**
 * Common to every channel. "page" channels get every request at once;
 * "escalation" channels only when a request is not acknowledged in time.
 */
const channelBase = {
  id: channelId,
  use: z.enum(['page', 'escalation']).default('page'),
};

const deskChannel = z
  .object({
    ...channelBase,
    type: z.literal('desk'),
    /** The desk receiver's base URL, e.g. "http://192.168.1.20:4790/lobby/v1". */
    url: httpUrl,
    secret: secrets,
    /** A PEM file of the CA that signed the desk's certificate, when it is not publicly trusted. */
    caFile: z.string().min(1).optional(),
  })
  .strict();

const webhookChannel = z
  .object({
    ...channelBase,
    type: z.literal('webhook'),
    /** Receives `request.created` (docs/backend-contract.md). */
    url: httpUrl,
    /** A shared `whsec_` secret; or, instead, `deviceKey` (exactly one of the two). */
    secret: secrets.optional(),
    /**
     * Contract 1.3: sign every message with this kiosk's own device key (`v1a`, Ed25519) instead of a shared secret:
     * the backend trusts the public key the admin screen shows, and no secret is copied into this file.
     */
    deviceKey: z
      .literal(true, { error: 'use true (sign with this kiosk\'s own device key), or leave it out and give "secret"' })
      .optional(),
    /**
     * With `deviceKey`: the backend's own public key ("whpk_…"). Every answer (receipt, status answer, heartbeat `ok`)
     * must then carry its `v1a` signature for the message it answers. Required with `statusUrl`.
     */
    backendKey: z
      .string()
      .regex(publicKeyPattern, 'use the backend\'s public key: "whpk_" followed by the base64 of its 32-byte Ed25519 key')
      .optional(),
    /** Optional: where the kiosk asks for acknowledgements (`status.query`). */
    statusUrl: httpUrl.optional(),
    /** Optional (contract 1.1): send `kiosk.heartbeat` this often. Absent: no heartbeats to this backend. */
    heartbeatSeconds: z.number().int().min(5).max(3600).optional(),
    /** Where heartbeats go; the channel's `url` when absent (the body's `type` tells them apart). */
    heartbeatUrl: httpUrl.optional(),
    /** Include the first name. Only for a department-run backend that is allowed to hold it. */
    personalData: z.boolean().default(false),
    /**
     * The backend signs each answer (receipt, status answer, heartbeat `ok`) for the message it answers, as the desk
     * does (contract 1.2): the kiosk then believes no other. Off by default, so a 1.1 backend keeps working.
     */
    signedAnswers: z.boolean({ error: 'use true (the backend signs each answer for the message it answers) or false' }).default(false),
    caFile: z.string().min(1).optional(),
  })
  .strict();

const teamsChannel = z.object({ ...channelBase, type: z.literal('teams'), url: httpUrl }).strict();
const slackChannel = z.object({ ...channelBase, type: z.literal('slack'), url: httpUrl }).strict();

const twilioChannel = z
  .object({
    ...channelBase,
    type: z.literal('twilio'),
    accountSid: z.string().regex(/^AC[0-9a-fA-F]{32}$/, 'use the Account SID from the Twilio console ("AC" and 32 hex digits)'),
    authToken: z.string().min(16).max(128),
    from: e164,
    to: z.array(e164).min(1).max(10),
    /** Only for tests and regional edges; the default is Twilio's own API. */
    apiBaseUrl: httpUrl.default('https://api.twilio.com'),
  })
  .strict();

const smtpChannel = z
  .object({
    ...channelBase,
    type: z.literal('smtp'),
    host: z.string().min(1).max(255),
    port: z.number().int().min(1).max(65535),
    /** "tls": TLS from the first byte (port 465); "starttls": upgrade required (port 587); "none": only for a relay on this machine. */
    security: z.enum(['tls', 'starttls', 'none']),
    auth: z
      .object({ user: z.string().min(1), pass: z.string().min(1) })
      .strict()
      .optional(),
    from: email,
    to: z.array(email).min(1).max(20),
    rejectUnauthorized: z.boolean().default(true),
    caFile: z.string().min(1).optional(),
  })
  .strict()
  .refine((c) => c.security !== 'none' || ['127.0.0.1', 'localhost', '::1'].includes(c.host), {
    message: 'security "none" is only allowed for a mail relay on this machine (127.0.0.1); use "tls" or "starttls"',
    path: ['security'],
  });

/** True for addresses only this computer can reach. */
function isLoopbackUrl(url: string): boolean {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
const plainHttpBeyondLoopback = (url: string) => url.startsWith('http://') && !isLoopbackUrl(url);

export const channelSchema = z
  .discriminatedUnion('type', [deskChannel, webhookChannel, teamsChannel, slackChannel, twilioChannel, smtpChannel])
  // The first name must never cross the network unencrypted.
  .refine((c) => !(c.type === 'desk' && plainHttpBeyondLoopback(c.url)), {
    message: 'a desk channel beyond this computer must use https:// (better: pair the desk from the admin screen)',
    path: ['url'],
  })
  .refine((c) => !(c.type === 'webhook' && c.personalData && plainHttpBeyondLoopback(c.url)), {
    message: 'a webhook with "personalData": true must use https:// unless it is on this computer (127.0.0.1)',
    path: ['url'],
  })
  // How a webhook signs: a shared secret or this kiosk's own key, never both and never neither.
  .refine((c) => !(c.type === 'webhook' && c.secret !== undefined && c.deviceKey), {
    message: 'a webhook signs either with "secret" or with "deviceKey": true, not both; remove one of them',
    path: ['deviceKey'],
  })
  .refine((c) => !(c.type === 'webhook' && c.secret === undefined && !c.deviceKey), {
    message: 'a webhook needs "deviceKey": true (sign with this kiosk\'s own key, nothing to copy) or a "secret"',
    path: ['secret'],
  })
  .refine((c) => !(c.type === 'webhook' && c.backendKey !== undefined && !c.deviceKey), {
    message: '"backendKey" goes with "deviceKey": true; with a "secret", use "signedAnswers" instead',
    path: ['backendKey'],
  })
  .refine((c) => !(c.type === 'webhook' && c.deviceKey && c.signedAnswers), {
    message: 'with "deviceKey", the backend signs its answers with its own key: give "backendKey" instead of "signedAnswers"',
    path: ['signedAnswers'],
  })
  .refine((c) => !(c.type === 'webhook' && c.deviceKey && c.statusUrl !== undefined && c.backendKey === undefined), {
    message:
      'a webhook with "deviceKey" and "statusUrl" needs "backendKey" (the backend\'s "whpk_" public key): without it the kiosk cannot tell a real answer from a forged one, and it shows a person what the answer says',
    path: ['backendKey'],
  });

const deliverySchema = z
  .object({
    /**
     * Channels beyond the paired desks (webhooks, Teams, Slack, SMS, email).
     * Desks are paired from the admin screen, not written here; a kiosk with
     * neither shows the fallback for every request.
     */
    channels: z
      .array(channelSchema)
      .refine((list) => new Set(list.map((c) => c.id)).size === list.length, 'channel ids must be unique')
      .default([]),
    /** Not delivered this long after capture: show the fallback while still trying. */
    fallbackAfterSeconds: z.number().int().min(3).max(300).default(20),
    /** Not acknowledged this long after capture: fallback on screen and escalation channels paged. */
    acknowledgeWithinSeconds: z.number().int().min(10).max(3600).default(120),
    emergencyAcknowledgeWithinSeconds: z.number().int().min(5).max(600).default(30),
    /** How often the kiosk asks its desks for acknowledgements while a request is open. */
    pollSeconds: z.number().min(0.2).max(60).default(3),
    heartbeatSeconds: z.number().int().min(1).max(600).default(15),
    /** One attempt's time limit. */
    requestTimeoutMs: z.number().int().min(200).max(60000).default(10000),
    retry: z
      .object({
        initialDelayMs: z.number().int().min(10).max(60000).default(1000),
        maxDelayMs: z.number().int().min(100).max(3600000).default(60000),
        /**
         * The retry horizon: a message still not accepted this long after the
         * request was captured fails for good. Receivers keep message and
         * request ids at least this long (docs/backend-contract.md).
         */
        horizonMinutes: z.number().int().min(1).max(maxRetryHorizonMinutes).default(1440),
      })
      .strict()
      .default({ initialDelayMs: 1000, maxDelayMs: 60000, horizonMinutes: 1440 }),
    /**
     * A new submission while a request captured less than this long ago is
     * still unanswered is collapsed into it (the person sees that request).
     * 0 turns collapsing off.
     */
    collapseSeconds: z.number().int().min(0).max(600).default(30),
    /** New requests per rolling minute; more are collapsed into the newest open one, or refused. */
    maxRequestsPerMinute: z.number().int().min(1).max(10000).default(20),
  })
  .strict();

/** The admin screen's PIN, as a hash printed by `npm run pin-hash` (never the PIN itself). Optional: without it the PIN is set on first use. */
const adminSettings = z
  .object({
    pinHash: z.string().regex(pinHashPattern, 'use the hash printed by "npm run pin-hash" ("scrypt$N=…")').optional(),
  })
  .strict()
  .optional();

const kioskDevice = z
  .object({
    schemaVersion: z.literal(1),
    role: z.literal('kiosk'),
    kiosk: z
      .object({
        id: z.string().regex(/^[A-Z0-9][A-Z0-9-]{0,11}$/, 'use capital letters, digits and dashes, such as "K1"'),
        location: visible(80),
      })
      .strict(),
    idle: z
      .object({
        warnAfterSeconds: z.number().int().min(15).max(600).default(60),
        countdownSeconds: z.number().int().min(20).max(120).default(20),
        /** How long the status screen stays after the officer's answer, before it resets calmly for the next person. */
        answeredStaySeconds: z.number().int().min(5).max(1800).default(180),
      })
      .strict()
      .default({ warnAfterSeconds: 60, countdownSeconds: 20, answeredStaySeconds: 180 }),
    delivery: deliverySchema,
    admin: adminSettings,
    retention: z
      .object({
        /** Personal fields are purged this long after a request closes. */
        hoursAfterClose: z
          .number()
          .min(0)
          .max(24 * 30)
          .default(24),
        /** ...or this long after capture if no desk ever closes it. */
        maxOpenHours: z
          .number()
          .min(1)
          .max(24 * 30)
          .default(72),
      })
      .strict()
      .default({ hoursAfterClose: 24, maxOpenHours: 72 }),
  })
  .strict();

const deskDevice = z
  .object({
    schemaVersion: z.literal(1),
    role: z.literal('desk'),
    desk: z
      .object({
        id: z.string().regex(/^[A-Z0-9][A-Z0-9-]{0,11}$/, 'use capital letters, digits and dashes, such as "D1"'),
        name: visible(80),
      })
      .strict(),
    receiver: z
      .object({
        /** The LAN address to listen on; "127.0.0.1" for a demo on one machine. */
        host: z.string().min(1).max(255).default('127.0.0.1'),
        port: z.number().int().min(0).max(65535).default(4790),
        /** HTTPS when both files are given (PEM). */
        tls: z
          .object({ certFile: z.string().min(1), keyFile: z.string().min(1) })
          .strict()
          .optional(),
        /**
         * Signing secrets written by hand, accepted from any kiosk: only for a
         * desk listening on this computer (tests, a one-machine setup). Kiosks
         * on the network are paired instead, each with a secret of its own.
         */
        secrets: z.array(secret).default([]),
        /** Open connections in all; more are refused by the operating system's backlog. */
        maxConnections: z.number().int().min(1).max(10000).default(256),
        /** Open connections from one address: one misbehaving machine cannot take them all. */
        maxConnectionsPerAddress: z.number().int().min(1).max(1000).default(32),
      })
      .strict(),
    admin: adminSettings,
    kiosks: z
      .object({ offlineAfterSeconds: z.number().int().min(10).max(3600).default(60) })
      .strict()
      .default({ offlineAfterSeconds: 60 }),
    alerts: z
      .object({
        repeatSeconds: z.number().int().min(3).max(120).default(10),
        sound: z.boolean().default(true),
        osNotifications: z.boolean().default(true),
      })
      .strict()
      .default({ repeatSeconds: 10, sound: true, osNotifications: true }),
    retention: z
      .object({ days: z.number().min(1).max(365).default(30) })
      .strict()
      .default({ days: 30 }),
    /**
     * What one kiosk may send per minute before the desk answers 429 with
     * Retry-After (the kiosk keeps the message and tries later). Far above a
     * real lobby: a kiosk sends a heartbeat and a status query every few
     * seconds and a few requests an hour.
     */
    limits: z
      .object({
        messagesPerKioskPerMinute: z.number().int().min(60).max(6000).default(600),
        requestsPerKioskPerMinute: z.number().int().min(3).max(600).default(10),
      })
      .strict()
      .default({ messagesPerKioskPerMinute: 600, requestsPerKioskPerMinute: 10 }),
  })
  .strict();

export const deviceConfigSchema = z.discriminatedUnion('role', [kioskDevice, deskDevice]);

export type AgencyProfile = z.output<typeof agencyProfileSchema>;
export type DeviceConfig = z.output<typeof deviceConfigSchema>;
export type KioskDeviceConfig = z.output<typeof kioskDevice>;
export type DeskDeviceConfig = z.output<typeof deskDevice>;
export type Role = DeviceConfig['role'];
export type ChannelConfig = z.output<typeof channelSchema>;
export type ChannelType = ChannelConfig['type'];
export type DeliveryConfig = KioskDeviceConfig['delivery'];

/** A channel's secrets as a list, whether the file gave one or several. */
export function secretsOf(channel: { secret?: string | string[] }): string[] {
  if (channel.secret === undefined) return [];
  return typeof channel.secret === 'string' ? [channel.secret] : channel.secret;
}

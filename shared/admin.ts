/**
 * The admin screen's side of the contract: what the core tells an
 * administrator and the inputs it accepts. Nothing here holds personal data
 * or a secret: channel targets are host names only.
 */
import { z } from 'zod';

/** A stored PIN hash: `scrypt$N=<cost>,r=<block size>,p=<parallelism>$<salt base64>$<key base64>` (see docs/security.md). */
export const pinHashPattern = /^scrypt\$N=(\d{1,8}),r=(\d{1,3}),p=(\d{1,3})\$([A-Za-z0-9+/]{16,}={0,2})\$([A-Za-z0-9+/]{16,}={0,2})$/;

/**
 * A PIN typed to open the admin screen: 4 to 12 digits on the kiosk's own keypad. Four is still accepted here
 * so that a PIN set before session 9 keeps working; the screen then asks for a longer one (`shortPin`).
 */
export const pinSchema = z.string().regex(/^\d{4,12}$/, 'use 4 to 12 digits');

/**
 * The fewest digits a new PIN may have. The scrypt hash of a 4-digit PIN, copied from a stolen kiosk.json, falls to
 * offline guessing in about an hour on one core; 8 digits take about 10,000 times as long (docs/security.md).
 */
export const newPinMinLength = 8;

/** A new PIN (chosen on first use, or hashed by `npm run pin-hash`): 8 to 12 digits. */
export const newPinSchema = z
  .string()
  .regex(/^\d{8,12}$/, 'use 8 to 12 digits: a shorter PIN can be guessed from a copy of the config file');

/** Whether an admin session is open, and whether a PIN exists yet. Safe to answer without a session. */
export type AdminSessionState = {
  active: boolean;
  /** False until a PIN is set (in the device config or on first use). */
  pinSet: boolean;
  /**
   * While no PIN is set: whether it may be chosen on this screen now ("open"), or why not. A kiosk offers it
   * only in the first hour after its first start, and never again once it has had a PIN
   * (electron/core/admin/first-use.ts); then the PIN comes from `admin.pinHash` in the device config.
   */
  firstUse?: 'open' | 'time-passed' | 'set-up-before';
  /** Seconds until another try is allowed, while locked out after wrong PINs. */
  lockedForSeconds?: number;
  /** Seconds left before the session ends for lack of a touch. */
  expiresInSeconds?: number;
  /**
   * While a session is open: the PIN that opened it has fewer than `newPinMinLength` digits (set before they were
   * required), so the screen asks for a longer one. Only this flag leaves the core, never the PIN or its length.
   */
  shortPin?: true;
};

export type ConfigProblemView = { file: string; field: string; message: string };

export type ChannelResult = 'delivered' | 'retrying' | 'failed';

export type ChannelStatusView = {
  id: string;
  type: string;
  use: 'page' | 'escalation';
  /** Host (and port) only: never a path, a query, a user name or a secret. */
  host: string;
  lastResult?: ChannelResult;
  /** ISO time of the last result. */
  lastAt?: string;
  /** A status code or error class, never a body. */
  lastReason?: string;
  failedDeliveries: number;
};

export type AdminOverview = {
  version: string;
  role: 'kiosk' | 'desk' | 'unknown';
  deviceId?: string;
  /** The kiosk's location or the desk's name. */
  placeName?: string;
  /** Empty when the configuration is valid. */
  configProblems: ConfigProblemView[];
  outOfService: boolean;
  /** Kiosk only. */
  channels: ChannelStatusView[];
  /** Kiosk only: requests with something still to send. */
  outboxDepth?: number;
  /** Desk only: the receiver's state. */
  receiver?: { listening: boolean; url?: string; problem?: string };
};

export type TestPageResult = { channelId: string; type: string; outcome: 'delivered' | 'failed'; reason?: string };

export type AdminLogLine = {
  time: string;
  level: 'info' | 'warn' | 'error';
  area: string;
  message: string;
  fields?: Record<string, string | number | boolean>;
};

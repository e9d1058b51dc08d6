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

const languageCode = z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'use a language code such as "en" or "es"');
const phone = z.string().min(3).max(40);
const plainText = z.string().min(1).max(200);

/** Per-language replacements for any interface string, keyed by its full key ("kiosk:welcome.title"). */
const textOverrides = z.record(languageCode, z.record(z.string().min(1).max(120), z.string().min(1).max(2000)));

export const agencyProfileSchema = z
  .object({
    schemaVersion: z.literal(1),
    agency: z
      .object({
        name: plainText,
        shortName: z.string().min(1).max(60),
        city: plainText,
        /** A file inside the profile's folder (SVG or PNG); optional. */
        logo: z.string().regex(/^[\w.-]+\.(svg|png)$/, 'use a file name such as "logo.svg"').optional(),
      })
      .strict(),
    program: z
      .object({
        name: z.string().min(1).max(60),
        partnerName: plainText,
        openAllHours: z.boolean(),
        minimumAge: z.number().int().min(0).max(99),
        residencyRequired: z.boolean(),
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

const kioskDevice = z
  .object({
    schemaVersion: z.literal(1),
    role: z.literal('kiosk'),
    kiosk: z
      .object({
        id: z.string().regex(/^[A-Z0-9][A-Z0-9-]{0,11}$/, 'use capital letters, digits and dashes, such as "K1"'),
        location: z.string().min(1).max(80),
      })
      .strict(),
    idle: z
      .object({
        warnAfterSeconds: z.number().int().min(15).max(600).default(60),
        countdownSeconds: z.number().int().min(20).max(120).default(20),
      })
      .strict()
      .default({ warnAfterSeconds: 60, countdownSeconds: 20 }),
  })
  .strict();

const deskDevice = z
  .object({
    schemaVersion: z.literal(1),
    role: z.literal('desk'),
    desk: z
      .object({
        id: z.string().regex(/^[A-Z0-9][A-Z0-9-]{0,11}$/, 'use capital letters, digits and dashes, such as "D1"'),
        name: z.string().min(1).max(80),
      })
      .strict(),
  })
  .strict();

export const deviceConfigSchema = z.discriminatedUnion('role', [kioskDevice, deskDevice]);

export type AgencyProfile = z.output<typeof agencyProfileSchema>;
export type DeviceConfig = z.output<typeof deviceConfigSchema>;
export type KioskDeviceConfig = z.output<typeof kioskDevice>;
export type DeskDeviceConfig = z.output<typeof deskDevice>;
export type Role = DeviceConfig['role'];

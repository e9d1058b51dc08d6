import { hashPin } from '../../../electron/core/admin/pin-hash.js';

/** The admin PIN of the kiosks the unit tests start set up (tempConfig). */
export const testAdminPin = '48291375';

/** A cheap scrypt cost: the tests are about the rules, not the hash's cost. */
export const cheapPinCost = { N: 1024, r: 8, p: 1 };

let made: Promise<string> | undefined;

/** `admin.pinHash` for testAdminPin, made once per test file. */
export function testPinHash(): Promise<string> {
  made ??= hashPin(testAdminPin, cheapPinCost);
  return made;
}

/**
 * When the receiver may listen: never on the network without TLS, nor while
 * it trusts secrets written in its config file (such as the old demo secret,
 * which anyone with a copy of the app could use to sign a request).
 */
import { isIP } from 'node:net';

/** The secret in the shipped demo configs; a test keeps this in step with resources/config/desk.json. */
export const demoSecret = 'whsec_XG7kUGhidITab/OL0jCihAZj69LoP0ejBBOnbeIN0cY=';

/** True for addresses only this computer can reach (127.0.0.0/8, ::1, localhost). */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare === 'localhost' || bare === '::1') return true;
  return isIP(bare) === 4 && bare.startsWith('127.');
}

/**
 * A plain sentence saying why the receiver must not listen, or undefined when
 * it may. Beyond loopback it needs TLS, and secrets from the config file (the
 * old shared-secret setup) are refused: kiosks are paired instead.
 */
export function listenRefusal(host: string, secrets: readonly string[], tls = true): string | undefined {
  if (isLoopbackHost(host)) return undefined;
  if (secrets.includes(demoSecret)) return 'replace the demo secret before listening on the network';
  if (secrets.length > 0)
    return 'receiver.secrets are for a desk on this computer only; remove them and pair each kiosk from the admin screen';
  if (!tls) return 'the receiver needs TLS to listen on the network';
  return undefined;
}

/** What the console says when the address cannot be bound. */
export function bindProblem(code: string | undefined, host: string, port: number): string {
  switch (code) {
    case 'EADDRINUSE':
      return `port ${port} on ${host} is already in use by another program, so kiosks cannot reach this desk`;
    case 'EADDRNOTAVAIL':
      return `${host} is not an address of this computer; check receiver.host in the desk configuration`;
    case 'EACCES':
      return `this computer does not allow the app to listen on port ${port}; choose a port above 1024`;
    default:
      return `the receiver could not listen on ${host}:${port}`;
  }
}

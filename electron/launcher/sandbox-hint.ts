/**
 * Why Electron may die at once on Linux, and the fix, in words a developer can
 * act on. Ubuntu 23.10+ restricts unprivileged user namespaces, so Chromium
 * falls back to its SUID helper, chrome-sandbox; in node_modules that helper
 * is not owned by root nor setuid, and Electron aborts with SIGTRAP
 * (electron/electron#42510).
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export type SandboxProbe = {
  /** Owner and mode of a file, or null when it is missing. */
  stat(file: string): { uid: number; mode: number } | null;
  /** Whether the kernel restricts unprivileged user namespaces (AppArmor on Ubuntu 23.10+). */
  userNamespacesRestricted(): boolean;
};

const setuidBit = 0o4000;

export const systemProbe: SandboxProbe = {
  stat(file) {
    try {
      const { uid, mode } = statSync(file);
      return { uid, mode };
    } catch {
      return null;
    }
  },
  userNamespacesRestricted() {
    try {
      return readFileSync('/proc/sys/kernel/apparmor_restrict_unprivileged_userns', 'utf8').trim() === '1';
    } catch {
      return false;
    }
  },
};

/** The lines to print after Electron failed to start on Linux; empty where the sandbox looks fine. */
export function sandboxHint(electronPath: string, probe: SandboxProbe = systemProbe): string[] {
  const helper = path.join(path.dirname(electronPath), 'chrome-sandbox');
  const stat = probe.stat(helper);
  const helperUnusable = stat !== null && (stat.uid !== 0 || (stat.mode & setuidBit) === 0);
  const restricted = probe.userNamespacesRestricted();
  if (!helperUnusable && !restricted) return [];
  const lines = ['This usually means Chromium’s sandbox cannot start (Ubuntu 23.10 and later restrict it).'];
  if (helperUnusable) {
    lines.push('Fix it once by giving the sandbox helper to root:', `  sudo chown root:root ${helper}`, `  sudo chmod 4755 ${helper}`);
  }
  if (restricted) {
    lines.push(
      `${helperUnusable ? 'Or' : 'Fix it by'} allowing Electron with an AppArmor profile: see docs/install.md, "npm start on Ubuntu".`,
    );
  }
  return lines;
}

/**
 * scripts/electronegativity.mjs on a small insecure app: a new finding fails
 * and is named, a reviewed one (with its reason) passes, and a reviewed entry
 * that is no longer found fails so the list cannot go stale. The real tree is
 * scanned by `npm run scan:electron` in `npm test`.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const scanScript = path.join(repoRoot, 'scripts', 'electronegativity.mjs');
const insecureWindow = 'new BrowserWindow({ webPreferences: { contextIsolation: false, nodeIntegration: true, sandbox: false } });';

type Reviewed = { check: string; file: string; sample?: string; reason: string; evidence?: string[] };

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lobby-scan-'));
  await mkdir(path.join(dir, 'app'));
  await writeFile(path.join(dir, 'app', 'main.js'), `const { BrowserWindow } = require('electron');\n${insecureWindow}\n`);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function scan(findings: Reviewed[]): Promise<{ code: number | null; output: string }> {
  const reviewed = path.join(dir, 'reviewed.json');
  await writeFile(reviewed, JSON.stringify({ findings }));
  return new Promise((resolve) => {
    execFile(process.execPath, [scanScript, '--source', path.join(dir, 'app'), '--reviewed', reviewed], (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, output: stdout + stderr });
    });
  });
}

/** The NEW findings the scan printed, as reviewed-list entries. */
function asReviewed(output: string): Reviewed[] {
  const found = [...output.matchAll(/NEW (?:HIGH|MEDIUM) (\S+) at (\S+?)(?::\d+:\d+)?\n {6}(.*)\n/g)];
  return found.map(([, check = '', file = '', sample = '']) => ({
    check,
    file,
    ...(sample === '(whole app)' ? {} : { sample }),
    reason: 'a test fixture',
  }));
}

describe('the Electronegativity gate', () => {
  // Installs the tool on first use when `npm test` has not yet; then about 15 s a scan on two busy cores.
  const timeout = 180_000;
  let firstOutput = '';

  it(
    'fails on a new HIGH finding, naming the check, the file and the line, and on a reviewed entry no longer found',
    async () => {
      const stale = { check: 'SANDBOX_JS_CHECK', file: 'app/gone.js', sample: 'new BrowserWindow({})', reason: 'was reviewed' };
      const { code, output } = await scan([stale]);
      firstOutput = output;
      expect(output).toMatch(/NEW HIGH CONTEXT_ISOLATION_JS_CHECK at app\/main\.js:2:\d+\n {6}new BrowserWindow/);
      expect(output).toMatch(/NEW MEDIUM SANDBOX_JS_CHECK at app\/main\.js:2:\d+/);
      expect(output).toContain('NO LONGER FOUND SANDBOX_JS_CHECK at app/gone.js: remove it from');
      expect(output).toContain('FAILED in');
      expect(code).toBe(1);
    },
    timeout,
  );

  it(
    'passes when every HIGH and MEDIUM finding is on the reviewed list with its reason',
    async () => {
      const reviewed = asReviewed(firstOutput);
      expect(reviewed.map((entry) => entry.check)).toContain('CONTEXT_ISOLATION_JS_CHECK');
      const { code, output } = await scan(reviewed);
      expect(output).toContain(`${reviewed.length} of them reviewed as false positives`);
      expect(output).toContain('Passed in');
      expect(code).toBe(0);
    },
    timeout,
  );

  it(
    'refuses a reviewed entry without a reason',
    async () => {
      const { code, output } = await scan([{ check: 'CSP_GLOBAL_CHECK', file: 'N/A', reason: ' ' }]);
      expect(output).toContain('CSP_GLOBAL_CHECK in N/A has no reason');
      expect(code).toBe(2);
    },
    timeout,
  );
});

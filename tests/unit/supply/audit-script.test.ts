/**
 * `npm run audit` (scripts/audit.mjs) run as a department runs it, against a
 * stand-in registry on 127.0.0.1: the real npm client audits a small project's
 * lockfile, the script asks about Electron and looks for newer patches.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeRegistry, type FakeRegistry, type RegistryBehaviour } from './fake-npm-registry.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const auditScript = path.join(repoRoot, 'scripts', 'audit.mjs');

const lockEntry = (name: string, version: string, dev: boolean) => ({
  version,
  resolved: `http://127.0.0.1/${name}/-/${name}-${version}.tgz`,
  integrity: 'sha512-AAAA',
  ...(dev ? { dev: true } : {}),
});

let dir: string;
let registry: FakeRegistry | undefined;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'lobby-audit-'));
  const dependencies = { 'runtime-lib': '1.2.3' };
  const devDependencies = { electron: '45.4.1' };
  await writeFile(path.join(dir, 'package.json'), JSON.stringify({ name: 'fixture', version: '1.0.0', dependencies, devDependencies }));
  const lock = {
    name: 'fixture',
    version: '1.0.0',
    lockfileVersion: 3,
    requires: true,
    packages: {
      '': { name: 'fixture', version: '1.0.0', dependencies, devDependencies },
      'node_modules/runtime-lib': lockEntry('runtime-lib', '1.2.3', false),
      'node_modules/electron': lockEntry('electron', '45.4.1', true),
    },
  };
  await writeFile(path.join(dir, 'package-lock.json'), JSON.stringify(lock));
});
afterEach(async () => {
  await registry?.close();
  registry = undefined;
  await rm(dir, { recursive: true, force: true });
});

const current: RegistryBehaviour['versions'] = { 'runtime-lib': ['1.2.2', '1.2.3'], electron: ['45.4.0', '45.4.1'] };

async function audit(behaviour: RegistryBehaviour): Promise<{ code: number | null; output: string }> {
  registry = await startFakeRegistry(behaviour);
  // Only what npm needs: a cache of its own, and none of the npm_config_* the outer `npm test` sets.
  const env = { PATH: process.env.PATH, HOME: dir, npm_config_cache: path.join(dir, 'cache'), npm_config_update_notifier: 'false' };
  const url = registry.url;
  return new Promise((resolve) => {
    execFile(process.execPath, [auditScript, '--registry', url, '--project', dir], { env }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, output: stdout + stderr });
    });
  });
}

describe('npm run audit', () => {
  it('names each advisory for the production tree and for Electron, and exits 1', async () => {
    const { code, output } = await audit({
      advisoryStatus: 200,
      advisories: {
        'runtime-lib': [
          {
            id: 1,
            title: 'Prototype pollution in runtime-lib',
            url: 'https://example.test/GHSA-1',
            severity: 'high',
            vulnerable_versions: '<1.2.4',
          },
        ],
        electron: [
          {
            id: 2,
            title: 'Use after free in Chromium',
            url: 'https://example.test/GHSA-2',
            severity: 'critical',
            vulnerable_versions: '<45.5.0',
          },
        ],
      },
      versions: current,
    });
    expect(output).toContain('runtime-lib: HIGH Prototype pollution in runtime-lib https://example.test/GHSA-1');
    expect(output).toContain('Electron 45.4.1 (ships inside the app): 1 advisory(ies):');
    expect(output).toContain('electron: CRITICAL Use after free in Chromium https://example.test/GHSA-2');
    expect(output).toContain('Result: something to act on (exit 1).');
    expect(code).toBe(1);
    // npm audit --omit=dev leaves the devDependency out; the script asks about Electron on its own.
    expect(registry?.bulkRequests).toContainEqual({ 'runtime-lib': ['1.2.3'] });
    expect(registry?.bulkRequests).toContainEqual({ electron: ['45.4.1'] });
  }, 60_000);

  it('says nothing was found, and exits 0, when the registry knows no advisory and no newer patch', async () => {
    const { code, output } = await audit({ advisoryStatus: 200, advisories: {}, versions: current });
    expect(output).toContain('Production dependencies (npm audit --omit=dev): no known advisories.');
    expect(output).toContain('Electron 45.4.1 (ships inside the app): no known advisories.');
    expect(output).toContain('Every direct dependency is at its newest patch release.');
    expect(output).toContain('Result: nothing found (exit 0).');
    expect(code).toBe(0);
  }, 60_000);

  it('says plainly that it could not reach the advisories, and exits 3, when the endpoint answers 405', async () => {
    const { code, output } = await audit({ advisoryStatus: 405, advisories: {}, versions: current });
    expect(output).toMatch(
      /Production dependencies \(npm audit --omit=dev\): COULD NOT CHECK\. The advisory service did not answer \(405 /,
    );
    expect(output).toMatch(/Electron 45\.4\.1 \(ships inside the app\): COULD NOT CHECK\. The advisory service did not answer \(405 /);
    expect(output).toContain('This is not a pass');
    expect(output).toContain('Result: NOT CHECKED (exit 3).');
    expect(code).toBe(3);
  }, 60_000);

  it('lists a newer patch (for Electron, a newer 45.x) as something to install, and exits 1', async () => {
    const versions = { 'runtime-lib': ['1.2.3', '1.2.4', '1.3.0'], electron: ['45.4.1', '45.5.0', '46.0.0'] };
    const { code, output } = await audit({ advisoryStatus: 200, advisories: {}, versions });
    expect(output).toContain('Newer patch releases to install (2):\n  electron 45.4.1 -> 45.5.0\n  runtime-lib 1.2.3 -> 1.2.4');
    expect(code).toBe(1);
  }, 60_000);
});

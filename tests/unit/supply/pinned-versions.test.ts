/**
 * What `npm ci` installs is exactly what was reviewed: every dependency of the
 * app and of the scanner's own folder is pinned to one version, and the
 * lockfile agrees with package.json. Renovate (renovate.json) moves the pins.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
type Manifest = { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
type Lock = { packages: Record<string, { version?: string } & Manifest> };
const readJson = <T>(file: string): T => JSON.parse(readFileSync(path.join(repoRoot, file), 'utf8')) as T;

/** A range (^, ~, x, *, >=, a tag) instead of one version. */
export function unpinned(dependencies: Record<string, string>): string[] {
  return Object.entries(dependencies)
    .filter(([, version]) => !/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(version))
    .map(([name, version]) => `${name}@${version}`);
}

describe.each(['.', 'tools/electronegativity'])('the dependencies in %s', (folder) => {
  const manifest = readJson<Manifest>(path.join(folder, 'package.json'));
  const lock = readJson<Lock>(path.join(folder, 'package-lock.json'));
  const all = { ...manifest.dependencies, ...manifest.devDependencies };

  it('are each pinned to one exact version', () => {
    expect(unpinned(all)).toEqual([]);
  });

  it('are locked at the versions package.json pins', () => {
    const locked = Object.fromEntries(Object.keys(all).map((name) => [name, lock.packages[`node_modules/${name}`]?.version]));
    expect(locked).toEqual(all);
  });
});

it('the pin check catches a range', () => {
  expect(unpinned({ electron: '^45.5.0', zod: '4.6.7', vite: '~8.3.8', react: 'latest' })).toEqual([
    'electron@^45.5.0',
    'vite@~8.3.8',
    'react@latest',
  ]);
});

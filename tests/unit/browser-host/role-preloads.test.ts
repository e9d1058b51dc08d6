import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRoleFiles, withRolePreloads } from '../../../electron/browser-host/role-preloads.js';

const built = [
  '<!doctype html>',
  '<html lang="en" dir="ltr">',
  '  <head>',
  '    <meta http-equiv="Content-Security-Policy" content="default-src \'self\'">',
  '    <script async src="./assets/role-preload-AbC12_-x.js"></script>',
  '    <script type="module" crossorigin src="./assets/index-D1.js"></script>',
  '  </head>',
  '  <body><div id="root"></div></body>',
  '</html>',
].join('\n');
const kiosk = { scripts: ['assets/kiosk-app-K1.js', 'assets/request-rules-R1.js'], styles: ['assets/controls-C1.css'] };

describe("the browser host's page for a role", () => {
  it("names the role's chunk, its imports and its stylesheet as preloads in the page, in place of the role preload script", () => {
    const served = withRolePreloads(built, kiosk);
    expect(served).not.toContain('role-preload-');
    expect(served).toContain('<link rel="modulepreload" crossorigin href="./assets/kiosk-app-K1.js">');
    expect(served).toContain('<link rel="modulepreload" crossorigin href="./assets/request-rules-R1.js">');
    expect(served).toContain('<link rel="preload" as="style" crossorigin href="./assets/controls-C1.css">');
    // Still after the CSP's meta tag, which covers only what follows it, and before the entry.
    expect(served.indexOf('kiosk-app-K1')).toBeGreaterThan(served.indexOf('Content-Security-Policy'));
    expect(served.indexOf('kiosk-app-K1')).toBeLessThan(served.indexOf('index-D1.js'));
  });

  it('leaves the page as built when the build lists nothing for the role, and writes no name that is not a built file', () => {
    expect(withRolePreloads(built, undefined)).toBe(built);
    const odd = withRolePreloads(built, { scripts: ['assets/x.js"><script>alert(1)</script>', '../secret.js'], styles: [] });
    expect(odd).not.toContain('alert');
    expect(odd).not.toContain('secret');
  });

  it("reads the build's list of each role's files, and finds none in a folder without one", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'lobby-role-files-'));
    try {
      expect(await readRoleFiles(dir)).toEqual({});
      await writeFile(path.join(dir, 'role-files.json'), JSON.stringify({ kiosk }));
      expect((await readRoleFiles(dir)).kiosk).toEqual(kiosk);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

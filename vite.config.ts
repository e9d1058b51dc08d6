/**
 * One config builds everything: the renderer (both roles' UIs), the Electron
 * main process, the sandboxed preload (CommonJS), the browser host and the
 * `npm start` launcher. Under Vitest it describes the unit-test projects instead.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig, type ViteUserConfig as UserConfig } from 'vitest/config';
import electron from 'vite-plugin-electron';
import { contentSecurityPolicy } from './shared/csp.js';

const root = path.dirname(fileURLToPath(import.meta.url));
const electronOut = path.join(root, 'dist-electron');

/** Puts the CSP into the built page itself, so it holds however the page is served. */
function cspMetaTag(): Plugin {
  // frame-ancestors is only honoured as a header; in a meta tag Chromium warns and ignores it.
  const metaPolicy = contentSecurityPolicy
    .split('; ')
    .filter((d) => !d.startsWith('frame-ancestors'))
    .join('; ');
  return {
    name: 'lobby-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: metaPolicy }, injectTo: 'head-prepend' },
    ],
  };
}

/** An entry built into dist-electron/: an ES module unless said otherwise. */
function nodeEntry(entry: string, fileName: string, options: { format?: 'es' | 'cjs'; minify?: boolean } = {}) {
  return {
    entry: path.join(root, entry),
    vite: {
      logLevel: 'warn' as const,
      build: {
        outDir: electronOut,
        emptyOutDir: false,
        sourcemap: true,
        minify: options.minify ?? false,
        lib: { entry: path.join(root, entry), formats: [options.format ?? 'es'], fileName: () => fileName },
      },
    },
  };
}

const electronEntries = [
  {
    ...nodeEntry('electron/main.ts', 'main.js'),
    // `npm run dev`: start Electron unless ELECTRON_STARTUP_PREVENT=1 (no binary on this machine).
    onstart: ({ startup }: { startup: (argv?: string[]) => Promise<boolean> }) => {
      void startup(['.']);
    },
  },
  // Sandboxed preloads cannot be ES modules: CommonJS, named .cjs. Minified because it
  // carries the contract (and so zod) into every page load.
  nodeEntry('electron/preload.ts', 'preload.cjs', { format: 'cjs', minify: true }),
  nodeEntry('electron/browser-host/main.ts', 'host.js'),
  nodeEntry('electron/launcher/start.ts', 'start.js'),
  nodeEntry('electron/core/admin/pin-hash-cli.ts', 'pin-hash.js'),
  nodeEntry('electron/tools/write-backend-schema.ts', 'schema.js'),
];

const appConfig: UserConfig = {
  root: path.join(root, 'renderer'),
  base: './',
  publicDir: false,
  plugins: [react(), cspMetaTag(), electron(electronEntries)],
  build: {
    outDir: path.join(root, 'dist/renderer'),
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
    assetsInlineLimit: 0,
  },
  server: { host: '127.0.0.1', strictPort: true },
};

const testConfig: UserConfig = {
  root,
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts'],
          // electron-store imports `electron`; inlined, it sees the tests' fake instead of the binary's path.
          server: { deps: { inline: ['electron-store'] } },
        },
      },
      {
        extends: true,
        test: { name: 'dom', environment: 'happy-dom', include: ['tests/unit/**/*.test.tsx'] },
      },
      // Benchmarks of the core (`npm run bench:delivery`): measured on demand, never part of `npm test`.
      ...(process.env.LOBBY_BENCH
        ? [
            {
              extends: true as const,
              test: { name: 'bench', environment: 'node', include: ['tests/bench/**/*.measure.ts'], testTimeout: 600_000 },
            },
          ]
        : []),
    ],
  },
};

export default defineConfig(process.env.VITEST ? testConfig : appConfig);

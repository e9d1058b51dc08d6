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
export function cspMetaTag(): Plugin {
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

/**
 * The fonts the kiosk's welcome screen draws with: Latin text, regular and
 * bold, and the language buttons' names in Vietnamese and Arabic (bold).
 * Without a preload the browser asks for a font only once text using it is
 * laid out, which puts every font after the whole start-up.
 */
const firstScreenFonts = /^noto-sans-(latin-(400|700)|vietnamese-700|arabic-arabic-700)-normal\.woff2$/;

/**
 * Starts from index.html everything the kiosk's first screen needs, in
 * parallel with the entry: the kiosk chunk and its imports (modulepreload),
 * its stylesheet, and the first screen's fonts. Otherwise each waits for the
 * step before it (entry, bootstrap round trip, chunk, stylesheet, fonts).
 * The desk page fetches these too but never runs the kiosk's code; the
 * desk's own chunk still loads on demand.
 */
function preloadFirstScreen(): Plugin {
  return {
    name: 'lobby-preload-first-screen',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (_html, context) => {
        const outputs = Object.values(context.bundle ?? {});
        const chunks = outputs.flatMap((output) => (output.type === 'chunk' ? [output] : []));
        const kiosk = chunks.find((chunk) => chunk.facadeModuleId?.endsWith('/kiosk/kiosk-app.tsx'));
        const entry = chunks.find((chunk) => chunk.isEntry);
        if (!kiosk || !entry) throw new Error('preload: the kiosk chunk or the entry is missing from the build');
        const scripts = [kiosk.fileName, ...kiosk.imports].filter((file) => file !== entry.fileName && !entry.imports.includes(file));
        const styles = [...(kiosk.viteMetadata?.importedCss ?? [])];
        const fonts = outputs.filter(
          (output) => output.type === 'asset' && output.originalFileNames.some((name) => firstScreenFonts.test(path.basename(name))),
        );
        if (fonts.length === 0) throw new Error("preload: none of the first screen's fonts is in the build");
        return [
          ...styles.map((file) => ({
            tag: 'link',
            attrs: { rel: 'stylesheet', crossorigin: true, href: `./${file}` },
            injectTo: 'head' as const,
          })),
          ...fonts.map((font) => ({
            tag: 'link',
            attrs: { rel: 'preload', as: 'font', type: 'font/woff2', crossorigin: true, href: `./${font.fileName}` },
            injectTo: 'head' as const,
          })),
          ...scripts.map((file) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `./${file}` },
            injectTo: 'head' as const,
          })),
        ];
      },
    },
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

/** How a page is built: the renderer, and the benchmarks' baseline page (tests/bench/baseline), alike. */
export const pageBuild = {
  emptyOutDir: true,
  target: 'chrome130',
  sourcemap: true,
  assetsInlineLimit: 0,
} as const;

const appConfig: UserConfig = {
  root: path.join(root, 'renderer'),
  base: './',
  publicDir: false,
  plugins: [react(), cspMetaTag(), preloadFirstScreen(), electron(electronEntries)],
  build: { ...pageBuild, outDir: path.join(root, 'dist/renderer') },
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

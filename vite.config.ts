/**
 * One config builds everything: the renderer (both roles' UIs), the Electron
 * main process, the sandboxed preload (CommonJS), the browser host and the
 * `npm start` launcher. Under Vitest it describes the unit-test projects instead.
 */
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
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
 * The fonts most of the first screen draws with (the kiosk's welcome screen,
 * the desk's header): Latin text, regular and bold. Without a preload the
 * browser asks for a font only once text using it is laid out, which puts it
 * after the whole start-up. The faces only the language buttons use
 * (Vietnamese and Arabic, bold) are not preloaded: decoding them (the Arabic
 * face is 50 KB) cost the main thread more before the first paint than their
 * two words gain by being there at once; they load as the buttons are laid
 * out and swap in (font-display: swap).
 */
const firstScreenFonts = /^noto-sans-latin-(400|700)-normal\.woff2$/;

/** The roles' screens, each its own chunk: a page preloads its own role's, never the other's. */
const roleScreens = { kiosk: '/kiosk/kiosk-app.tsx', desk: '/desk/desk-home.tsx' } as const;

type RoleFiles = { scripts: string[]; styles: string[] };

/**
 * Runs in the page as the first script in <head> (async: it holds up
 * neither the parser nor the requests the page names, and runs as soon as it
 * arrives, in practice well before the entry module): works out the page's role from its
 * address (the browser host serves /kiosk/ and /desk/; an Electron window
 * may say #kiosk or #desk) and starts that role's chunk and its imports
 * (modulepreload) and its stylesheet (preload; the chunk's loader still
 * links it and waits for it), so none of it waits for the entry, the
 * bootstrap and then the chunk. (The bootstrap itself needs no round trip on
 * the browser host, which serves it in the page: renderer/src/api/early-bootstrap.ts.)
 * A page whose role the address does not say preloads nothing: the role's code then
 * loads once the bootstrap names it. Shipped as written, not bundled.
 */
function rolePreloadSource(files: Record<keyof typeof roleScreens, RoleFiles>): string {
  return `(function (files) {
  var said = /[/](kiosk|desk)[/][^/]*$/.exec(location.pathname) || /^#(kiosk|desk)$/.exec(location.hash);
  var role = said && files[said[1]];
  if (!role) return;
  function add(rel, file, as) {
    var link = document.createElement('link');
    link.rel = rel;
    if (as) link.as = as;
    link.crossOrigin = '';
    link.setAttribute('href', './' + file);
    document.head.appendChild(link);
  }
  role.scripts.forEach(function (file) { add('modulepreload', file); });
  role.styles.forEach(function (file) { add('preload', file, 'style'); });
})(${JSON.stringify(files)});
`;
}

/**
 * Starts from index.html everything the first screen needs, in parallel with
 * the entry: the first screen's fonts for every page, and through a small
 * script (see rolePreloadSource) only this page's role's chunk and styles.
 * The desk page never fetches the kiosk's chunk, nor the kiosk the desk's.
 */
function preloadFirstScreen(): Plugin {
  let script: { fileName: string; source: string; files: Record<keyof typeof roleScreens, RoleFiles> } | undefined;
  let outDir = '';
  return {
    name: 'lobby-preload-first-screen',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    transformIndexHtml: {
      order: 'post',
      handler: (html, context) => {
        const outputs = Object.values(context.bundle ?? {});
        const chunks = outputs.flatMap((output) => (output.type === 'chunk' ? [output] : []));
        const entry = chunks.find((chunk) => chunk.isEntry);
        if (!entry) throw new Error('preload: the entry is missing from the build');
        const filesOf = (screen: string): RoleFiles => {
          const chunk = chunks.find((c) => c.facadeModuleId?.endsWith(screen));
          if (!chunk) throw new Error(`preload: the chunk of ${screen} is missing from the build`);
          const scripts = [chunk.fileName, ...chunk.imports].filter((file) => file !== entry.fileName && !entry.imports.includes(file));
          const styles = scripts.flatMap((file) => [...(chunks.find((c) => c.fileName === file)?.viteMetadata?.importedCss ?? [])]);
          return { scripts, styles };
        };
        const files = { kiosk: filesOf(roleScreens.kiosk), desk: filesOf(roleScreens.desk) };
        const source = rolePreloadSource(files);
        const hash = createHash('sha256').update(source).digest('base64url').slice(0, 8);
        script = { fileName: `assets/role-preload-${hash}.js`, source, files };
        const fonts = outputs.filter(
          (output) => output.type === 'asset' && output.originalFileNames.some((name) => firstScreenFonts.test(path.basename(name))),
        );
        if (fonts.length === 0) throw new Error("preload: none of the first screen's fonts is in the build");
        // Async: it holds up nothing, and runs as soon as it arrives (a deferred one would wait for index.html's stylesheet);
        // right after the CSP's meta tag (which covers only what follows it), so it is the first request the page makes.
        const cspMeta = /<meta http-equiv="Content-Security-Policy"[^>]*>/.exec(html);
        if (!cspMeta) throw new Error('preload: the role preload script goes after the CSP meta tag, and index.html has none');
        const at = cspMeta.index + cspMeta[0].length;
        const tags = [
          ...fonts.map((font) => ({
            tag: 'link',
            attrs: { rel: 'preload', as: 'font', type: 'font/woff2', crossorigin: true, href: `./${font.fileName}` },
            injectTo: 'head' as const,
          })),
        ];
        return { html: `${html.slice(0, at)}\n    <script async src="./${script.fileName}"></script>${html.slice(at)}`, tags };
      },
    },
    // index.html is transformed while the bundle is written out; the script it names is written last, next to the chunks,
    // with the same list as data: the browser host, which knows a page's role before sending it, writes that role's
    // preloads into the page itself instead of the script (electron/browser-host/role-preloads.ts).
    async writeBundle() {
      if (!script) throw new Error('preload: index.html was not transformed, so there is no role preload script to write');
      await writeFile(path.join(outDir, script.fileName), script.source);
      await writeFile(path.join(outDir, 'role-files.json'), `${JSON.stringify(script.files)}\n`);
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

/**
 * The first screen loads in as few files as a plain page: every module the entry imports goes into the entry chunk
 * (Rolldown's built-in `$initial` tag), one script. Left to itself Rolldown splits off what the entry shares with
 * the roles' chunks (React's jsx-runtime, i18next with react-i18next) into chunks of their own: three scripts to fetch
 * and link before anything runs, where the baseline page has one. Each role's screen stays a chunk of its own.
 */
const startChunk = { groups: [{ name: 'index', tags: ['$initial' as const] }] };

const appConfig: UserConfig = {
  root: path.join(root, 'renderer'),
  base: './',
  publicDir: false,
  plugins: [react(), cspMetaTag(), preloadFirstScreen(), electron(electronEntries)],
  build: { ...pageBuild, outDir: path.join(root, 'dist/renderer'), rolldownOptions: { output: { codeSplitting: startChunk } } },
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

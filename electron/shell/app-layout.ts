import path from 'node:path';

export type AppLayout = {
  /** The folder holding package.json, dist/ and dist-electron/ (inside app.asar when packaged). */
  appRoot: string;
  /** The sandboxed preload, built as CommonJS. */
  preloadPath: string;
  /** The built renderer that app://bundle/ serves. */
  rendererDir: string;
  /** The shipped resources (default config, profile, translations). */
  resourcesDir: string;
  /** Set only under `npm run dev`: the page comes from Vite's dev server instead of app://. */
  devServerUrl: string | null;
};

export type LayoutSources = {
  /** Electron's `app.getAppPath()`: the folder holding package.json (app.asar when packaged). */
  appPath: string;
  isPackaged: boolean;
  /** Electron's `process.resourcesPath`; only meaningful when packaged. */
  resourcesPath: string | undefined;
  env: Readonly<Record<string, string | undefined>>;
};

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Accepts the dev server only on loopback: a stray variable must not point the app at the network. */
function loopbackDevServer(value: string | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && loopbackHosts.has(url.hostname) ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * Where everything the shell needs lives, in a packaged app and in a checkout.
 * Derived from the app path, which is the folder holding package.json both
 * when packaged and when started as a user does (`electron .`, `npm start`):
 * the same rule wherever main.js itself is loaded from.
 */
export function resolveAppLayout(sources: LayoutSources): AppLayout {
  const appRoot = path.resolve(sources.appPath);
  const packagedResources = sources.isPackaged && sources.resourcesPath;
  return {
    appRoot,
    // Where vite.config.ts builds it (dist-electron/preload.cjs) and electron-builder packs it.
    preloadPath: path.join(appRoot, 'dist-electron', 'preload.cjs'),
    rendererDir: path.join(appRoot, 'dist', 'renderer'),
    // electron-builder's extraResources copies resources/ to <resourcesPath>/resources.
    resourcesDir: packagedResources ? path.join(packagedResources, 'resources') : path.join(appRoot, 'resources'),
    devServerUrl: sources.isPackaged ? null : loopbackDevServer(sources.env.VITE_DEV_SERVER_URL),
  };
}

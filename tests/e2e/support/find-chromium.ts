/**
 * Finds a Chromium to run the end-to-end tests in, without downloading one.
 *
 * Order: an explicit path (LOBBY_CHROMIUM or PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH),
 * Playwright's own Chromium if it was installed, a system Chromium or Chrome,
 * and last the headless Chromium packed inside the @sparticuz/chromium npm
 * package. LOBBY_E2E_BROWSER=env|playwright|system|npm forces one source.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium } from '@playwright/test';
import type * as SparticuzChromium from '@sparticuz/chromium';

export const browserSources = ['env', 'playwright', 'system', 'npm'] as const;
export type BrowserSource = (typeof browserSources)[number];

export type FoundBrowser = {
  source: BrowserSource;
  executablePath: string;
  /** A folder to put first on LD_LIBRARY_PATH (the npm Chromium's own NSS libraries). */
  libraryPath?: string;
  /** One line for the person reading the test output. */
  description: string;
};

type Env = Readonly<Record<string, string | undefined>>;

const systemPaths: Readonly<Record<string, readonly string[]>> = {
  linux: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'],
  darwin: ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium'],
  win32: [
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
    path.join(process.env.LOCALAPPDATA ?? 'C:\\', 'Google\\Chrome\\Application\\chrome.exe'),
    path.join(process.env.LOCALAPPDATA ?? 'C:\\', 'Chromium\\Application\\chrome.exe'),
  ],
};

/** A source either finds a browser or says why it did not. */
type Attempt = { found: FoundBrowser } | { skipped: string };

function fromEnv(env: Env): Attempt {
  for (const name of ['LOBBY_CHROMIUM', 'PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH']) {
    const file = env[name];
    if (!file) continue;
    // A path someone set on purpose is never passed over silently.
    if (!existsSync(file)) throw new Error(`${name} points to ${file}, which does not exist.`);
    return { found: { source: 'env', executablePath: file, description: `${file} (from ${name})` } };
  }
  return { skipped: 'LOBBY_CHROMIUM is not set' };
}

function fromPlaywright(): Attempt {
  let file: string;
  try {
    file = chromium.executablePath();
  } catch {
    return { skipped: "Playwright's Chromium is not installed" };
  }
  if (!file || !existsSync(file)) return { skipped: "Playwright's Chromium is not installed" };
  return { found: { source: 'playwright', executablePath: file, description: `Playwright's own Chromium at ${file}` } };
}

function fromSystem(): Attempt {
  const candidates = systemPaths[process.platform] ?? [];
  const file = candidates.find((candidate) => existsSync(candidate));
  if (!file) return { skipped: 'no system Chromium or Chrome' };
  return { found: { source: 'system', executablePath: file, description: `system browser at ${file}` } };
}

/**
 * Unpacks the Chromium shipped inside @sparticuz/chromium to the temp folder
 * (no network). Its recommended `args` are deliberately not used: they turn
 * off web security, which would hide Content-Security-Policy bugs.
 */
async function fromNpm(): Promise<Attempt> {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    return { skipped: '@sparticuz/chromium only carries a Linux x64 build' };
  }
  let packageModule: typeof SparticuzChromium;
  try {
    packageModule = await import('@sparticuz/chromium');
  } catch {
    return { skipped: '@sparticuz/chromium is not installed' };
  }
  const executablePath = await packageModule.default.executablePath();
  // The package unpacks its NSS libraries only on AWS Lambda; a bare Linux machine may lack libnss3 too.
  // build/index.js → bin/, where the package keeps its compressed files.
  const binDir = path.join(path.dirname(createRequire(import.meta.url).resolve('@sparticuz/chromium')), '..', 'bin');
  const libRoot = await packageModule.inflate(path.join(binDir, 'al2023.tar.br'));
  const libraryPath = path.join(libRoot, 'lib');
  if (!existsSync(path.join(libraryPath, 'libnss3.so'))) {
    throw new Error(`@sparticuz/chromium's libraries were not unpacked to ${libraryPath}; delete ${libRoot} and run again.`);
  }
  return {
    found: {
      source: 'npm',
      executablePath,
      libraryPath,
      description: `headless Chromium from the @sparticuz/chromium npm package at ${executablePath} (libraries from ${libraryPath})`,
    },
  };
}

function attempt(source: BrowserSource, env: Env): Attempt | Promise<Attempt> {
  switch (source) {
    case 'env':
      return fromEnv(env);
    case 'playwright':
      return fromPlaywright();
    case 'system':
      return fromSystem();
    case 'npm':
      return fromNpm();
  }
}

export function isBrowserSource(value: string): value is BrowserSource {
  return (browserSources as readonly string[]).includes(value);
}

/** Finds the browser; throws with every reason when there is none, or when a forced source has none. */
export async function findChromium(env: Env = process.env): Promise<FoundBrowser> {
  const forced = env.LOBBY_E2E_BROWSER;
  if (forced !== undefined && forced !== '') {
    if (!isBrowserSource(forced)) {
      throw new Error(`LOBBY_E2E_BROWSER must be one of ${browserSources.join(', ')} (got "${forced}")`);
    }
    const result = await attempt(forced, env);
    if ('skipped' in result) throw new Error(`LOBBY_E2E_BROWSER=${forced}, but ${result.skipped}.`);
    return { ...result.found, description: `${result.found.description}; forced by LOBBY_E2E_BROWSER=${forced}` };
  }
  const reasons: string[] = [];
  for (const source of browserSources) {
    const result = await attempt(source, env);
    if ('found' in result) {
      const why = reasons.length > 0 ? ` (${reasons.join('; ')})` : '';
      return { ...result.found, description: `${result.found.description}${why}` };
    }
    reasons.push(result.skipped);
  }
  throw new Error(`No Chromium found and none will be downloaded: ${reasons.join('; ')}. Set LOBBY_CHROMIUM to a Chromium or Chrome.`);
}

/**
 * Runs once before the workers start: picks the browser (printing one line
 * saying which and why) and starts the shared browser host in this process,
 * on a free loopback port (or LOBBY_E2E_PORT), with the shipped configuration.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { startHostFromCli } from '../../../electron/browser-host/host-cli.js';
import { createLogger, type LogSink } from '../../../electron/core/logger.js';
import { e2eEnv, publishBrowser } from './browser-env.js';
import { findChromium } from './find-chromium.js';
import { rendererIndex, repoRoot } from './paths.js';
import { dataFlags, freePort, pairedConfigs, withTestPin } from './test-host.js';

/** Warnings and errors from the shared host reach the terminal; routine lines do not. */
const problemsToStderr: LogSink = (entry) => {
  if (entry.level !== 'info') process.stderr.write(`[e2e host] ${JSON.stringify(entry)}\n`);
};

function newestSourceTime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

function checkRendererBuilt(): void {
  if (!existsSync(rendererIndex)) {
    throw new Error(`The renderer is not built (${rendererIndex} is missing). Run "npm run build" first.`);
  }
  const built = statSync(rendererIndex).mtimeMs;
  const sources = ['renderer', 'shared', path.join('resources', 'locales')].map((dir) => path.join(repoRoot, dir));
  if (sources.some((dir) => newestSourceTime(dir) > built)) {
    console.warn('e2e warning: renderer sources are newer than dist/renderer; run "npm run build" to test the current code.');
  }
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  checkRendererBuilt();
  const browser = await findChromium();
  console.log(`e2e browser: ${browser.description}`);
  publishBrowser(browser);

  const port = process.env[e2eEnv.port] ?? '0';
  // The shipped configuration, paired on a receiver port of its own, with data in a folder of its own.
  const dir = await mkdtemp(path.join(tmpdir(), 'lobby-e2e-shared-'));
  const paired = pairedConfigs(await freePort());
  // Set up as a department would: a kiosk without an admin PIN shows the public only "not set up yet".
  await writeFile(path.join(dir, 'kiosk.json'), JSON.stringify(await withTestPin(paired.kiosk)));
  await writeFile(path.join(dir, 'desk.json'), JSON.stringify(paired.desk));
  const data = dataFlags(dir);
  const { host, cores } = await startHostFromCli({
    argv: [
      `--port=${port}`,
      `--kiosk-config=${path.join(dir, 'kiosk.json')}`,
      `--desk-config=${path.join(dir, 'desk.json')}`,
      ...data.argv,
    ],
    // Not process.env: LOBBY_* variables in the shell must not change what the shared host loads.
    env: data.env,
    appRoot: repoRoot,
    logger: createLogger('host', problemsToStderr),
  });
  process.env[e2eEnv.origin] = host.origin;
  // The printed URLs carry the run's token; the fixtures open one in each test's browser, as a person would.
  process.env[e2eEnv.kioskUrl] = host.urls.kiosk;
  process.env[e2eEnv.deskUrl] = host.urls.desk;

  return async () => {
    await Promise.all(cores.map((core) => core.close()));
    await host.close();
    await rm(dir, { recursive: true, force: true });
  };
}

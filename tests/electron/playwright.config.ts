/**
 * Electron smoke tests: the built app launched as a user does (`electron .`
 * from the repo root) with Playwright's `_electron`. They need the Electron
 * binary, which is downloaded lazily on first launch, and a display; where
 * either is missing they are skipped with one line and the run succeeds.
 * Run `npm run build` first.
 * Run: npx playwright test -c tests/electron/playwright.config.ts
 */
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { repoRoot, smokeSkipReason } from './electron-binary.js';

const runnable = smokeSkipReason() === null;

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: path.join(repoRoot, 'test-results', 'electron'),
  globalSetup: './announce.ts',
  forbidOnly: Boolean(process.env.CI),
  // One app at a time: it takes a single-instance lock.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  // When skipped, announce.ts has said why in one line; a per-test list would only repeat it.
  reporter: runnable ? 'list' : 'dot',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure' },
});

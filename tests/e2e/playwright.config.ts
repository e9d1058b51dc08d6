/**
 * End-to-end tests: the real core behind the browser host, both UIs in
 * Chromium (found on this machine, never downloaded), every screen scanned
 * with axe-core. Run: npx playwright test -c tests/e2e/playwright.config.ts
 */
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { e2eEnv, launchOptionsFromEnv } from './support/browser-env.js';
import { repoRoot } from './support/paths.js';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  // Screenshots of every visited screen, host logs and failure traces, per test (gitignored).
  outputDir: path.join(repoRoot, 'test-results', 'e2e'),
  globalSetup: './support/global-setup.ts',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  // Two cores: one browser per core, the shared host runs in the runner process.
  workers: 2,
  retries: 0,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    browserName: 'chromium',
    headless: true,
    // Set by global setup; workers start after it and see its environment.
    baseURL: process.env[e2eEnv.origin],
    launchOptions: launchOptionsFromEnv(),
    locale: 'en-US',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
});

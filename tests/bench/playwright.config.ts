/**
 * Benchmarks for DESIGN.md's budgets, run in the same Chromium and against the
 * same browser host as the end-to-end tests. They measure and report; they are
 * not part of `npm test`. Run: npm run bench
 */
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { e2eEnv, launchOptionsFromEnv } from '../e2e/support/browser-env.js';
import { repoRoot } from '../e2e/support/paths.js';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.bench.ts',
  outputDir: path.join(repoRoot, 'test-results', 'bench'),
  globalSetup: '../e2e/support/global-setup.ts',
  workers: 1,
  retries: 0,
  reporter: 'list',
  timeout: 120_000,
  use: {
    browserName: 'chromium',
    headless: true,
    baseURL: process.env[e2eEnv.origin],
    // No Authorization header here: a bearer token outranks the cookie a printed URL gives, so the shared host's token
    // on every request made each host of a bench's own answer 401. Every page opens a URL its host printed (with its token).
    // No wait may hang: a minute for any action or navigation, well under the tests' own limits.
    actionTimeout: 60_000,
    navigationTimeout: 60_000,
    launchOptions: launchOptionsFromEnv(),
  },
});

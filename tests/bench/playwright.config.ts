/**
 * Benchmarks for DESIGN.md's budgets, run in the same Chromium and against the
 * same browser host as the end-to-end tests. They measure and report; they are
 * not part of `npm test`. Run: npm run bench
 */
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { e2eEnv, launchOptionsFromEnv } from '../e2e/support/browser-env.js';
import { sharedHostHeaders } from '../e2e/support/host-token.js';
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
    // The shared host wants its run's token on every request; the benchmarks open bare URLs in contexts of their own.
    extraHTTPHeaders: sharedHostHeaders(),
    launchOptions: launchOptionsFromEnv(),
  },
});

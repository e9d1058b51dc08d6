/**
 * Contact sheets of every screen: tiles the screenshots the end-to-end suite
 * wrote to test-results/screens/ into one small PNG per language in
 * docs/screens/. Run: npm run screens (runs the screenshot specs first).
 */
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { launchOptionsFromEnv } from '../e2e/support/browser-env.js';
import { repoRoot } from '../e2e/support/paths.js';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.make.ts',
  outputDir: path.join(repoRoot, 'test-results', 'contact-sheets'),
  globalSetup: './browser-setup.ts',
  workers: 1,
  retries: 0,
  reporter: 'list',
  timeout: 120_000,
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: launchOptionsFromEnv(),
  },
});

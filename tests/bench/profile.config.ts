/** The diagnosis profiles (`npm run bench:profile`): the bench's settings, but only *.profile.ts. */
import { defineConfig } from '@playwright/test';
import bench from './playwright.config.js';

export default defineConfig({ ...bench, testMatch: '**/*.profile.ts' });

import { cpus, loadavg } from 'node:os';
import type { Browser } from '@playwright/test';

/** The machine a run was measured on, and how busy it was then (other work shares these cores). */
export function machine(browser: Browser) {
  return {
    cores: cpus().length,
    loadAverage1m: Math.round((loadavg()[0] ?? 0) * 10) / 10,
    node: process.version,
    browser: browser.version(),
  };
}

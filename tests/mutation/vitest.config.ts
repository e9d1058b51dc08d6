/**
 * The unit tests Stryker runs against each mutant (`npm run test:mutation`):
 * the Node tests of the core only. Stryker narrows them further to the files
 * that import the mutated file (`vitest.related`), so a mutant in the backoff
 * is judged by the delivery tests, not by the whole suite.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export default defineConfig({
  root,
  test: {
    environment: 'node',
    include: [
      'tests/unit/kiosk/**/*.test.ts',
      'tests/unit/delivery/**/*.test.ts',
      'tests/unit/desk/**/*.test.ts',
      'tests/unit/trust/**/*.test.ts',
      'tests/unit/vendors/**/*.test.ts',
      'tests/unit/core/dispatch.test.ts',
      'tests/unit/shared/**/*.test.ts',
    ],
    exclude: [
      // It runs the built dist-electron/host.js, not the mutated source: it could never kill a mutant.
      'tests/unit/kiosk/crash-recovery.test.ts',
      // A load test (1,000 fsynced requests, about 20 s): run for every mutant of the outbox's path it tripled a
      // delivery run. What it checks (capture order, once each) is pinned at a small scale by backoff-in-queue,
      // retry-and-faults and durability.
      'tests/unit/delivery/outbox-drain.test.ts',
    ],
    // One module graph for all the test files a mutant runs (Stryker runs them in one thread): importing the
    // kiosk and desk services afresh for each file was two thirds of the time. The tests share no module state
    // (no vi.mock, no globals), and the suite passes the same either way.
    isolate: false,
    // A mutation run shares the machine with its own second test process and often with other work: the TLS pairing
    // tests took over the default 5 s there and failed the initial run (session 6). A mutant that hangs is still cut
    // off by Stryker's own timeout (timeoutMS in stryker.config.mjs).
    testTimeout: 15_000,
    // electron-store imports `electron`; inlined, it sees the tests' fake instead of the binary's path.
    server: { deps: { inline: ['electron-store'] } },
  },
});

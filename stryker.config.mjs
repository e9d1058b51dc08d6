// Mutation testing of the core (docs/testing.md, "Mutation testing"). Not part of `npm test`: too slow.
// `npm run test:mutation` mutates everything below; `npm run test:mutation:changed` only the files changed vs main.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'tests/mutation/vitest.config.ts', related: true },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: [
    'electron/core/kiosk/**/*.ts',
    'electron/core/delivery/**/*.ts',
    'electron/core/desk/**/*.ts',
    'shared/dispatch.ts',
    'shared/backend/**/*.ts',
  ],
  coverageAnalysis: 'perTest',
  // Two cores, shared with other work: two test processes at most.
  concurrency: 2,
  // A mutant in module-level code (a constant, a route table) would need every test run again: skipped (counted as ignored).
  ignoreStatic: true,
  // Real HTTP servers and real timers: a slow mutant gets 5 s beyond its tests' normal time before it counts as a timeout.
  timeoutMS: 5000,
  // A local cache of the last run's results (reports/ is not committed): an unchanged file and its unchanged tests are not run again.
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  ignorePatterns: [
    'dist',
    'dist-electron',
    'release',
    'test-results',
    'playwright-report',
    'reports',
    // The tests read docs/*.md (the contract, the documented delays); only the screenshots are left out.
    'docs/screens',
    'tests/e2e',
    'tests/electron',
    'tests/screens',
  ],
  // break: below this a run fails (docs/testing.md, "Scores"). Session 6 measured the receiver at 93.5% and the kiosk
  // at 98.1%; session 7 delivery at 96.3% and shared/ at 100%. It stays at 80 until the desk outside the receiver (one
  // run scores the whole core) is measured; then raise it as the scores allow.
  thresholds: { high: 90, low: 80, break: 80 },
  cleanTempDir: 'always',
};

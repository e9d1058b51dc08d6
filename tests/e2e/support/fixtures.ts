import { writeFile } from 'node:fs/promises';
import { test as base } from '@playwright/test';
import { e2eEnv } from './browser-env.js';
import { sharedUrl } from './host-token.js';
import { startTestHost, type TestHost, type TestHostOptions } from './test-host.js';

export { expect } from '@playwright/test';

type Fixtures = {
  /** The shared host's origin (started in global setup with the shipped configuration). */
  origin: string;
  /** Starts a host of the test's own with the given config files; closed after the test, its log attached. */
  launchHost: (options?: TestHostOptions) => Promise<TestHost>;
};

export const test = base.extend<Fixtures>({
  // Each test's browser opens the URL the shared host printed, as a person would: the host trades the
  // token in it for a cookie, so every page, call and event stream of the shared host after that is allowed.
  context: async ({ context }, use) => {
    const opened = await context.request.get(sharedUrl('kiosk'), { maxRedirects: 0 });
    if (opened.status() !== 303) throw new Error(`the shared host refused its own printed URL (${opened.status()})`);
    await use(context);
  },
  // The test process's own calls to the shared host carry the cookie the same way.
  request: async ({ request }, use) => {
    const opened = await request.get(sharedUrl('kiosk'), { maxRedirects: 0 });
    if (opened.status() !== 303) throw new Error(`the shared host refused its own printed URL (${opened.status()})`);
    await use(request);
  },
  // eslint-disable-next-line no-empty-pattern
  origin: async ({}, use) => {
    const origin = process.env[e2eEnv.origin];
    if (!origin)
      throw new Error('LOBBY_E2E_ORIGIN is not set: run through tests/e2e/playwright.config.ts, whose global setup starts the host.');
    await use(origin);
  },
  // eslint-disable-next-line no-empty-pattern
  launchHost: async ({}, use, testInfo) => {
    const hosts: TestHost[] = [];
    await use(async (options) => {
      const host = await startTestHost(options);
      hosts.push(host);
      return host;
    });
    for (const [index, host] of hosts.entries()) {
      await host.close();
      const fileName = `host-log-${index + 1}.jsonl`;
      const body = host.logs.map((entry) => `${JSON.stringify(entry)}\n`).join('');
      await writeFile(testInfo.outputPath(fileName), body);
      await testInfo.attach(fileName, { body, contentType: 'application/x-ndjson' });
    }
  },
});

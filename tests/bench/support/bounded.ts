/**
 * Every wait in the benchmarks is bounded: a page that never shows what the
 * bench waits for (a 401 from the host, an event that never comes) fails
 * with a sentence saying what was awaited, instead of hanging until the
 * test's half-hour timeout.
 */
import type { BrowserContext, Page } from '@playwright/test';

/** How long any single wait may take; generous, since the machine may be shared. */
export const waitLimitMs = Number(process.env.LOBBY_BENCH_WAIT_MS ?? 60_000);

/** `work`, or an error saying `what` did not happen within `ms`. */
export async function within<T>(what: string, work: Promise<T>, ms = waitLimitMs): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`benchmark gave up: ${what} did not happen within ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Opens `url` in `context`'s new page and waits for `ready`. A page the host
 * refuses (a URL without this host's token answers 401) fails at once with
 * the host's own words rather than waiting for a screen that cannot come.
 */
export async function openPage(context: BrowserContext, url: string, ready: string): Promise<Page> {
  const page = await context.newPage();
  await goTo(page, url, ready);
  return page;
}

/** Navigates `page` to `url` and waits for `ready`, failing with a sentence if either goes wrong. */
export async function goTo(page: Page, url: string, ready: string): Promise<void> {
  const response = await within(`loading ${new URL(url).pathname}`, page.goto(url));
  if (response && !response.ok()) {
    const body = (await response.text()).slice(0, 200);
    throw new Error(`benchmark: ${new URL(url).pathname} answered ${response.status()}: ${body}`);
  }
  await within(`the page at ${new URL(url).pathname} showing ${ready}`, page.locator(ready).waitFor({ timeout: waitLimitMs }));
}

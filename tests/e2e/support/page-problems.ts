import type { Page } from '@playwright/test';

export type CspViolation = { directive: string; blockedURI: string; sample: string; page: string };

export type PageProblems = {
  /** Every `securitypolicyviolation` event any page of this tab fired. */
  cspViolations: CspViolation[];
  /** Console messages of type error (Chromium also reports CSP refusals here). */
  consoleErrors: string[];
  /** Uncaught exceptions in the page. */
  pageErrors: string[];
};

/**
 * Records CSP violations, console errors and uncaught exceptions for the
 * life of the tab, across navigations. Call before the first page.goto.
 * The listener reports through a binding, which CSP does not govern.
 */
export async function watchPageProblems(page: Page): Promise<PageProblems> {
  const problems: PageProblems = { cspViolations: [], consoleErrors: [], pageErrors: [] };
  await page.exposeFunction('__lobbyE2eReportViolation', (violation: CspViolation) => {
    problems.cspViolations.push(violation);
  });
  await page.addInitScript(() => {
    const report = (window as unknown as { __lobbyE2eReportViolation: (v: unknown) => void }).__lobbyE2eReportViolation;
    document.addEventListener('securitypolicyviolation', (event) => {
      report({ directive: event.effectiveDirective, blockedURI: event.blockedURI, sample: event.sample, page: location.href });
    });
  });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.consoleErrors.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.pageErrors.push(`${error.name}: ${error.message}`));
  return problems;
}

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import type { Bootstrap, LanguageInfo } from '../../../shared/bootstrap.js';
import type { CallResult } from '../../../shared/call-result.js';
import { tokenHeaders } from './host-token.js';
import { repoRoot } from './paths.js';

/** What the real core tells a page of this role (roleUrl: ".../kiosk/" or ".../desk/"). */
export async function fetchBootstrap(request: APIRequestContext, roleUrl: string): Promise<Bootstrap> {
  const response = await request.post(new URL('api/call/app.getBootstrap', roleUrl).href, { data: {}, headers: tokenHeaders(roleUrl) });
  expect(response.status(), 'app.getBootstrap over HTTP').toBe(200);
  const result = (await response.json()) as CallResult<Bootstrap>;
  if (!result.ok) throw new Error(`app.getBootstrap failed: ${result.error.message}`);
  return result.value;
}

/** The languages this page offers, as the core lists them. */
export async function offeredLanguages(request: APIRequestContext, roleUrl: string): Promise<LanguageInfo[]> {
  return (await fetchBootstrap(request, roleUrl)).languages;
}

/** Taps a language button and waits until the page has switched to it. */
export async function chooseLanguage(page: Page, language: LanguageInfo): Promise<void> {
  const button = page.getByRole('button', { name: language.nativeName, exact: true });
  await button.click();
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).toHaveAttribute('lang', language.code);
  await expect(page.locator('html')).toHaveAttribute('dir', language.dir);
}

/** A string from resources/locales/<language>/<namespace>.json, by dotted key, before interpolation. */
export function translation(language: string, namespace: string, key: string): string {
  const file = path.join(repoRoot, 'resources', 'locales', language, `${namespace}.json`);
  let node: unknown = JSON.parse(readFileSync(file, 'utf8'));
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  if (typeof node !== 'string') throw new Error(`${file} has no string at ${key}`);
  return node;
}

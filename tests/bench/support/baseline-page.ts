/**
 * Builds the baseline page (tests/bench/baseline) with the renderer's Vite
 * settings and serves it on loopback the way the browser host serves the
 * app: same headers, same CSP, no compression.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { contentSecurityPolicy } from '../../../shared/csp.js';
import { cspMetaTag, pageBuild } from '../../../vite.config.js';
import { repoRoot } from '../../e2e/support/paths.js';

export const baselineOut = path.join(repoRoot, 'test-results', 'bench', 'baseline');

/** The baseline pages: the plain page (the targets' yardstick) and the kiosk's first screen drawn plainly (baseline/same-screen). */
const pages = {
  plain: { root: path.join(repoRoot, 'tests', 'bench', 'baseline'), out: baselineOut },
  sameScreen: {
    root: path.join(repoRoot, 'tests', 'bench', 'baseline', 'same-screen'),
    out: path.join(repoRoot, 'test-results', 'bench', 'baseline-same-screen'),
  },
} as const;

/** Builds a baseline page on its own (one script, as the page would ship); returns its folder. */
export async function buildBaseline(page: keyof typeof pages = 'plain'): Promise<string> {
  const { root, out } = pages[page];
  await build({
    configFile: false,
    root,
    base: './',
    publicDir: false,
    logLevel: 'warn',
    plugins: [react(), cspMetaTag()],
    build: { ...pageBuild, outDir: out },
  });
  return out;
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/** Serves `dir` on 127.0.0.1 with the browser host's headers; returns the page's URL and a close. */
export async function serveBaseline(dir: string): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const file = path.join(dir, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
    if (!file.startsWith(dir)) return void res.writeHead(404).end();
    stat(file).then(
      (info) => {
        res.writeHead(200, {
          'Content-Type': types[path.extname(file)] ?? 'application/octet-stream',
          'Content-Length': info.size,
          'Cache-Control': file.endsWith('.html') ? 'no-store' : 'public, max-age=3600',
          'Content-Security-Policy': contentSecurityPolicy,
          'X-Content-Type-Options': 'nosniff',
          'Referrer-Policy': 'no-referrer',
          'Cross-Origin-Opener-Policy': 'same-origin',
          'Cross-Origin-Resource-Policy': 'same-origin',
        });
        createReadStream(file).pipe(res);
      },
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

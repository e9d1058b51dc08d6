import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { repoRoot } from '../e2e/support/paths.js';

export type Summary = { samples: number; p50: number; p95: number; max: number };

export function summarize(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  const round = (n: number) => Math.round(n * 10) / 10;
  return { samples: sorted.length, p50: round(at(0.5)), p95: round(at(0.95)), max: round(sorted.at(-1) ?? Number.NaN) };
}

/** Writes one benchmark's results to bench-results/<name>.json (gitignored) and returns the path. */
export async function writeResults(name: string, results: object): Promise<string> {
  const dir = path.join(repoRoot, 'bench-results');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${name}.json`);
  await writeFile(file, `${JSON.stringify({ measuredAt: new Date().toISOString(), ...results }, null, 2)}\n`);
  return file;
}

export type RatioSummary = { pairs: number; p50: number; p95: number; min: number; max: number };

/**
 * The app's numbers over the baseline's, pair by pair (each pair measured
 * side by side in one round), summarised: the median ratio and its spread.
 */
export function ratios(app: readonly number[], baseline: readonly number[]): RatioSummary {
  const pairs = app.map((value, i) => value / (baseline[i] ?? Number.NaN)).filter(Number.isFinite);
  const sorted = [...pairs].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    pairs: sorted.length,
    p50: round(at(0.5)),
    p95: round(at(0.95)),
    min: round(sorted[0] ?? Number.NaN),
    max: round(sorted.at(-1) ?? Number.NaN),
  };
}

/** One quantity measured on the app and on the baseline in the same run: both summaries and their ratio. */
export function compared(app: readonly number[], baseline: readonly number[]) {
  const a = summarize(app);
  const b = summarize(baseline);
  const round = (n: number) => Math.round(n * 100) / 100;
  return { ratio: ratios(app, baseline), ratioOfP95: round(a.p95 / b.p95), app: a, baseline: b };
}

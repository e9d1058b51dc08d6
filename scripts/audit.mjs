#!/usr/bin/env node
// @ts-check
/**
 * `npm run audit`: what a department checks before it ships or updates a kiosk.
 *
 * 1. Known advisories for the production dependencies (`npm audit --omit=dev`).
 * 2. Known advisories for Electron itself. It is a devDependency, so step 1
 *    skips it, but its runtime (Chromium, Node) ships inside every installer.
 * 3. Newer patch releases of every direct dependency, Electron first: patch
 *    releases are where security fixes land.
 *
 * Exit codes: 0 nothing found; 1 something to act on (see docs/maintenance.md);
 * 3 nothing found, but the advisories could not be checked (never a silent pass);
 * 2 the script itself could not run (no package-lock.json, bad arguments).
 *
 * Options: --registry URL (default: npm's configured registry), --project DIR (default: here).
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const exitCodes = { clean: 0, findings: 1, broken: 2, unchecked: 3 };

/** @param {string[]} argv */
function parseArguments(argv) {
  const options = { registry: '', project: process.cwd() };
  for (let i = 0; i < argv.length; i += 2) {
    const [name, value] = [argv[i], argv[i + 1]];
    if (name === '--registry' && value) options.registry = value;
    else if (name === '--project' && value) options.project = value;
    else throw new Error(`unknown option ${name} (use --registry URL, --project DIR)`);
  }
  return options;
}

/** npm's own answer, JSON on stdout whether it found something (exit 1) or not (exit 0). */
async function npm(args, cwd) {
  try {
    return (await run('npm', args, { cwd, maxBuffer: 64 * 1024 * 1024 })).stdout;
  } catch (error) {
    const failed = /** @type {{ stdout?: string }} */ (error);
    if (typeof failed.stdout === 'string' && failed.stdout.trim()) return failed.stdout;
    throw error;
  }
}

/**
 * @typedef {{ name: string, severity: string, title: string, url: string }} Advisory
 * @typedef {{ advisories: Advisory[] } | { unreachable: string }} AdvisoryAnswer
 */

/** The production tree through `npm audit`; anything but a report is "could not check". */
async function auditProduction(registry, project) {
  const stdout = await npm(['audit', '--omit=dev', '--json', '--registry', registry], project);
  /** @type {{ vulnerabilities?: Record<string, { name: string, severity: string, via: unknown[] }>, message?: string, error?: { summary?: string } }} */
  const report = JSON.parse(stdout);
  if (!report.vulnerabilities) return { unreachable: report.message || report.error?.summary || 'npm audit gave no report' };
  /** @type {Advisory[]} */
  const advisories = [];
  for (const vulnerability of Object.values(report.vulnerabilities)) {
    for (const via of vulnerability.via) {
      // A string names another vulnerable package this one depends on; that package has its own entry.
      if (typeof via !== 'object' || via === null) continue;
      const { title = '', url = '', severity = vulnerability.severity } = /** @type {Record<string, string>} */ (via);
      advisories.push({ name: vulnerability.name, severity, title, url });
    }
  }
  return { advisories };
}

/** Electron's own version against the registry's bulk advisory endpoint (the one `npm audit` uses). */
async function auditElectron(registry, version) {
  const endpoint = new URL('-/npm/v1/security/advisories/bulk', registry);
  try {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ electron: [version] }),
    });
    if (!response.ok) return { unreachable: `${response.status} ${response.statusText} - POST ${endpoint}` };
    /** @type {Record<string, Array<{ title?: string, url?: string, severity?: string }>>} */
    const found = await response.json();
    const advisories = (found.electron ?? []).map((a) => ({
      name: 'electron',
      severity: a.severity ?? 'unknown',
      title: a.title ?? '',
      url: a.url ?? '',
    }));
    return { advisories };
  } catch (error) {
    return { unreachable: `${String(error instanceof Error && error.cause ? error.cause : error)} - POST ${endpoint}` };
  }
}

/** The newest release with the same major and minor (or the same major, for Electron, whose minors are its patches). */
async function newerPatch(registry, name, installed, sameMinor) {
  const response = await fetch(new URL(name.replace('/', '%2f'), registry), {
    headers: { accept: 'application/vnd.npm.install-v1+json' },
  });
  if (!response.ok) throw new Error(`${response.status} ${response.statusText} - GET ${name}`);
  const { versions = {} } = /** @type {{ versions?: Record<string, unknown> }} */ (await response.json());
  const [major, minor, patch] = installed.split('.').map(Number);
  const newer = Object.keys(versions)
    .filter((v) => /^\d+\.\d+\.\d+$/.test(v))
    .map((v) => v.split('.').map(Number))
    .filter(([ma, mi, pa]) => ma === major && (sameMinor ? mi === minor && pa > patch : mi > minor || (mi === minor && pa > patch)))
    .sort((a, b) => a[1] - b[1] || a[2] - b[2]);
  return newer.length ? newer[newer.length - 1].join('.') : undefined;
}

/** @param {string} title @param {AdvisoryAnswer} answer @param {string[]} out */
function reportAdvisories(title, answer, out) {
  if ('unreachable' in answer) {
    out.push(`${title}: COULD NOT CHECK. The advisory service did not answer (${answer.unreachable}).`);
    out.push('  This is not a pass: run `npm run audit` again later, or from a network that reaches the npm registry.');
  } else if (answer.advisories.length === 0) out.push(`${title}: no known advisories.`);
  else {
    out.push(`${title}: ${answer.advisories.length} advisory(ies):`);
    for (const a of answer.advisories) out.push(`  ${a.name}: ${a.severity.toUpperCase()} ${a.title} ${a.url}`.trimEnd());
  }
}

async function main() {
  const { registry: given, project } = parseArguments(process.argv.slice(2));
  const registry = (given || (await npm(['config', 'get', 'registry'], project)).trim()).replace(/\/?$/, '/');
  const manifest = JSON.parse(await readFile(path.join(project, 'package.json'), 'utf8'));
  const lock = JSON.parse(await readFile(path.join(project, 'package-lock.json'), 'utf8'));
  const installed = (name) => lock.packages?.[`node_modules/${name}`]?.version;
  const electron = installed('electron');

  const out = [`Auditing against ${registry}`];
  const production = await auditProduction(registry, project);
  reportAdvisories('Production dependencies (npm audit --omit=dev)', production, out);
  const electronAnswer = electron ? await auditElectron(registry, electron) : { advisories: [] };
  reportAdvisories(electron ? `Electron ${electron} (ships inside the app)` : 'Electron (not in package-lock.json)', electronAnswer, out);

  const direct = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies }).sort((a, b) =>
    a === 'electron' ? -1 : b === 'electron' ? 1 : a.localeCompare(b),
  );
  const updates = [];
  const notChecked = [];
  for (const name of direct) {
    const version = installed(name);
    if (!version) continue;
    try {
      const newer = await newerPatch(registry, name, version, name !== 'electron');
      if (newer) updates.push(`  ${name} ${version} -> ${newer}`);
    } catch (error) {
      notChecked.push(`  ${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (updates.length) out.push(`Newer patch releases to install (${updates.length}):`, ...updates);
  else out.push('Every direct dependency is at its newest patch release.');
  if (notChecked.length) out.push(`Could not look up (${notChecked.length}):`, ...notChecked);

  const found = [production, electronAnswer].some((a) => 'advisories' in a && a.advisories.length > 0) || updates.length > 0;
  const unchecked = [production, electronAnswer].some((a) => 'unreachable' in a) || notChecked.length > 0;
  const code = found ? exitCodes.findings : unchecked ? exitCodes.unchecked : exitCodes.clean;
  out.push(
    code === exitCodes.findings
      ? 'Result: something to act on (exit 1). See docs/maintenance.md, "A finding".'
      : code === exitCodes.unchecked
        ? 'Result: NOT CHECKED (exit 3). Nothing was found, but some checks could not run: see above.'
        : 'Result: nothing found (exit 0).',
  );
  console.log(out.join('\n'));
  return code;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`npm run audit could not run: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(exitCodes.broken);
  },
);

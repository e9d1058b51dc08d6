#!/usr/bin/env node
// @ts-check
/**
 * `npm run scan:electron`: Electronegativity over the Electron glue and the
 * renderer. Every HIGH or MEDIUM finding must be fixed or listed, with the
 * reason it is a false positive, in tools/electronegativity/reviewed.json; a
 * finding not on the list fails, and so does a listed one that is no longer
 * found (the list stays honest).
 *
 * The tool lives in tools/electronegativity with its own lockfile: it brings
 * TypeScript 4.2 and ESLint 7, which must not meet the app's. It is installed
 * there on first use (from npm's cache when it is there).
 *
 * Options: --source DIR (repeatable; default electron, renderer, shared),
 * --reviewed FILE. Exit codes: 0 clean, 1 a new or stale finding, 2 could not scan.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const toolDir = path.join(repoRoot, 'tools', 'electronegativity');
const failing = new Set(['HIGH', 'MEDIUM']);
// Asks GitHub for Electron's release list (there is no network in CI); `npm run audit` checks Electron's version instead.
const excludedChecks = ['AvailableSecurityFixesGlobalCheck'];

/**
 * @typedef {{ check: string, file: string, sample?: string, reason: string, evidence?: string[] }} Reviewed
 * @typedef {{ id: string, severity: { name: string }, file: string, sample?: string, description: string,
 *   location: { line: number, column: number } }} Issue
 */

function parseArguments(argv) {
  const options = { sources: /** @type {string[]} */ ([]), reviewed: path.join(toolDir, 'reviewed.json') };
  for (let i = 0; i < argv.length; i += 2) {
    const [name, value] = [argv[i], argv[i + 1]];
    if (name === '--source' && value) options.sources.push(path.resolve(value));
    else if (name === '--reviewed' && value) options.reviewed = path.resolve(value);
    else throw new Error(`unknown option ${name} (use --source DIR, --reviewed FILE)`);
  }
  if (options.sources.length === 0) options.sources = ['electron', 'renderer', 'shared'].map((dir) => path.join(repoRoot, dir));
  return options;
}

function installTool() {
  if (existsSync(path.join(toolDir, 'node_modules', '@doyensec', 'electronegativity', 'package.json'))) return;
  console.log('Installing Electronegativity into tools/electronegativity (once; from the npm cache when it is there).');
  execFileSync('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel', 'error'], { cwd: toolDir, stdio: 'inherit' });
}

function electronVersion() {
  const lock = JSON.parse(readFileSync(path.join(repoRoot, 'package-lock.json'), 'utf8'));
  return lock.packages?.['node_modules/electron']?.version;
}

/** A path as the person reads it: from the repository root when it is inside it. */
const shown = (/** @type {string} */ file) => (file.startsWith(repoRoot + path.sep) ? path.relative(repoRoot, file) : file);

/** Where a finding is, as the reviewed list names it: the folder it was scanned from, then the file. */
const place = (/** @type {Issue} */ issue) => issue.file.split(path.sep).join('/');
const sameFinding = (/** @type {Issue} */ issue, /** @type {Reviewed} */ entry) =>
  entry.check === issue.id && entry.file === place(issue) && (entry.sample ?? '') === (issue.sample ?? '').trim();

async function main() {
  const started = Date.now();
  const options = parseArguments(process.argv.slice(2));
  /** @type {Reviewed[]} */
  const reviewed = JSON.parse(readFileSync(options.reviewed, 'utf8')).findings;
  for (const entry of reviewed) {
    if (!entry.reason?.trim()) throw new Error(`${options.reviewed}: ${entry.check} in ${entry.file} has no reason`);
    const missing = (entry.evidence ?? []).filter((file) => !existsSync(path.join(repoRoot, file)));
    if (missing.length) throw new Error(`${options.reviewed}: ${entry.check} cites ${missing.join(', ')}, which does not exist`);
  }
  installTool();
  const run = createRequire(path.join(toolDir, 'package.json'))('@doyensec/electronegativity');

  // One scan over a copy of all the sources, so a check that looks across files (navigation limits,
  // permission handlers) sees the handlers in electron/ while it reads renderer/.
  const stage = mkdtempSync(path.join(tmpdir(), 'lobby-electronegativity-'));
  try {
    for (const source of options.sources) cpSync(source, path.join(stage, path.basename(source)), { recursive: true });
    /** @type {{ issues: Issue[], errors: Array<{ file: string, message: string, tolerable: boolean }> }} */
    const result = await run({
      input: stage,
      isRelative: true,
      excludeFromScan: excludedChecks,
      electronVersionOverride: electronVersion(),
    });
    const unreadable = result.errors.filter((error) => !error.tolerable);
    const serious = result.issues.filter((issue) => failing.has(issue.severity.name));
    const fresh = serious.filter((issue) => !reviewed.some((entry) => sameFinding(issue, entry)));
    const stale = reviewed.filter((entry) => !serious.some((issue) => sameFinding(issue, entry)));
    const minor = result.issues.length - serious.length;

    const out = [`Electronegativity over ${options.sources.map(shown).join(', ')} (Electron ${electronVersion()}):`];
    out.push(
      `  ${serious.length} HIGH/MEDIUM finding(s), ${serious.length - fresh.length} of them reviewed as false positives; ${minor} LOW/INFORMATIONAL.`,
    );
    for (const error of unreadable) out.push(`  COULD NOT READ ${path.relative(stage, error.file)}: ${error.message}`);
    for (const issue of fresh) {
      out.push(`  NEW ${issue.severity.name} ${issue.id} at ${place(issue)}:${issue.location.line}:${issue.location.column}`);
      out.push(`      ${issue.sample ?? '(whole app)'}`);
      out.push(`      ${issue.description} https://github.com/doyensec/electronegativity/wiki/${issue.id}`);
    }
    if (fresh.length) out.push(`  Fix each NEW finding, or add it to ${shown(options.reviewed)} with the reason it is a false positive.`);
    for (const entry of stale) out.push(`  NO LONGER FOUND ${entry.check} at ${entry.file}: remove it from ${shown(options.reviewed)}.`);
    const code = unreadable.length ? 2 : fresh.length || stale.length ? 1 : 0;
    out.push(`  ${code === 0 ? 'Passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    console.log(out.join('\n'));
    return code;
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`Electronegativity could not run: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);

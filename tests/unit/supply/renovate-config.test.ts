/**
 * renovate.json read the way Renovate applies it (every matching package rule
 * in order, later ones winning), for the kinds of update this project gets:
 * weekly, grouped, exact pins, and an Electron major alone.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

type Rule = {
  description?: string;
  matchFileNames?: string[];
  matchUpdateTypes?: string[];
  matchPackageNames?: string[];
  groupName?: string;
  automerge?: boolean;
  addLabels?: string[];
};
type Config = {
  schedule: string[];
  rangeStrategy: string;
  lockFileMaintenance: { enabled: boolean; schedule: string[] };
  packageRules: Rule[];
};
type Update = { file: string; name: string; type: 'patch' | 'minor' | 'major' };

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const config = JSON.parse(readFileSync(path.join(repoRoot, 'renovate.json'), 'utf8')) as Config;
const understood = new Set([
  'description',
  'matchFileNames',
  'matchUpdateTypes',
  'matchPackageNames',
  'groupName',
  'automerge',
  'addLabels',
]);

/** Renovate's matchPackageNames: exact names, and "!name" to leave one out of a list of negations. */
function namesMatch(patterns: string[], name: string): boolean {
  const positive = patterns.filter((p) => !p.startsWith('!'));
  if (patterns.some((p) => p === `!${name}`)) return false;
  return positive.length === 0 || positive.includes(name);
}

/** The settings an update ends up with: every rule that matches, applied in order. */
export function settingsFor(rules: Rule[], update: Update): Pick<Rule, 'groupName' | 'automerge' | 'addLabels'> {
  const settings: Pick<Rule, 'groupName' | 'automerge' | 'addLabels'> = {};
  for (const rule of rules) {
    if (rule.matchFileNames && !rule.matchFileNames.includes(update.file)) continue;
    if (rule.matchUpdateTypes && !rule.matchUpdateTypes.includes(update.type)) continue;
    if (rule.matchPackageNames && !namesMatch(rule.matchPackageNames, update.name)) continue;
    if (rule.groupName !== undefined) settings.groupName = rule.groupName;
    if (rule.automerge !== undefined) settings.automerge = rule.automerge;
    if (rule.addLabels) settings.addLabels = [...(settings.addLabels ?? []), ...rule.addLabels];
  }
  return settings;
}

const app = (name: string, type: Update['type']): Update => ({ file: 'package.json', name, type });

describe('renovate.json', () => {
  it('uses only rule keys this test knows how to apply', () => {
    expect(config.packageRules.flatMap((rule) => Object.keys(rule)).filter((key) => !understood.has(key))).toEqual([]);
  });

  it('runs once a week, lock-file maintenance too, and keeps versions pinned exactly', () => {
    for (const schedule of [config.schedule, config.lockFileMaintenance.schedule]) {
      expect(schedule).toHaveLength(1);
      expect(schedule[0]).toMatch(/ on (monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/);
    }
    expect(config.lockFileMaintenance.enabled).toBe(true);
    expect(config.rangeStrategy).toBe('pin');
  });

  it('puts patch and minor updates of the app dependencies into one weekly group', () => {
    const groups = new Set(
      [app('zod', 'patch'), app('vite', 'minor'), app('@types/node', 'patch')].map((u) => settingsFor(config.packageRules, u).groupName),
    );
    expect(groups.size).toBe(1);
    expect([...groups][0]).toBeTruthy();
  });

  it('gives Electron updates within its major a group of their own', () => {
    const electron = settingsFor(config.packageRules, app('electron', 'patch')).groupName;
    expect(electron).toBeTruthy();
    expect(electron).not.toBe(settingsFor(config.packageRules, app('zod', 'patch')).groupName);
    expect(settingsFor(config.packageRules, app('electron', 'minor')).groupName).toBe(electron);
  });

  it('brings an Electron major alone, labelled, never merged automatically', () => {
    const major = settingsFor(config.packageRules, app('electron', 'major'));
    expect(major.groupName).toBeUndefined();
    expect(major.automerge).toBe(false);
    expect(major.addLabels).toContain('electron-major');
  });

  it('brings any other major in a pull request of its own', () => {
    expect(settingsFor(config.packageRules, app('react', 'major')).groupName).toBeUndefined();
  });

  it("groups the scanner folder's updates apart from the app's", () => {
    const scanner = settingsFor(config.packageRules, { file: 'tools/electronegativity/package.json', name: 'x', type: 'patch' });
    expect(scanner.groupName).toBeTruthy();
    expect(scanner.groupName).not.toBe(settingsFor(config.packageRules, app('zod', 'patch')).groupName);
  });

  it('the rule reader can tell a matching rule from one that does not match', () => {
    const rules: Rule[] = [
      { matchPackageNames: ['!electron'], groupName: 'others' },
      { matchPackageNames: ['electron'], matchUpdateTypes: ['major'], groupName: 'big' },
    ];
    expect(settingsFor(rules, app('zod', 'patch')).groupName).toBe('others');
    expect(settingsFor(rules, app('electron', 'patch')).groupName).toBeUndefined();
    expect(settingsFor(rules, app('electron', 'major')).groupName).toBe('big');
  });
});

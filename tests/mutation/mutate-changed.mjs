// `npm run test:mutation:changed`: Stryker on only the core files this branch changed against main
// (MUTATION_BASE=<ref> to compare with another), so a change is judged in minutes, not hours.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const mutated = ['electron/core/kiosk/', 'electron/core/delivery/', 'electron/core/desk/', 'shared/dispatch.ts', 'shared/backend/'];
const base = process.env.MUTATION_BASE ?? 'main';
const git = (...args) => execFileSync('git', args, { encoding: 'utf8' }).trim();

const since = git('merge-base', 'HEAD', base);
// Committed and uncommitted changes since the branch left `base`; new files not yet added count too.
const changed = [...git('diff', '--name-only', since).split('\n'), ...git('ls-files', '--others', '--exclude-standard').split('\n')];
const files = [...new Set(changed)]
  .filter((file) => file.endsWith('.ts') && mutated.some((prefix) => file.startsWith(prefix)))
  .filter((file) => existsSync(file))
  .sort();

if (files.length === 0) {
  console.log(`No core file changed since ${base}: nothing to mutate.`);
  process.exit(0);
}
console.log(`Mutating ${files.length} file(s) changed since ${base}:\n  ${files.join('\n  ')}`);
const run = spawnSync('stryker', ['run', '--mutate', files.join(','), ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(run.status ?? 1);

/** `npm run demo`: the real core with both UIs in an ordinary browser, on loopback. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeHost, startHostFromCli, stopOnSignals } from './host-cli.js';

const appRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

try {
  const { host, cores } = await startHostFromCli({ argv: process.argv.slice(2), env: process.env, appRoot });
  console.log(describeHost(host));
  stopOnSignals(host, cores);
} catch (error) {
  console.error(`The browser host could not start: ${(error as Error).message}`);
  process.exit(1);
}

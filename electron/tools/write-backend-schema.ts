/**
 * `npm run schema`: writes docs/backend-contract.schema.json from the zod
 * schemas that enforce the backend-call contract. The unit test
 * tests/unit/delivery/backend-contract.test.ts fails while the file is stale.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFlags } from '../core/command-line.js';
import { contractSchemaText } from './backend-schema.js';

parseFlags('npm run schema', process.argv.slice(2), {});
// Built to dist-electron/schema.js: the project folder is one up.
const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'backend-contract.schema.json');
writeFileSync(file, contractSchemaText());
console.log(`wrote ${path.relative(process.cwd(), file)}`);

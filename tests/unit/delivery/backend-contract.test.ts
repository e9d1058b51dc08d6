import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { signMessage } from '../../../shared/backend/signing.js';
import { repoRoot } from '../support/temp-config.js';
import { contractMessages, contractSchemaText, type ContractMessageName } from './support/contract-schema.js';

const schemaFile = path.join(repoRoot, 'docs', 'backend-contract.schema.json');
const docFile = path.join(repoRoot, 'docs', 'backend-contract.md');

/** JSON code blocks in the document, each preceded by `<!-- example: <message name> -->`. */
function examples(markdown: string): Array<{ name: string; json: unknown }> {
  const pattern = /<!-- example: ([a-z.]+) -->\s*```json\n([\s\S]*?)```/g;
  return [...markdown.matchAll(pattern)].map((m) => ({ name: m[1] ?? '', json: JSON.parse(m[2] ?? '') as unknown }));
}

describe('the documented backend-call contract', () => {
  it('docs/backend-contract.schema.json matches the zod schemas (npm run schema writes it; this test only reads)', async () => {
    expect(await readFile(schemaFile, 'utf8'), 'the committed JSON Schema is stale: run npm run schema').toBe(contractSchemaText());
  });

  it('every example in docs/backend-contract.md is valid, and every message has one', async () => {
    const found = examples(await readFile(docFile, 'utf8'));
    for (const { name, json } of found) {
      const schema = contractMessages[name as ContractMessageName];
      expect(schema, `unknown example name "${name}"`).toBeDefined();
      const parsed = schema.safeParse(json);
      expect(parsed.success, `${name}: ${parsed.error?.message ?? ''}`).toBe(true);
    }
    expect(new Set(found.map((e) => e.name))).toEqual(new Set(Object.keys(contractMessages)));
  });

  it('the signed example carries the signature its body, id, timestamp and example secret produce', async () => {
    const markdown = await readFile(docFile, 'utf8');
    const body = /<!-- signed-body -->\s*```text\n(.*)\n```/.exec(markdown)?.[1] ?? '';
    const headers = Object.fromEntries([...markdown.matchAll(/^(webhook-[a-z]+): (.+)$/gm)].map((m) => [m[1], m[2]]));
    const secret = /secret `(whsec_[A-Za-z0-9+/=]+)`/.exec(markdown)?.[1] ?? '';
    const at = new Date(Number(headers['webhook-timestamp']) * 1000);
    expect(signMessage([secret], headers['webhook-id'] ?? '', body, at)).toEqual(headers);
  });
});

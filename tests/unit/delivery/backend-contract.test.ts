import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { signAnswer, signMessage, verifyAnswer } from '../../../shared/backend/signing.js';
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
    const { body, headers } = signedExample(markdown, 'signed');
    const secret = /secret `(whsec_[A-Za-z0-9+/=]+)`/.exec(markdown)?.[1] ?? '';
    const at = new Date(Number(headers['webhook-timestamp']) * 1000);
    expect(signMessage([secret], headers['webhook-id'] ?? '', body, at)).toEqual(headers);
  });

  it("the signed answer example verifies as the answer to the signed request, and as no other message's", async () => {
    const markdown = await readFile(docFile, 'utf8');
    const request = signedExample(markdown, 'signed');
    const answer = signedExample(markdown, 'signed-answer');
    const secret = /secret `(whsec_[A-Za-z0-9+/=]+)`/.exec(markdown)?.[1] ?? '';
    const at = new Date(Number(answer.headers['webhook-timestamp']) * 1000);
    const requestId = request.headers['webhook-id'] ?? '';
    expect(signAnswer([secret], requestId, answer.body, at)).toEqual(answer.headers);
    // Checked at the example's own time: the 5-minute window is the receiver's clock, not the document's.
    vi.useFakeTimers({ now: at, toFake: ['Date'] });
    try {
      expect(verifyAnswer([secret], requestId, answer.body, answer.headers)).toEqual({ ok: true, messageId: `ans_${requestId}` });
      expect(verifyAnswer([secret], 'msg_req_another', answer.body, answer.headers)).toMatchObject({ ok: false, reason: 'unbound-answer' });
    } finally {
      vi.useRealTimers();
    }
  });
});

/** The body after `<!-- name-body -->` and the webhook headers in the block after `<!-- name-headers -->`. */
function signedExample(markdown: string, name: string): { body: string; headers: Record<string, string> } {
  const body = new RegExp(`<!-- ${name}-body -->\\s*\`\`\`text\\n(.*)\\n\`\`\``).exec(markdown)?.[1] ?? '';
  const block = new RegExp(`<!-- ${name}-headers -->\\s*\`\`\`http\\n([\\s\\S]*?)\`\`\``).exec(markdown)?.[1] ?? '';
  const headers = Object.fromEntries([...block.matchAll(/^(webhook-[a-z]+): (.+)$/gm)].map((m) => [m[1] ?? '', m[2] ?? '']));
  return { body, headers };
}

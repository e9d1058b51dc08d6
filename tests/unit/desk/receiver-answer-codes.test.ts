/**
 * Every row of the answer table in docs/backend-contract.md, against the real
 * receiver: the status and `error` it names are what the desk answers, and
 * the kiosk's reaction it names is what the kiosk's classifier does.
 */
import { readFile } from 'node:fs/promises';
import { request } from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { classifyHttpStatus } from '../../../electron/core/delivery/attempt.js';
import { nodeFiles, type DurableFiles } from '../../../electron/core/delivery/durable-files.js';
import { repoRoot } from '../support/temp-config.js';
import { closeAllDesks, startDesk, type DeskOptions } from './support/desk-harness.js';
import { heartbeat, otherSecret, post, requestCreated, type Answer } from './support/backend-client.js';

afterEach(closeAllDesks);

type Row = { situation: string; status: number; error: string | undefined; kiosk: string };

async function answerTable(): Promise<Row[]> {
  const doc = await readFile(path.join(repoRoot, 'docs', 'backend-contract.md'), 'utf8');
  const table = /<!-- answer-codes -->\n([\s\S]*?)\n\n/.exec(doc)?.[1] ?? '';
  return table
    .split('\n')
    .slice(2)
    .map((line) => line.split('|').map((cell) => cell.trim()))
    .map(([, situation = '', status = '', error = '', kiosk = '']) => ({
      situation,
      status: Number(/\d{3}/.exec(status)?.[0]),
      error: /`([a-z-]+)`/.exec(error)?.[1],
      kiosk: /^(delivered|permanent|retry)/.exec(kiosk)?.[1] ?? kiosk,
    }));
}

/** A raw POST whose path is sent exactly as given. */
function rawPost(url: string, rawPath: string): Promise<Answer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path: rawPath, method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown> }),
      );
    });
    req.on('error', reject);
    req.end('{}');
  });
}

/** The desk's real store, whose writes fail while `full.on` (a full disk). */
/** Node's files, except that writes fail like a full disk while `full.on` is set. */
function fillableDisk(full: { on: boolean }): DurableFiles {
  return {
    ...nodeFiles,
    writeSynced: async (file: string, data: string) => {
      if (full.on) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      await nodeFiles.writeSynced(file, data);
    },
  };
}

const minutes = (n: number) => n * 60_000;
const desk = (options?: DeskOptions) => startDesk(options);

/** How to make the real receiver give each answer. */
const scenarios: Record<string, () => Promise<Answer>> = {
  accepted: async () => post(`${(await desk()).url()}/requests`, requestCreated()),
  'bad-path': async () => rawPost((await desk()).url(), '/lobby/v1/req%zzuests'),
  'not-found': async () => post(`${(await desk()).url()}/orders`, requestCreated()),
  'method-not-allowed': async () => post(`${(await desk()).url()}/requests`, '', { method: 'GET' }),
  'unsupported-media-type': async () => post(`${(await desk()).url()}/requests`, requestCreated(), { contentType: 'text/plain' }),
  'too-large': async () => post(`${(await desk()).url()}/requests`, 'x'.repeat(65 * 1024)),
  'missing-headers': async () => post(`${(await desk()).url()}/requests`, requestCreated(), { headers: { 'webhook-signature': '' } }),
  'bad-signature': async () => post(`${(await desk()).url()}/requests`, requestCreated(), { secrets: [otherSecret] }),
  'stale-timestamp': async () =>
    post(`${(await desk()).url()}/requests`, requestCreated(), { signedAt: new Date(Date.now() + minutes(6)) }),
  'unknown-kiosk': async () => {
    // Only paired kiosks are known by id; this desk has none and no configured secret.
    const noSecrets = await desk({ device: (d) => (d.receiver.secrets = []) });
    return post(`${noSecrets.url()}/requests`, requestCreated());
  },
  'bad-json': async () => post(`${(await desk()).url()}/requests`, '{ not json'),
  'invalid-body': async () => post(`${(await desk()).url()}/requests`, requestCreated({ kind: 'shopping' as never })),
  'webhook-id-reused': async () => {
    const url = `${(await desk()).url()}/heartbeats`;
    await post(url, heartbeat('K1', 0), { messageId: 'msg_twice' });
    return post(url, heartbeat('K1', 3), { messageId: 'msg_twice' });
  },
  'rate-limited': async () => {
    const url = `${(await desk({ device: (d) => (d.limits.requestsPerKioskPerMinute = 3) })).url()}/requests`;
    for (let i = 0; i < 3; i += 1) await post(url, requestCreated());
    return post(url, requestCreated());
  },
  'storage-failed': async () => {
    const full = { on: false };
    const fillable = await desk({ files: fillableDisk(full) });
    full.on = true;
    const message = requestCreated();
    const answer = await post(`${fillable.url()}/requests`, message, { messageId: `msg_${message.request.id}` });
    // The webhook-id was not remembered: once the disk has room, the kiosk's retry is accepted, not refused.
    full.on = false;
    expect((await post(`${fillable.url()}/requests`, message, { messageId: `msg_${message.request.id}` })).status).toBe(200);
    return answer;
  },
};

/** Rows a test elsewhere covers, or that no honest input can cause. */
const coveredElsewhere: Record<string, string> = {
  'wrong-kiosk': 'needs two paired kiosks: tests/unit/trust/paired-traffic.test.ts',
  internal: 'an unexpected fault inside the desk; nothing a sender can do causes it',
};

const kioskReaction = { delivered: 'delivered', permanent: 'permanent', retry: 'retry' } as const;

describe('the answer table in docs/backend-contract.md is what the receiver answers and what the kiosk does', async () => {
  const rows = await answerTable();

  it('names a status, a code and the kiosk reaction in every row, and a scenario or a reason for each', () => {
    expect(rows.length).toBeGreaterThanOrEqual(17);
    for (const row of rows) {
      expect(row.status, row.situation).toBeGreaterThanOrEqual(200);
      expect(Object.keys(kioskReaction), row.situation).toContain(row.kiosk);
      const key = row.error ?? 'accepted';
      expect(scenarios[key] ?? coveredElsewhere[key], `no scenario for "${key}"`).toBeDefined();
    }
  });

  it.each(rows.map((row) => [row.error ?? 'accepted', row] as const))('%s', async (key, row) => {
    const retryAfter = row.status === 429 || row.status === 503 ? '5' : undefined;
    const outcome = classifyHttpStatus(row.status, retryAfter, Date.now()).outcome;
    expect(outcome).toBe(kioskReaction[row.kiosk as keyof typeof kioskReaction]);
    const scenario = scenarios[key];
    if (!scenario) return;
    const answer = await scenario();
    expect(answer.status).toBe(row.status);
    if (row.error) {
      expect(answer.json.error).toBe(row.error);
      // Every refusal says in words what went wrong, for the sender's log (contract: `{ error, message }`).
      expect(answer.json.message, `the message of ${row.error}`).toMatch(/^\S+( \S+)+$/);
    }
    if (row.status === 429) expect(answer.json.message).toContain(`try again in ${String(answer.headers?.['retry-after'])} seconds`);
    if (row.kiosk === 'retry' && row.status !== 500) expect(Number(answer.headers?.['retry-after'])).toBeGreaterThan(0);
  });
});

/**
 * docs/configuration.md cannot go stale on timings: every time, interval,
 * delay or rate in the device config schema has a row there naming its full
 * path and its range exactly as the schema enforces it.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { deviceConfigSchema } from '../../../shared/config.js';
import { repoRoot } from '../support/temp-config.js';

type JsonSchema = {
  type?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
};

/** A field is a timing when its name says it counts time, or things per time. */
const timingName = /(Seconds|Ms|Minutes|Hours|PerMinute|PerMinutePerKiosk)$|^days$|^hours/;

export type TimingField = { path: string; min: number; max: number };

function timingFields(schema: JsonSchema, prefix: string, name: string, found: Map<string, TimingField>): void {
  for (const branch of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])])
    timingFields(branch, prefix, name, found);
  if (schema.properties)
    for (const [key, child] of Object.entries(schema.properties)) timingFields(child, prefix ? `${prefix}.${key}` : key, key, found);
  if (schema.items) timingFields(schema.items, `${prefix}[]`, name, found);
  if ((schema.type === 'number' || schema.type === 'integer') && timingName.test(name)) {
    if (schema.minimum === undefined || schema.maximum === undefined) throw new Error(`${prefix} has no range in the schema`);
    found.set(prefix, { path: prefix, min: schema.minimum, max: schema.maximum });
  }
}

describe('docs/configuration.md lists every timing field with its range', async () => {
  const found = new Map<string, TimingField>();
  timingFields(z.toJSONSchema(deviceConfigSchema, { io: 'input', unrepresentable: 'any' }) as JsonSchema, '', '', found);
  const fields = [...found.values()];
  const doc = await readFile(path.join(repoRoot, 'docs', 'configuration.md'), 'utf8');
  const rows = doc.split('\n').filter((line) => line.startsWith('| `'));

  it('finds the timings the schema has (the walk itself works)', () => {
    expect(fields.map((f) => f.path)).toEqual(
      expect.arrayContaining([
        'delivery.retry.initialDelayMs',
        'delivery.channels[].heartbeatSeconds',
        'kiosks.offlineAfterSeconds',
        'retention.days',
      ]),
    );
  });

  it.each(fields.map((field) => [field.path, field] as const))('%s', (fieldPath, field) => {
    const row = rows.find((line) => line.split('|')[1]?.includes(`\`${fieldPath}\``));
    expect(row, `no row for \`${fieldPath}\` in docs/configuration.md`).toBeDefined();
    expect(row, `the row for ${fieldPath} must give its range as ${field.min}–${field.max}`).toContain(`${field.min}–${field.max}`);
  });
});

import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { describeIssues } from '../../../shared/dispatch.js';

export type FileProblem = { file: string; message: string };
export type ReadResult<T> = { ok: true; value: T } | { ok: false; problems: FileProblem[] };

/**
 * Reads a JSON file and validates it. Every failure (missing, unreadable,
 * not JSON, wrong shape) becomes a problem that names the file and, for a
 * wrong shape, each bad field.
 */
export async function readJsonFile<S extends z.ZodType>(file: string, schema: S): Promise<ReadResult<z.output<S>>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'file not found' : `cannot read the file (${code ?? 'unknown error'})`;
    return { ok: false, problems: [{ file, message: why }] };
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, problems: [{ file, message: `not valid JSON: ${(error as Error).message}` }] };
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    return { ok: false, problems: describeIssues(parsed.error.issues).map((issue) => ({ file, message: issue.message })) };
  }
  return { ok: true, value: parsed.data };
}

/**
 * Maps a position in a built script back to its source module through the
 * script's source map (the build writes one next to every chunk). A small
 * decoder of the maps' "mappings" field, so the profiling tool needs no
 * dependency of its own.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

type Segment = [generatedColumn: number, source: number, line: number];
type LoadedMap = { sources: string[]; lines: Segment[][] };

const base64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes one segment's base64 VLQ numbers. */
function vlq(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = base64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

function decode(mappings: string): Segment[][] {
  let source = 0;
  let line = 0;
  return mappings.split(';').map((generatedLine) => {
    let column = 0;
    const segments: Segment[] = [];
    for (const part of generatedLine.split(',')) {
      if (part === '') continue;
      const [dc = 0, ds, dl] = vlq(part);
      column += dc;
      if (ds === undefined || dl === undefined) continue;
      source += ds;
      line += dl;
      segments.push([column, source, line]);
    }
    return segments;
  });
}

const maps = new Map<string, LoadedMap | null>();

function mapOf(file: string): LoadedMap | null {
  if (!maps.has(file)) {
    const mapFile = `${file}.map`;
    if (!existsSync(mapFile)) maps.set(file, null);
    else {
      const raw = JSON.parse(readFileSync(mapFile, 'utf8')) as { sources: string[]; mappings: string };
      maps.set(file, { sources: raw.sources, lines: decode(raw.mappings) });
    }
  }
  return maps.get(file) ?? null;
}

/**
 * The source module and line (1-based) of a built script's position
 * (0-based line and column, as the Profiler gives them), or undefined when
 * the script is not a built file under `dir` or has no map.
 */
export function originalPlace(dir: string, scriptUrl: string, line: number, column: number): { source: string; line: number } | undefined {
  const name = new URL(scriptUrl).pathname.split('/').pop();
  if (!name) return undefined;
  const map = mapOf(path.join(dir, 'assets', name));
  const segments = map?.lines[line];
  if (!map || !segments?.length) return undefined;
  let found: Segment | undefined;
  for (const segment of segments) {
    if (segment[0] > column) break;
    found = segment;
  }
  found ??= segments[0];
  if (!found) return undefined;
  const source = (map.sources[found[1]] ?? '?').replace(/^(\.\.\/)+/, '').replace(/^.*node_modules\//, 'node_modules/');
  return { source, line: found[2] + 1 };
}

/**
 * A browser host of a test's own, on a free loopback port, reading config
 * files from a temporary folder that the test may rewrite while it runs.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startHostFromCli } from '../../../electron/browser-host/host-cli.js';
import { hashPin } from '../../../electron/core/admin/pin-hash.js';
import type { BrowserHost } from '../../../electron/browser-host/server.js';
import type { Core } from '../../../electron/core/create-core.js';
import { createLogger, memorySink, type LogEntry } from '../../../electron/core/logger.js';
import { repoRoot } from './paths.js';

export type ConfigFileName = 'kiosk' | 'desk' | 'profile';

/** A file's content: an object is written as JSON, a string as is (to write broken JSON). */
export type FileContent = object | string;

export type TestHostOptions = Partial<Record<ConfigFileName, FileContent>> & {
  /** A data folder of the test's own, kept after close: a host started on it again has the same identity and pairings. */
  dataDir?: string;
  /** false: the host does not pair its kiosk with its desk (the test pairs what it needs). */
  demoPairing?: boolean;
  /**
   * false: the kiosk has no admin PIN, as one fresh out of the box (it shows "not set up yet" until one is
   * chosen). Otherwise a kiosk config without `admin` gets the hash of testAdminPin, as a set-up kiosk has.
   */
  kioskPin?: boolean;
};

/** The PIN the end-to-end hosts' kiosks are set up with (and the one tests choose on first use). */
export const testAdminPin = '48291375';

let testPinHash: Promise<string> | undefined;

/** A kiosk config as a department sets it up: with `admin.pinHash` (of testAdminPin) unless it has its own `admin`. */
export async function withTestPin(content: FileContent): Promise<FileContent> {
  if (typeof content === 'string' || 'admin' in content || (content as { role?: unknown }).role !== 'kiosk') return content;
  // A cheap scrypt cost: these hosts are about what the screens do, not the hash's cost.
  testPinHash ??= hashPin(testAdminPin, { N: 1024, r: 8, p: 1 });
  return { ...content, admin: { pinHash: await testPinHash } };
}

export type TestHost = {
  host: BrowserHost;
  /** The host's cores (kiosk, then desk), in this process: benchmarks time what they do. */
  cores: Core[];
  /** Every log entry the host wrote, as the service manager would collect them. */
  logs: LogEntry[];
  /** The files the host reads, for those given in the options. */
  files: Partial<Record<ConfigFileName, string>>;
  /** Replaces a config file on disk, as an administrator fixing it would. */
  rewrite(name: ConfigFileName, content: FileContent): Promise<void>;
  close(): Promise<void>;
};

const shippedFiles: Record<ConfigFileName, string> = {
  kiosk: path.join(repoRoot, 'resources', 'config', 'kiosk.json'),
  desk: path.join(repoRoot, 'resources', 'config', 'desk.json'),
  profile: path.join(repoRoot, 'resources', 'profiles', 'safe-passage-lees-summit.json'),
};

/** A shipped config file as an object, to copy and change in a test. */
export function shippedConfig(name: ConfigFileName): Record<string, unknown> {
  return JSON.parse(readFileSync(shippedFiles[name], 'utf8')) as Record<string, unknown>;
}

/** A loopback port nothing listens on right now, for a desk receiver of a test's own. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * The shipped kiosk and desk configs, the desk on a receiver port of this
 * host's own, so hosts running side by side never share the shipped 4790.
 * The host pairs them by itself on start, through the real ceremony.
 */
export function pairedConfigs(receiverPort: number): { kiosk: Record<string, unknown>; desk: Record<string, unknown> } {
  const desk = shippedConfig('desk') as { receiver: { port: number } } & Record<string, unknown>;
  desk.receiver.port = receiverPort;
  return { kiosk: shippedConfig('kiosk'), desk };
}

/** Flags that keep a test host's data in its own folder, sealed with a test key. */
export function dataFlags(dir: string): { argv: string[]; env: Record<string, string> } {
  return { argv: [`--data-dir=${path.join(dir, 'data')}`], env: { LOBBY_DATA_KEY: Buffer.alloc(32, 9).toString('base64') } };
}

const flags: Record<ConfigFileName, string> = { kiosk: '--kiosk-config', desk: '--desk-config', profile: '--profile' };

function serialize(content: FileContent): string {
  return typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`;
}

export async function startTestHost(options: TestHostOptions = {}): Promise<TestHost> {
  const dir = await mkdtemp(path.join(tmpdir(), 'lobby-e2e-'));
  const files: Partial<Record<ConfigFileName, string>> = {};
  const data = dataFlags(options.dataDir ?? dir);
  const argv = ['--port=0', ...data.argv, ...(options.demoPairing === false ? ['--no-demo-pairing'] : [])];
  const paired = pairedConfigs(await freePort());
  const contents: Partial<Record<ConfigFileName, FileContent>> = { kiosk: paired.kiosk, desk: paired.desk, ...options };
  for (const name of Object.keys(flags) as ConfigFileName[]) {
    const given = contents[name];
    if (given === undefined) continue;
    const content = name === 'kiosk' && options.kioskPin !== false ? await withTestPin(given) : given;
    const file = path.join(dir, `${name}.json`);
    await writeFile(file, serialize(content));
    files[name] = file;
    argv.push(`${flags[name]}=${file}`);
  }
  const sink = memorySink();
  try {
    const { host, cores } = await startHostFromCli({ argv, env: data.env, appRoot: repoRoot, logger: createLogger('host', sink) });
    let closed = false;
    return {
      host,
      cores,
      logs: sink.entries,
      files,
      rewrite: async (name, content) => {
        const file = files[name];
        if (!file) throw new Error(`this host reads the shipped ${name} file; pass ${name} to startTestHost to rewrite it`);
        await writeFile(file, serialize(name === 'kiosk' && options.kioskPin !== false ? await withTestPin(content) : content));
      },
      close: async () => {
        // A test may close a host early (a desk going down); the fixture closes it again at the end.
        if (closed) return;
        closed = true;
        await Promise.all(cores.map((core) => core.close()));
        await host.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

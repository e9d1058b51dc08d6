import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { createCore, type Core } from '../core/create-core.js';
import { parseFlags } from '../core/command-line.js';
import { configEnv, defaultFiles } from '../core/config/config-paths.js';
import { createLogger, stderrSink, type Logger } from '../core/logger.js';
import { nodePlatform, parseDataKey } from '../core/node-platform.js';
import { pairLocally } from '../core/pairing/pair-locally.js';
import { startBrowserHost, type BrowserHost } from './server.js';

/** Environment variables and flags of the browser host, as documented in the README. */
export const hostEnv = {
  port: 'LOBBY_HOST_PORT',
  kioskConfig: 'LOBBY_KIOSK_CONFIG',
  deskConfig: 'LOBBY_DESK_CONFIG',
  dataDir: 'LOBBY_DATA_DIR',
  /** 32 bytes, base64: encrypts personal fields at rest in the browser host. */
  dataKey: 'LOBBY_DATA_KEY',
} as const;
export const defaultHostPort = 4780;

/** The browser host's flags (README, docs/configuration.md); anything else is refused with this list. */
export const hostFlags = {
  config: { type: 'string' },
  'kiosk-config': { type: 'string' },
  'desk-config': { type: 'string' },
  profile: { type: 'string' },
  port: { type: 'string' },
  'data-dir': { type: 'string' },
  'data-key-file': { type: 'string' },
  'no-demo-pairing': { type: 'boolean' },
} as const;

type HostFlags = ReturnType<typeof parseHostFlags>;

/** Reads the browser host's flags; throws a CommandLineError naming the flags for anything unknown. */
export function parseHostFlags(argv: readonly string[]) {
  return parseFlags('the browser host', argv, hostFlags).values;
}

export type HostCliOptions = {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  /** The project folder holding resources/ and dist/renderer/. */
  appRoot: string;
  logger?: Logger;
};

/** Reads the role a device config file claims, so `--config desk.json` lands in the desk slot. */
function claimedRole(file: string): string | undefined {
  try {
    const role = (JSON.parse(readFileSync(file, 'utf8')) as { role?: unknown }).role;
    return typeof role === 'string' ? role : undefined;
  } catch {
    return undefined;
  }
}

export function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return defaultHostPort;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`${hostEnv.port} / --port must be a whole number from 0 to 65535 (got "${raw}")`);
  }
  return port;
}

/**
 * The key that encrypts personal fields at rest: LOBBY_DATA_KEY, or
 * --data-key-file, or (for a demo on one machine) a key made once and kept in
 * the data folder, which the log says plainly is for demos only.
 */
function dataKey(flags: HostFlags, env: HostCliOptions['env'], dataDir: string, logger: Logger): Buffer {
  const fromEnv = env[hostEnv.dataKey];
  if (fromEnv) return parseDataKey(fromEnv, hostEnv.dataKey);
  const keyFile = flags['data-key-file'];
  if (keyFile) return parseDataKey(readFileSync(keyFile, 'utf8'), keyFile);
  const demoKey = path.join(dataDir, 'demo-data.key');
  if (!existsSync(demoKey)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(demoKey, randomBytes(32).toString('base64'), { mode: 0o600 });
    chmodSync(demoKey, 0o600);
  }
  logger.warn(`no ${hostEnv.dataKey} given: using a demo key kept beside the data (fine for a demo, not for a department)`, {
    file: demoKey,
  });
  return parseDataKey(readFileSync(demoKey, 'utf8'), demoKey);
}

/**
 * Starts the browser host as a department would for a demo: a kiosk core and a
 * desk core (two machines' worth of configuration) behind one loopback port.
 */
export async function startHostFromCli(options: HostCliOptions): Promise<{ host: BrowserHost; cores: Core[] }> {
  const { env, appRoot } = options;
  const flags = parseHostFlags(options.argv);
  const logger = options.logger ?? createLogger('host', stderrSink);
  const resourcesDir = path.join(appRoot, 'resources');
  const rendererDir = path.join(appRoot, 'dist', 'renderer');
  if (!existsSync(path.join(rendererDir, 'index.html'))) {
    throw new Error(`The renderer is not built (${rendererDir} has no index.html). Run "npm run build" first.`);
  }

  const resolve = (file: string | undefined, fallback: string) => (file ? path.resolve(file) : path.join(resourcesDir, fallback));
  const named = flags.config ?? env[configEnv.deviceConfig];
  const namedRole = named ? claimedRole(named) : undefined;
  const kioskFile = flags['kiosk-config'] ?? env[hostEnv.kioskConfig] ?? (namedRole !== 'desk' ? named : undefined);
  const deskFile = flags['desk-config'] ?? env[hostEnv.deskConfig] ?? (namedRole === 'desk' ? named : undefined);
  const profile = resolve(flags.profile ?? env[configEnv.agencyProfile], defaultFiles.agencyProfile);
  const localesDir = path.join(resourcesDir, 'locales');
  const dataDir = path.resolve(flags['data-dir'] ?? env[hostEnv.dataDir] ?? path.join(appRoot, '.lobby-data'));
  const key = dataKey(flags, env, dataDir, logger);
  const platformFor = (role: string) => ({
    dataDir: path.join(dataDir, role),
    platform: nodePlatform({ dataDir: path.join(dataDir, role), key, logger: logger.child(role) }),
  });

  // The desk first: in a demo the kiosk pages it at once.
  const desk = await createCore({
    paths: { deviceConfig: resolve(deskFile, defaultFiles.deskConfig), agencyProfile: profile, localesDir },
    logger: logger.child('desk'),
    ...platformFor('desk'),
  });
  const kiosk = await createCore({
    paths: { deviceConfig: resolve(kioskFile, defaultFiles.kioskConfig), agencyProfile: profile, localesDir },
    logger: logger.child('kiosk'),
    ...platformFor('kiosk'),
  });
  const cores = { kiosk, desk };
  if (!flags['no-demo-pairing']) await pairDemoDevices(cores, logger.child('demo'));
  const port = parsePort(flags.port ?? env[hostEnv.port]);
  const host = await startBrowserHost({ port, rendererDir, cores, logger });
  return { host, cores: Object.values(cores) };
}

/**
 * The demo's kiosk and desk pair by themselves the first time, through the
 * real ceremony (code, TLS, comparison confirmed on both sides), and say so.
 * Later starts find the pairing on disk. A broken config is left alone.
 */
async function pairDemoDevices(cores: { kiosk: Core; desk: Core }, logger: Logger): Promise<void> {
  const kioskBoot = cores.kiosk.bootstrap();
  const deskBoot = cores.desk.bootstrap();
  if (kioskBoot.state !== 'ready' || deskBoot.state !== 'ready' || kioskBoot.role !== 'kiosk' || deskBoot.role !== 'desk') return;
  try {
    const overview = await cores.kiosk.pairing['admin.pairing.overview']({});
    const deskId = (await cores.desk.pairing['admin.pairing.overview']({})).deviceId;
    if (overview.peers.some((peer) => peer.role === 'desk' && peer.id === deskId)) return;
    await pairLocally(cores.desk.pairing, cores.kiosk.pairing);
    logger.info(
      'demo: the kiosk paired with the desk by itself through the pairing ceremony (code, TLS, comparison code confirmed on both sides)',
      { kioskId: overview.deviceId, deskId },
    );
  } catch (error) {
    logger.error('demo: the kiosk could not pair with the desk', { error: error as Error, reason: (error as Error).message.slice(0, 120) });
  }
}

/** Said every time the browser host starts, whoever started it (`npm run demo`, or `npm start` falling back). */
export const notForLobbyNotice =
  'This browser host is for trying the app. Do not run it in a lobby: a public screen needs the installed app (docs/install.md).';

/** The lines a person reads in the terminal. The URLs carry this run's key: they are printed here and nowhere else. */
export function describeHost(host: BrowserHost): string {
  return [
    'Lobby kiosk browser host is running (listening on 127.0.0.1 only; nothing outside this computer can reach it).',
    notForLobbyNotice,
    `  Kiosk (public screen): ${host.urls.kiosk}`,
    `  Desk (officer console): ${host.urls.desk}`,
    "Open these in Chromium or Chrome (each address holds this run's key; another program without it is refused). Press Ctrl+C to stop.",
  ].join('\n');
}

/** Closes the cores and the host on Ctrl+C or a service stop, then exits 0. */
export function stopOnSignals(host: BrowserHost, cores: readonly Core[]): void {
  const stop = () => {
    void Promise.all([...cores.map((core) => core.close()), host.close()]).then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

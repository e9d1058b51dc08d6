import type { AdminOverview, ConfigProblemView } from '../../../shared/admin.js';
import packageJson from '../../../package.json' with { type: 'json' };
import type { LoadedConfig } from '../config/load-config.js';
import type { FileProblem } from '../config/read-json-file.js';
import type { RoleAdmin } from '../service-context.js';

export const appVersion: string = packageJson.version;

/** Splits "delivery.channels.0.url: use an http:// address" into its field and message. */
export function toProblemView(problem: FileProblem): ConfigProblemView {
  const match = /^([\w.[\]-]+|\(input\)): (.*)$/s.exec(problem.message);
  return match
    ? { file: problem.file, field: match[1] as string, message: match[2] as string }
    : { file: problem.file, field: '(file)', message: problem.message };
}

/** What the admin screen shows about this machine. */
export function buildOverview(config: LoadedConfig, role: RoleAdmin | undefined, outOfService: boolean): AdminOverview {
  const device = config.device;
  const overview: AdminOverview = {
    version: appVersion,
    role: device?.role ?? 'unknown',
    configProblems: config.ok ? [] : config.problems.map(toProblemView),
    outOfService,
    channels: role?.channels() ?? [],
  };
  if (device?.role === 'kiosk') {
    overview.deviceId = device.kiosk.id;
    overview.placeName = device.kiosk.location;
  } else if (device?.role === 'desk') {
    overview.deviceId = device.desk.id;
    overview.placeName = device.desk.name;
  }
  const depth = role?.outboxDepth?.();
  if (depth !== undefined) overview.outboxDepth = depth;
  const receiver = role?.receiver?.();
  if (receiver) overview.receiver = receiver;
  return overview;
}

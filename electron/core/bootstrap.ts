import type { Bootstrap } from '../../shared/bootstrap.js';
import type { LoadedConfig } from './config/load-config.js';

/** What the renderer is told about this machine, derived from the loaded configuration. */
export function toBootstrap(config: LoadedConfig): Bootstrap {
  if (!config.ok) {
    return {
      state: 'out-of-service',
      role: config.device?.role ?? 'unknown',
      ...(config.profile ? { phones: config.profile.phones } : {}),
      languages: config.languages,
      defaultLanguage: config.profile?.languages.default ?? config.languages[0]?.code ?? 'en',
    };
  }
  const { device, profile, languages } = config;
  const common = { state: 'ready' as const, profile, languages };
  if (device.role === 'kiosk') {
    return { ...common, role: 'kiosk', deviceId: device.kiosk.id, placeName: device.kiosk.location, idle: device.idle };
  }
  return {
    ...common,
    role: 'desk',
    deviceId: device.desk.id,
    placeName: device.desk.name,
    idle: { warnAfterSeconds: 0, countdownSeconds: 0, answeredStaySeconds: 0 },
  };
}

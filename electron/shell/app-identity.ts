import type { App } from 'electron';

/** electron-builder.yml's productName: the installed app's name. */
export const appName = 'Lobby Kiosk';
/** electron-builder.yml's appId: on Windows the installer's shortcut carries it, and notifications need the two to match. */
export const appId = 'org.lobbykiosk.app';

/**
 * Gives the app one name however it is started. The user-data folder is
 * `<appData>/<name>`, and without this a checkout (`npm start`) is named
 * after package.json's "name" (lobby-kiosk) while the installed app uses
 * productName (Lobby Kiosk): two folders, two configs, two outboxes.
 * Call first, before ready and before the single-instance lock (it lives in
 * the user-data folder). `--user-data-dir` still wins, as the tests use it.
 */
export function setupAppIdentity(app: Pick<App, 'setName' | 'setAppUserModelId'>, platform: NodeJS.Platform = process.platform): void {
  app.setName(appName);
  // Windows shows a desktop app's notifications only under an app user model id that a Start menu shortcut has.
  if (platform === 'win32') app.setAppUserModelId(appId);
}

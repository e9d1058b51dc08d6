import type { App } from 'electron';

/**
 * Lets Chromium reach the speech-dispatcher service on Linux. Without the
 * switch `speechSynthesis.getVoices()` stays empty there and the kiosk hides
 * its read-aloud button. Must be appended before ready: Chromium reads its
 * switches as it starts. The voices themselves come from the OS (docs/install.md).
 */
export function enableReadAloud(app: Pick<App, 'commandLine'>, platform: NodeJS.Platform = process.platform): void {
  if (platform === 'linux') app.commandLine.appendSwitch('enable-speech-dispatcher');
}

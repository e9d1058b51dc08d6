import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PermissionRequest, Session, WebContents } from 'electron';
import { hardenSession, isOwnReportDownload } from '../../../electron/shell/session-guard.js';
import { app, FakeSession, resetFakeElectron, session } from './fake-electron.js';
import { testLogger } from './test-logger.js';

vi.mock('electron', () => import('./fake-electron.js'));

let ses: FakeSession;
let log: ReturnType<typeof testLogger>;
const contents = {} as WebContents;

beforeEach(() => {
  resetFakeElectron();
  app.becomeReady();
  ses = session.defaultSession;
  log = testLogger();
  hardenSession(ses as unknown as Session, log.logger);
});

const request = (url: string): PermissionRequest => ({ requestingUrl: url, isMainFrame: true });

describe('the session grants nothing', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'fullscreen', 'openExternal'] as const)(
    'denies a %s permission request and logs which permission it was',
    (permission) => {
      const answers: boolean[] = [];
      ses.handlers.permissionRequest!(contents, permission, (granted) => answers.push(granted), request('app://bundle/index.html'));
      expect(answers).toEqual([false]);
      expect(log.entries).toContainEqual(
        expect.objectContaining({ level: 'warn', message: 'denied a permission request', fields: { permission, origin: 'app://bundle' } }),
      );
    },
  );

  it('answers every permission check with no, logging each kind once', () => {
    const check = ses.handlers.permissionCheck!;
    const details = {
      isMainFrame: true,
      requestingUrl: 'app://bundle/index.html',
      embeddingOrigin: 'app://bundle',
      securityOrigin: 'app://bundle',
    };
    expect(check(contents, 'media', 'app://bundle', details)).toBe(false);
    expect(check(contents, 'media', 'app://bundle', details)).toBe(false);
    expect(check(contents, 'hid', 'app://bundle', details)).toBe(false);
    const checks = log.entries.filter((e) => e.message === 'denied a permission check');
    expect(checks.map((e) => e.fields?.permission)).toEqual(['media', 'hid']);
  });

  it('denies USB, serial and HID devices', () => {
    const device = ses.handlers.devicePermission!;
    for (const deviceType of ['usb', 'serial', 'hid'] as const) {
      expect(device({ deviceType, origin: 'app://bundle', device: {} as never })).toBe(false);
    }
  });

  it('refuses screen capture', () => {
    const answers: unknown[] = [];
    ses.handlers.displayMedia!(
      {
        securityOrigin: 'app://bundle',
        videoRequested: true,
        audioRequested: false,
        userGesture: true,
        frame: null,
        useSystemPicker: false,
      } as never,
      (streams) => answers.push(streams),
    );
    expect(answers).toEqual([null]);
  });

  it('cancels every download and logs where it came from, not the path', () => {
    const { event, item } = ses.download('https://evil.example/files/payload.exe?name=Alex');
    expect(event.defaultPrevented).toBe(true);
    expect(item.cancelled).toBe(true);
    expect(log.entries).toContainEqual(
      expect.objectContaining({ message: 'blocked a download', fields: { kind: 'download', url: 'https://evil.example' } }),
    );
  });

  it("lets through only the desk's own CSV report, and only when allowed", () => {
    const guarded = new FakeSession();
    const log2 = testLogger();
    hardenSession(guarded as unknown as Session, log2.logger, {
      mayDownload: (item) => isOwnReportDownload(item, 'app://bundle/index.html'),
    });
    const report = guarded.download('blob:app://bundle/2f1c0e5a-1b7e-4d7e-9a51-0c7f2c2a9c11', 'safe-passage-report-week.csv');
    expect(report.event.defaultPrevented).toBe(false);
    expect(report.item.cancelled).toBe(false);
    for (const [url, name] of [
      ['blob:https://evil.example/2f1c', 'report.csv'],
      ['https://evil.example/report.csv', 'report.csv'],
      ['blob:app://bundle/2f1c', 'payload.exe'],
    ] as const) {
      const other = guarded.download(url, name);
      expect(other.item.cancelled).toBe(true);
    }
  });

  it('cancels a download whose blob: URL is malformed, and one whose check throws (fails closed)', () => {
    const guarded = new FakeSession();
    const log2 = testLogger();
    hardenSession(guarded as unknown as Session, log2.logger, {
      mayDownload: (item) => isOwnReportDownload(item, 'app://bundle/index.html'),
    });
    for (const url of ['blob:', 'blob:not a url', 'blob:://']) {
      const malformed = guarded.download(url, 'report.csv');
      expect(malformed.item.cancelled, url).toBe(true);
      expect(malformed.event.defaultPrevented, url).toBe(true);
    }
    const throwing = new FakeSession();
    hardenSession(throwing as unknown as Session, log2.logger, {
      mayDownload: () => {
        throw new TypeError('boom');
      },
    });
    expect(throwing.download('blob:app://bundle/2f1c', 'report.csv').item.cancelled).toBe(true);
  });
});

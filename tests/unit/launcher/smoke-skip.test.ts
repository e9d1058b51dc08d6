import { describe, expect, it } from 'vitest';
import { noDisplayReason, smokeSkipReason } from '../../electron/electron-binary.js';

const withBinary = { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' };

describe('when the Electron smoke tests skip, they say why in one line', () => {
  it('skips on Linux without a display', () => {
    expect(smokeSkipReason(withBinary, 'linux')).toBe(noDisplayReason);
  });

  it('runs on X11 or Wayland, and on Windows whatever the variables say', () => {
    expect(smokeSkipReason({ ...withBinary, DISPLAY: ':0' }, 'linux')).toBeNull();
    expect(smokeSkipReason({ ...withBinary, WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toBeNull();
    expect(smokeSkipReason(withBinary, 'win32')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { parseHostFlags } from '../../../electron/browser-host/host-cli.js';
import { CommandLineError, remoteDebuggingSwitch } from '../../../electron/core/command-line.js';
import { splitLauncherArgs } from '../../../electron/launcher/launcher-args.js';

describe('command-line flags', () => {
  it('the browser host reads --x=1 and --x 1 alike', () => {
    expect(parseHostFlags(['--port=5000', '--data-dir', '/tmp/d', '--no-demo-pairing'])).toMatchObject({
      port: '5000',
      'data-dir': '/tmp/d',
      'no-demo-pairing': true,
    });
  });

  it('the browser host refuses an unknown flag with an error that names it and lists the flags it knows', () => {
    let error: unknown;
    try {
      parseHostFlags(['--prot=5000']);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CommandLineError);
    expect((error as Error).message).toContain("Unknown option '--prot'");
    expect((error as Error).message).toContain('--port=VALUE');
  });

  it('the browser host refuses a flag that needs a value but has none', () => {
    expect(() => parseHostFlags(['--port'])).toThrow(/--port/);
  });

  it('npm start hands Electron only the app flags and the browser host all of them', () => {
    const args = ['--config', 'desk.json', '--port=0', '--profile=p.json'];
    expect(splitLauncherArgs(args)).toEqual({ electron: ['--config', 'desk.json', '--profile', 'p.json'], host: args });
  });

  it('npm start refuses an unknown flag before starting anything', () => {
    expect(() => splitLauncherArgs(['--kiosk'])).toThrow(CommandLineError);
  });

  it.each([
    [['--remote-debugging-port=9222'], 'remote-debugging-port'],
    [['.', '--remote-debugging-port', '9222'], 'remote-debugging-port'],
    [['--remote-debugging-pipe'], 'remote-debugging-pipe'],
    [['-remote-debugging-pipe=x'], 'remote-debugging-pipe'],
    [['/REMOTE-DEBUGGING-PORT=1'], 'remote-debugging-port'],
    [['--remote-debugging-address=0.0.0.0', '.'], undefined],
  ])('finds the remote-debugging switch in %j', (argv, expected) => {
    expect(remoteDebuggingSwitch(argv)).toBe(expected);
  });
});

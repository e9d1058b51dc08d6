import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App, startLoading, type Loaded } from '../../../renderer/src/app';
import { mountWhenLoaded } from '../../../renderer/src/mount-app';
import { reportError } from '../../../renderer/src/api/report-error';
import { ScreenErrorBoundary } from '../../../renderer/src/common/screen-error-boundary';
import type { LobbyApi } from '../../../shared/contract';
import { createCore, type Core } from '../../../electron/core/create-core';
import { createLogger, memorySink } from '../../../electron/core/logger';
import { inProcessApi } from '../support/in-process-api';
import { countedListeners } from './support/counted-listeners';
import { resourcesDir, tempConfig } from '../support/temp-config';
import { testPinHash } from '../support/test-pin';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const cores: Array<{ core: Core; remove: () => Promise<void> }> = [];
afterEach(async () => {
  cleanup();
  for (const { core, remove } of cores.splice(0)) {
    await core.close();
    await remove();
  }
});

async function appWithCore(change?: (config: Awaited<ReturnType<typeof tempConfig>>) => Promise<void>, deviceFile?: string) {
  const config = await tempConfig(deviceFile);
  await change?.(config);
  const sink = memorySink();
  const core = await createCore({ paths: config.paths, ...config.storage, logger: createLogger('t', sink), watchIntervalMs: false });
  cores.push({ core, remove: config.remove });
  render(<App api={inProcessApi(core)} />);
  return { core, config, sink };
}

function Thrower(): never {
  throw new TypeError('Maria, 555-0100');
}

describe('the renderer, driven by a real core', () => {
  it('a kiosk shows the welcome screen with the agency and program from the profile', async () => {
    await appWithCore();
    // The file's first screen pays for transforming the kiosk's chunk, seconds on a loaded machine: more than findBy's 1 s.
    expect(await screen.findByRole('heading', { level: 1, name: 'Need help with drugs or alcohol?' }, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByText("Lee's Summit Police Department")).toBeTruthy();
    expect(screen.getByText('You can also ask at the front window. Just say: “I want Safe Passage.”')).toBeTruthy();
  });

  it('choosing Arabic translates the screen and mirrors the whole page', async () => {
    await appWithCore();
    await userEvent.click(await screen.findByRole('button', { name: 'العربية' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'هل تحتاج إلى مساعدة بسبب المخدرات أو الكحول؟' })).toBeTruthy();
    expect(document.documentElement.dir).toBe('rtl');
    expect(document.documentElement.lang).toBe('ar');
    await userEvent.click(screen.getByRole('button', { name: 'English' }));
    await waitFor(() => expect(document.documentElement.dir).toBe('ltr'));
  });

  it('a profile override replaces a string in one language only', async () => {
    await appWithCore((config) =>
      config.edit(config.paths.agencyProfile, (json) => ({
        ...json,
        textOverrides: { en: { 'kiosk:welcome.title': 'Want help with substance use?' } },
      })),
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Want help with substance use?' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Español' }));
    expect(await screen.findByRole('heading', { level: 1, name: '¿Necesita ayuda con las drogas o el alcohol?' })).toBeTruthy();
  });

  it('a desk shows the desk console with its place name', async () => {
    await appWithCore(undefined, 'config/desk.json');
    // The first desk screen pays for transforming the desk's chunk, as the kiosk's test above does for the kiosk's.
    expect(await screen.findByRole('heading', { level: 1, name: 'Desk console' }, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByText('Front desk (D1)')).toBeTruthy();
  });

  it('a broken config shows a calm out-of-service screen with no technical detail', async () => {
    const { config } = await appWithCore((c) => c.edit(c.paths.deviceConfig, (json) => ({ ...json, kiosk: { id: 'bad id' } })));
    expect(await screen.findByRole('heading', { level: 1, name: 'This screen is not working right now' })).toBeTruthy();
    expect(screen.getByText('You can also call (816) 969-7390.')).toBeTruthy();
    const text = document.body.textContent ?? '';
    expect(text).not.toContain('kiosk.id');
    expect(text).not.toContain(config.dir);
  });

  it('without a valid profile it still points to the window and 911, and offers no number it does not know', async () => {
    await appWithCore((c) => c.write(c.paths.agencyProfile, 'not json'));
    expect(await screen.findByText('If someone is in danger, call 911 now.')).toBeTruthy();
    expect(screen.queryByText(/You can also call/)).toBeNull();
  });

  it('the out-of-service screen gives way to the welcome screen when the config is fixed', async () => {
    const { core, config } = await appWithCore((c) => c.write(c.paths.deviceConfig, '{}'));
    await screen.findByRole('heading', { level: 1, name: 'This screen is not working right now' });
    const shipped = JSON.parse(await readFile(path.join(resourcesDir, 'config', 'kiosk.json'), 'utf8')) as object;
    await config.write(
      config.paths.deviceConfig,
      JSON.stringify({ ...shipped, kiosk: { id: 'K2', location: 'Lobby' }, admin: { pinHash: await testPinHash() } }),
    );
    await act(() => core.reload());
    expect(await screen.findByRole('heading', { level: 1, name: 'Need help with drugs or alcohol?' })).toBeTruthy();
  });

  it('when main cannot be reached, the screen says so and sends people to the window', async () => {
    const unreachable = new Proxy({} as LobbyApi, {
      get: (_t, prop) => (prop === 'on' ? () => () => {} : () => Promise.reject(new Error('no main'))),
    });
    render(<App api={unreachable} />);
    expect(await screen.findByText('This screen lost its connection. Please go to the front window.')).toBeTruthy();
  });

  it("an uncaught error in the page reaches main's log as its class only, never its message", async () => {
    const { sink } = await appWithCore();
    await screen.findByRole('heading', { level: 1, name: 'Need help with drugs or alcohol?' });
    window.dispatchEvent(new ErrorEvent('error', { error: new RangeError('Maria, 555-0100') }));
    await waitFor(() => expect(sink.entries.some((e) => e.area === 't.renderer')).toBe(true));
    expect(sink.entries.find((e) => e.area === 't.renderer')?.fields).toEqual({ where: 'window', kind: 'RangeError' });
    expect(JSON.stringify(sink.entries)).not.toMatch(/Maria|555-0100/);
  });
});

/** A core on a temp config (optionally changed first), and the page's API to it, closed after each test. */
async function coreApi(change?: (config: Awaited<ReturnType<typeof tempConfig>>) => Promise<void>) {
  const config = await tempConfig();
  await change?.(config);
  const core = await createCore({
    paths: config.paths,
    ...config.storage,
    logger: createLogger('t', memorySink()),
    watchIntervalMs: false,
  });
  cores.push({ core, remove: config.remove });
  return { core, config, api: inProcessApi(core) };
}

describe('the app mounted with its first load already done, as main.tsx mounts it', () => {
  it('draws the first screen in its first render, with no empty placeholder committed before it', async () => {
    const { api } = await coreApi();
    const initial = await startLoading(api);
    render(<App api={api} initial={initial} />);
    // Nothing awaited: the very first commit holds the welcome screen.
    expect(screen.getByRole('heading', { level: 1, name: 'Need help with drugs or alcohol?' })).toBeTruthy();
    expect(document.querySelector('[aria-busy]')).toBeNull();
  });

  it('picks up a configuration change made after its bootstrap was read but before it listened for changes', async () => {
    const { core, config, api } = await coreApi((c) => c.write(c.paths.deviceConfig, '{}'));
    const initial = await startLoading(api);
    // Fixed while no page listens: no event reaches this page, only a fresh bootstrap can tell it.
    const shipped = JSON.parse(await readFile(path.join(resourcesDir, 'config', 'kiosk.json'), 'utf8')) as object;
    await config.write(
      config.paths.deviceConfig,
      JSON.stringify({ ...shipped, kiosk: { id: 'K2', location: 'Lobby' }, admin: { pinHash: await testPinHash() } }),
    );
    await core.reload();
    render(<App api={api} initial={initial} />);
    expect(screen.getByRole('heading', { level: 1, name: 'This screen is not working right now' })).toBeTruthy();
    expect(await screen.findByRole('heading', { level: 1, name: 'Need help with drugs or alcohol?' })).toBeTruthy();
  });
});

describe('main.tsx mounting the app once its first load settles', () => {
  const mounted: Array<{ unmount(): void }> = [];
  afterEach(() => {
    for (const root of mounted.splice(0)) act(() => root.unmount());
    document.body.replaceChildren();
  });

  async function mountInto(api: LobbyApi, firstLoad: Promise<Loaded>) {
    const container = document.body.appendChild(document.createElement('div'));
    mounted.push(await act(() => mountWhenLoaded(container, api, firstLoad)));
    return container;
  }

  it('mounts when the first load rejects (a chunk that cannot load), and the app then loads the screen by itself', async () => {
    const { api } = await coreApi();
    await mountInto(api, Promise.reject(new TypeError('Failed to fetch dynamically imported module')));
    expect(await screen.findByRole('heading', { level: 1, name: 'Need help with drugs or alcohol?' })).toBeTruthy();
  });

  it('mounts when the first load rejects and main cannot be reached either: the page says so instead of staying blank', async () => {
    const unreachable = new Proxy({} as LobbyApi, {
      get: (_t, prop) => (prop === 'on' ? () => () => {} : () => Promise.reject(new Error('no main'))),
    });
    const container = await mountInto(unreachable, Promise.reject(new TypeError('Failed to fetch dynamically imported module')));
    expect(await screen.findByText('This screen lost its connection. Please go to the front window.')).toBeTruthy();
    expect(container.textContent).not.toBe('');
  });
});

describe('the app after it is unmounted', () => {
  it('leaves no listener on the API or the window, so a later change or error reaches nothing', async () => {
    const config = await tempConfig();
    const sink = memorySink();
    const core = await createCore({ paths: config.paths, ...config.storage, logger: createLogger('t', sink), watchIntervalMs: false });
    cores.push({ core, remove: config.remove });
    const counted = countedListeners(inProcessApi(core));
    const { unmount } = render(<App api={counted.api} />);
    await screen.findByRole('heading', { level: 1, name: 'Need help with drugs or alcohol?' });
    expect(counted.attached()).toBeGreaterThan(0);

    unmount();
    expect(counted.attached()).toBe(0);
    const callsBefore = counted.calls.length;
    window.dispatchEvent(new ErrorEvent('error', { error: new RangeError('late') }));
    window.dispatchEvent(new Event('unhandledrejection'));
    // Reporting an error is a call: none was made.
    expect(counted.calls.slice(callsBefore)).toEqual([]);
    await core.reload();
    expect(counted.heard).not.toContain('app.bootstrapChanged');
  });
});

describe('a screen that fails while drawing', () => {
  it('gives way to the calm fallback and reports its error class to main', async () => {
    const config = await tempConfig();
    const sink = memorySink();
    const core = await createCore({ paths: config.paths, ...config.storage, logger: createLogger('t', sink), watchIntervalMs: false });
    cores.push({ core, remove: config.remove });
    const api = inProcessApi(core);
    // React reports caught render errors on the console as well; that noise is expected here.
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    render(
      <ScreenErrorBoundary onError={(error) => reportError(api, 'screen', error)} fallback={<p>Please go to the front window.</p>}>
        <Thrower />
      </ScreenErrorBoundary>,
    );
    expect(screen.getByText('Please go to the front window.')).toBeTruthy();
    await waitFor(() => expect(sink.entries.find((e) => e.area === 't.renderer')?.fields).toEqual({ where: 'screen', kind: 'TypeError' }));
    expect(JSON.stringify(sink.entries)).not.toMatch(/Maria|555-0100/);
    quiet.mockRestore();
  });
});

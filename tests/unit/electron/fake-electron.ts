/**
 * A faithful stand-in for the parts of the `electron` module the shell uses,
 * for machines where the Electron binary cannot start. Use it with
 *
 *     vi.mock('electron', () => import('./fake-electron.js'));
 *
 * Each fake implements a `Pick<>` of Electron's own type, so a signature that
 * drifts in a new Electron release fails the type-check. It also enforces the
 * ordering rules Electron enforces at runtime (no window, session or protocol
 * handler before ready; no privileged schemes or sandbox switch after), so a
 * test of main's start-up sequence would fail the way the real app would.
 */
import { EventEmitter } from 'node:events';
import type {
  App,
  BrowserWindow as ElectronBrowserWindow,
  Clipboard,
  BrowserWindowConstructorOptions,
  CommandLine,
  ContextBridge,
  CustomScheme,
  DownloadItem,
  Event as ElectronEvent,
  HandlerDetails,
  Input,
  IpcMain,
  IpcMainInvokeEvent,
  Notification as ElectronNotification,
  NotificationConstructorOptions,
  IpcRenderer,
  IpcRendererEvent,
  PowerSaveBlocker,
  Protocol,
  SafeStorage,
  RenderProcessGoneDetails,
  Session,
  WebContents,
  WebFrameMain,
  WindowOpenHandlerResponse,
} from 'electron';

/** An Electron event object: `preventDefault()` flips `defaultPrevented`. */
export type FakeEvent<P extends object = object> = ElectronEvent<P>;

export function fakeEvent<P extends object>(params: P): FakeEvent<P> {
  let prevented = false;
  const event = {
    ...params,
    preventDefault: () => {
      prevented = true;
    },
  };
  Object.defineProperty(event, 'defaultPrevented', { get: () => prevented, enumerable: true });
  return event as FakeEvent<P>;
}

// ---------------------------------------------------------------- app

type PathName = Parameters<App['getPath']>[0];

/**
 * Chromium's command line. Switches are read as Chromium starts, so one
 * appended after ready does nothing; the fake keeps only those appended in
 * time, as the real app would behave.
 */
export class FakeCommandLine implements CommandLine {
  readonly switches = new Map<string, string>();
  readonly arguments: string[] = [];
  constructor(private readonly isReady: () => boolean) {}
  appendSwitch(theSwitch: string, value = ''): void {
    if (!this.isReady()) this.switches.set(theSwitch, value);
  }
  hasSwitch(theSwitch: string): boolean {
    return this.switches.has(theSwitch);
  }
  getSwitchValue(theSwitch: string): string {
    return this.switches.get(theSwitch) ?? '';
  }
  appendArgument(value: string): void {
    if (!this.isReady()) this.arguments.push(value);
  }
  removeSwitch(theSwitch: string): void {
    this.switches.delete(theSwitch);
  }
}

export class FakeApp
  extends EventEmitter
  implements
    Pick<
      App,
      | 'requestSingleInstanceLock'
      | 'whenReady'
      | 'isReady'
      | 'quit'
      | 'exit'
      | 'getPath'
      | 'getAppPath'
      | 'getVersion'
      | 'enableSandbox'
      | 'isPackaged'
      | 'setName'
      | 'getName'
      | 'setAppUserModelId'
      | 'commandLine'
    >
{
  isPackaged = false;
  /** What Electron starts with in a checkout: package.json's "name". */
  name = 'lobby-kiosk';
  /** The app's name when the single-instance lock was asked for (the lock lives in the user-data folder named after it). */
  nameAtLock: string | undefined;
  appUserModelId: string | undefined;
  /** `app.getAppPath()`: the folder holding package.json. */
  appPath = '/fake/app';
  readonly commandLine = new FakeCommandLine(() => this.ready);
  /** Whether requestSingleInstanceLock() succeeds: false plays a second copy of the app. */
  lockAvailable = true;
  sandboxEnabled = false;
  quitRequests = 0;
  exitCode: number | undefined;
  paths: Partial<Record<PathName, string>> = {};
  private ready = false;
  private quitting = false;
  private resolveReady: () => void = () => {};
  private readyPromise = this.newReadyPromise();

  private newReadyPromise(): Promise<void> {
    return new Promise<void>((resolve) => {
      this.resolveReady = resolve;
    });
  }

  reset(): void {
    this.removeAllListeners();
    Object.assign(this, { isPackaged: false, lockAvailable: true, sandboxEnabled: false, quitRequests: 0, exitCode: undefined, paths: {} });
    Object.assign(this, { name: 'lobby-kiosk', nameAtLock: undefined, appUserModelId: undefined, appPath: '/fake/app' });
    this.commandLine.switches.clear();
    this.commandLine.arguments.length = 0;
    this.ready = false;
    this.quitting = false;
    this.readyPromise = this.newReadyPromise();
  }

  /** Test control: the app becomes ready, as after Electron's 'ready' event. */
  becomeReady(): void {
    this.ready = true;
    this.emit('ready', fakeEvent({}), {});
    this.resolveReady();
  }

  requestSingleInstanceLock(): boolean {
    this.nameAtLock = this.name;
    return this.lockAvailable;
  }
  setName(name: string): void {
    this.name = name;
  }
  getName(): string {
    return this.name;
  }
  setAppUserModelId(id: string): void {
    this.appUserModelId = id;
  }
  whenReady(): Promise<void> {
    return this.readyPromise;
  }
  isReady(): boolean {
    return this.ready;
  }
  /** Like Electron: 'before-quit' (preventable), close every window without 'window-all-closed', then 'will-quit'. */
  quit(): void {
    this.quitRequests += 1;
    const beforeQuit = fakeEvent({});
    this.emit('before-quit', beforeQuit);
    if (beforeQuit.defaultPrevented) return;
    this.quitting = true;
    for (const window of FakeBrowserWindow.getAllWindows()) window.close();
    this.emit('will-quit', fakeEvent({}));
  }
  exit(exitCode = 0): void {
    this.exitCode = exitCode;
  }
  getPath(name: PathName): string {
    const value = this.paths[name];
    if (!value) throw new Error(`fake app.getPath: no path set for "${name}"`);
    return value;
  }
  getAppPath(): string {
    return this.appPath;
  }
  getVersion(): string {
    return '0.0.0-test';
  }
  enableSandbox(): void {
    if (this.ready) throw new Error('app.enableSandbox() can only be called before app is ready');
    this.sandboxEnabled = true;
  }
  /** Electron emits 'window-all-closed' when the last window goes, except while quitting. */
  lastWindowClosed(): void {
    if (!this.quitting) this.emit('window-all-closed');
  }
}

export const app = new FakeApp();

// ---------------------------------------------------------------- frames and webContents

/** The parts of WebFrameMain the IPC sender check reads. */
export type FakeFrame = Pick<WebFrameMain, 'url'> & { parent: FakeFrame | null };

export function fakeFrame(url: string, parent: FakeFrame | null = null): FakeFrame {
  return { url, parent };
}

type WindowOpenHandler = (details: HandlerDetails) => WindowOpenHandlerResponse;
type NavigationKind = 'will-navigate' | 'will-frame-navigate' | 'will-redirect' | 'did-start-navigation';

let nextContentsId = 1;

export class FakeWebContents
  extends EventEmitter
  implements
    Pick<
      WebContents,
      | 'id'
      | 'setWindowOpenHandler'
      | 'send'
      | 'isDestroyed'
      | 'getURL'
      | 'loadURL'
      | 'reload'
      | 'setVisualZoomLevelLimits'
      | 'forcefullyCrashRenderer'
    >
{
  readonly id = nextContentsId++;
  url = '';
  destroyed = false;
  windowOpenHandler: WindowOpenHandler | null = null;
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  readonly loads: string[] = [];
  visualZoomLimits: [number, number] | null = null;

  get mainFrame(): FakeFrame {
    return fakeFrame(this.url);
  }

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.sent.push({ channel, args });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  getURL(): string {
    return this.url;
  }
  /**
   * Like Electron: resolves once the page has loaded (`finishLoad()`), rejects
   * when it fails (`failLoad()`); a new load aborts the one still running,
   * with `did-fail-load` ERR_ABORTED (-3), as Chromium does.
   */
  loadURL(url: string): Promise<void> {
    this.pending?.fail(-3, 'ERR_ABORTED');
    this.loads.push(url);
    this.url = url;
    return new Promise<void>((resolve, reject) => {
      const pending = {
        done: () => {
          if (this.pending === pending) this.pending = null;
          resolve();
        },
        fail: (errorCode: number, errorDescription: string) => {
          if (this.pending === pending) this.pending = null;
          this.emit('did-fail-load', fakeEvent({}), errorCode, errorDescription, url, true, 1, 1);
          reject(
            Object.assign(new Error(`${errorDescription} (${errorCode}) loading '${url}'`), {
              code: errorDescription,
              errno: errorCode,
              url,
            }),
          );
        },
      };
      this.pending = pending;
    });
  }
  private pending: { done(): void; fail(errorCode: number, errorDescription: string): void } | null = null;
  /** Set by the owning window: its first paint, which it may or may not announce (see FakeBrowserWindow.readyToShowFires). */
  firstPaint: () => void = () => {};
  reload(): void {
    this.loads.push(this.url);
  }
  setVisualZoomLevelLimits(minimumLevel: number, maximumLevel: number): Promise<void> {
    this.visualZoomLimits = [minimumLevel, maximumLevel];
    return Promise.resolve();
  }
  /** Like Electron: the renderer is killed and 'render-process-gone' follows. */
  forcefullyCrashRenderer(): void {
    this.crash('killed');
  }

  // Test controls: each plays something a page (or a user) does, and returns the event so tests see preventDefault.

  /** The page calls window.open(url) or follows a target=_blank link. */
  openWindow(url: string): WindowOpenHandlerResponse | undefined {
    return this.windowOpenHandler?.({
      url,
      frameName: '',
      features: '',
      disposition: 'new-window',
      referrer: { url: this.url, policy: 'default' },
    });
  }
  navigate(kind: NavigationKind, url: string, isMainFrame = true): FakeEvent<{ url: string }> {
    const event = fakeEvent({ url, isSameDocument: false, isMainFrame, frame: null, initiator: null });
    if (kind === 'will-frame-navigate') this.emit(kind, event);
    else this.emit(kind, event, url, false, isMainFrame, 1, 1);
    return event;
  }
  attachWebview(src: string): FakeEvent {
    const event = fakeEvent({});
    this.emit('will-attach-webview', event, {}, { src });
    return event;
  }
  press(keys: Partial<Input> & Pick<Input, 'key'>): FakeEvent {
    const event = fakeEvent({});
    this.emit('before-input-event', event, keyInput(keys));
    return event;
  }
  crash(reason: RenderProcessGoneDetails['reason'] = 'crashed'): void {
    const details: RenderProcessGoneDetails = { reason, exitCode: reason === 'killed' ? 9 : 139 };
    this.emit('render-process-gone', fakeEvent({}), details);
  }
  /** The page (and its preload) loaded: first paint, `did-finish-load`, then loadURL resolves. */
  finishLoad(): void {
    this.firstPaint();
    this.emit('did-finish-load', fakeEvent({}));
    this.pending?.done();
  }
  /** Test control: loads `url` and lets it finish, for tests that only need a page in place. */
  loadFully(url: string): Promise<void> {
    const loading = this.loadURL(url);
    this.finishLoad();
    return loading;
  }
  /** The load failed (no such file, for example): `did-fail-load`, then loadURL rejects. */
  failLoad(errorCode = -6, errorDescription = 'ERR_FILE_NOT_FOUND'): void {
    this.pending?.fail(errorCode, errorDescription);
  }
  /** The preload threw while the page was loading; the page goes on without what it would have exposed. */
  failPreload(preloadPath: string, error: Error): void {
    this.emit('preload-error', fakeEvent({}), preloadPath, error);
  }
}

/** A full Electron `Input` from the fields a test cares about. */
export function keyInput(keys: Partial<Input> & Pick<Input, 'key'>): Input {
  return {
    type: 'keyDown',
    code: '',
    isAutoRepeat: false,
    isComposing: false,
    shift: false,
    control: false,
    alt: false,
    meta: false,
    location: 0,
    modifiers: [],
    ...keys,
  };
}

// ---------------------------------------------------------------- windows

export class FakeBrowserWindow
  extends EventEmitter
  implements
    Pick<
      ElectronBrowserWindow,
      'isDestroyed' | 'show' | 'focus' | 'restore' | 'isMinimized' | 'isVisible' | 'loadURL' | 'close' | 'destroy'
    >
{
  static instances: FakeBrowserWindow[] = [];
  /**
   * Whether windows announce their first paint with 'ready-to-show'. Since
   * Electron 38 that event is missing on Wayland (electron/electron#48859,
   * cage and GNOME desks); tests set false to play that.
   */
  static readyToShowFires = true;

  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.instances.filter((window) => !window.destroyed);
  }

  readonly options: BrowserWindowConstructorOptions;
  readonly webContents = new FakeWebContents();
  destroyed = false;
  visible = false;
  minimized = false;
  focusCount = 0;

  constructor(options: BrowserWindowConstructorOptions = {}) {
    super();
    if (!app.isReady()) throw new Error('Cannot create BrowserWindow before app is ready');
    this.options = options;
    this.visible = options.show ?? true;
    FakeBrowserWindow.instances.push(this);
    let painted = false;
    this.webContents.firstPaint = () => {
      if (painted) return;
      painted = true;
      if (FakeBrowserWindow.readyToShowFires) this.emit('ready-to-show', fakeEvent({}));
    };
    // Electron announces every new webContents, windows' included.
    app.emit('web-contents-created', fakeEvent({}), this.webContents);
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }
  show(): void {
    this.visible = true;
  }
  isVisible(): boolean {
    return this.visible;
  }
  focus(): void {
    this.focusCount += 1;
  }
  restore(): void {
    this.minimized = false;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url);
  }
  close(): void {
    if (this.destroyed) return;
    const event = fakeEvent({});
    this.emit('close', event);
    if (!event.defaultPrevented) this.destroy();
  }
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
    if (FakeBrowserWindow.getAllWindows().length === 0) app.lastWindowClosed();
  }
}

export const BrowserWindow = FakeBrowserWindow;

// ---------------------------------------------------------------- session

type SessionHandlers = {
  permissionRequest: Parameters<Session['setPermissionRequestHandler']>[0];
  permissionCheck: Parameters<Session['setPermissionCheckHandler']>[0];
  devicePermission: Parameters<Session['setDevicePermissionHandler']>[0];
  displayMedia: Parameters<Session['setDisplayMediaRequestHandler']>[0];
};

export class FakeDownloadItem implements Pick<DownloadItem, 'getURL' | 'getFilename' | 'cancel'> {
  cancelled = false;
  constructor(
    private readonly url: string,
    private readonly filename = 'download',
  ) {}
  getURL(): string {
    return this.url;
  }
  getFilename(): string {
    return this.filename;
  }
  cancel(): void {
    this.cancelled = true;
  }
}

export class FakeSession
  extends EventEmitter
  implements
    Pick<
      Session,
      'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler' | 'setDisplayMediaRequestHandler'
    >
{
  handlers: Partial<SessionHandlers> = {};

  reset(): void {
    this.removeAllListeners();
    this.handlers = {};
  }
  setPermissionRequestHandler(handler: SessionHandlers['permissionRequest']): void {
    this.handlers.permissionRequest = handler;
  }
  setPermissionCheckHandler(handler: SessionHandlers['permissionCheck']): void {
    this.handlers.permissionCheck = handler;
  }
  setDevicePermissionHandler(handler: SessionHandlers['devicePermission']): void {
    this.handlers.devicePermission = handler;
  }
  setDisplayMediaRequestHandler(handler: SessionHandlers['displayMedia']): void {
    this.handlers.displayMedia = handler;
  }
  /** Test control: a page starts a download. */
  download(url: string, filename?: string): { event: FakeEvent; item: FakeDownloadItem } {
    const event = fakeEvent({});
    const item = new FakeDownloadItem(url, filename);
    this.emit('will-download', event, item, null, null);
    return { event, item };
  }
}

const defaultSession = new FakeSession();
export const session = {
  get defaultSession(): FakeSession {
    if (!app.isReady()) throw new Error('Session can only be received when app is ready');
    return defaultSession;
  },
};

// ---------------------------------------------------------------- protocol

type ProtocolHandler = Parameters<Protocol['handle']>[1];

export class FakeProtocol implements Pick<Protocol, 'registerSchemesAsPrivileged' | 'handle'> {
  privilegedSchemes: CustomScheme[] = [];
  readonly handlers = new Map<string, ProtocolHandler>();

  reset(): void {
    this.privilegedSchemes = [];
    this.handlers.clear();
  }
  registerSchemesAsPrivileged(customSchemes: CustomScheme[]): void {
    if (app.isReady()) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    this.privilegedSchemes.push(...customSchemes);
  }
  handle(scheme: string, handler: ProtocolHandler): void {
    if (!app.isReady()) throw new Error('protocol.handle cannot be used before the app is ready');
    if (this.handlers.has(scheme)) throw new Error(`Protocol ${scheme} is already handled`);
    this.handlers.set(scheme, handler);
  }
}

export const protocol = new FakeProtocol();

// ---------------------------------------------------------------- ipcMain

type InvokeListener = Parameters<IpcMain['handle']>[1];

export class FakeIpcMain extends EventEmitter implements Pick<IpcMain, 'handle' | 'removeHandler'> {
  readonly handlers = new Map<string, InvokeListener>();

  reset(): void {
    this.removeAllListeners();
    this.handlers.clear();
  }
  handle(channel: string, listener: InvokeListener): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** Test control: a renderer calls ipcRenderer.invoke(channel, ...args) from `event`'s frame. */
  async invoke(channel: string, event: IpcMainInvokeEvent, ...args: unknown[]): Promise<unknown> {
    const listener = this.handlers.get(channel);
    if (!listener) throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`);
    return listener(event, ...args);
  }
}

export const ipcMain = new FakeIpcMain();

/** An invoke event as main sees it, sent from `frame` (null: the frame navigated away or was destroyed). */
export function fakeInvokeEvent(sender: FakeWebContents, frame: FakeFrame | null): IpcMainInvokeEvent {
  return Object.assign(fakeEvent({}), {
    frameId: 1,
    processId: 1,
    sender: sender as unknown as WebContents,
    senderFrame: frame as unknown as WebFrameMain | null,
    type: 'frame' as const,
  });
}

// ---------------------------------------------------------------- Menu

export class FakeMenu {
  /** undefined until set; null once the app removed the menu. */
  applicationMenu: null | undefined = undefined;

  reset(): void {
    this.applicationMenu = undefined;
  }
  // Typed like Menu.setApplicationMenu's null case, the only one the app uses.
  setApplicationMenu(menu: null): void {
    this.applicationMenu = menu;
  }
}

export const Menu = new FakeMenu();

// ---------------------------------------------------------------- powerSaveBlocker

type BlockerType = Parameters<PowerSaveBlocker['start']>[0];

export class FakePowerSaveBlocker implements Pick<PowerSaveBlocker, 'start' | 'stop' | 'isStarted'> {
  readonly active = new Map<number, BlockerType>();
  private nextId = 1;

  reset(): void {
    this.active.clear();
  }
  start(type: BlockerType): number {
    const id = this.nextId++;
    this.active.set(id, type);
    return id;
  }
  stop(id: number): boolean {
    return this.active.delete(id);
  }
  isStarted(id: number): boolean {
    return this.active.has(id);
  }
}

export const powerSaveBlocker = new FakePowerSaveBlocker();

// ---------------------------------------------------------------- preload side

/**
 * A value as it arrives on the other side of contextBridge (Electron's
 * context-bridge docs, "Parameter / Error / Return Type support"): functions
 * are proxied, with their arguments and results crossing the same way;
 * promises settle with a crossed value; objects and arrays are copied,
 * losing prototypes (a class instance arrives as a plain object, without its
 * methods) and symbol keys; an Error keeps only its message.
 */
export function crossBridge(value: unknown): unknown {
  if (typeof value === 'function') {
    const fn = value as (...args: unknown[]) => unknown;
    return (...args: unknown[]) => {
      try {
        return crossBridge(fn(...args.map(crossBridge)));
      } catch (error) {
        throw crossError(error);
      }
    };
  }
  if (value instanceof Promise) return value.then(crossBridge, (error: unknown) => Promise.reject(crossError(error)));
  if (value instanceof Error) return crossError(value);
  if (Array.isArray(value)) return value.map(crossBridge);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, crossBridge(field)]));
  }
  return value;
}

function crossError(error: unknown): unknown {
  return error instanceof Error ? new Error(error.message) : crossBridge(error);
}

export class FakeContextBridge implements Pick<ContextBridge, 'exposeInMainWorld'> {
  /** What the preload handed over, for checking what it chose to expose. */
  readonly exposed = new Map<string, unknown>();
  /** What the page's `window[apiKey]` is: the same API after crossing the bridge. */
  readonly inMainWorld = new Map<string, unknown>();

  reset(): void {
    this.exposed.clear();
    this.inMainWorld.clear();
  }
  exposeInMainWorld(apiKey: string, api: unknown): void {
    if (this.exposed.has(apiKey)) throw new Error('Cannot bind an API on top of an existing property on the window object');
    this.exposed.set(apiKey, api);
    this.inMainWorld.set(apiKey, crossBridge(api));
  }
}

export const contextBridge = new FakeContextBridge();

export class FakeIpcRenderer extends EventEmitter implements Pick<IpcRenderer, 'invoke' | 'send'> {
  readonly invocations: Array<{ channel: string; args: unknown[] }> = [];
  /** Messages sent to main without an answer (ipcRenderer.send). */
  readonly sentToMain: Array<{ channel: string; args: unknown[] }> = [];
  /** What main answers; tests replace it. */
  answer: (channel: string, ...args: unknown[]) => unknown = () => {
    throw new Error('fake ipcRenderer: no answer set');
  };

  reset(): void {
    this.removeAllListeners();
    this.invocations.length = 0;
    this.sentToMain.length = 0;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sentToMain.push({ channel, args });
  }
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invocations.push({ channel, args });
    return Promise.resolve().then(() => this.answer(channel, ...args));
  }
  /** Test control: main sends an event on `channel`. */
  deliver(channel: string, ...args: unknown[]): void {
    const event = Object.assign(fakeEvent({}), { ports: [], sender: this as unknown as IpcRenderer }) satisfies IpcRendererEvent;
    this.emit(channel, event, ...args);
  }
}

export const ipcRenderer = new FakeIpcRenderer();

// ---------------------------------------------------------------- safeStorage

type StorageBackend = ReturnType<SafeStorage['getSelectedStorageBackend']>;

/**
 * Like Electron's safeStorage: Buffers out, Buffers in; on Linux it reports
 * the backend it chose (`basic_text` under a compositor with no desktop
 * session). Reversible, clearly not real encryption, and it refuses text it
 * did not seal. The asynchronous calls (Electron 45's recommended API) can
 * play a locked keyring: with `locked`, they never answer, as a keyring
 * waiting for a password prompt nobody sees.
 */
export class FakeSafeStorage implements Pick<
  SafeStorage,
  | 'isEncryptionAvailable'
  | 'isAsyncEncryptionAvailable'
  | 'getSelectedStorageBackend'
  | 'encryptString'
  | 'decryptString'
  | 'encryptStringAsync'
  | 'decryptStringAsync'
> {
  available = true;
  backend: StorageBackend = 'gnome_libsecret';
  /** A locked keyring: the asynchronous calls never settle. */
  locked = false;
  /** How many asynchronous calls were made (a locked keyring still counts them). */
  asyncCalls = 0;
  reset(): void {
    this.available = true;
    this.backend = 'gnome_libsecret';
    this.locked = false;
    this.asyncCalls = 0;
  }
  isEncryptionAvailable(): boolean {
    return this.available;
  }
  isAsyncEncryptionAvailable(): Promise<boolean> {
    return this.answer(() => this.available);
  }
  getSelectedStorageBackend(): StorageBackend {
    return this.backend;
  }
  encryptString(plainText: string): Buffer {
    if (!this.available)
      throw new Error('Error while encrypting the text provided to safeStorage.encryptString. Encryption is not available.');
    return Buffer.concat([Buffer.from('fake-sealed:'), Buffer.from(plainText, 'utf8').reverse()]);
  }
  decryptString(encrypted: Buffer): string {
    const prefix = Buffer.from('fake-sealed:');
    if (!encrypted.subarray(0, prefix.length).equals(prefix))
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return Buffer.from(encrypted.subarray(prefix.length)).reverse().toString('utf8');
  }
  encryptStringAsync(plainText: string): Promise<Buffer> {
    return this.answer(() => this.encryptString(plainText));
  }
  decryptStringAsync(encrypted: Buffer): Promise<{ shouldReEncrypt: boolean; result: string }> {
    return this.answer(() => ({ shouldReEncrypt: false, result: this.decryptString(encrypted) }));
  }
  private answer<T>(work: () => T): Promise<T> {
    this.asyncCalls += 1;
    if (this.locked) return new Promise<T>(() => {});
    return new Promise<T>((resolve, reject) => {
      setImmediate(() => {
        try {
          resolve(work());
        } catch (error) {
          reject(error as Error);
        }
      });
    });
  }
}
export const safeStorage = new FakeSafeStorage();

// ---------------------------------------------------------------- Notification

/** Records every notification shown, as the OS would display it. */
export class FakeNotification extends EventEmitter implements Pick<ElectronNotification, 'show' | 'close' | 'title' | 'body'> {
  static supported = true;
  static shown: FakeNotification[] = [];
  static isSupported(): boolean {
    return FakeNotification.supported;
  }
  title: string;
  body: string;
  urgency: NotificationConstructorOptions['urgency'];
  timeoutType: NotificationConstructorOptions['timeoutType'];
  silent: NotificationConstructorOptions['silent'];
  constructor(options: NotificationConstructorOptions = {}) {
    super();
    this.title = options.title ?? '';
    this.body = options.body ?? '';
    this.urgency = options.urgency;
    this.timeoutType = options.timeoutType;
    this.silent = options.silent;
  }
  show(): void {
    FakeNotification.shown.push(this);
  }
  /** Like Electron: dismissed, then 'close'. Tests call it to play the officer dismissing it. */
  close(): void {
    this.emit('close', fakeEvent({}));
  }
}
export const Notification = FakeNotification;

// ---------------------------------------------------------------- clipboard

/** The system clipboard as text; on Linux `selection` is the X11/Wayland primary selection, as in Electron. */
export class FakeClipboard implements Pick<Clipboard, 'clear' | 'readText' | 'writeText'> {
  text = '';
  readonly selection: FakeClipboard | undefined;
  constructor(withSelection: boolean) {
    this.selection = withSelection ? new FakeClipboard(false) : undefined;
  }
  clear(): void {
    this.text = '';
  }
  readText(): Promise<string> {
    return Promise.resolve(this.text);
  }
  writeText(text: string): Promise<void> {
    this.text = text;
    return Promise.resolve();
  }
  reset(): void {
    this.text = '';
    this.selection?.reset();
  }
}

export const clipboard = new FakeClipboard(process.platform === 'linux');

// ---------------------------------------------------------------- reset

/** Puts every fake back to a fresh, not-yet-ready app. Call in beforeEach. */
export function resetFakeElectron(): void {
  app.reset();
  FakeBrowserWindow.instances = [];
  FakeBrowserWindow.readyToShowFires = true;
  defaultSession.reset();
  protocol.reset();
  ipcMain.reset();
  Menu.reset();
  powerSaveBlocker.reset();
  contextBridge.reset();
  ipcRenderer.reset();
  safeStorage.reset();
  clipboard.reset();
  FakeNotification.supported = true;
  FakeNotification.shown = [];
}

export default {
  app,
  BrowserWindow,
  session,
  protocol,
  ipcMain,
  Menu,
  powerSaveBlocker,
  contextBridge,
  ipcRenderer,
  safeStorage,
  Notification,
  clipboard,
};

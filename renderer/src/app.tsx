import type { i18n as I18n } from 'i18next';
import { useEffect, useState, type ComponentType } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { Bootstrap, ReadyBootstrap } from '../../shared/bootstrap';
import type { LobbyApi } from '../../shared/contract';
import { afterFirstPaint } from './api/after-first-paint';
import { reportError } from './api/report-error';
import { AdminDoor } from './admin/admin-door';
import { OutOfServiceScreen } from './common/out-of-service-screen';
import { ScreenErrorBoundary } from './common/screen-error-boundary';
import { startNamespaces, type Namespace } from './i18n/resources';
import { namespaces, setupI18n } from './i18n/setup-i18n';

type RoleScreen = ComponentType<{ bootstrap: ReadyBootstrap; api: LobbyApi }>;
export type Loaded = { bootstrap: Bootstrap; i18n: I18n; RoleScreen?: RoleScreen } | { failed: true; i18n: I18n };

function defaultLanguageOf(bootstrap: Bootstrap): string {
  return bootstrap.state === 'ready' ? bootstrap.profile.languages.default : bootstrap.defaultLanguage;
}

/**
 * Each role's UI is its own chunk, loaded alongside the translations: the
 * public kiosk never runs the desk console, nor the desk the kiosk. (The
 * kiosk's chunk is preloaded by index.html, so it is in hand when the
 * bootstrap says "kiosk".)
 */
async function loadRoleScreen(bootstrap: Bootstrap): Promise<RoleScreen | undefined> {
  if (bootstrap.state !== 'ready') return undefined;
  if (bootstrap.role === 'desk') return (await import('./desk/desk-home')).DeskHome;
  return (await import('./kiosk/kiosk-app')).KioskApp;
}

/** The kiosk's words at start; the desk console needs its own and the admin words on its cards. */
function namespacesFor(bootstrap: Bootstrap): readonly Namespace[] {
  return bootstrap.state === 'ready' && bootstrap.role === 'desk' ? namespaces : startNamespaces;
}

/**
 * The role's screen and its words. At start only what the first screen needs;
 * after a configuration change also every namespace the page had by then, so
 * a screen that stays open across the change (the admin area) keeps its words
 * without a pause.
 */
async function load(bootstrap: Bootstrap, words: readonly Namespace[] = namespacesFor(bootstrap)): Promise<Loaded> {
  const [i18n, RoleScreen] = await Promise.all([
    setupI18n({
      language: defaultLanguageOf(bootstrap),
      load: words,
      ...(bootstrap.state === 'ready' ? { profile: bootstrap.profile } : { phones: bootstrap.phones }),
    }),
    loadRoleScreen(bootstrap),
  ]);
  return { bootstrap, i18n, ...(RoleScreen ? { RoleScreen } : {}) };
}

/** The namespaces an i18next instance holds now (loaded at start or since), in any language. */
function namespacesIn(i18n: I18n | null): Namespace[] {
  const held = new Set(Object.values(i18n?.store.data ?? {}).flatMap((bundles) => Object.keys(bundles)));
  return namespaces.filter((ns) => held.has(ns));
}

/** When the role's code cannot load: say so calmly rather than stay blank. */
async function failedLoad(api: LobbyApi, bootstrap: Bootstrap, error: unknown): Promise<Loaded> {
  reportError(api, 'load', error);
  return { failed: true, i18n: await setupI18n({ language: defaultLanguageOf(bootstrap), load: startNamespaces }) };
}

/**
 * Everything the first screen needs, started at once: the bootstrap round
 * trip, then the role's code and its words in parallel. main.tsx calls it
 * before React mounts, so none of it waits for the first render.
 */
export function startLoading(api: LobbyApi): Promise<Loaded> {
  return api['app.getBootstrap']({}).then(
    (bootstrap) => load(bootstrap).catch((error: unknown) => failedLoad(api, bootstrap, error)),
    async () => ({ failed: true as const, i18n: await setupI18n({ language: 'en', load: startNamespaces }) }),
  );
}

/** JSON of two bootstraps alike: the same configuration. */
function sameBootstrap(a: Bootstrap, b: Bootstrap): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Picks the screen for this machine's role and state; reloads when main
 * reports new configuration. `initial` is a first load already finished
 * (main.tsx mounts only once it is): the first render then draws the screen,
 * with no placeholder commit before it. `firstLoad` is a first load still
 * running; with neither, the App starts its own.
 */
export function App({ api, firstLoad, initial }: { api: LobbyApi; firstLoad?: Promise<Loaded>; initial?: Loaded }) {
  const [loaded, setLoaded] = useState<Loaded | null>(initial ?? null);

  useEffect(() => {
    let active = true;
    // A configuration change heard before the first load finished is newer than it: the first load is then dropped.
    let changed = false;
    // The words on screen now: a reload after a change keeps every namespace they hold.
    let shown: I18n | null = initial?.i18n ?? null;
    const put = (next: Loaded) => {
      shown = next.i18n;
      setLoaded(next);
    };
    const show = (bootstrap: Bootstrap) => {
      changed = true;
      void load(bootstrap, [...new Set([...namespacesFor(bootstrap), ...namespacesIn(shown)])])
        .catch((error: unknown) => failedLoad(api, bootstrap, error))
        .then((next) => {
          if (active) put(next);
        });
    };
    if (!initial) {
      void (firstLoad ?? startLoading(api)).then((first) => {
        if (active && !changed) put(first);
      });
    }
    // One signal ends every listener this effect added, so none can outlive it.
    const listening = new AbortController();
    const { signal } = listening;
    const listen = () => {
      if (!active) return;
      api.on('app.bootstrapChanged', show, { signal });
      if (initial && 'bootstrap' in initial) {
        // The screen drawn came from a bootstrap asked for before the page listened for changes (main.tsx, and the
        // browser host's early request): ask again now that it listens, so a change made in between is not missed.
        void api['app.getBootstrap']({}).then(
          (fresh) => {
            if (active && !changed && !sameBootstrap(fresh, initial.bootstrap)) show(fresh);
          },
          () => undefined,
        );
      }
    };
    // A first screen drawn from a finished load listens once it is painted (opening the event stream and asking
    // again are no part of that paint); the asking again covers the moments in between.
    if (initial) void afterFirstPaint().then(listen);
    else listen();
    window.addEventListener('error', (event) => reportError(api, 'window', event.error), { signal });
    window.addEventListener('unhandledrejection', (event) => reportError(api, 'promise', event.reason), { signal });
    return () => {
      active = false;
      listening.abort();
    };
  }, [api, firstLoad, initial]);

  if (!loaded) return <main className="screen screen--plain" aria-busy="true" />;
  const languages = 'bootstrap' in loaded ? loaded.bootstrap.languages : [];
  return (
    <I18nextProvider i18n={loaded.i18n}>
      <ScreenErrorBoundary
        onError={(error) => reportError(api, 'screen', error)}
        fallback={<OutOfServiceScreen languages={languages} reason="config" hasPhone={false} />}
      >
        <AdminDoor
          api={api}
          keepScreenMounted={'bootstrap' in loaded && loaded.bootstrap.state === 'ready' && loaded.bootstrap.role === 'desk'}
        >
          {pickScreen(loaded, api)}
        </AdminDoor>
      </ScreenErrorBoundary>
    </I18nextProvider>
  );
}

function pickScreen(loaded: Loaded, api: LobbyApi) {
  if ('failed' in loaded) return <OutOfServiceScreen languages={[]} reason="connection" hasPhone={false} />;
  const { bootstrap, RoleScreen } = loaded;
  if (bootstrap.state === 'out-of-service' || !RoleScreen) {
    return (
      <OutOfServiceScreen
        languages={bootstrap.languages}
        reason="config"
        hasPhone={bootstrap.state === 'out-of-service' && bootstrap.phones !== undefined}
      />
    );
  }
  return <RoleScreen bootstrap={bootstrap} api={api} />;
}

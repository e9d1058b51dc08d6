import type { i18n as I18n } from 'i18next';
import { useEffect, useState, type ComponentType } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { Bootstrap, ReadyBootstrap } from '../../shared/bootstrap';
import type { LobbyApi } from '../../shared/contract';
import { reportError } from './api/report-error';
import { AdminDoor } from './admin/admin-door';
import { OutOfServiceScreen } from './common/out-of-service-screen';
import { ScreenErrorBoundary } from './common/screen-error-boundary';
import { setupI18n } from './i18n/setup-i18n';

type RoleScreen = ComponentType<{ bootstrap: ReadyBootstrap; api: LobbyApi }>;
type Loaded = { bootstrap: Bootstrap; i18n: I18n; RoleScreen?: RoleScreen } | { failed: true; i18n: I18n };

function defaultLanguageOf(bootstrap: Bootstrap): string {
  return bootstrap.state === 'ready' ? bootstrap.profile.languages.default : bootstrap.defaultLanguage;
}

/**
 * Each role's UI is its own chunk, loaded alongside the translations: the
 * public kiosk never downloads the desk console, nor the desk the kiosk.
 */
async function loadRoleScreen(bootstrap: Bootstrap): Promise<RoleScreen | undefined> {
  if (bootstrap.state !== 'ready') return undefined;
  if (bootstrap.role === 'desk') return (await import('./desk/desk-home')).DeskHome;
  return (await import('./kiosk/kiosk-app')).KioskApp;
}

async function load(bootstrap: Bootstrap): Promise<Loaded> {
  const [i18n, RoleScreen] = await Promise.all([
    setupI18n({
      language: defaultLanguageOf(bootstrap),
      ...(bootstrap.state === 'ready' ? { profile: bootstrap.profile } : { phones: bootstrap.phones }),
    }),
    loadRoleScreen(bootstrap),
  ]);
  return { bootstrap, i18n, ...(RoleScreen ? { RoleScreen } : {}) };
}

/** Picks the screen for this machine's role and state; reloads when main reports new configuration. */
export function App({ api }: { api: LobbyApi }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  useEffect(() => {
    let active = true;
    const show = (bootstrap: Bootstrap) =>
      void load(bootstrap).then(
        (next) => {
          if (active) setLoaded(next);
        },
        async (error: unknown) => {
          // The role's code could not load: say so calmly rather than stay blank.
          reportError(api, 'load', error);
          const i18n = await setupI18n({ language: defaultLanguageOf(bootstrap) });
          if (active) setLoaded({ failed: true, i18n });
        },
      );
    api['app.getBootstrap']({}).then(show, async () => {
      const i18n = await setupI18n({ language: 'en' });
      if (active) setLoaded({ failed: true, i18n });
    });
    const unsubscribe = api.on('app.bootstrapChanged', show);
    const onError = (event: ErrorEvent) => reportError(api, 'window', event.error);
    const onRejection = (event: PromiseRejectionEvent) => reportError(api, 'promise', event.reason);
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    return () => {
      active = false;
      unsubscribe();
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    };
  }, [api]);

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

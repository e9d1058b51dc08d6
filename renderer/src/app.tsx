import type { i18n as I18n } from 'i18next';
import { useEffect, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { Bootstrap } from '../../shared/bootstrap';
import type { LobbyApi } from '../../shared/contract';
import { reportError } from './api/report-error';
import { OutOfServiceScreen } from './common/out-of-service-screen';
import { ScreenErrorBoundary } from './common/screen-error-boundary';
import { DeskHome } from './desk/desk-home';
import { setupI18n } from './i18n/setup-i18n';
import { KioskApp } from './kiosk/kiosk-app';

type Loaded = { bootstrap: Bootstrap; i18n: I18n } | { failed: true; i18n: I18n };

function defaultLanguageOf(bootstrap: Bootstrap): string {
  return bootstrap.state === 'ready' ? bootstrap.profile.languages.default : bootstrap.defaultLanguage;
}

async function load(bootstrap: Bootstrap): Promise<Loaded> {
  const i18n = await setupI18n({
    language: defaultLanguageOf(bootstrap),
    ...(bootstrap.state === 'ready' ? { profile: bootstrap.profile } : { phones: bootstrap.phones }),
  });
  return { bootstrap, i18n };
}

/** Picks the screen for this machine's role and state; reloads when main reports new configuration. */
export function App({ api }: { api: LobbyApi }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  useEffect(() => {
    let active = true;
    const show = (bootstrap: Bootstrap) =>
      void load(bootstrap).then((next) => {
        if (active) setLoaded(next);
      });
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
        {pickScreen(loaded)}
      </ScreenErrorBoundary>
    </I18nextProvider>
  );
}

function pickScreen(loaded: Loaded) {
  if ('failed' in loaded) return <OutOfServiceScreen languages={[]} reason="connection" hasPhone={false} />;
  const { bootstrap } = loaded;
  if (bootstrap.state === 'out-of-service') return (
      <OutOfServiceScreen languages={bootstrap.languages} reason="config" hasPhone={bootstrap.phones !== undefined} />
    );
  if (bootstrap.role === 'desk') return <DeskHome bootstrap={bootstrap} />;
  return <KioskApp bootstrap={bootstrap} />;
}

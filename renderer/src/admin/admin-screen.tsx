import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminOverview } from '../../../shared/admin';
import type { LobbyApi } from '../../../shared/contract';
import { adminSections } from './admin-sections';

/** Touches closer together than this are one: the core's 2-minute clock needs no more. */
const touchEveryMs = 10_000;

/**
 * The admin screen: one section after another (admin-sections.ts). The core
 * ends the session after 2 minutes without a touch; every touch here tells it,
 * and when it ends (or a call is refused) the public screen comes back.
 */
export function AdminScreen({ api, onClose, shortPin = false }: { api: LobbyApi; onClose: () => void; shortPin?: boolean }) {
  const { t } = useTranslation('admin');
  const [overview, setOverview] = useState<AdminOverview | undefined>();
  const lastTouch = useRef(0);

  const refresh = useCallback(() => {
    api['admin.overview']({}).then(setOverview, onClose);
  }, [api, onClose]);

  useEffect(refresh, [refresh]);
  useEffect(() => {
    const listening = new AbortController();
    api.on('admin.sessionChanged', (state) => (state.active ? undefined : onClose()), { signal: listening.signal });
    return () => listening.abort();
  }, [api, onClose]);

  const touch = () => {
    const now = Date.now();
    if (now - lastTouch.current < touchEveryMs) return;
    lastTouch.current = now;
    api['admin.session.touch']({}).then((state) => (state.active ? undefined : onClose()), onClose);
  };
  const close = () => {
    void api['admin.session.end']({}).catch(() => undefined);
    onClose();
  };

  return (
    <main className="screen admin" data-screen="admin" onPointerDown={touch} onKeyDown={touch}>
      <header className="admin__header">
        <h1>{t('title')}</h1>
        <button type="button" className="button" onClick={close}>
          {t('close')}
        </button>
      </header>
      {shortPin && (
        // First on the screen: a short PIN is what a stolen config file would give away.
        <div className="notice admin__short-pin" role="status" data-testid="short-pin">
          <p>{t('pin.short.notice')}</p>
          <p>{t('pin.short.howTo')}</p>
        </div>
      )}
      {!overview && <p aria-busy="true">{t('loading')}</p>}
      {overview &&
        adminSections
          .filter((section) => section.appliesTo(overview))
          .map(({ id, titleKey, Component }) => (
            <section key={id} className="admin__section" aria-labelledby={`admin-${id}`} data-section={id}>
              <h2 id={`admin-${id}`}>{t(titleKey)}</h2>
              <Component api={api} overview={overview} refresh={refresh} />
            </section>
          ))}
    </main>
  );
}

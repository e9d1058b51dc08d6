import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskHealthView } from '../../../shared/desk';
import { formatAgo, formatTime, secondsBetween } from './format';
import { TickingTime } from './ticking-time';

function LastHeard({ kiosk }: { kiosk: KioskHealthView }) {
  const { t, i18n } = useTranslation('desk');
  const language = i18n.resolvedLanguage ?? i18n.language;
  const heardAt = kiosk.lastHeartbeatAt;
  if (!heardAt) return <>{t('kiosks.never')}</>;
  return (
    <TickingTime
      dateTime={heardAt}
      text={(now) => `${formatTime(language, heardAt)} (${formatAgo(language, secondsBetween(heardAt, now))})`}
    />
  );
}

/** Every field a kiosk's row draws: each change to the desk carries every kiosk anew, and an unchanged row is not drawn again. */
function sameKiosk(previous: { kiosk: KioskHealthView }, next: { kiosk: KioskHealthView }): boolean {
  const a = previous.kiosk;
  const b = next.kiosk;
  return (
    a.kioskId === b.kioskId &&
    a.location === b.location &&
    a.lastHeartbeatAt === b.lastHeartbeatAt &&
    a.online === b.online &&
    a.outboxDepth === b.outboxDepth &&
    a.failedDeliveries === b.failedDeliveries
  );
}

const KioskRow = memo(function KioskRow({ kiosk }: { kiosk: KioskHealthView }) {
  const { t } = useTranslation('desk');
  return (
    <tr data-kiosk-id={kiosk.kioskId} data-online={kiosk.online}>
      <th scope="row">
        {kiosk.location} ({kiosk.kioskId})
      </th>
      <td className={kiosk.online ? 'status status--online' : 'status status--offline'} data-field="kiosk-status">
        <span aria-hidden="true">{kiosk.online ? '● ' : '✕ '}</span>
        {kiosk.online ? t('kiosks.online') : t('kiosks.offline')}
      </td>
      <td>
        <LastHeard kiosk={kiosk} />
      </td>
      <td>{kiosk.outboxDepth}</td>
      <td className={kiosk.failedDeliveries > 0 ? 'status status--offline' : undefined}>{kiosk.failedDeliveries}</td>
    </tr>
  );
}, sameKiosk);

/** Each kiosk's health as the desk last heard it. Online or offline is said in words, with a mark, not by colour alone. */
export function KioskHealthPanel({ kiosks }: { kiosks: readonly KioskHealthView[] }) {
  const { t } = useTranslation('desk');
  return (
    <section aria-labelledby="kiosks-heading" className="desk-panel">
      <h2 id="kiosks-heading">{t('kiosks.heading')}</h2>
      {kiosks.length === 0 ? (
        <p>{t('kiosks.none')}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="kiosks-heading" tabIndex={0}>
          <table className="desk-table">
            <thead>
              <tr>
                <th scope="col">{t('kiosks.kiosk')}</th>
                <th scope="col">{t('kiosks.status')}</th>
                <th scope="col">{t('kiosks.lastHeartbeat')}</th>
                <th scope="col">{t('kiosks.outbox')}</th>
                <th scope="col">{t('kiosks.failed')}</th>
              </tr>
            </thead>
            <tbody>
              {kiosks.map((kiosk) => (
                <KioskRow key={kiosk.kioskId} kiosk={kiosk} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

import { useTranslation } from 'react-i18next';
import type { DeskRequestView } from '../../../shared/desk';
import { formatDateTime, languageName } from './format';

/** One row per closed request. No first names: the history is for looking back, not for contacting anyone. */
export function HistoryTable({ requests }: { requests: readonly DeskRequestView[] }) {
  const { t, i18n } = useTranslation('desk');
  const language = i18n.resolvedLanguage ?? i18n.language;
  return (
    <div className="table-scroll" role="region" aria-labelledby="history-heading" tabIndex={0}>
      <table className="desk-table">
        <thead>
          <tr>
            <th scope="col">{t('history.received')}</th>
            <th scope="col">{t('history.reference')}</th>
            <th scope="col">{t('history.type')}</th>
            <th scope="col">{t('history.kiosk')}</th>
            <th scope="col">{t('history.language')}</th>
            <th scope="col">{t('history.answer')}</th>
            <th scope="col">{t('history.outcome')}</th>
          </tr>
        </thead>
        <tbody>
          {requests.map((request) => (
            <tr key={request.id}>
              <td>
                <time dateTime={request.receivedAt}>{formatDateTime(language, request.receivedAt)}</time>
              </td>
              <th scope="row">{request.reference}</th>
              <td>{t(`kind.${request.kind}`)}</td>
              <td>{request.kiosk.location}</td>
              <td>{languageName(language, request.language)}</td>
              <td>
                {request.acknowledgement
                  ? `${t(`ack.${request.acknowledgement.messageKey}`)} (${request.acknowledgement.deskName})`
                  : t('history.notAnswered')}
              </td>
              <td>{request.closed ? t(`close.${request.closed.outcome}`) : t('report.open')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

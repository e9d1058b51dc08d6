import { useTranslation } from 'react-i18next';
import type { LobbyApi } from '../../../shared/contract';
import type { DeskRequestView, DeskState } from '../../../shared/desk';
import { RequestCard } from './request-card';

/** Emergencies first; otherwise the core's order (oldest first) stands, since sort is stable. */
function emergenciesFirst(requests: readonly DeskRequestView[]): DeskRequestView[] {
  return [...requests].sort((a, b) => Number(b.priority === 'emergency') - Number(a.priority === 'emergency'));
}

/**
 * The open requests, in the core's order (emergencies first, then oldest
 * first), with waiting times that tick every second.
 */
export function RequestList({
  state,
  api,
  now,
  naloxoneAtDesk,
}: {
  state: DeskState | null;
  api: LobbyApi;
  now: number;
  naloxoneAtDesk: boolean;
}) {
  const { t } = useTranslation('desk');
  const alerting = new Set(state?.alerting ?? []);
  return (
    <section aria-labelledby="requests-heading" className="desk-panel">
      <h2 id="requests-heading" tabIndex={-1}>
        {t('requests.heading')}
      </h2>
      {state === null ? (
        <p>{t('requests.loading')}</p>
      ) : state.requests.length === 0 ? (
        <p>{t('requests.none')}</p>
      ) : (
        <ul className="request-list">
          {emergenciesFirst(state.requests).map((request) => (
            <li key={request.id}>
              <RequestCard request={request} needsAnswer={alerting.has(request.id)} now={now} api={api} naloxoneAtDesk={naloxoneAtDesk} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LobbyApi } from '../../../shared/contract';
import { needsAnswer, type DeskRequestView, type DeskState } from '../../../shared/desk';
import { RequestCard } from './request-card';

/** How many requests that are not emergencies are drawn at first, and how many more each "Show more" adds. */
export const requestsPerPage = 20;

/**
 * Emergencies first, and how many; otherwise the core's order (oldest first)
 * stands. The core sends the list in that order, so it is used as it is (one
 * look at each priority, nothing copied or sorted on every change); a list
 * out of order is sorted, stably.
 */
function emergenciesFirst(requests: readonly DeskRequestView[]): { ordered: readonly DeskRequestView[]; emergencies: number } {
  let emergencies = 0;
  let inOrder = true;
  requests.forEach((request, index) => {
    if (request.priority !== 'emergency') return;
    // In order, the n-th emergency is the n-th request.
    if (index !== emergencies) inOrder = false;
    emergencies += 1;
  });
  if (inOrder) return { ordered: requests, emergencies };
  const ordered = [...requests].sort((a, b) => Number(b.priority === 'emergency') - Number(a.priority === 'emergency'));
  return { ordered, emergencies };
}

/**
 * The open requests, in the core's order (emergencies first, then oldest
 * first). After a long outage there can be hundreds: every emergency and the
 * count are always drawn, the rest a page at a time behind "Show more", so
 * the console stays quick to use and to update.
 */
export function RequestList({ state, api, naloxoneAtDesk }: { state: DeskState | null; api: LobbyApi; naloxoneAtDesk: boolean }) {
  const { t } = useTranslation('desk');
  const [limit, setLimit] = useState(requestsPerPage);
  const requests = state?.requests;
  const { ordered, emergencies } = useMemo(() => emergenciesFirst(requests ?? []), [requests]);
  const shown = ordered.slice(0, emergencies + limit);
  const notShown = ordered.length - shown.length;
  return (
    <section aria-labelledby="requests-heading" className="desk-panel">
      <h2 id="requests-heading" tabIndex={-1}>
        {t('requests.heading')}
      </h2>
      {state === null ? (
        <p>{t('requests.loading')}</p>
      ) : ordered.length === 0 ? (
        <p>{t('requests.none')}</p>
      ) : (
        <>
          <p className="request-list__count">
            {t('requests.open')} <strong data-field="open-count">{ordered.length}</strong>
          </p>
          <ul className="request-list">
            {shown.map((request) => (
              <li key={request.id}>
                <RequestCard request={request} needsAnswer={needsAnswer(request)} api={api} naloxoneAtDesk={naloxoneAtDesk} />
              </li>
            ))}
          </ul>
          {notShown > 0 && (
            <div className="request-list__more">
              <p>
                {t('requests.notShown')} <strong data-field="not-shown">{notShown}</strong>
              </p>
              <button type="button" className="button" onClick={() => setLimit((current) => current + requestsPerPage)}>
                {t('requests.showMore')}
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}

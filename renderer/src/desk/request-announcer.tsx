import { useTranslation } from 'react-i18next';
import type { DeskRequestView } from '../../../shared/desk';
import { requestSummary } from './request-labels';

/**
 * Live regions that announce requests as they arrive: politely for most,
 * assertively for emergencies, so a screen reader interrupts only when a life
 * may be at stake. Both regions stay in the page so announcements are heard.
 */
export function RequestAnnouncer({ arrived }: { arrived: readonly DeskRequestView[] }) {
  const { t } = useTranslation('desk');
  const announce = (list: readonly DeskRequestView[], label: string) =>
    list.map((request) => `${label}: ${requestSummary(t, request)}.`).join(' ');
  const emergencies = arrived.filter((request) => request.priority === 'emergency');
  const others = arrived.filter((request) => request.priority !== 'emergency');
  return (
    <div className="visually-hidden">
      <div aria-live="polite" data-live="polite">
        {announce(others, t('announce.new'))}
      </div>
      <div aria-live="assertive" data-live="assertive">
        {announce(emergencies, t('announce.emergency'))}
      </div>
    </div>
  );
}

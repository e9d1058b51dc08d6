import { memo, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { LobbyApi } from '../../../shared/contract';
import type { DeskRequestView } from '../../../shared/desk';
import { EmergencyGuidance } from './emergency-guidance';
import { RequestActions } from './request-actions';
import { RequestDetails } from './request-details';
import { sameCard } from './same-card';

/**
 * One open request: what it is, its facts, and what the officer can do.
 * Emergencies and unanswered ones say so in words; an emergency leads with
 * what to do. Memoized by id and version: a change to another request, or the
 * clock, does not redraw it.
 */
export const RequestCard = memo(function RequestCard(props: {
  request: DeskRequestView;
  needsAnswer: boolean;
  api: LobbyApi;
  naloxoneAtDesk: boolean;
}) {
  const { request, needsAnswer, api } = props;
  const { t } = useTranslation(['desk', 'admin']);
  const headingId = useId();
  const emergency = request.priority === 'emergency';
  const classes = [
    'request-card',
    emergency && 'request-card--emergency',
    needsAnswer && 'request-card--alerting',
    request.test && 'request-card--test',
  ];
  return (
    <article className={classes.filter(Boolean).join(' ')} aria-labelledby={headingId} data-request-id={request.id}>
      <h3 id={headingId} className="request-card__title">
        {request.test ? (
          <>
            <span className="badge badge--test">{t('admin:testPage.badge')}</span> {t('admin:testPage.title')}
          </>
        ) : (
          <>
            {emergency && <span className="badge badge--emergency">{t('priority.emergency')}</span>} {t(`kind.${request.kind}`)}
          </>
        )}
      </h3>
      {needsAnswer && (
        <p className="request-card__flag" data-field="needs-answer">
          <span aria-hidden="true">⚠ </span>
          {t('state.needsAnswer')}
        </p>
      )}
      {emergency && <EmergencyGuidance naloxoneAtDesk={props.naloxoneAtDesk} />}
      <RequestDetails request={request} />
      <RequestActions request={request} api={api} />
    </article>
  );
}, sameCard);

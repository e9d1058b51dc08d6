import { useTranslation } from 'react-i18next';
import type { DeskRequestView } from '../../../shared/desk';
import { formatDuration, languageName, secondsBetween } from './format';
import { TickingTime } from './ticking-time';

/** The facts of one request, as label and value pairs; yes/no answers in words, never by colour alone. */
export function RequestDetails({ request }: { request: DeskRequestView }) {
  const { t, i18n } = useTranslation('desk');
  const language = i18n.resolvedLanguage ?? i18n.language;
  const yesNo = (value: boolean) => (value ? t('answer.yes') : t('answer.no'));
  return (
    <dl className="request-details">
      {/* The person's wait, from when they asked (not when this desk heard): ticking until answered, then fixed. */}
      {request.acknowledgement ? (
        <div>
          <dt>{t('field.waitedForAnswer')}</dt>
          <dd>
            <time dateTime={request.askedAt} data-field="waited">
              {formatDuration(language, secondsBetween(request.askedAt, Date.parse(request.acknowledgement.at)))}
            </time>
          </dd>
        </div>
      ) : (
        <div>
          <dt>{t('field.waiting')}</dt>
          <dd>
            <TickingTime
              dateTime={request.askedAt}
              field="waiting"
              text={(now) => formatDuration(language, secondsBetween(request.askedAt, now))}
            />
          </dd>
        </div>
      )}
      <div>
        <dt>{t('field.kiosk')}</dt>
        <dd>{request.kiosk.location}</dd>
      </div>
      <div>
        <dt>{t('field.reference')}</dt>
        <dd className="request-details__reference">{request.reference}</dd>
      </div>
      <div>
        <dt>{t('field.language')}</dt>
        <dd>{languageName(language, request.language)}</dd>
      </div>
      <div>
        <dt>{t('field.firstName')}</dt>
        <dd>{request.firstName ?? t('field.notGiven')}</dd>
      </div>
      <div>
        <dt>{t('field.turningIn')}</dt>
        <dd>{yesNo(request.turningIn)}</dd>
      </div>
      <div className={request.dangerNow ? 'request-details__danger' : undefined}>
        <dt>{t('field.dangerNow')}</dt>
        <dd>{request.dangerNow ? <strong>{t('answer.yes')}</strong> : t('answer.no')}</dd>
      </div>
    </dl>
  );
}

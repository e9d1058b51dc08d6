import { useTranslation } from 'react-i18next';
import { BackBar } from '../parts/back-bar';
import { ScreenHeading } from '../parts/screen-heading';
import { useKiosk } from '../session/kiosk-context';
import type { ChosenKind } from '../session/session-state';
import type { Screen } from '../session/screens';
import { PrivacyNote } from './privacy-note';
import { StepProgress } from './step-progress';

const kindKeys: Record<ChosenKind, string> = {
  'help-self': 'request.kinds.helpSelf',
  'help-someone': 'request.kinds.helpSomeone',
  'drop-off': 'request.kinds.dropOff',
};

/** Everything that will be sent, each with a way to change it, the privacy line, and Send. */
export function ReviewStep() {
  const { t } = useTranslation('kiosk');
  const { state, dispatch, sendRequest } = useKiosk();
  const { kind, firstName, turningIn, dangerNow } = state.answers;
  const rows: Array<{ id: string; label: string; value: string; change?: Screen }> = [
    { id: 'kind', label: t('request.review.what'), value: kind ? t(kindKeys[kind]) : '' },
    // Every answer, the danger one too: "yes" would have paged the desk at once, so here it reads "No".
    {
      id: 'danger',
      label: t('request.review.danger'),
      value: dangerNow ? t('request.danger.yes') : t('request.danger.no'),
      change: { name: 'request-danger' },
    },
    {
      id: 'name',
      label: t('request.review.name'),
      value: firstName.trim() === '' ? t('request.review.noName') : firstName.trim(),
      change: { name: 'request-name' },
    },
    ...(kind === 'drop-off'
      ? []
      : [
          {
            id: 'items',
            label: t('request.review.items'),
            value: turningIn ? t('request.items.yes') : t('request.items.no'),
            change: { name: 'request-items' } as const,
          },
        ]),
  ];
  return (
    <>
      <StepProgress step="request-review" />
      <ScreenHeading>{t('request.review.title')}</ScreenHeading>
      <dl className="review">
        {rows.map((row) => (
          <div key={row.id} className="review__row">
            <dt>{row.label}</dt>
            <dd>
              <span className="review__value">{row.value}</span>
              {row.change && (
                <button
                  type="button"
                  className="button button--quiet"
                  onClick={() => row.change && dispatch({ type: 'edit', screen: row.change })}
                >
                  {t('request.review.change')}
                  <span className="visually-hidden">: {row.label}</span>
                </button>
              )}
            </dd>
          </div>
        ))}
      </dl>
      <PrivacyNote />
      <div className="screen-actions">
        <button type="button" className="button button--primary button--send" onClick={sendRequest}>
          {t('request.review.send')}
        </button>
      </div>
      <BackBar />
    </>
  );
}

import { useTranslation } from 'react-i18next';
import type { AckMessageKey } from '../../../../shared/request-rules';
import { reportFor, type Submission } from '../session/request-status';
import { ackKeys } from './ack-keys';
import { answerTime } from './answer-time';
import { FallbackInstruction } from './fallback-instruction';
import { CheckIcon, WaitingIcon } from './icons';

/**
 * The request's status, exactly as far as the core has reported it: one
 * headline per state (shared/request-status.ts). A live region, so a screen
 * reader hears each step as it becomes true. `answerKeys`: the sentence for
 * each officer's answer, where the screen around it already says part of it.
 */
export function RequestStatusView({
  submission,
  answerKeys = ackKeys,
}: {
  submission: Submission;
  answerKeys?: Record<AckMessageKey, string>;
}) {
  const { t, i18n } = useTranslation('kiosk');
  const report = reportFor(submission);
  const time = report.answeredAt && answerTime(report.answeredAt, i18n.resolvedLanguage ?? i18n.language);
  const steps = [
    { id: 'saved', done: report.steps.saved, label: t('status.steps.saved') },
    { id: 'delivered', done: report.steps.delivered, label: t('status.steps.delivered') },
    { id: 'answered', done: report.steps.answered, label: t('status.steps.answered') },
  ];
  return (
    <div className="request-status" data-headline={report.status}>
      <div role="status" className="request-status__live">
        <p className="request-status__headline">{t(report.headlineKey)}</p>
        {report.ackKey && <p className="request-status__answer">{t(answerKeys[report.ackKey])}</p>}
        {report.ackKey && time && <p className="request-status__answered-at">{t('status.answeredAt', { time })}</p>}
      </div>
      {report.reference && (
        <p className="request-status__reference">
          {t('status.reference')}{' '}
          <strong className="reference" dir="ltr">
            {report.reference}
          </strong>
        </p>
      )}
      {report.status !== 'not-saved' && (
        <ol className="status-steps">
          {steps.map((step) => (
            <li key={step.id} data-done={step.done}>
              {step.done ? <CheckIcon /> : <WaitingIcon />}
              <span>{step.label}</span>
              <span className="status-steps__state">{step.done ? t('status.steps.done') : t('status.steps.notYet')}</span>
            </li>
          ))}
        </ol>
      )}
      {report.fallback !== 'none' && <FallbackInstruction mode={report.fallback} />}
    </div>
  );
}

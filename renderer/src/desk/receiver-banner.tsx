import { useTranslation } from 'react-i18next';
import type { DeskState } from '../../../shared/desk';

/**
 * When the desk's receiver is not listening, no kiosk request can arrive: the
 * officer must know at once, in plain words, and send people to the window.
 */
export function ReceiverBanner({ receiver }: { receiver: DeskState['receiver'] }) {
  const { t } = useTranslation('desk');
  if (receiver.listening) return null;
  return (
    <div className="notice notice--urgent desk-banner" role="alert" data-alert="receiver">
      <p>
        {t('receiver.problem')} {receiver.problem ?? t('receiver.unknown')}
      </p>
      <p className="desk-banner__advice">{t('receiver.advice')}</p>
    </div>
  );
}

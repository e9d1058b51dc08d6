import { useTranslation } from 'react-i18next';
import type { AdminSectionProps } from '../admin-sections';

/** The desk's receiver: where kiosks reach it, or why they cannot. */
export function ReceiverSection({ overview }: AdminSectionProps) {
  const { t } = useTranslation('admin');
  const receiver = overview.receiver;
  if (!receiver) return null;
  if (receiver.listening) return <p>{t('receiver.listening', { place: receiver.url ?? '' })}</p>;
  return <p className="notice">{t('receiver.notListening', { place: receiver.problem ?? '' })}</p>;
}

import { useTranslation } from 'react-i18next';
import { useOpenAdmin } from './admin-door';

/** The desk's way into the admin screen (the PIN is still asked). */
export function AdminButton() {
  const { t } = useTranslation('admin');
  const open = useOpenAdmin();
  if (!open) return null;
  return (
    <button type="button" className="button admin-button" onClick={open}>
      {t('door')}
    </button>
  );
}

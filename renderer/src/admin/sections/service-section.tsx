import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminSectionProps } from '../admin-sections';

/** Out of service on and off: the public then sees the calm "please go to the window" screen. */
export function ServiceSection({ api, overview, refresh }: AdminSectionProps) {
  const { t } = useTranslation('admin');
  const [busy, setBusy] = useState(false);
  const on = overview.outOfService;
  const toggle = async () => {
    setBusy(true);
    try {
      await api['admin.outOfService.set']({ on: !on });
    } finally {
      setBusy(false);
      refresh();
    }
  };
  return (
    <>
      <p data-testid="service-state">{on ? t('service.isOff') : t('service.isOn')}</p>
      <button type="button" className="button" aria-disabled={busy || undefined} onClick={() => void (busy ? undefined : toggle())}>
        {on ? t('service.turnOn') : t('service.turnOff')}
      </button>
    </>
  );
}

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PairingOverview } from '../../../../shared/trust';
import type { AdminSectionProps } from '../admin-sections';
import { AddKiosk } from './pairing/add-kiosk';
import { ComparisonCard } from './pairing/comparison-card';
import { PairWithDesk } from './pairing/pair-with-desk';
import { PeerList } from './pairing/peer-list';
import { ThisDevice } from './pairing/this-device';
import './pairing/pairing.css';

/**
 * Devices and pairing: this device's identity, its paired devices, and the
 * pairing ceremony (a desk adds a kiosk; a kiosk, or a desk joining another
 * desk, pairs with a desk). Follows `admin.pairing.changed`, so a kiosk that
 * starts pairing shows its comparison code here at once.
 */
export function PairingSection({ api }: AdminSectionProps) {
  const { t } = useTranslation('admin');
  const [overview, setOverview] = useState<PairingOverview | undefined>();
  useEffect(() => {
    // Aborted on unmount: it removes the listener, and an answer arriving later is dropped.
    const listening = new AbortController();
    const { signal } = listening;
    api['admin.pairing.overview']({}).then(
      (value) => (signal.aborted ? undefined : setOverview(value)),
      () => undefined,
    );
    api.on('admin.pairing.changed', setOverview, { signal });
    return () => listening.abort();
  }, [api]);
  if (!overview) return <p aria-busy="true">{t('loading')}</p>;
  return (
    <>
      <ThisDevice overview={overview} />
      {overview.pending.map((pending) => (
        <ComparisonCard key={pending.sessionId} api={api} pending={pending} />
      ))}
      <h3>{t('pairing.peers')}</h3>
      <PeerList api={api} peers={overview.peers} />
      {overview.role === 'desk' && <AddKiosk api={api} />}
      <PairWithDesk api={api} />
    </>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LobbyApi } from '../../../../../shared/contract';
import type { PairedPeer } from '../../../../../shared/trust';

/** The devices this one is paired with; "Unpair" asks once more before it acts. */
export function PeerList({ api, peers }: { api: LobbyApi; peers: PairedPeer[] }) {
  const { t } = useTranslation('admin');
  const [asking, setAsking] = useState<string | undefined>();
  if (peers.length === 0) return <p>{t('pairing.noPeers')}</p>;
  const unpair = async (peer: PairedPeer) => {
    setAsking(undefined);
    await api['admin.pairing.unpair']({ role: peer.role, id: peer.id });
  };
  return (
    <ul className="pairing__peers" aria-label={t('pairing.peers')}>
      {peers.map((peer) => {
        const key = `${peer.role}-${peer.id}`;
        return (
          <li key={key} data-peer={key}>
            <p>
              <strong>
                {t(`about.roles.${peer.role}`)} {peer.id}
              </strong>{' '}
              · {peer.label}
              {peer.address ? ` · ${peer.address}` : ''}
            </p>
            <p className="pairing__fingerprint">{peer.fingerprint}</p>
            {asking === key ? (
              <div role="group" aria-label={t('pairing.unpairAsk', { id: peer.id })}>
                <p>{t('pairing.unpairAsk', { id: peer.id })}</p>
                <button type="button" className="button" onClick={() => void unpair(peer)}>
                  {t('pairing.unpairYes')}
                </button>
                <button type="button" className="button" onClick={() => setAsking(undefined)}>
                  {t('pin.cancel')}
                </button>
              </div>
            ) : (
              <button type="button" className="button" aria-label={t('pairing.unpairOne', { id: peer.id })} onClick={() => setAsking(key)}>
                {t('pairing.unpair')}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput, LobbyApi } from '../../../../../shared/contract';
import { refusalKey } from './refusal-key';

type Code = CallOutput<'admin.pairing.createCode'>;

/** Desk: "Add a kiosk" makes a one-time code and shows what to type on the kiosk. */
export function AddKiosk({ api }: { api: LobbyApi }) {
  const { t, i18n } = useTranslation('admin');
  const [code, setCode] = useState<Code | undefined>();
  const [refused, setRefused] = useState<string | undefined>();
  const make = async () => {
    setRefused(undefined);
    try {
      setCode(await api['admin.pairing.createCode']({}));
    } catch (error) {
      setRefused(refusalKey(error));
    }
  };
  const time = (iso: string) => new Date(iso).toLocaleTimeString(i18n.language, { hour: '2-digit', minute: '2-digit' });
  return (
    <div className="pairing__add" data-testid="add-kiosk">
      <button type="button" className="button" onClick={() => void make()}>
        {code ? t('pairing.newCode') : t('pairing.addKiosk')}
      </button>
      {refused && <p role="alert">{t(refused)}</p>}
      {code && (
        <div role="group" aria-label={t('pairing.codeTitle')}>
          <p>{t('pairing.codeTitle')}</p>
          <p className="pairing__big" data-testid="pairing-code">
            {code.code}
          </p>
          <p>{t('pairing.codeExpires', { time: time(code.expiresAt) })}</p>
          <p>{t('pairing.addressIs')}</p>
          <ul data-testid="pairing-addresses">
            {code.addresses.map((address) => (
              <li key={address} className="pairing__address">
                {address}
              </li>
            ))}
          </ul>
          <p>{t('pairing.deskFingerprint')}</p>
          <p className="pairing__fingerprint">{code.deskFingerprint}</p>
          <p>{t('pairing.thenCompare')}</p>
        </div>
      )}
    </div>
  );
}

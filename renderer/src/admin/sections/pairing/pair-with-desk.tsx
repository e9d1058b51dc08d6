import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LobbyApi } from '../../../../../shared/contract';
import { KeyEntry } from './key-entry';
import { refusalKey } from './refusal-key';

/**
 * "Pair with a desk": the desk's address and its code, typed on the screen's
 * own keys. The comparison that follows arrives through the pairing overview.
 */
export function PairWithDesk({ api }: { api: LobbyApi }) {
  const { t } = useTranslation('admin');
  const [open, setOpen] = useState(false);
  const [address, setAddress] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<string | undefined>();
  if (!open) {
    return (
      <button type="button" className="button" onClick={() => setOpen(true)}>
        {t('pairing.pairWithDesk')}
      </button>
    );
  }
  // Typing again means a new try: the last refusal no longer applies.
  const typeCode = (value: string) => {
    setRefused(undefined);
    setCode(value);
  };
  const ready = address.length >= 3 && code.length >= 8 && !busy;
  const start = async () => {
    setBusy(true);
    setRefused(undefined);
    try {
      await api['admin.pairing.pairWithDesk']({ address, code });
      setOpen(false);
      setCode('');
    } catch (error) {
      setRefused(refusalKey(error));
      setCode('');
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="pairing__form" data-testid="pair-with-desk">
      <h3>{t('pairing.pairWithDesk')}</h3>
      <p>{t('pairing.typeAddress')}</p>
      <KeyEntry label={t('pairing.addressPad')} value={address} onChange={setAddress} extraKeys={['.', ':']} maxLength={40} />
      <p>{t('pairing.typeCode')}</p>
      <KeyEntry label={t('pairing.codePad')} value={code} onChange={typeCode} maxLength={8} />
      {refused && (
        <p role="alert" data-testid="pairing-refused">
          {t(refused)}
        </p>
      )}
      <div className="pairing__buttons">
        <button type="button" className="button" aria-disabled={!ready || undefined} onClick={() => void (ready ? start() : undefined)}>
          {t('pairing.start')}
        </button>
        <button type="button" className="button" onClick={() => setOpen(false)}>
          {t('pin.cancel')}
        </button>
      </div>
    </div>
  );
}

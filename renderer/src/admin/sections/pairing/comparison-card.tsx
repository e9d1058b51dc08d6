import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LobbyApi } from '../../../../../shared/contract';
import type { PendingComparison } from '../../../../../shared/trust';
import { refusalKey } from './refusal-key';

/**
 * The numeric comparison: the same six digits must show on both screens.
 * "Same on both screens" pairs (once both sides say so); "Different" stops it.
 */
export function ComparisonCard({ api, pending }: { api: LobbyApi; pending: PendingComparison }) {
  const { t } = useTranslation('admin');
  const [result, setResult] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const answer = async (same: boolean) => {
    setBusy(true);
    try {
      const { state } = await api['admin.pairing.confirm']({ sessionId: pending.sessionId, same });
      setResult(`pairing.confirmed.${state}`);
    } catch (error) {
      setResult(refusalKey(error));
    } finally {
      setBusy(false);
    }
  };
  const digits = `${pending.comparisonCode.slice(0, 3)} ${pending.comparisonCode.slice(3)}`;
  const waiting = pending.state === 'waiting-for-other-side';
  return (
    <div className="pairing__comparison" role="group" aria-label={t('pairing.compareTitle')} data-testid="comparison">
      <h3>{t('pairing.compareTitle')}</h3>
      <p>{t('pairing.compareWith', { id: pending.peerId })}</p>
      <p className="pairing__big" data-testid="comparison-code" aria-label={pending.comparisonCode.split('').join(' ')}>
        {digits}
      </p>
      <p>{t('pairing.compareAsk')}</p>
      {!waiting && !result && (
        <div className="pairing__buttons">
          <button type="button" className="button" aria-disabled={busy || undefined} onClick={() => void (busy ? undefined : answer(true))}>
            {t('pairing.same')}
          </button>
          <button
            type="button"
            className="button"
            aria-disabled={busy || undefined}
            onClick={() => void (busy ? undefined : answer(false))}
          >
            {t('pairing.different')}
          </button>
        </div>
      )}
      {(result || waiting) && (
        <p role="status" data-testid="comparison-result">
          {t(result ?? 'pairing.confirmed.waiting-for-other-side')}
        </p>
      )}
    </div>
  );
}

import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminSessionState } from '../../../shared/admin';
import { isCallFailure } from '../../../shared/call-result';
import type { LobbyApi } from '../../../shared/contract';
import { AdminScreen } from './admin-screen';
import { newPinMinLength, PinPad } from './pin-pad';
import { useIdleClose } from './use-idle-close';
import '../styles/admin.css';

type FirstUseOver = Exclude<NonNullable<AdminSessionState['firstUse']>, 'open'>;

type Step =
  | { name: 'loading' }
  | { name: 'enter' }
  | { name: 'choose' }
  | { name: 'confirm'; first: string }
  /** No PIN, and it may no longer be chosen here (a kiosk past its first hour, or one that had a PIN before). */
  | { name: 'first-use-over'; why: FirstUseOver }
  /** `shortPin`: the PIN that opened it has fewer than 8 digits; the screen asks for a longer one. */
  | { name: 'open'; shortPin: boolean };

/** A PIN pad left alone on a public screen closes by itself. */
const pinPadIdleMs = 60_000;

/**
 * The way in: the PIN (or, while none exists, choosing one), then the admin
 * screen. `onClose` brings the public screen back.
 */
export function AdminArea({ api, onClose }: { api: LobbyApi; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const [step, setStep] = useState<Step>({ name: 'loading' });
  const [message, setMessage] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const describe = useCallback(
    (state: AdminSessionState) => {
      if (state.active) return setStep({ name: 'open', shortPin: state.shortPin === true });
      if (!state.pinSet && state.firstUse && state.firstUse !== 'open') return setStep({ name: 'first-use-over', why: state.firstUse });
      setStep(state.pinSet ? { name: 'enter' } : { name: 'choose' });
      if (state.lockedForSeconds) setMessage(t('pin.locked', { seconds: state.lockedForSeconds }));
    },
    [t],
  );

  useEffect(() => {
    api['admin.session.state']({}).then(describe, onClose);
  }, [api, describe, onClose]);

  useIdleClose(onClose, pinPadIdleMs, step.name !== 'open');

  const send = async (pin: string) => {
    setBusy(true);
    setMessage(undefined);
    try {
      if (step.name === 'choose') {
        setStep({ name: 'confirm', first: pin });
        return;
      }
      if (step.name === 'confirm') {
        if (pin !== step.first) {
          setMessage(t('pin.mismatch'));
          setStep({ name: 'choose' });
          return;
        }
        describe(await api['admin.session.createPin']({ pin }));
        return;
      }
      describe(await api['admin.session.unlock']({ pin }));
    } catch (error) {
      if (!isCallFailure(error) || error.code !== 'refused') return onClose();
      const state = await api['admin.session.state']({});
      if (!state.pinSet) return describe(state);
      setMessage(state.lockedForSeconds ? t('pin.locked', { seconds: state.lockedForSeconds }) : t('pin.wrong'));
    } finally {
      setBusy(false);
    }
  };

  if (step.name === 'open') return <AdminScreen api={api} onClose={onClose} shortPin={step.shortPin} />;
  if (step.name === 'first-use-over') {
    return (
      <main className="screen screen--plain admin admin--pin" data-screen="admin-pin" data-first-use={step.why}>
        <h1>{t('pin.title')}</h1>
        <p className="lead">{t(`pin.firstUse.${step.why}`)}</p>
        <p className="notice">{t('pin.firstUse.howTo')}</p>
        <button type="button" className="button" onClick={onClose}>
          {t('pin.cancel')}
        </button>
      </main>
    );
  }
  const prompt = step.name === 'choose' ? t('pin.choose') : step.name === 'confirm' ? t('pin.confirm') : t('pin.enter');
  return (
    <main className="screen screen--plain admin admin--pin" data-screen="admin-pin">
      <h1>{t('pin.title')}</h1>
      {step.name !== 'loading' && <p className="lead">{prompt}</p>}
      {message && (
        <p className="notice" role="alert">
          {message}
        </p>
      )}
      {step.name !== 'loading' && (
        <PinPad
          onSubmit={(pin) => void send(pin)}
          busy={busy}
          {...(step.name === 'choose' || step.name === 'confirm' ? { minLength: newPinMinLength } : {})}
        />
      )}
      <button type="button" className="button" onClick={onClose}>
        {t('pin.cancel')}
      </button>
    </main>
  );
}

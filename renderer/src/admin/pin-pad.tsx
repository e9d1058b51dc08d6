import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KeyButton } from '../kiosk/controls/keyboard/key-button';
import { DigitRows } from './digit-rows';
import '../styles/controls.css';

export const maxPinLength = 12;
export const minPinLength = 4;

/**
 * The PIN on the screen's own keypad (the on-screen keyboard's keys): digits
 * only, shown as dots, never read aloud or kept after it is sent.
 */
export function PinPad({ onSubmit, busy }: { onSubmit: (pin: string) => void; busy: boolean }) {
  const { t } = useTranslation('admin');
  const [pin, setPin] = useState('');
  const add = (digit: string) => setPin((current) => (current.length < maxPinLength ? current + digit : current));
  const submit = () => {
    if (pin.length < minPinLength || busy) return;
    onSubmit(pin);
    setPin('');
  };
  return (
    <div className="osk pin-pad" role="group" aria-label={t('pin.keypad')}>
      <p className="pin-pad__dots" aria-live="polite" data-testid="pin-dots">
        <span aria-hidden="true">{'●'.repeat(pin.length) || ' '}</span>
        <span className="visually-hidden">{t('pin.typed', { number: pin.length })}</span>
      </p>
      <DigitRows onDigit={add} />
      <div className="osk__row">
        <KeyButton variant="layout" onPress={() => setPin((current) => current.slice(0, -1))} available={pin.length > 0}>
          {t('pin.delete')}
        </KeyButton>
        <KeyButton onPress={() => add('0')}>0</KeyButton>
        <KeyButton variant="done" onPress={submit} available={pin.length >= minPinLength && !busy}>
          {t('pin.ok')}
        </KeyButton>
      </div>
    </div>
  );
}

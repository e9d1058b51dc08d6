import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newPinMinLength } from '../../../shared/admin';
import { KeyButton } from '../kiosk/controls/keyboard/key-button';
import { DigitRows } from './digit-rows';
import '../styles/controls.css';

export const maxPinLength = 12;
/** A PIN already set may have 4 digits (set before 8 were required); a new one needs `newPinMinLength`. */
export const minPinLength = 4;
export { newPinMinLength };

/**
 * The PIN on the screen's own keypad (the on-screen keyboard's keys): digits
 * only, shown as dots, never read aloud or kept after it is sent. OK waits
 * for `minLength` digits (the prompt above says how many).
 */
export function PinPad({
  onSubmit,
  busy,
  minLength = minPinLength,
}: {
  onSubmit: (pin: string) => void;
  busy: boolean;
  minLength?: number;
}) {
  const { t } = useTranslation('admin');
  const [pin, setPin] = useState('');
  const add = (digit: string) => setPin((current) => (current.length < maxPinLength ? current + digit : current));
  const submit = () => {
    if (pin.length < minLength || busy) return;
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
        <KeyButton variant="done" onPress={submit} available={pin.length >= minLength && !busy}>
          {t('pin.ok')}
        </KeyButton>
      </div>
    </div>
  );
}

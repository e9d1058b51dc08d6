import { useTranslation } from 'react-i18next';
import { KeyButton } from '../../../kiosk/controls/keyboard/key-button';
import { DigitRows } from '../../digit-rows';
import '../../../styles/controls.css';

/**
 * A field typed on the screen's own keys, like the PIN pad (the kiosk has no
 * physical keyboard). Digits always; `extraKeys` adds what an address needs
 * (a dot and a colon). The value is shown as typed: it is not a secret.
 */
export function KeyEntry(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  extraKeys?: string[];
  maxLength: number;
}) {
  const { t } = useTranslation('admin');
  const { label, value, onChange, extraKeys = [], maxLength } = props;
  const add = (key: string) => onChange(value.length < maxLength ? value + key : value);
  return (
    <div className="osk pin-pad key-entry" role="group" aria-label={label}>
      <p className="key-entry__value" aria-live="polite" data-testid="key-entry-value">
        {value || ' '}
      </p>
      <DigitRows onDigit={add} />
      <div className="osk__row">
        {extraKeys.map((key) => (
          <KeyButton key={key} label={t(`pairing.keys.${key === '.' ? 'dot' : 'colon'}`)} onPress={() => add(key)}>
            {key}
          </KeyButton>
        ))}
        <KeyButton onPress={() => add('0')}>0</KeyButton>
        <KeyButton variant="layout" onPress={() => onChange(value.slice(0, -1))} available={value.length > 0}>
          {t('pin.delete')}
        </KeyButton>
      </div>
    </div>
  );
}

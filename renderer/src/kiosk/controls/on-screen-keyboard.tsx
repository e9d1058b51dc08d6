/**
 * OnScreenKeyboard: the kiosk's own keyboard for the first-name field (the
 * operating system's touch keyboard is unreliable in kiosk mode).
 *
 * Usage (the screen owns the field and the value):
 *
 *   const [name, setName] = useState('');
 *   <output id="name">{name}</output>   // or a read-only <input>
 *   <OnScreenKeyboard value={name} onChange={setName} language={i18n.language}
 *     maxLength={firstNameMaxLength} label={t('kiosk:name.keyboard')} onDone={next} />
 *
 * - Opens in the layout of `language` (Arabic right to left for 'ar',
 *   Vietnamese with tone keys for 'vi', Latin with Spanish accents otherwise);
 *   a row at the top switches script, since a name may be in any of them.
 * - Every value passed to onChange is NFC and accepted by shared/request.ts,
 *   and no longer than maxLength. Keys that would break that are aria-disabled.
 * - The screen should announce the value to screen readers (for example
 *   aria-live="polite" on the field); this component only edits it.
 * - Layouts are data in ./keyboard/<script>.ts; see ./keyboard/layouts.ts.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../../styles/controls.css';
import { KeyButton } from './keyboard/key-button';
import { layoutsFor } from './keyboard/layouts';
import { LetterRows } from './keyboard/letter-rows';
import { atWordStart, deleteLast, insertText } from './keyboard/name-editing';

type Props = {
  value: string;
  onChange(next: string): void;
  language: string;
  maxLength: number;
  onDone(): void;
  label: string;
};

export function OnScreenKeyboard({ value, onChange, language, maxLength, onDone, label }: Props) {
  const { t } = useTranslation('controls');
  const layouts = layoutsFor(language);
  // The choice belongs to the language it was made in: a new language opens in its own script.
  const [choice, setChoice] = useState<{ language: string; id: string } | null>(null);
  const layout = layouts.find((l) => choice?.language === language && l.id === choice.id) ?? layouts[0];
  // Shift flips the default case once: capitals start a word, small letters follow.
  const [shiftFlipped, setShiftFlipped] = useState(false);
  if (!layout) return null;
  const capital = layout.hasCase && shiftFlipped !== atWordStart(value);
  const labelLang = layout.primaryFor.includes(language) ? language : layout.lang;

  const type = (text: string) => {
    const next = insertText(value, text, maxLength);
    if (next !== null) onChange(next);
    setShiftFlipped(false);
  };

  return (
    <div className="osk" role="group" aria-label={label}>
      <div className="osk__row" role="group" aria-label={t('keyboard.layouts')}>
        {layouts.map((l) => (
          <KeyButton key={l.id} variant="layout" pressed={l.id === layout.id} onPress={() => setChoice({ language, id: l.id })}>
            <span lang={l.lang} dir={l.dir}>
              {l.sample}
            </span>{' '}
            {t(`keyboard.layout.${l.id}`)}
          </KeyButton>
        ))}
      </div>
      <LetterRows
        layout={layout}
        lang={labelLang}
        pageLang={language}
        capital={capital}
        value={value}
        maxLength={maxLength}
        onType={type}
        onChange={onChange}
      />
      <div className="osk__row">
        {layout.hasCase ? (
          <KeyButton label={t('keyboard.shift')} pressed={capital} onPress={() => setShiftFlipped(!shiftFlipped)}>
            ⇧
          </KeyButton>
        ) : (
          <span className="osk__key osk__key--spacer" aria-hidden="true" />
        )}
        <KeyButton label={t('keyboard.apostrophe')} available={insertText(value, "'", maxLength) !== null} onPress={() => type("'")}>
          '
        </KeyButton>
        <KeyButton label={t('keyboard.hyphen')} available={insertText(value, '-', maxLength) !== null} onPress={() => type('-')}>
          -
        </KeyButton>
        <KeyButton variant="wide" available={insertText(value, ' ', maxLength) !== null} onPress={() => type(' ')}>
          {t('keyboard.space')}
        </KeyButton>
        <KeyButton label={t('keyboard.backspace')} available={value !== ''} onPress={() => onChange(deleteLast(value))}>
          ⌫
        </KeyButton>
        <KeyButton variant="done" onPress={onDone}>
          {t('keyboard.done')}
        </KeyButton>
      </div>
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { KeyButton } from './key-button';
import type { KeyboardLayout } from './layout';
import { applyTone, insertText } from './name-editing';

/** The letter and tone keys of one layout, in the layout's own direction. */
export function LetterRows(props: {
  layout: KeyboardLayout;
  lang: string;
  /** The page's language, for the translated names of the tone keys. */
  pageLang: string;
  capital: boolean;
  value: string;
  maxLength: number;
  onType: (text: string) => void;
  onChange: (next: string) => void;
}) {
  const { layout, lang, pageLang, capital, value, maxLength, onType, onChange } = props;
  const { t } = useTranslation('controls');
  return (
    <div className="osk__letters" dir={layout.dir} lang={lang} data-layout={layout.id}>
      {layout.rows.map((row) => (
        <div className="osk__row" key={row.join('')}>
          {row.map((letter) => {
            const shown = capital ? letter.toLocaleUpperCase(lang) : letter;
            return (
              <KeyButton key={letter} available={insertText(value, shown, maxLength) !== null} onPress={() => onType(shown)}>
                {shown}
              </KeyButton>
            );
          })}
        </div>
      ))}
      {layout.tones && (
        <div className="osk__row" role="group" aria-label={t('keyboard.tones')} lang={pageLang}>
          {layout.tones.map((tone) => {
            const next = applyTone(value, tone.mark, maxLength);
            return (
              <KeyButton key={tone.mark} label={t(tone.nameKey)} available={next !== null} onPress={() => next !== null && onChange(next)}>
                {tone.sample}
              </KeyButton>
            );
          })}
        </div>
      )}
    </div>
  );
}

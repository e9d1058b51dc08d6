import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LanguageInfo } from '../../../../shared/bootstrap';
import { LanguagePicker } from '../../common/language-picker';
import { GlobeIcon } from '../parts/icons';

/**
 * "Language" on every screen after the welcome: one button that opens the
 * language buttons. Choosing one changes the words only; the person keeps
 * their place and answers.
 */
export function LanguageMenu({ languages }: { languages: readonly LanguageInfo[] }) {
  const { t } = useTranslation('common');
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  if (languages.length < 2) return null;
  return (
    <div className="language-menu">
      <button
        ref={toggle}
        type="button"
        className="button button--quiet"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
      >
        <GlobeIcon /> {t('language')}
      </button>
      <div id={panelId} className="language-menu__panel" hidden={!open}>
        {open && (
          <LanguagePicker
            languages={languages}
            onChosen={() => {
              setOpen(false);
              toggle.current?.focus();
            }}
          />
        )}
      </div>
    </div>
  );
}

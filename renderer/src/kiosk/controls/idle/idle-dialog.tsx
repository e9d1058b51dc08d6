import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useReducedMotion } from '../use-reduced-motion';
import { CountdownRing } from './countdown-ring';

/**
 * What the live region says: the time left only at the start, every ten
 * seconds and at five, so a screen reader is not talking every second.
 */
function announced(remaining: number, total: number): number {
  const milestone = Math.min(total, Math.ceil(remaining / 10) * 10);
  return remaining <= 5 ? Math.min(milestone, 5) : milestone;
}

/**
 * The "are you still there?" dialog. Focus moves to its one button when it
 * opens, and back to where it was when it closes.
 */
export function IdleDialog({ remaining, total, onStillHere }: { remaining: number; total: number; onStillHere: () => void }) {
  const { t } = useTranslation('controls');
  const reducedMotion = useReducedMotion();
  const button = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const previous = document.activeElement;
    button.current?.focus();
    return () => {
      if (previous instanceof HTMLElement && previous.isConnected) previous.focus();
    };
  }, []);

  const spoken = announced(remaining, total);
  return (
    <div className="idle__backdrop">
      <div
        className="idle__dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={bodyId}
        // Escape is how a keyboard user answers a dialog; here the only answer is "still here".
        onKeyDown={(event) => {
          if (event.key === 'Escape') onStillHere();
        }}
      >
        <h2 id={titleId}>{t('idle.title')}</h2>
        <p id={bodyId}>{t('idle.body')}</p>
        <div className="idle__countdown" aria-hidden="true">
          {!reducedMotion && <CountdownRing remaining={remaining} total={total} />}
          <span className="idle__label">{t('idle.secondsLeft')}</span> <span className="idle__seconds">{remaining}</span>
        </div>
        <p className="visually-hidden" aria-live="polite" aria-atomic="true">
          {t('idle.secondsLeft')} {spoken}
        </p>
        <button ref={button} type="button" className="button idle__still-here" onClick={onStillHere}>
          {t('idle.stillHere')}
        </button>
      </div>
    </div>
  );
}

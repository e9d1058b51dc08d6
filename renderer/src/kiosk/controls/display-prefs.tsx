/**
 * Display preferences: larger text and high contrast, for one person at a time.
 *
 * Usage: wrap the kiosk once, and place the toggles on any screen:
 *
 *   <DisplayPrefsProvider resetKey={sessionNumber}>   // bump it when a new person starts
 *     ... <DisplayToggles /> ...
 *   </DisplayPrefsProvider>
 *
 * - The provider sets data-text-size="large" and data-contrast="high" on
 *   <html>; styles/controls.css turns those into a larger root font size and
 *   a black/white/yellow palette through CSS custom properties (listed at the
 *   top of that file). Size things in rem and colour them with those
 *   properties, and every screen follows.
 * - A new resetKey puts both back to the defaults; unmounting removes them.
 */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import '../../styles/controls.css';

type Prefs = { largeText: boolean; highContrast: boolean };
const defaults: Prefs = { largeText: false, highContrast: false };

type PrefsContext = { prefs: Prefs; change: (next: Partial<Prefs>) => void };
const Context = createContext<PrefsContext | null>(null);

export function DisplayPrefsProvider({ children, resetKey }: { children: ReactNode; resetKey: number }) {
  // Choices are stored with the person (resetKey) they belong to; anyone else gets the defaults.
  const [stored, setStored] = useState<{ resetKey: number; prefs: Prefs }>({ resetKey, prefs: defaults });
  const prefs = stored.resetKey === resetKey ? stored.prefs : defaults;
  const change = (next: Partial<Prefs>) => setStored({ resetKey, prefs: { ...prefs, ...next } });

  useEffect(() => {
    const root = document.documentElement;
    setAttribute(root, 'data-text-size', prefs.largeText ? 'large' : null);
    setAttribute(root, 'data-contrast', prefs.highContrast ? 'high' : null);
    return () => {
      root.removeAttribute('data-text-size');
      root.removeAttribute('data-contrast');
    };
  }, [prefs.largeText, prefs.highContrast]);

  return <Context value={{ prefs, change }}>{children}</Context>;
}

/** True while this person has not changed the display (there is nothing of theirs to put back). */
export function useDefaultDisplay(): boolean {
  const prefs = useContext(Context)?.prefs ?? defaults;
  return prefs.largeText === defaults.largeText && prefs.highContrast === defaults.highContrast;
}

function setAttribute(element: HTMLElement, name: string, value: string | null): void {
  if (value === null) element.removeAttribute(name);
  else element.setAttribute(name, value);
}

/** The two toggles. Must sit inside DisplayPrefsProvider. */
export function DisplayToggles() {
  const { t } = useTranslation('controls');
  const context = useContext(Context);
  if (!context) throw new Error('DisplayToggles must be inside DisplayPrefsProvider');
  const { prefs, change } = context;
  return (
    <div className="display-toggles" role="group" aria-label={t('display.group')} data-no-read-aloud="">
      <button type="button" className="button" aria-pressed={prefs.largeText} onClick={() => change({ largeText: !prefs.largeText })}>
        {t('display.largeText')}
      </button>
      <button
        type="button"
        className="button"
        aria-pressed={prefs.highContrast}
        onClick={() => change({ highContrast: !prefs.highContrast })}
      >
        {t('display.highContrast')}
      </button>
    </div>
  );
}

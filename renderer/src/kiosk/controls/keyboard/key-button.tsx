import type { ReactNode } from 'react';

/**
 * One key. Unavailable keys stay focusable (aria-disabled, not disabled) so
 * that focus never drops to the page when, say, the name reaches its limit.
 */
export function KeyButton(props: {
  children: ReactNode;
  onPress: () => void;
  available?: boolean;
  label?: string;
  pressed?: boolean;
  variant?: 'wide' | 'done' | 'layout';
  lang?: string;
}) {
  const { children, onPress, available = true, label, pressed, variant, lang } = props;
  return (
    <button
      type="button"
      className={variant ? `osk__key osk__key--${variant}` : 'osk__key'}
      aria-label={label}
      aria-pressed={pressed}
      aria-disabled={available ? undefined : true}
      lang={lang}
      onClick={() => {
        if (available) onPress();
      }}
    >
      {children}
    </button>
  );
}

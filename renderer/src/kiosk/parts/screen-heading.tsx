import type { ReactNode } from 'react';

/**
 * The screen's one h1. Focusable from script only (tabIndex -1): the frame
 * moves focus here on every new screen, so a screen reader starts at the top
 * and a keyboard user's next Tab lands on the screen's first control.
 */
export function ScreenHeading({ children }: { children: ReactNode }) {
  return (
    <h1 className="screen-heading" tabIndex={-1}>
      {children}
    </h1>
  );
}

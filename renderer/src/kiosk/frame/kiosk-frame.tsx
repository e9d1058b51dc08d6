import { useEffect, useRef, type ReactNode } from 'react';
import { useKiosk } from '../session/kiosk-context';
import { screenId, type Screen } from '../session/screens';
import { Masthead } from './masthead';
import { RequestStrip } from './request-strip';
import { ScreenToolbar } from './screen-toolbar';

/** Screens that already show the request's status in full. */
const showsStatus = new Set<Screen['name']>(['status', 'emergency']);

/**
 * Every screen's frame: the department at the top, the screen, and the tools
 * in a bar along the bottom edge, where a standing or seated person reaches
 * them on a tall touchscreen (styles/kiosk.css). The tools come after the
 * screen in the page too, so focus and reading order follow what is seen.
 * Focus moves to each new screen's heading; changing language does not move it.
 */
export function KioskFrame({ screen, children }: { screen: Screen; children: ReactNode }) {
  const { bootstrap } = useKiosk();
  const main = useRef<HTMLElement>(null);
  const id = screenId(screen);

  useEffect(() => {
    main.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [id]);

  return (
    <div className="kiosk">
      <Masthead profile={bootstrap.profile} />
      {!showsStatus.has(screen.name) && <RequestStrip />}
      <main ref={main} className="screen kiosk-screen" data-screen={id}>
        {children}
      </main>
      <ScreenToolbar mainRef={main} onWelcome={screen.name === 'welcome'} />
    </div>
  );
}

/**
 * IdleGuard: starts the kiosk over for the next person when nobody is using it.
 *
 * Usage: wrap the kiosk's screens (not the out-of-service screen):
 *
 *   <IdleGuard warnAfterSeconds={90} countdownSeconds={30} onReset={startOver}>
 *     {screen}
 *   </IdleGuard>
 *
 * - Any pointer, touch, key or wheel activity inside restarts the wait, and so
 *   does a `kiosk-activity` event (./activity.ts): the screen being read aloud.
 * - After warnAfterSeconds without activity an alertdialog asks "Are you
 *   still there?" with a visible countdown and a large "I'm still here"
 *   button; the screens behind it are inert until it closes.
 * - At zero onReset() is called and the wait starts again. The countdown is
 *   never shorter than 20 seconds (WCAG 2.2.1: time to answer a time-out).
 * - Stay on the welcome screen? Render it outside the guard, or pass a long time.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import '../../styles/controls.css';
import { kioskActivityEvent } from './activity';
import { IdleDialog } from './idle/idle-dialog';
import { useIdleCountdown } from './idle/use-idle-countdown';

/** The shortest countdown offered: WCAG 2.2.1 gives people at least 20 seconds to say they need more time. */
const minimumCountdownSeconds = 20;

export function IdleGuard(props: { warnAfterSeconds: number; countdownSeconds: number; onReset(): void; children: ReactNode }) {
  const { warnAfterSeconds, onReset, children } = props;
  const countdownSeconds = Math.max(minimumCountdownSeconds, Math.round(props.countdownSeconds));
  const { state, activity, stillHere } = useIdleCountdown(warnAfterSeconds * 1000, countdownSeconds, onReset);
  const guard = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = guard.current;
    element?.addEventListener(kioskActivityEvent, activity);
    return () => element?.removeEventListener(kioskActivityEvent, activity);
  }, [activity]);
  return (
    <div
      ref={guard}
      className="idle-guard"
      onPointerDownCapture={activity}
      onTouchStartCapture={activity}
      onKeyDownCapture={activity}
      onWheelCapture={activity}
    >
      <div className="idle-guard__content" inert={state.warning}>
        {children}
      </div>
      {state.warning && <IdleDialog remaining={state.remaining} total={countdownSeconds} onStillHere={stillHere} />}
    </div>
  );
}

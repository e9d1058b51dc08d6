/**
 * Activity that is not a touch: a person listening to the screen being read
 * aloud is using the kiosk even though their hands are still. Parts of the
 * kiosk signal it with a bubbling DOM event that IdleGuard counts as activity.
 */
export const kioskActivityEvent = 'kiosk-activity';

export function signalActivity(from: Element | null): void {
  from?.dispatchEvent(new Event(kioskActivityEvent, { bubbles: true }));
}
